// How many lines a justified body paragraph takes, filled greedily as both renderers fill it: lets the view model keep
// the last two lines of the body with the signature without knowing where the page breaks.
import { measureMm, type BlockStyle } from './tokens';

export interface Segment {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

/** Lines of a paragraph set at `widthMm` with a first-line indent, breaking at spaces (and after hyphens). */
export function countLines(segments: readonly Segment[], base: BlockStyle, widthMm: number, firstIndentMm: number): number {
  const words: { w: number; space: number }[] = [];
  for (const s of segments) {
    const bold = base.bold || Boolean(s.bold);
    const italic = base.italic || Boolean(s.italic);
    const space = measureMm(' ', base.size, bold, italic);
    for (const part of s.text.split(/([ \t\r\n]+)/u)) {
      if (!part) continue;
      if (/^[ \t\r\n]+$/u.test(part)) {
        if (words.length) words[words.length - 1]!.space = space;
        continue;
      }
      // A hyphen inside a word is a break opportunity for both renderers.
      for (const piece of part.split(/(?<=-)/u)) words.push({ w: measureMm(piece, base.size, bold, italic), space: 0 });
    }
  }
  if (words.length === 0) return 1;
  let lines = 1;
  let x = firstIndentMm;
  let prevSpace = 0;
  let first = true;
  for (const w of words) {
    const need = first ? w.w : prevSpace + w.w;
    if (!first && x + need > widthMm) {
      lines++;
      x = w.w;
    } else {
      x += need;
    }
    first = false;
    prevSpace = w.space;
  }
  return lines;
}
