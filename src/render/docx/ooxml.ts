// Small OOXML writers (runs, paragraphs, tables) that the regulated blocks are built from; all text is escaped here.
import { pitchPt, ruleGapPt, style, TOKENS, twips, type BlockName } from '../tokens';
import { styleId, type ParagraphStyleKey } from './styles';

export function esc(s: string): string {
  return s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');
}

export interface RunOpts {
  size: number;
  bold?: boolean;
  italic?: boolean;
}

export function run(text: string, o: RunOpts): string {
  const f = TOKENS.font.family;
  const rPr =
    `<w:rFonts w:ascii="${f}" w:hAnsi="${f}" w:cs="${f}" w:eastAsia="${f}"/>` +
    (o.bold ? '<w:b/><w:bCs/>' : '') +
    (o.italic ? '<w:i/><w:iCs/>' : '') +
    `<w:sz w:val="${Math.round(o.size * 2)}"/><w:szCs w:val="${Math.round(o.size * 2)}"/>`;
  return `<w:r><w:rPr>${rPr}</w:rPr><w:t xml:space="preserve">${esc(text)}</w:t></w:r>`;
}

/** A line break the view model decided (the PDF draws it as <br>). */
export function lineBreak(o: RunOpts): string {
  return `<w:r><w:rPr><w:sz w:val="${Math.round(o.size * 2)}"/></w:rPr><w:br/></w:r>`;
}

/** An empty bookmark (a named place, not shown on the page). */
export function bookmark(id: number, name: string): string {
  return `<w:bookmarkStart w:id="${id}" w:name="${esc(name)}"/><w:bookmarkEnd w:id="${id}"/>`;
}

export interface ParaOpts {
  /** The named paragraph style of the block (src/render/docx/styles.ts): an anchor, never a change of look. */
  styleOf?: ParagraphStyleKey;
  align?: 'left' | 'center' | 'right' | 'both';
  firstLineMm?: number;
  leftMm?: number;
  rightMm?: number;
  hangingMm?: number;
  beforePt?: number;
  afterPt?: number;
  /**
   * Exact distance between baselines in pt. Every paragraph has one, as the CSS has line-height in pt: an office
   * suite's "auto" spacing is relative to the font's own line and would set the lines at another pitch than the PDF.
   */
  exactPt: number;
  keepNext?: boolean;
  /** Never split across pages. */
  keepLines?: boolean;
  /** No first line alone at a page foot, no last line alone at a page head. */
  widowControl?: boolean;
  /** Bottom border of this weight in pt, drawn at the foot of the paragraph (rules). */
  bottomBorderPt?: number;
  /** Section properties ending the section this paragraph closes. */
  sectPr?: string;
}

export function para(runsXml: string, o: ParaOpts): string {
  let pPr = o.styleOf ? `<w:pStyle w:val="${styleId(o.styleOf)}"/>` : '';
  if (o.keepNext) pPr += '<w:keepNext/>';
  if (o.keepLines) pPr += '<w:keepLines/>';
  pPr += o.widowControl ? '<w:widowControl/>' : '<w:widowControl w:val="0"/>';
  if (o.bottomBorderPt) pPr += `<w:pBdr><w:bottom w:val="single" w:sz="${Math.round(o.bottomBorderPt * 8)}" w:space="0" w:color="000000"/></w:pBdr>`;
  const spacing = [`w:before="${Math.round((o.beforePt ?? 0) * 20)}"`, `w:after="${Math.round((o.afterPt ?? 0) * 20)}"`];
  spacing.push(`w:line="${Math.round(o.exactPt * 20)}" w:lineRule="exact"`);
  pPr += `<w:spacing ${spacing.join(' ')}/>`;
  const ind: string[] = [];
  if (o.leftMm) ind.push(`w:left="${twips(o.leftMm)}"`);
  if (o.rightMm) ind.push(`w:right="${twips(o.rightMm)}"`);
  if (o.firstLineMm) ind.push(`w:firstLine="${twips(o.firstLineMm)}"`);
  if (o.hangingMm) ind.push(`w:hanging="${twips(o.hangingMm)}"`);
  if (ind.length) pPr += `<w:ind ${ind.join(' ')}/>`;
  pPr += `<w:jc w:val="${o.align ?? 'left'}"/>`;
  if (o.sectPr) pPr += o.sectPr;
  return `<w:p><w:pPr>${pPr}</w:pPr>${runsXml}</w:p>`;
}

/** A paragraph of one regulated block, in its look and under its named style, single-spaced unless told otherwise. */
export function styledPara(text: string, block: BlockName, o: Partial<ParaOpts> = {}): string {
  const s = style(block);
  return para(run(text, s), { exactPt: pitchPt(s.size), styleOf: block, ...o });
}

