// Casing and comparison of Vietnamese text (regulations §7): NFC, locale upper-case, tone-placement folding.

/** IN HOA of a stored proper-case name (§7.5: generate capitals, never store both). */
export function inHoa(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN');
}

// New placement (tone on the second vowel) → old placement (tone on the first), in lower, title and upper case.
const TONE_PAIRS: [string, string][] = [
  ['oà', 'òa'], ['oá', 'óa'], ['oả', 'ỏa'], ['oã', 'õa'], ['oạ', 'ọa'],
  ['oè', 'òe'], ['oé', 'óe'], ['oẻ', 'ỏe'], ['oẽ', 'õe'], ['oẹ', 'ọe'],
  ['uỳ', 'ùy'], ['uý', 'úy'], ['uỷ', 'ủy'], ['uỹ', 'ũy'], ['uỵ', 'ụy'],
];
const TONE_FOLD: Record<string, string> = {};
for (const [from, to] of TONE_PAIRS) {
  const cap = (s: string) => s.charAt(0).toUpperCase() + s.slice(1);
  TONE_FOLD[from] = to;
  TONE_FOLD[cap(from)] = cap(to);
  TONE_FOLD[from.toUpperCase()] = to.toUpperCase();
}
const TONE_RE = new RegExp(Object.keys(TONE_FOLD).join('|'), 'gu');

/**
 * Folds the "new" tone placement (hoà, uỷ) onto the "old" one (hòa, ủy) for comparison only (§7.3);
 * stored names are never rewritten.
 */
export function foldTone(s: string): string {
  return s.normalize('NFC').replace(TONE_RE, (m) => TONE_FOLD[m] ?? m);
}

/** ASCII file-name stem: diacritics folded, Đ/đ mapped explicitly, anything else to "-". */
export function asciiStem(s: string): string {
  return s
    .normalize('NFC')
    .replace(/Đ/g, 'D')
    .replace(/đ/g, 'd')
    .normalize('NFD')
    .replace(/[\u0300-\u036f]/g, '')
    .replace(/[^A-Za-z0-9._-]+/g, '-')
    .replace(/^[-.]+|[-.]+$/g, '')
    .slice(0, 120) || 'van-ban';
}

/** Removes the punctuation a person may have typed at the end of a line that vanban punctuates itself. */
export function stripEndPunctuation(s: string): string {
  return s.replace(/[\s;,.:]+$/u, '');
}
