// Validation stage: text to NFC with bad characters caught, then the form's zod schema, every issue mapped to the catalogue.
import type { z } from 'zod';
import { makeIssue } from '../errors/catalogue';
import { jsonPath, type Issue } from '../errors/issue';
import { labelOf, schemaAt } from './labels';
import { detectLegacy, ENCODING_NAME } from './legacy';

/**
 * Characters no document may hold: C0 and C1 controls (tab and line breaks aside), noncharacters, lone surrogates, and
 * U+FFFD, which stands where a file that was not UTF-8 lost its letters.
 */
const BAD_CHAR = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uFFFD]|\p{Noncharacter_Code_Point}|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/u;

/**
 * Invisible marks that change only how text is displayed or searched (direction overrides and isolates, zero-width
 * spaces and joiners, a byte-order mark inside text): removed with a warning. A zero-width joiner between two
 * pictographs is part of an emoji and stays.
 */
const INVISIBLE = /[\u061C\u180E\u200B\u200C\u200E\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]|\u200D(?!\p{Extended_Pictographic})|(?<![\p{Extended_Pictographic}\u{1F3FB}-\u{1F3FF}\uFE0F])\u200D/gu;

/**
 * Cheap first tests, without the lookarounds and Unicode properties: every string either pattern can match holds
 * one of these code units (noncharacters beyond U+FFFF are written with surrogates), and almost no text does, so
 * the exact patterns run on few strings. Together they were a quarter of validation in a batch profile.
 */
const MAY_BE_BAD = /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F-\u009F\uD800-\uDFFF\uFDD0-\uFDEF\uFFFD-\uFFFF]/;
const MAY_BE_INVISIBLE = /[\u061C\u180E\u200B-\u200F\u202A-\u202E\u2060-\u2064\u2066-\u2069\uFEFF]/;

/** Nesting of arrays and objects no form needs (the deepest, a dossier's nested report body, stays under 20). */
export const MAX_DEPTH = 40;

const codePoint = (c: string) => `U+${c.codePointAt(0)!.toString(16).toUpperCase().padStart(4, '0')}`;

function describeChar(s: string): string {
  const m = BAD_CHAR.exec(s);
  return m ? codePoint(m[0]) : '';
}

/**
 * Returns a copy with every string cleaned, and the issues found. Per string, in order: a character no document may
 * hold is refused (input.invalid_char); invisible marks are removed (input.invisible_char, warning); the text goes to
 * NFC (input.normalised, warning); text typed in TCVN3 or VNI is converted (input.legacy_encoding, warning) or, when
 * mixed with Unicode, refused (input.legacy_encoding_unsure). `schema` only names the fields in the messages.
 */
