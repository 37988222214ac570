// Text typed in TCVN3 (ABC) or VNI and pasted as Unicode ("Céng hoµ", "Coäng hoøa"): detected word by word against
// Vietnamese syllable structure, converted back to Unicode, or flagged as unsure when it is mixed with real Unicode.
import { TCVN3, VIETNAMESE_MARKED_LETTERS, vniOf } from './legacy-tables';
import { isVietnameseSyllable } from './syllable';
import { MAX_TEXT } from './common';

export type LegacyEncoding = 'tcvn3' | 'vni';

export const ENCODING_NAME: Record<LegacyEncoding, string> = { tcvn3: 'TCVN3 (ABC)', vni: 'VNI' };

const TCVN3_DECODE = new Map(Object.entries(TCVN3).map(([u, t]) => [t, u]));
const TCVN3_CAPITALS = new Set(['¡', '¢', '£', '¤', '¥', '¦', '§']);

const VNI_DECODE = new Map<string, string>();
for (const lower of VIETNAMESE_MARKED_LETTERS) {
  for (const letter of [lower, lower.toUpperCase()]) {
    const v = vniOf(letter);
    if (v === undefined || v === letter) continue;
    VNI_DECODE.set(v, letter);
    // A capital base with a lower-case mark (or the reverse) still means the letter of the base's case.
    if (v.length === 2) VNI_DECODE.set(v[0]! + (letter === lower ? v[1]!.toUpperCase() : v[1]!.toLowerCase()), letter);
  }
}

/** Unicode → TCVN3; a capital with a tone mark becomes its capital base plus the toned lower-case byte. */
export function encodeTcvn3(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) {
    const direct = TCVN3[ch];
    if (direct !== undefined) {
      out += direct;
      continue;
    }
    const lower = ch.toLowerCase();
    if (lower !== ch && TCVN3[lower] !== undefined) {
      const base = lower.normalize('NFD')[0]!;
      const shaped = lower.normalize('NFD').replace(/[\u0300\u0301\u0303\u0309\u0323]/gu, '').normalize('NFC');
      out += (shaped === base ? base.toUpperCase() : TCVN3[shaped.toUpperCase()] ?? shaped.toUpperCase()) + TCVN3[lower];
      continue;
    }
    out += ch;
  }
  return out;
}

/** Unicode → VNI. */
export function encodeVni(s: string): string {
  let out = '';
  for (const ch of s.normalize('NFC')) out += vniOf(ch) ?? ch;
  return out;
}

const TONES = /[\u0300\u0301\u0303\u0309\u0323]/gu;
const stripTone = (c: string) => c.normalize('NFD').replace(TONES, '').normalize('NFC');
const isAsciiLetter = (c: string) => /[A-Za-z]/.test(c);

/** TCVN3 → Unicode. `upper` says the text is in capitals, so letters whose case the bytes do not carry are capitals. */
export function decodeTcvn3(s: string, upper = tcvn3InCapitals(s)): string {
  const out: string[] = [];
  let prevExplicitUpper = false;
  for (const ch of s) {
    const u = TCVN3_DECODE.get(ch);
    if (u === undefined) {
      out.push(ch);
      prevExplicitUpper = /\p{Lu}/u.test(ch);
      continue;
    }
    if (TCVN3_CAPITALS.has(ch)) {
      out.push(u);
      prevExplicitUpper = true;
      continue;
    }
    // "A¸" = "Á", "¢Ê" = "Ấ": a capital base followed by its own toned lower-case letter.
    const last = out[out.length - 1];
    if (prevExplicitUpper && last && stripTone(u).toUpperCase() === last && stripTone(u) !== u) {
      out[out.length - 1] = u.toUpperCase();
      prevExplicitUpper = false;
      continue;
    }
    out.push(upper ? u.toUpperCase() : u);
    prevExplicitUpper = false;
  }
  const decoded = out.join('');
  return upper ? decoded : fixWordCase(s, decoded);
}

/**
 * Letters whose case the bytes carry (ASCII and the seven TCVN3 capitals) that tell capitals from Title case: a word's
 * first letter counts only when it is lower case.
 */