/** An empty paragraph of a fixed height: vertical space that both outputs give the same size. */
export function spacer(heightPt: number, o: Partial<ParaOpts> = {}): string {
  return para('', { ...o, exactPt: heightPt });
}

/**
 * A horizontal rule exactly `widthMm` long, centred in a space `availableMm` wide, `gapAboveMm` under the text above:
 * an empty paragraph of that height whose bottom border is narrowed by equal indents. (A plain paragraph border would
 * span the whole cell, which NĐ 30 forbids for the Tiêu ngữ rule; regulations §1.4 notes.) The CSS draws the same box.
 */
export function rule(widthMm: number, availableMm: number, o: Partial<ParaOpts> = {}): string {
  const side = Math.max(0, (availableMm - widthMm) / 2);
  return para('', { align: 'center', leftMm: side, rightMm: side, exactPt: ruleGapPt(), bottomBorderPt: TOKENS.rule.weightPt, ...o });
}

export interface Cell {
  widthMm: number;
  xml: string;
}

/** A cell spanning `span` grid columns. */
export interface SpanCell {
  xml: string;
  span: number;
}

/** A borderless table with fixed column widths; each row's cells are given in order, a SpanCell over several columns. */
export function table(widthsMm: number[], rows: (string | SpanCell)[][], opts: { cantSplit?: boolean } = {}): string {
  const total = widthsMm.reduce((a, b) => a + b, 0);
  const none = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="nil"/>`).join('');
  const tblPr =
    `<w:tblPr><w:tblW w:w="${twips(total)}" w:type="dxa"/><w:tblLayout w:type="fixed"/>` +
    `<w:tblBorders>${none}</w:tblBorders>` +
    '<w:tblCellMar><w:top w:w="0" w:type="dxa"/><w:left w:w="0" w:type="dxa"/><w:bottom w:w="0" w:type="dxa"/><w:right w:w="0" w:type="dxa"/></w:tblCellMar>' +
    '<w:tblLook w:val="0000"/></w:tblPr>';
  const grid = `<w:tblGrid>${widthsMm.map((w) => `<w:gridCol w:w="${twips(w)}"/>`).join('')}</w:tblGrid>`;
  const trs = rows
    .map((cells) => {
      const trPr = opts.cantSplit ? '<w:trPr><w:cantSplit/></w:trPr>' : '';
      let col = 0;
      const tcs = cells
        .map((c) => {
          const { xml, span } = typeof c === 'string' ? { xml: c, span: 1 } : c;
          const w = widthsMm.slice(col, col + span).reduce((a, b) => a + b, 0);
          col += span;
          return `<w:tc><w:tcPr><w:tcW w:w="${twips(w)}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${xml || spacer(1)}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${trs}</w:tbl>`;
}

/** A table with single black borders and fixed widths; a row with fewer cells than columns spans the rest. */
export function borderedTable(widthsMm: number[], rows: string[][]): string {
  const total = widthsMm.reduce((a, b) => a + b, 0);
  const t = TOKENS.table;
  const single = ['top', 'left', 'bottom', 'right', 'insideH', 'insideV'].map((s) => `<w:${s} w:val="single" w:sz="${Math.round(t.rulePt * 8)}" w:space="0" w:color="000000"/>`).join('');
  const pad = Math.round(t.cellPadPt * 20);
  const tblPr =
    `<w:tblPr><w:tblW w:w="${twips(total)}" w:type="dxa"/><w:tblLayout w:type="fixed"/><w:tblBorders>${single}</w:tblBorders>` +
    `<w:tblCellMar><w:left w:w="${pad}" w:type="dxa"/><w:right w:w="${pad}" w:type="dxa"/></w:tblCellMar><w:tblLook w:val="0000"/></w:tblPr>`;
  const grid = `<w:tblGrid>${widthsMm.map((w) => `<w:gridCol w:w="${twips(w)}"/>`).join('')}</w:tblGrid>`;
  const trs = rows
    .map((cells, r) => {
      const trPr = `<w:trPr><w:cantSplit/>${r === 0 ? '<w:tblHeader/>' : ''}</w:trPr>`;
      const tcs = cells
        .map((xml, i) => {
          const span = i === cells.length - 1 ? widthsMm.length - i : 1;
          const w = widthsMm.slice(i, i + span).reduce((a, b) => a + b, 0);
          return `<w:tc><w:tcPr><w:tcW w:w="${twips(w)}" w:type="dxa"/>${span > 1 ? `<w:gridSpan w:val="${span}"/>` : ''}</w:tcPr>${xml || spacer(1)}</w:tc>`;
        })
        .join('');
      return `<w:tr>${trPr}${tcs}</w:tr>`;
    })
    .join('');
  return `<w:tbl>${tblPr}${grid}${trs}</w:tbl>`;
}