export function normaliseInput(value: unknown, source?: string, schema?: z.ZodType): { value: unknown; issues: Issue[] } {
  const issues: Issue[] = [];
  const counted = { normalised: [] as string[], invisible: [] as string[] };
  const invisibleChars = new Set<string>();
  let firstInvisible: PropertyKey[] = [];
  const field = (path: PropertyKey[]) => {
    const p = jsonPath(path);
    const lbl = schema ? labelOf(schemaAt(schema, path)) : undefined;
    return { path: p, fieldVi: lbl?.vi ?? p, fieldEn: lbl?.en ?? p };
  };
  let tooDeep = false;
  const walk = (v: unknown, path: PropertyKey[]): unknown => {
    if (path.length > MAX_DEPTH && v !== null && typeof v === 'object') {
      // Deeper than any form goes: stop here rather than let every later stage recurse into it.
      if (!tooDeep) issues.push(makeIssue('input.too_deep', { ...field(path), max: MAX_DEPTH }, { source, path: jsonPath(path) }));
      tooDeep = true;
      return v;
    }
    if (typeof v === 'string') {
      // Lone surrogates would break NFC; test them on the raw string.
      if (MAY_BE_BAD.test(v) && BAD_CHAR.test(v)) {
        issues.push(makeIssue('input.invalid_char', { ...field(path), char: describeChar(v) }, { source, path: jsonPath(path) }));
        return v;
      }
      let out = !MAY_BE_INVISIBLE.test(v) ? v : v.replace(INVISIBLE, (c) => {
        invisibleChars.add(codePoint(c));
        return '';
      });
      if (out !== v) {
        if (counted.invisible.length === 0) firstInvisible = path;
        counted.invisible.push(jsonPath(path));
      }
      const n = out.normalize('NFC');
      if (n !== out) counted.normalised.push(jsonPath(path));
      out = n;
      const legacy = detectLegacy(out);
      if (legacy.kind === 'converted') {
        issues.push(makeIssue('input.legacy_encoding', { ...field(path), encoding: ENCODING_NAME[legacy.encoding], text: shorten(legacy.text) }, { source, path: jsonPath(path) }));
        out = legacy.text;
      } else if (legacy.kind === 'unsure') {
        const words = legacy.words.slice(0, 5).map((w) => `"${w.from}" → "${w.to}"`).join(', ') + (legacy.words.length > 5 ? ', …' : '');
        issues.push(makeIssue('input.legacy_encoding_unsure', { ...field(path), encoding: ENCODING_NAME[legacy.encoding], words }, { source, path: jsonPath(path) }));
      }
      return out;
    }
    if (Array.isArray(v)) return v.map((x, i) => walk(x, [...path, i]));
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      // defineProperty keeps a "__proto__" key an ordinary key, reported as unknown, instead of a prototype.
      for (const [k, x] of Object.entries(v)) Object.defineProperty(out, k.normalize('NFC'), { value: walk(x, [...path, k]), enumerable: true, writable: true, configurable: true });
      return out;
    }
    return v;
  };
  const out = walk(value, []);
  const summary = (paths: string[]) => `${paths[0]}${paths.length > 1 ? ` (+${paths.length - 1})` : ''}`;
  if (counted.invisible.length > 0) {
    const first = counted.invisible[0]!;
    const fld = field(firstInvisible);
    const more = counted.invisible.length > 1 ? ` (+${counted.invisible.length - 1})` : '';
    issues.push(makeIssue('input.invisible_char', { fieldVi: fld.fieldVi + more, fieldEn: fld.fieldEn + more, path: summary(counted.invisible), chars: [...invisibleChars].join(', ') }, { source, path: first }));
  }
  if (counted.normalised.length > 0) {
    const first = counted.normalised[0]!;
    issues.push(makeIssue('input.normalised', { path: summary(counted.normalised) }, { source, path: first }));
  }
  return { value: out, issues };
}

/** The text shown in a message: long paragraphs cut in the middle of nothing important. */
function shorten(s: string): string {
  return s.length > 200 ? `${s.slice(0, 197)}…` : s;
}

const TYPE_VI: Record<string, string> = {
  string: 'chuỗi văn bản', number: 'số', int: 'số nguyên', boolean: 'true/false', array: 'danh sách [ … ]',
  object: 'đối tượng { … }', undefined: 'không có', null: 'null',
};

function typeName(v: unknown): string {
  if (v === null) return 'null';
  if (Array.isArray(v)) return 'array';
  return typeof v;
}

export function closest(key: string, known: string[]): string | undefined {
  let best: string | undefined;
  let bestD = Infinity;
  for (const k of known) {
    const d = editDistance(key.toLowerCase(), k.toLowerCase());
    if (d < bestD) {
      bestD = d;
      best = k;
    }
  }
  return bestD <= Math.max(2, Math.floor(key.length / 3)) ? best : undefined;
}

function editDistance(a: string, b: string): number {
  const dp = Array.from({ length: b.length + 1 }, (_, i) => i);
  for (let i = 1; i <= a.length; i++) {
    let prev = dp[0]!;
    dp[0] = i;
    for (let j = 1; j <= b.length; j++) {
      const tmp = dp[j]!;
      dp[j] = Math.min(dp[j]! + 1, dp[j - 1]! + 1, prev + (a[i - 1] === b[j - 1] ? 0 : 1));
      prev = tmp;
    }
  }
  return dp[b.length]!;
}