function knownInner(word: string): string[] {
  const chars = [...word];
  const first = chars[0] !== undefined && /[a-z]/.test(chars[0]) ? [chars[0]] : [];
  return [...first, ...chars.slice(1).filter((c) => isAsciiLetter(c) || TCVN3_CAPITALS.has(c))];
}

const allCapitals = (known: string[]) => known.length > 0 && known.every((c) => TCVN3_CAPITALS.has(c) || c === c.toUpperCase());

/** A word whose letters of known case after its first are all capitals is in capitals ("CéNG"); "§µ" stays "Đà". */
function fixWordCase(src: string, decoded: string): string {
  const srcWords = src.split(/(\s+)/u);
  const outWords = decoded.split(/(\s+)/u);
  if (srcWords.length !== outWords.length) return decoded;
  return outWords.map((w, i) => (allCapitals(knownInner(srcWords[i]!)) ? w.toLocaleUpperCase('vi-VN') : w)).join('');
}

/** Whether a TCVN3 text is written in capitals: its letters of known case, first letters of words aside, all are. */
function tcvn3InCapitals(s: string): boolean {
  return allCapitals(s.split(/\s+/u).flatMap(knownInner));
}

/** VNI → Unicode: two characters before one, so "oâ" is read as ô and "ôù" as ớ. */
export function decodeVni(s: string): string {
  let out = '';
  const chars = [...s];
  for (let i = 0; i < chars.length; i++) {
    const two = chars[i]! + (chars[i + 1] ?? '');
    const pair = chars[i + 1] !== undefined ? VNI_DECODE.get(two) : undefined;
    if (pair !== undefined) {
      out += pair;
      i++;
      continue;
    }
    out += VNI_DECODE.get(chars[i]!) ?? chars[i];
  }
  return out.normalize('NFC');
}

export const DECODERS: Record<LegacyEncoding, (s: string) => string> = { tcvn3: (s) => decodeTcvn3(s), vni: decodeVni };

/** A word with a letter Unicode has and Latin-1 does not (ă, đ, ơ, ư, ạ …) was typed in Unicode. */
const UNICODE_VIETNAMESE = /[\u0102\u0103\u0110\u0111\u0128\u0129\u0168\u0169\u01A0\u01A1\u01AF\u01B0\u1EA0-\u1EF9\u0300-\u036F]/u;
const WORD = /[\p{L}\p{M}\u00A1-\u00BF\u00D7\u00F7]+/gu;

export interface LegacyWord {
  from: string;
  to: string;
}

export type LegacyVerdict =
  | { kind: 'none' }
  /** Every word that changes reads as Vietnamese only once converted: the whole text is converted. */
  | { kind: 'converted'; encoding: LegacyEncoding; text: string; words: LegacyWord[] }
  /** Some words read as legacy text, others as real Unicode Vietnamese: nothing is guessed. */
  | { kind: 'unsure'; encoding: LegacyEncoding; words: LegacyWord[] };

const ALPHABET: Record<LegacyEncoding, Set<string>> = {
  tcvn3: new Set(Object.values(TCVN3)),
  vni: new Set(VIETNAMESE_MARKED_LETTERS.flatMap((l) => [...(vniOf(l) ?? ''), ...(vniOf(l.toUpperCase()) ?? '')]).filter((c) => c >= '\u00A0')),
};

/** Latin-1 letters that Unicode Vietnamese uses itself (à, á, â, ã, è, é, ê, ì, í, ò, ó, ô, õ, ù, ú, ý and capitals). */
const VIETNAMESE_LATIN1 = new Set([...'àáâãèéêìíòóôõùúýÀÁÂÃÈÉÊÌÍÒÓÔÕÙÚÝ']);

/**
 * Characters of the legacy encodings that Unicode Vietnamese never uses (µ, ¸, ¬, ä, ø, Ö …). Almost every legacy
 * word holds one; text without any is read as it is, without the word-by-word analysis, which is what almost every
 * field of a batch needs (it was a quarter of a DOCX batch's time).
 */
