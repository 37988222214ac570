// Design tokens (templates/_blocks/tokens.json) and Times New Roman metrics: what the view model lays text out with and
// what both renderers draw it with, so that DOCX and PDF set the same lines at the same pitch.
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
const METRICS = metricsJson as unknown as { singleEm: number; regular: FontMetrics; bold: FontMetrics; italic: FontMetrics; boldItalic: FontMetrics };

function face(bold: boolean, italic: boolean): FontMetrics {
  return bold ? (italic ? METRICS.boldItalic : METRICS.bold) : italic ? METRICS.italic : METRICS.regular;
}

/** Widths in font units of the words measured so far, by face: layout measures the same words many times. */
const UNITS = new Map<FontMetrics, Map<string, number>>();

function units(m: FontMetrics, text: string): number {
  let cache = UNITS.get(m);
  if (!cache) UNITS.set(m, (cache = new Map()));
  let u = cache.get(text);
  if (u === undefined) {
    u = 0;
    for (const ch of text.normalize('NFC')) {
      // Vietnamese letters missing from the table take the width of their base letter.
      u += m.advance[ch] ?? m.advance[ch.normalize('NFD').charAt(0)] ?? m.unitsPerEm / 2;
    }
    if (cache.size > 50_000) cache.clear();
    cache.set(text, u);
  }
  return u;
}

/** Width in mm of one line of text in Times New Roman at a size, as both renderers set it (no kerning). */
export function measureMm(text: string, sizePt: number, bold: boolean, italic = false): number {
  const m = face(bold, italic);
  return (units(m, text) / m.unitsPerEm) * sizePt * MM_PER_PT;
}

/** Width in mm of a line in a block style. */
export function measureStyled(text: string, s: BlockStyle): number {
  return measureMm(text, s.size, s.bold, s.italic);
}

/** A vertical length in pt, rounded to the unit both outputs hold exactly (tokens.json "layout"). */
export function vpt(pt: number): number {
  const u = TOKENS.layout.verticalUnitPt;
  return Math.round(Math.round(pt / u) * u * 100) / 100;
}

/**
 * The distance between baselines, in pt rounded to the common vertical unit, of lines of a size at a multiple of single spacing.
 * "Single" is the font's own line (ascent + descent + gap, about 1.15 em for Times), as office suites count it; the
 * DOCX gets it as an exact spacing and the CSS as line-height in pt, so both outputs set lines at the same pitch and
 * break pages at the same place (regulations §1.4 ô 6: between single and 1.5 lines).
 */
export function pitchPt(sizePt: number, multiple = 1): number {
  return vpt(sizePt * METRICS.singleEm * multiple);
}

/** Height of the empty box a rule is drawn at the foot of: the rule's gap under the text above. */
export function ruleGapPt(): number {
  return vpt(TOKENS.rule.gapAboveMm / MM_PER_PT);
}

/** The space left for a handwritten signature (ô 7c) under the authority lines. */
export function signatureSpacePt(): number {
  return vpt(TOKENS.signature.signatureSpaceMm / MM_PER_PT);
}

/** The pitch of a block's lines: body text at the body spacing, every other block single-spaced. */
export function blockPitchPt(name: BlockName): number {
  return pitchPt(TOKENS.blocks[name].size, name === 'body' || name === 'canCu' ? TOKENS.body.lineSpacing : 1);
}
