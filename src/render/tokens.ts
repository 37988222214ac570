// Design tokens (templates/_blocks/tokens.json) and the text measurements both renderers size their rules with.
import tokensJson from '../../templates/_blocks/tokens.json' with { type: 'json' };
import metricsJson from '../../templates/_blocks/tnr-metrics.json' with { type: 'json' };

export interface BlockStyle {
  size: number;
  bold: boolean;
  italic: boolean;
}

export type BlockName = keyof typeof tokensJson.blocks;
export type HeadingName = keyof typeof tokensJson.headings;

export const TOKENS = tokensJson;

export const MM_PER_PT = 25.4 / 72;
export const TWIPS_PER_MM = 1440 / 25.4;

export function twips(mm: number): number {
  return Math.round(mm * TWIPS_PER_MM);
}

export function textWidthMm(): number {
  const p = TOKENS.page;
  return p.widthMm - p.marginLeftMm - p.marginRightMm;
}

export function style(name: BlockName): BlockStyle {
  return TOKENS.blocks[name];
}

interface FontMetrics {
  unitsPerEm: number;
  advance: Record<string, number>;
}
const METRICS = metricsJson as unknown as { regular: FontMetrics; bold: FontMetrics };

/** Width in mm of one line of text in Times New Roman at a size, for rules that must match a text's length. */
export function measureMm(text: string, sizePt: number, bold: boolean): number {
  const m = bold ? METRICS.bold : METRICS.regular;
  let units = 0;
  for (const ch of text.normalize('NFC')) {
    // Vietnamese letters missing from the table take the width of their base letter.
    units += m.advance[ch] ?? m.advance[ch.normalize('NFD').charAt(0)] ?? m.unitsPerEm / 2;
  }
  return (units / m.unitsPerEm) * sizePt * MM_PER_PT;
}