const SIGNATURE = new RegExp(`[${[...new Set([...ALPHABET.tcvn3, ...ALPHABET.vni])].filter((c) => !VIETNAMESE_LATIN1.has(c)).map((c) => `\\u${c.charCodeAt(0).toString(16).padStart(4, '0')}`).join('')}]`, 'u');

/**
 * Whether a word's legacy characters stand where letters stand: a Latin-1 letter other than µ ("hoµ", "Phßng"), or µ
 * after the word's first letter. Symbols between letters ("x·y") and µ as a unit's prefix ("µm") are what Unicode
 * text holds on its own, so one such word among Unicode Vietnamese is no evidence.
 */
function lettered(word: string): boolean {
  return [...word].some((c, i) => c >= '\u00A1' && c <= '\u00FF' && /\p{L}/u.test(c) && (c !== 'µ' || i > 0));
}

/**
 * Looks for text in a legacy encoding. A word is evidence when it is not a Vietnamese syllable as it stands but is one
 * once converted. A word is against it when it is already Unicode Vietnamese, holds a character the encoding never
 * produces, or is a syllable that conversion would break; an ASCII word that is no Vietnamese syllable ("COVID",
 * "plane") is foreign. Words without any ASCII letter (symbols such as ×, ½, ©) weigh nothing.
 * Converted: evidence, nothing against, and more evidence than foreign words (one word of evidence needs none).
 * Unsure: two or more words of evidence beside words against, or one among Unicode Vietnamese when its legacy
 * characters stand where letters stand ("Céng hoµ xã hội"). Any other single word of evidence is left alone.
 */
export function detectLegacy(s: string): LegacyVerdict {
  // Longer than any field may be: it is refused as too long, so it is not worth reading word by word.
  if (s.length > MAX_TEXT || !SIGNATURE.test(s)) return { kind: 'none' };
  const words = s.match(WORD) ?? [];
  let unicode = 0;
  let foreign = 0;
  const against: Record<LegacyEncoding, number> = { tcvn3: 0, vni: 0 };
  const evidence: Record<LegacyEncoding, LegacyWord[]> = { tcvn3: [], vni: [] };
  const upper = tcvn3InCapitals(s);
  const decode: Record<LegacyEncoding, (w: string) => string> = { tcvn3: (w) => decodeTcvn3(w, upper), vni: decodeVni };
  for (const w of words) {
    if (UNICODE_VIETNAMESE.test(w)) {
      unicode++;
      continue;
    }
    if (![...w].some(isAsciiLetter)) continue;
    if (!/[\u00A1-\u00FF]/u.test(w)) {
      if (!isVietnameseSyllable(w)) foreign++;
      continue;
    }
    const validNow = isVietnameseSyllable(w);
    for (const enc of ['tcvn3', 'vni'] as const) {
      if ([...w].some((c) => c >= '\u00A1' && c <= '\u00FF' && !ALPHABET[enc].has(c))) {
        against[enc]++;
        continue;
      }
      const d = decode[enc](w);
      if (d === w) continue;
      const validDecoded = isVietnameseSyllable(d);
      if (!validNow && validDecoded) evidence[enc].push({ from: w, to: d });
      else if (validNow && !validDecoded) against[enc]++;
    }
  }
  const t = evidence.tcvn3.length;
  const v = evidence.vni.length;
  if (t === 0 && v === 0) return { kind: 'none' };
  const encoding: LegacyEncoding = t >= v ? 'tcvn3' : 'vni';
  const found = evidence[encoding];
  const f = found.length;
  const contra = unicode + against[encoding];
  if (contra > 0 || t === v) return f >= 2 || (f === 1 && unicode > 0 && lettered(found[0]!.from)) ? { kind: 'unsure', encoding, words: found } : { kind: 'none' };
  if (f === 1 ? foreign > 0 : f <= foreign) return f >= 2 ? { kind: 'unsure', encoding, words: found } : { kind: 'none' };
  return { kind: 'converted', encoding, text: DECODERS[encoding](s), words: found };
}
