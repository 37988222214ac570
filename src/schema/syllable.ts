// Whether a word is one well-formed Vietnamese syllable (onset, rhyme, one tone on its main vowel): the yardstick that
// tells text typed in a legacy encoding from real Unicode Vietnamese.

const TONE_MARKS: Record<string, string> = { '\u0301': 'sac', '\u0300': 'huyen', '\u0309': 'hoi', '\u0303': 'nga', '\u0323': 'nang' };
const SHAPE_MARKS = new Set(['\u0302', '\u0306', '\u031B']);
const SHAPED = new Set(['ă', 'â', 'ê', 'ô', 'ơ', 'ư']);
const VOWELS = new Set(['a', 'ă', 'â', 'e', 'ê', 'i', 'o', 'ô', 'ơ', 'u', 'ư', 'y']);

const ONSETS = ['ngh', 'ng', 'nh', 'ch', 'gh', 'gi', 'kh', 'ph', 'th', 'tr', 'qu', 'b', 'c', 'd', 'đ', 'g', 'h', 'k', 'l', 'm', 'n', 'p', 'r', 's', 't', 'v', 'x', ''];

/** Vowel clusters that end a syllable without a final consonant. */
const OPEN = new Set([
  'a', 'ai', 'ao', 'au', 'ay', 'âu', 'ây', 'e', 'eo', 'ê', 'êu', 'i', 'ia', 'iu', 'iêu', 'o', 'oa', 'oai', 'oao', 'oay',
  'oe', 'oeo', 'oi', 'ô', 'ôi', 'ơ', 'ơi', 'u', 'ua', 'uây', 'uê', 'ui', 'uôi', 'uơ', 'uy', 'uya', 'uyu', 'ư', 'ưa', 'ưi',
  'ưu', 'ươi', 'ươu', 'y', 'yêu',
]);

/** Vowel clusters before a final consonant, with the finals each takes. */
const CLOSED: Record<string, string[]> = {
  a: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  ă: ['c', 'm', 'n', 'ng', 'p', 't'],
  â: ['c', 'm', 'n', 'ng', 'p', 't'],
  e: ['c', 'm', 'n', 'ng', 'p', 't'],
  ê: ['ch', 'm', 'n', 'nh', 'p', 't'],
  i: ['ch', 'm', 'n', 'nh', 'p', 't'],
  iê: ['c', 'm', 'n', 'ng', 'p', 't'],
  yê: ['m', 'n', 't'],
  y: ['ch', 'n', 'nh', 'p', 't'],
  o: ['c', 'm', 'n', 'ng', 'p', 't'],
  oo: ['c', 'ng'],
  oa: ['c', 'ch', 'm', 'n', 'ng', 'nh', 'p', 't'],
  oă: ['c', 'm', 'n', 'ng', 't'],
  oe: ['n', 't'],
  ô: ['c', 'm', 'n', 'ng', 'p', 't'],
  ơ: ['m', 'n', 'p', 't'],
  u: ['c', 'm', 'n', 'ng', 'p', 't'],
  uâ: ['n', 'ng', 't'],
  uê: ['ch', 'nh'],
  uô: ['c', 'm', 'n', 'ng', 't'],
  uy: ['ch', 'n', 'nh', 'p', 't'],
  uyê: ['n', 't'],
  ư: ['c', 'm', 'n', 'ng', 't'],
  ươ: ['c', 'm', 'n', 'ng', 'p', 't'],
};
const STOPS = new Set(['c', 'ch', 'p', 't']);

/** Letters of a lower-case word without tone marks, the tone and the index of the letter that carries it. */
function splitTone(word: string): { base: string; tone?: string; toneAt: number } | undefined {
  let base = '';
  let letters = 0;
  let tone: string | undefined;
  let toneAt = -1;
  for (const ch of word.normalize('NFD')) {
    const t = TONE_MARKS[ch];
    if (t) {
      if (tone || letters === 0) return undefined;
      tone = t;
      toneAt = letters - 1;
    } else if (SHAPE_MARKS.has(ch)) {
      base += ch;
    } else {
      base += ch;
      letters++;
    }
  }
  return { base: base.normalize('NFC'), tone, toneAt };
}

/** Index, inside the vowel cluster, of the vowel(s) that may carry the tone (both placements of oa, oe, uy). */
function tonePlaces(cluster: string, hasCoda: boolean): number[] {
  const chars = [...cluster];
  let shaped = -1;
  chars.forEach((c, i) => {
    if (SHAPED.has(c)) shaped = i;
  });
  if (shaped >= 0) return [shaped];
  if (hasCoda) return [chars.length - 1];
  if (cluster === 'oa' || cluster === 'oe' || cluster === 'uy') return [0, 1];
  if (chars.length === 3) return [1];
  return [0];
}

function parses(base: string, tone: string | undefined, toneAt: number): boolean {
  for (const onset of ONSETS) {
    if (!base.startsWith(onset)) continue;
    const rest = base.slice(onset.length);
    const m = /^([aăâeêioôơuưy]+)(ch|ng|nh|[cmnpt])?$/u.exec(rest);
    if (!m) continue;
    const cluster = m[1]!;
    const coda = m[2];
    if (coda ? !CLOSED[cluster]?.includes(coda) : !OPEN.has(cluster)) continue;
    if (!tone) return true;
    if (coda && STOPS.has(coda) && tone !== 'sac' && tone !== 'nang') continue;
    const at = toneAt - onset.length;
    if (at >= 0 && tonePlaces(cluster, coda !== undefined).includes(at)) return true;
  }
  return false;
}

/** True for one Vietnamese syllable in lower case, Title case or CAPITALS ("nghĩa", "Hoà", "QUỐC"). */
export function isVietnameseSyllable(word: string): boolean {
  const w = word.normalize('NFC');
  const lower = w.toLocaleLowerCase('vi-VN');
  const upper = w.toLocaleUpperCase('vi-VN');
  const title = lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
  if (w !== lower && w !== upper && w !== title) return false;
  const split = splitTone(lower);
  if (!split || split.base.length === 0) return false;
  for (const c of split.base) if (!VOWELS.has(c) && !/[a-zđ]/u.test(c)) return false;
  return parses(split.base, split.tone, split.toneAt);
}
