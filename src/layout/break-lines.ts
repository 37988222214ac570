// Balanced line breaking of centred and upper-case blocks (agency names, authority lines, headings, trích yếu): the
// lines fit their widths as Times New Roman sets them, no fixed phrase is torn, no line holds a lone word when the block
// can be balanced. Both renderers then draw exactly these lines (DOCX explicit breaks, PDF <br>).
import { measureStyled, type BlockStyle } from './tokens';
import { CUM_CO_DINH, DON_VI_HANH_CHINH, HU_TU, TIEN_TO_KY, TRUOC_SO, TU_GHEP } from './phrases';

export interface BreakOptions {
  /** Widths in mm of the lines in order; the last one holds for every further line. */
  widthsMm: readonly number[];
  style: BlockStyle;
  /** What a line beyond the fewest possible costs: a block takes more lines only to spare a phrase. */
  lineCost?: number;
}

/** Room left on each line, in mm: the renderers round widths differently by a few hundredths. */
const SLACK_MM = 0.4;

// Costs of a line break by where it falls (relative: a phrase kept whole is worth more than balanced lengths).
const COST = {
  never: 100_000,
  word: 500,
  beforeDash: 400,
  name: 400,
  number: 300,
  unitName: 150,
  phrase: 100,
  dangling: 60,
  afterDash: 40,
  plain: 30,
  quoted: 15,
  punctuation: 8,
  beforeFunctionWord: 8,
  beforeUnit: 0,
  loneWord: 300,
  fragment: 100,
  overflow: 10_000,
  balance: 100,
};

