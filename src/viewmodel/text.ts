// Casing and comparison of Vietnamese text (regulations §7): NFC, locale upper-case, tone-placement folding.

/** IN HOA of a stored proper-case name (§7.5: generate capitals, never store both). */
export function inHoa(s: string): string {
  return s.normalize('NFC').toLocaleUpperCase('vi-VN');
}

const TONE_FOLD: Record<string, string> = {
  oà: 'òa', oá: 'óa', oả: 'ỏa', oã: 'õa', oạ: 'ọa',
  oè: 'òe', oé: 'óe', oẻ: 'ỏe', oẽ: 'õe', oẹ: 'ọe',
  uỳ: 'ùy', uý: 'úy', uỷ: 'ủy', uỹ: 'ũy', uỵ: 'ụy',
  OÀ: 'ÒA', OÁ: 'ÓA', OẢ: 'ỎA', OÃ: 'ÕA', OẠ: 'ỌA',
  OÈ: 'ÒE', OÉ: 'ÓE', OẺ: 'ỎE', OẼ: 'ÕE', OẸ: 'ỌE',
  UỲ: 'ÙY', UÝ: 'ÚY', UỶ: 'ỦY', UỸ: 'ŨY', UỴ: 'ỤY',
};
const TONE_RE = new RegExp(Object.keys(TONE_FOLD).join('|'), 'g');

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
