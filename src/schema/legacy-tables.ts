// The two legacy 8-bit Vietnamese encodings still pasted from old Word files, as the Latin-1 characters their bytes show
// as: TCVN3 (ABC, the VN3 table of TCVN 5712:1993, ".Vn" fonts) and VNI (VNI Windows, "VNI-" fonts). Regulations §7.4.

/**
 * TCVN3 (VN3): one byte per lower-case letter; only Ă Â Ê Ô Ơ Ư Đ have capitals of their own. The other capitals are
 * the lower-case bytes drawn by a capitals-only font (.VnTimeH), or a capital base letter followed by the lower-case
 * toned byte (as some converters write them).
 */
export const TCVN3: Readonly<Record<string, string>> = {
  'à': 'µ', 'ả': '¶', 'ã': '·', 'á': '¸', 'ạ': '¹',
  'ă': '¨', 'ằ': '»', 'ẳ': '¼', 'ẵ': '½', 'ắ': '¾', 'ặ': 'Æ',
  'â': '©', 'ầ': 'Ç', 'ẩ': 'È', 'ẫ': 'É', 'ấ': 'Ê', 'ậ': 'Ë',
  'đ': '®',
  'è': 'Ì', 'ẻ': 'Î', 'ẽ': 'Ï', 'é': 'Ð', 'ẹ': 'Ñ',
  'ê': 'ª', 'ề': 'Ò', 'ể': 'Ó', 'ễ': 'Ô', 'ế': 'Õ', 'ệ': 'Ö',
  'ì': '×', 'ỉ': 'Ø', 'ĩ': 'Ü', 'í': 'Ý', 'ị': 'Þ',
  'ò': 'ß', 'ỏ': 'á', 'õ': 'â', 'ó': 'ã', 'ọ': 'ä',
  'ô': '«', 'ồ': 'å', 'ổ': 'æ', 'ỗ': 'ç', 'ố': 'è', 'ộ': 'é',
  'ơ': '¬', 'ờ': 'ê', 'ở': 'ë', 'ỡ': 'ì', 'ớ': 'í', 'ợ': 'î',
  'ù': 'ï', 'ủ': 'ñ', 'ũ': 'ò', 'ú': 'ó', 'ụ': 'ô',
  'ư': '\u00AD', 'ừ': 'õ', 'ử': 'ö', 'ữ': '÷', 'ứ': 'ø', 'ự': 'ù',
  'ỳ': 'ú', 'ỷ': 'û', 'ỹ': 'ü', 'ý': 'ý', 'ỵ': 'þ',
  'Ă': '¡', 'Â': '¢', 'Ê': '£', 'Ô': '¤', 'Ơ': '¥', 'Ư': '¦', 'Đ': '§',
};

/** VNI: a base letter then a mark character; a few letters have one character of their own. */
const VNI_TONE: Record<string, string> = { '\u0301': 'ù', '\u0300': 'ø', '\u0309': 'û', '\u0303': 'õ', '\u0323': 'ï' };
const VNI_CIRCUMFLEX: Record<string, string> = { '': 'â', '\u0301': 'á', '\u0300': 'à', '\u0309': 'å', '\u0303': 'ã', '\u0323': 'ä' };
const VNI_BREVE: Record<string, string> = { '': 'ê', '\u0301': 'é', '\u0300': 'è', '\u0309': 'ú', '\u0303': 'ü', '\u0323': 'ë' };
const VNI_I: Record<string, string> = { '': 'i', '\u0301': 'í', '\u0300': 'ì', '\u0309': 'æ', '\u0303': 'ó', '\u0323': 'ò' };

/** The VNI spelling of one Vietnamese letter (lower or upper case); undefined for a letter VNI leaves as it is. */
export function vniOf(letter: string): string | undefined {
  const upper = letter !== letter.toLowerCase();
  const lower = letter.toLowerCase();
  let out: string | undefined;
  if (lower === 'đ') out = 'ñ';
  else {
    const nfd = lower.normalize('NFD');
    const base = nfd[0]!;
    const marks = nfd.slice(1);
    const tone = [...marks].find((m) => m in VNI_TONE) ?? '';
    const shape = [...marks].find((m) => m === '\u0302' || m === '\u0306' || m === '\u031B') ?? '';
    if (!'aeiouy'.includes(base) || marks.length === 0) return undefined;
    if (base === 'i') out = VNI_I[tone];
    else if (base === 'y' && tone === '\u0323') out = 'î';
    else if (shape === '\u0302') out = base + VNI_CIRCUMFLEX[tone];
    else if (shape === '\u0306') out = base + VNI_BREVE[tone];
    else if (shape === '\u031B') out = (base === 'o' ? 'ô' : 'ö') + (VNI_TONE[tone] ?? '');
    else out = base + (VNI_TONE[tone] ?? '');
  }
  if (out === undefined) return undefined;
  return upper ? out.toUpperCase() : out;
}

/** Every Vietnamese letter with a diacritic, lower case: the letters the two tables must cover. */
export const VIETNAMESE_MARKED_LETTERS: readonly string[] = (() => {
  const bases = ['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y'];
  const tones = ['', '\u0301', '\u0300', '\u0309', '\u0303', '\u0323'];
  const out: string[] = ['đ'];
  for (const b of bases) for (const t of tones) {
    const l = (b + t).normalize('NFC');
    if (l !== b || !'aeiouy'.includes(b)) out.push(l);
  }
  return out;
})();
