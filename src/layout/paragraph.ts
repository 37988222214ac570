// How many lines a justified body paragraph takes, filled greedily as both renderers fill it: lets the view model keep
// the last two lines of the body with the signature, and short paragraphs whole, without knowing where pages break.
import { measureMm, type BlockStyle } from './tokens';

export interface Segment {
  text: string;
  bold?: boolean;
  italic?: boolean;
}

const SPACES = /[ \t\r\n]+/u;

/**
 * Lines of a paragraph set at `widthMm` with a first-line indent, breaking at spaces (and after hyphens); counting
 * stops past `atMost` lines, since callers only ask whether a paragraph is short.
 */
export function countLines(segments: readonly Segment[], base: BlockStyle, widthMm: number, firstIndentMm: number, atMost = Infinity): number {
  let lines = 1;
  let x = firstIndentMm;
  let first = true;
  // The space owed before the next word (the space that followed the previous one), 0 inside a hyphenated word.
  let pendingSpace = 0;
  for (const s of segments) {
    const bold = base.bold || Boolean(s.bold);
    const italic = base.italic || Boolean(s.italic);
    const space = measureMm(' ', base.size, bold, italic);
    const parts = s.text.split(SPACES);
    parts.forEach((part, k) => {
      if (lines > atMost) return;
      if (k > 0) pendingSpace = space;
      if (!part) return;
      // A hyphen inside a word is a break opportunity for both renderers.
      const pieces = part.includes('-') ? part.split(/(?<=-)/u) : [part];
      for (const piece of pieces) {
        const w = measureMm(piece, base.size, bold, italic);
        if (!first && x + pendingSpace + w > widthMm) {
          lines++;
          x = w;
        } else x += (first ? 0 : pendingSpace) + w;
        first = false;
        pendingSpace = 0;
      }
    });
    if (lines > atMost) return lines;
  }
  return lines;
}