function knownKeys(schema: z.ZodType | undefined): string[] {
  const def = (schema as unknown as { _zod?: { def: Record<string, unknown> } } | undefined)?._zod?.def;
  if (!def) return [];
  if (def.type === 'object') return Object.keys(def.shape as object);
  if (def.innerType) return knownKeys(def.innerType as z.ZodType);
  if (def.type === 'union') return (def.options as z.ZodType[]).flatMap(knownKeys);
  return [];
}

type ZIssue = z.core.$ZodIssue;

/** Of the branches of a failed union, the one the input got furthest into. */
function bestBranch(errors: ZIssue[][], basePathLen: number): ZIssue[] {
  let best: ZIssue[] = errors[0] ?? [];
  let bestScore = -1;
  for (const branch of errors) {
    const rootTypeMiss = branch.some((i) => i.code === 'invalid_type' && i.path.length === 0);
    const depth = Math.max(0, ...branch.map((i) => i.path.length));
    const score = (rootTypeMiss ? 0 : 1000) + depth * 10 - branch.length;
    if (score > bestScore) {
      bestScore = score;
      best = branch;
    }
  }
  void basePathLen;
  return best;
}

export function mapZodIssues(root: z.ZodType, zIssues: readonly ZIssue[], input: unknown, source?: string, prefix: PropertyKey[] = []): Issue[] {
  const out: Issue[] = [];
  for (const zi of zIssues) {
    const path = [...prefix, ...zi.path];
    if (zi.code === 'invalid_union' && zi.errors.length > 0) {
      const value = valueAt(input, path);
      if (value !== undefined && value !== null && (typeof value === 'object' || typeof value === 'string')) {
        out.push(...mapZodIssues(root, bestBranch(zi.errors, path.length), input, source, path));
        continue;
      }
      const lbl = labelOf(schemaAt(root, path));
      const p = jsonPath(path);
      if (value === undefined) {
        out.push(makeIssue('schema.required', { path: p, fieldVi: lbl?.vi ?? p, fieldEn: lbl?.en ?? p, helpVi: lbl?.helpVi ?? '', helpEn: lbl?.helpEn ?? '', key: String(path[path.length - 1] ?? '') }, { source, path: p }));
        continue;
      }
      out.push(makeIssue('schema.type', {
        path: p, fieldVi: lbl?.vi ?? p, fieldEn: lbl?.en ?? p, helpVi: lbl?.helpVi ?? '', helpEn: lbl?.helpEn ?? '',
        expected: 'text or an object', expectedVi: 'chuỗi văn bản hoặc đối tượng { … }',
        received: typeName(value), receivedVi: TYPE_VI[typeName(value)] ?? typeName(value),
      }, { source, path: p }));
      continue;
    }
    out.push(mapOne(root, zi, path, input, source));
  }
  return dedupe(out);
}

