// Column widths of a body table fitted to its content, as an office suite's automatic layout would but decided once for
// both outputs: no header word is split, number cells keep their numbers whole, long text columns take the rest.
import { measureMm, TOKENS, type BlockStyle } from './tokens';

/** A cell that reads as one figure: "12", "07/09", "77,8%", "1.490.000", "(> 50%)". */
export function isFigure(text: string): boolean {
  return /^[\d\s.,:%/()+\-–≥≤<>=]+$/u.test(text.trim()) && /\d/u.test(text);
}

/** Words of a cell that must not be broken: spaces inside parentheses bind ("(> 50%)", "(cần ≥ 90%)"). */
function unbreakable(text: string): string[] {
  const out: string[] = [];
  let depth = 0;
  let cur = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    if (/[ \t\n]/u.test(ch) && depth === 0) {
      if (cur) out.push(cur);
      cur = '';
    } else cur += ch;
  }
  if (cur) out.push(cur);
  return out;
}

/** The narrowest width that sets `text` in at most `maxLines` lines, breaking only between unbreakable words. */
function widthForLines(text: string, s: BlockStyle, maxLines: number): number {
  const words = unbreakable(text).map((w) => measureMm(w, s.size, s.bold, s.italic));
  const space = measureMm(' ', s.size, s.bold, s.italic);
  const total = words.reduce((a, b) => a + b, 0) + space * Math.max(0, words.length - 1);
  let lo = Math.max(0, ...words);
  let hi = total;
  const lines = (width: number) => {
    let n = 1;
    let x = 0;
    for (const w of words) {
      if (x > 0 && x + space + w > width) {
        n++;
        x = w;
      } else x += (x > 0 ? space : 0) + w;
    }
    return n;
  };
  if (lines(lo) <= maxLines) return lo;
  for (let k = 0; k < 30; k++) {
    const mid = (lo + hi) / 2;
    if (lines(mid) <= maxLines) hi = mid;
    else lo = mid;
  }
  return hi;
}

export interface FitOptions {
  widthMm: number;
  header: BlockStyle;
  cell: BlockStyle;
  /** Cell padding on each side plus the share of the rules, in mm. */
  padMm: number;
}

/** Shares of the table width, one per column, summing to 1 (rounded to 1/10 000). */
export function fitColumns(cot: readonly string[], rows: readonly (readonly string[])[], o: FitOptions): number[] {
  const n = cot.length;
  const min: number[] = [];
  const max: number[] = [];
  for (let c = 0; c < n; c++) {
    const head = cot[c] ?? '';
    const words = head.split(/\s+/u).filter(Boolean).length;
    // A header takes at most two lines (three when long), never one word a line.
    // The header counts for the narrowest width only: a header wraps, the cells set how wide a column wants to be.
    let lo = widthForLines(head, o.header, Math.min(3, Math.max(1, Math.ceil(words / 2))));
    let hi = lo;
    for (const r of rows) {
      const t = r[c] ?? '';
      if (!t) continue;
      const full = measureMm(t, o.cell.size, o.cell.bold, o.cell.italic);
      lo = Math.max(lo, isFigure(t) ? full : widthForLines(t, o.cell, 99));
      hi = Math.max(hi, full);
    }
    min.push(lo + 2 * o.padMm);
    max.push(Math.max(lo, hi) + 2 * o.padMm);
  }
  const W = o.widthMm;
  const sumMin = min.reduce((a, b) => a + b, 0);
  const sumMax = max.reduce((a, b) => a + b, 0);
  let widths: number[];
  const text = max.map((_, c) => !rows.some((r) => r[c]) || !rows.every((r) => !r[c] || isFigure(r[c]!)));
  const textMax = max.reduce((a, m, c) => a + (text[c] ? m : 0), 0);
  // Room to spare goes to the text columns; a column of figures stays as wide as its widest figure or header.
  if (sumMax <= W && textMax > 0) widths = max.map((m, c) => (text[c] ? m + ((W - sumMax) * m) / textMax : m));
  else if (sumMax <= W) widths = max.map((m) => m + ((W - sumMax) * m) / sumMax);
  else if (sumMin <= W) {
    const room = sumMax - sumMin;
    widths = min.map((m, c) => m + ((W - sumMin) * (max[c]! - m)) / room);
  } else widths = min.map((m) => (m * W) / sumMin);
  const shares = widths.map((w) => Math.round((w / W) * 10000) / 10000);
  // Rounding leaves the last column the remainder, so the shares add up to the whole width.
  shares[n - 1] = Math.round((1 - shares.slice(0, -1).reduce((a, b) => a + b, 0)) * 10000) / 10000;
  return shares;
}

/** A cell's text with no-break spaces inside parentheses, so "(≥ 80%)" never splits across lines. */
export function bindParentheses(text: string): string {
  let depth = 0;
  let out = '';
  for (const ch of text) {
    if (ch === '(') depth++;
    if (ch === ')') depth = Math.max(0, depth - 1);
    out += depth > 0 && ch === ' ' ? '\u00A0' : ch;
  }
  return out;
}

/** Padding of a body-table cell on each side, in mm, as both renderers draw it. */
export function cellPadMm(): number {
  return (TOKENS.table.cellPadPt + TOKENS.table.rulePt) * (25.4 / 72);
}