const LEADING = /^[“"'‘(\[«]+/u;
const TRAILING = /[”"'’)\]»,;:.!?]+$/u;

function key(token: string): string {
  return token.toLocaleLowerCase('vi-VN').replace(LEADING, '').replace(TRAILING, '');
}

const isDash = (t: string) => t === '-' || t === '–' || t === '—';
const isNumber = (t: string) => /^[(“"]?\d/u.test(t);
const isCapitalised = (t: string) => /^[(“"‘]?\p{Lu}/u.test(t);

function entries(list: readonly string[]): string[][] {
  return list.map((e) => e.split(' ').map(key).filter((k) => k.length > 0 || false));
}
const WORDS = entries(TU_GHEP);
const PHRASES = entries(CUM_CO_DINH);
const UNITS = entries(DON_VI_HANH_CHINH);
const PREFIXES = new Set(TIEN_TO_KY);
const FUNCTION_WORDS = new Set(HU_TU);
const BEFORE_NUMBER = new Set(TRUOC_SO);

function matchesAt(keys: readonly string[], at: number, entry: readonly string[]): boolean {
  if (at + entry.length > keys.length) return false;
  for (let t = 0; t < entry.length; t++) if (keys[at + t] !== entry[t]) return false;
  return true;
}

/**
 * The cost of a break after each token (index i: between tokens i and i + 1), from the phrase knowledge of phrases.ts.
 * Upper-case text has no capitals to find names by; there a name is what follows the generic word of a unit.
 */
export function breakCosts(tokens: readonly string[]): number[] {
  // The same text is broken at many widths while a header's columns are sized: remember its costs.
  const cacheKey = tokens.join(' ');
  const cached = COSTS_CACHE.get(cacheKey);
  if (cached) return cached;
  const costs = computeCosts(tokens);
  if (COSTS_CACHE.size > 2000) COSTS_CACHE.clear();
  COSTS_CACHE.set(cacheKey, costs);
  return costs;
}

const COSTS_CACHE = new Map<string, number[]>();

function computeCosts(tokens: readonly string[]): number[] {
  const n = tokens.length;
  const keys = tokens.map(key);
  const upper = !tokens.some((t) => /\p{Ll}/u.test(t));
  const hard = new Array<number>(Math.max(0, n - 1)).fill(0);
  const good = new Array<number>(Math.max(0, n - 1)).fill(Infinity);
  const raise = (i: number, c: number) => {
    if (i >= 0 && i < n - 1) hard[i] = Math.max(hard[i]!, c);
  };
  const prefer = (i: number, c: number) => {
    if (i >= 0 && i < n - 1) good[i] = Math.min(good[i]!, c);
  };
  const punctuated = (i: number) => /[,;:]$/u.test(tokens[i]!) || /[”"’)»]$/u.test(tokens[i]!) && /[,;:.]/u.test(tokens[i]!);

  // Words and phrases.
  const inWord = new Array<boolean>(n).fill(false);
  for (let s = 0; s < n; s++) {
    for (const e of WORDS) {
      if (e.length < 2 || !matchesAt(keys, s, e)) continue;
      for (let t = 0; t < e.length - 1; t++) raise(s + t, COST.word);
      for (let t = 0; t < e.length; t++) inWord[s + t] = true;
    }
    for (const e of PHRASES) {
      if (e.length < 2 || !matchesAt(keys, s, e)) continue;
      for (let t = 0; t < e.length - 1; t++) if (!punctuated(s + t)) raise(s + t, COST.phrase);
    }
  }

  // Units and the place names after them: break before the unit, never inside the name.
  for (let s = 0; s < n; s++) {
    for (const u of UNITS) {
      if (!matchesAt(keys, s, u)) continue;
      const after = s + u.length;
      if (after >= n) continue;
      // "xã hội", "bản thân": the generic word is a syllable of another word here.
      const partOfWord = WORDS.some((w) => {
        if (w.length === u.length && w.every((x, t) => x === u[t])) return false;
        for (let o = Math.max(0, s - w.length + 1); o <= s; o++) if (matchesAt(keys, o, w)) return true;
        return false;
      });
      if (partOfWord) continue;
      const next = tokens[after]!;
      if (FUNCTION_WORDS.has(keys[after]!) || isDash(next)) continue;
      if (!upper && !isCapitalised(next) && !isNumber(next)) continue;
      prefer(s - 1, COST.beforeUnit);
      if (!punctuated(after - 1)) raise(after - 1, COST.unitName);
      let end = after;
      while (end + 1 < n && !punctuated(end) && !isDash(tokens[end + 1]!) && !FUNCTION_WORDS.has(keys[end + 1]!) && !UNITS.some((v) => matchesAt(keys, end + 1, v)) && (upper || isCapitalised(tokens[end + 1]!) || isNumber(tokens[end + 1]!))) end++;
      for (let t = after; t < end; t++) raise(t, COST.name);
    }
  }

  for (let i = 0; i < n - 1; i++) {
    const a = tokens[i]!;
    const b = tokens[i + 1]!;
    if (PREFIXES.has(keys[i]!) && i === 0) raise(i, COST.never);
    if (isDash(b)) raise(i, COST.beforeDash);
    if (isDash(a)) {
      raise(i, COST.afterDash);
      if (i > 0 && isNumber(tokens[i - 1]!) && isNumber(b)) raise(i, COST.number);
    }
    if (isNumber(b) && (BEFORE_NUMBER.has(keys[i]!) || isNumber(a) && !/[,;:]$/u.test(a))) raise(i, COST.number);
    if (/^[,;:.)”»]/u.test(b)) raise(i, COST.beforeDash);
    if (/[“(«‘]$/u.test(a)) raise(i, COST.beforeDash);
    // Proper names in running text: two capitalised syllables in a row, past the first word.
    if (!upper && i > 0 && isCapitalised(a) && isCapitalised(b) && !punctuated(i) && !/^[“"‘(]/u.test(b)) raise(i, COST.name);
    if (FUNCTION_WORDS.has(keys[i]!) && !inWord[i]) raise(i, COST.dangling);
    if (punctuated(i) || /^[“«]/u.test(b) || /[”»]$/u.test(a)) prefer(i, COST.punctuation);
    if (FUNCTION_WORDS.has(keys[i + 1]!) && !inWord[i + 1]) prefer(i, COST.beforeFunctionWord);
  }

  // Inside quotation marks a break is allowed but dearer: a quoted title reads best whole.
  let open = false;
  const costs: number[] = [];
  for (let i = 0; i < n - 1; i++) {
    if (/[“«]/u.test(tokens[i]!)) open = true;
    if (/[”»]/u.test(tokens[i]!)) open = false;
    const base = hard[i]! > 0 ? hard[i]! : Number.isFinite(good[i]!) ? good[i]! : COST.plain;
    costs.push(base + (open ? COST.quoted : 0));
  }
  return costs;
}

export interface Broken {
  lines: string[];
  /** What the breaks cost (0 for one line): lets a caller compare column widths by the lines they give. */
  cost: number;
  /** Index of the first token of each line, and the tokens. */
  starts: number[];
  tokens: string[];
}

/**
 * Breaks already made, by text, widths and style: a batch sets the same agency names, titles and signature lines in
 * every document, and a header is broken at many widths while its columns are sized. Callers get a copy.
 */
const BROKEN = new Map<string, Broken>();
const MAX_BROKEN = 5_000;

/** Breaks text into the lines a văn thư would set: fewest lines that keep phrases whole, then balanced lengths. */
export function breakBalanced(text: string, opts: BreakOptions): Broken {
  const s = opts.style;
  const cacheKey = `${text}\u0000${opts.widthsMm.join(',')}\u0000${s.size}${s.bold ? 'b' : ''}${s.italic ? 'i' : ''}\u0000${opts.lineCost ?? ''}`;
  let b = BROKEN.get(cacheKey);
  if (!b) {
    b = breakAnew(text, opts);
    if (BROKEN.size >= MAX_BROKEN) BROKEN.clear();
    BROKEN.set(cacheKey, b);
  }
  return { lines: [...b.lines], cost: b.cost, starts: [...b.starts], tokens: [...b.tokens] };
}

function breakAnew(text: string, opts: BreakOptions): Broken {
  // Only ordinary spaces are break opportunities: a no-break space (a gap left for handwriting, a bound figure) holds.
  const tokens = text.split(/[ \t\r\n]+/u).filter(Boolean);
  const n = tokens.length;
  if (n === 0) return { lines: [], cost: 0, starts: [], tokens };
  const widths = opts.widthsMm.length ? opts.widthsMm : [Infinity];
  const widthOf = (j: number) => widths[Math.min(j, widths.length - 1)]! - SLACK_MM;
  const space = measureStyled(' ', opts.style);
  const pre = [0];
  for (const t of tokens) pre.push(pre[pre.length - 1]! + measureStyled(t, opts.style));
  const lineWidth = (i: number, k: number) => pre[k]! - pre[i]! + (k - i - 1) * space;
  if (lineWidth(0, n) <= widthOf(0)) return { lines: [tokens.join(' ')], cost: 0, starts: [0], tokens };

  const costs = breakCosts(tokens);
  const lineCost = opts.lineCost ?? 40;
  const total = lineWidth(0, n);

  let best: { cost: number; starts: number[] } | undefined;
  const maxLines = Math.min(n, 64);
  let fewest = Infinity;
  for (let k = 2; k <= maxLines; k++) {
    if (k > fewest + 2) break;
    const avail = Array.from({ length: k }, (_, j) => widthOf(j));
    const share = total / avail.reduce((a, b) => a + b, 0);
    const target = avail.map((a) => a * Math.min(1, share));
    // f[j][i]: least cost of setting tokens [0, i) on j lines; from[j][i] the start of the j-th line.
    const f: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(Infinity));
    const from: number[][] = Array.from({ length: k + 1 }, () => new Array<number>(n + 1).fill(-1));
    f[0]![0] = 0;
    for (let j = 0; j < k; j++) {
      for (let i = 0; i < n; i++) {
        const base = f[j]![i]!;
        if (!Number.isFinite(base)) continue;
        for (let e = i + 1; e <= n; e++) {
          // Each line but the last leaves tokens for the lines after it.
          if (n - e < k - j - 1) break;
          if (j === k - 1 && e !== n) continue;
          const w = lineWidth(i, e);
          let c = 0;
          if (w > avail[j]!) {
            if (e - i > 1) break;
            c += COST.overflow;
          }
          const t = target[j]!;
          c += COST.balance * ((t - w) / t) ** 2;
          if (e - i === 1) c += COST.loneWord;
          if (w < 0.3 * t) c += COST.fragment;
          if (e < n) c += costs[e - 1]!;
          if (base + c < f[j + 1]![e]!) {
            f[j + 1]![e] = base + c;
            from[j + 1]![e] = i;
          }
        }
      }
    }
    const end = f[k]![n]!;
    if (!Number.isFinite(end)) continue;
    fewest = Math.min(fewest, k);
    const cost = end + lineCost * (k - 1);
    if (!best || cost < best.cost) {
      const starts: number[] = [];
      let at = n;
      for (let j = k; j > 0; j--) {
        at = from[j]![at]!;
        starts.unshift(at);
      }
      best = { cost, starts };
    }
  }
  const starts = best?.starts ?? [0];
  const lines = starts.map((s, j) => tokens.slice(s, starts[j + 1] ?? n).join(' '));
  return { lines, cost: best?.cost ?? COST.overflow, starts, tokens };
}

/** The lines of a block: `breakBalanced` of each given line (a clerk's own lines are kept, and broken only if too long). */
export function breakBlock(given: readonly string[], opts: BreakOptions): { lines: string[]; cost: number } {
  const parts = given.map((l) => breakBalanced(l, opts));
  return { lines: parts.flatMap((p) => p.lines), cost: parts.reduce((a, p) => a + p.cost, 0) };
}