function dedupe(issues: Issue[]): Issue[] {
  const seen = new Set<string>();
  return issues.filter((i) => {
    const k = `${i.code}|${i.path}|${i.message.en}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let v: unknown = input;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = (v as Record<PropertyKey, unknown>)[k as string];
  }
  return v;
}

function mapOne(root: z.ZodType, zi: ZIssue, path: PropertyKey[], input: unknown, source?: string): Issue {
  const schema = schemaAt(root, path);
  const lbl = labelOf(schema);
  const p = jsonPath(path);
  const base = { path: p, fieldVi: lbl?.vi ?? p, fieldEn: lbl?.en ?? p, helpVi: lbl?.helpVi ?? '', helpEn: lbl?.helpEn ?? '' };
  const place = { source, path: p };
  const value = valueAt(input, path);
  const show = (v: unknown) => {
    const s = typeof v === 'string' ? v : JSON.stringify(v);
    return s === undefined ? 'undefined' : s.length > 60 ? `${s.slice(0, 57)}…` : s;
  };
  switch (zi.code) {
    case 'invalid_type': {
      if (value === undefined) return makeIssue('schema.required', { ...base, key: String(path[path.length - 1] ?? '') }, place);
      const expected = zi.expected;
      return makeIssue('schema.type', {
        ...base, expected, expectedVi: TYPE_VI[expected] ?? expected,
        received: typeName(value), receivedVi: TYPE_VI[typeName(value)] ?? typeName(value),
      }, place);
    }
    case 'unrecognized_keys': {
      const known = knownKeys(schemaAt(root, path));
      // One issue per key so each names its own path.
      const key = zi.keys[0] ?? '';
      const keyPath = jsonPath([...path, key]);
      return makeIssue('schema.unknown_key', { ...base, key, known: known.join(', '), suggest: closest(key, known) ?? '' }, { source, path: keyPath });
    }
    case 'too_small':
      if (zi.origin === 'string' && Number(zi.minimum) === 1) return makeIssue('schema.empty', base, place);
      if (zi.origin === 'array' && Number(zi.minimum) === 1) return makeIssue('schema.empty', base, place);
      return makeIssue('schema.too_small', { ...base, min: Number(zi.minimum) }, place);
    case 'too_big':
      return makeIssue('schema.too_big', { ...base, max: Number(zi.maximum) }, place);
    case 'invalid_value':
      // A missing key of a list of values ("doiTuong") is missing, not wrong.
      if (value === undefined) return makeIssue('schema.required', { ...base, key: String(path[path.length - 1] ?? '') }, place);
      return makeIssue('schema.enum', { ...base, value: show(value), allowed: zi.values.map(String).join(', ') }, place);
    case 'invalid_format':
      return makeIssue('schema.format', { ...base, value: show(value) }, place);
    case 'custom': {
      const code = (zi.params as { code?: string } | undefined)?.code;
      if (code === 'schema.date_invalid') return makeIssue('schema.date_invalid', { ...base, value: show(value) }, place);
      if (code === 'schema.abbreviation') return makeIssue('schema.abbreviation', { ...base, value: show(value) }, place);
      if (code === 'schema.signer') {
        const prm = zi.params as { reasonVi: string; reasonEn: string };
        return makeIssue('schema.signer', { ...base, reasonVi: prm.reasonVi, reasonEn: prm.reasonEn }, place);
      }
      if (code === 'schema.nesting') return makeIssue('schema.nesting', { ...base, max: Number((zi.params as { max: number }).max) }, place);
      return makeIssue('schema.invalid', { ...base, detail: zi.message }, place);
    }
    default:
      return makeIssue('schema.invalid', { ...base, detail: zi.message }, place);
  }
}

/**
 * Validates one input against a schema; returns the parsed value only when there is no error. Every issue of the
 * input comes at once: a refused character does not hide a misspelt key elsewhere. Only input nested deeper than any
 * form goes stops before the schema, which would recurse into it.
 */
export function validateWith<T>(schema: z.ZodType<T>, raw: unknown, source?: string): { value?: T; issues: Issue[] } {
  const norm = normaliseInput(raw, source, schema);
  if (norm.issues.some((i) => i.code === 'input.too_deep')) return { issues: norm.issues };
  const refused = norm.issues.filter((i) => i.severity === 'error').map((i) => i.path ?? '$');
  const result = schema.safeParse(norm.value, { reportInput: true });
  if (result.success) return refused.length ? { issues: norm.issues } : { value: result.data, issues: norm.issues };
  const issues = mapZodIssues(schema, result.error.issues, norm.value, source);
  // unrecognized_keys reports several keys in one zod issue; expand them.
  const expanded: Issue[] = [];
  for (const zi of result.error.issues) {
    if (zi.code === 'unrecognized_keys' && zi.keys.length > 1) {
      for (const key of zi.keys.slice(1)) {
        expanded.push(...mapZodIssues(schema, [{ ...zi, keys: [key] }], norm.value, source));
      }
    }
  }
  // A field already refused for its characters is not reported a second time for what they did to its format.
  const own = (i: Issue) => refused.some((p) => i.path === p || i.path?.startsWith(`${p}.`) || i.path?.startsWith(`${p}[`));
  return { issues: [...norm.issues, ...[...issues, ...expanded].filter((i) => !own(i))] };
}
