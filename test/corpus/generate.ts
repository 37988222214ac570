// The corpus of bad inputs: systematic mutations of a valid input of every form (drawn from each schema's shape), the
// hostile strings, the hand-written files of test/corpus/hand with their expectations, and odd input file names.
// Run `npx tsx test/corpus/generate.ts DIR` to write the whole corpus into DIR and look at it.
import fs from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { z } from 'zod';
import { loadForm } from '../../src/forms/registry';
import { ROOT } from '../../src/paths';
import { encodeTcvn3, encodeVni } from '../../src/schema/legacy';

export type Outcome = 'invalid' | 'written-with-warning' | 'written';

export interface Expectation {
  outcome: Outcome;
  /** Issues that must be reported, each with its code and JSON path (path omitted for issues of the whole file). */
  issues?: { code: string; path?: string }[];
  /** Strings that must appear as typed in the DOCX text and the PDF text. */
  literal?: string[];
  /** Strings that must appear as typed in the DOCX only (no font for them in the PDF, e.g. emoji). */
  literalDocx?: string[];
}

export interface CorpusCase extends Expectation {
  /** Input file name. */
  file: string;
  /** Raw file content: not always JSON, and JSON escapes such as a lone "\ud800" must survive as written. */
  text: string | Buffer;
}

const here = path.dirname(fileURLToPath(import.meta.url));
const readJson = (p: string) => JSON.parse(fs.readFileSync(path.join(ROOT, p), 'utf8')) as Record<string, any>;

/**
 * A small valid input of every form, written with no issue at all. The money of the tờ trình and the hồ sơ is off:
 * for their dates it rests on values the spec could not confirm, which is rightly warned (rule.unconfirmed_value,
 * tested in test/dossier-rules.test.ts).
 */
export function baseInputs(): Record<string, Record<string, any>> {
  const keHoach = readJson('test/fixtures/minimal-ke-hoach.json');
  return {
    'ke-hoach': keHoach,
    'phat-dong': { ...structuredClone(keHoach), form: 'phat-dong', so: undefined, ngay: '2022-03' },
    'to-trinh': { ...readJson('test/fixtures/to-trinh.json'), tinhTien: false },
    'bien-ban': readJson('test/fixtures/bien-ban.json'),
    'bao-cao-thanh-tich': readJson('test/fixtures/bao-cao-thanh-tich.json'),
    'ho-so-khen-thuong': { ...readJson('data/nominations/ho-so-xa-2025.json'), tinhTien: false },
  };
}

const DATE_KEYS = new Set(['ngay', 'batDau', 'ketThuc', 'ngayQuyetDinh']);
const ENUM_KEYS = new Set(['doiTuong', 'khenThuong', 'hinhThuc']);

function isOptional(schema: z.ZodType): boolean {
  return schema.safeParse(undefined).success;
}

function shapeOf(schema: z.ZodType): Record<string, z.ZodType> {
  return (schema as unknown as { shape: Record<string, z.ZodType> }).shape;
}

/** A value of another JSON type than `v`, and the code that must name it. */
function wrongType(key: string, v: unknown): { value: unknown; code: string } {
  const code = ENUM_KEYS.has(key) ? 'schema.enum' : 'schema.type';
  if (typeof v === 'string') return { value: 42, code };
  if (typeof v === 'number') return { value: String(v), code };
  if (typeof v === 'boolean') return { value: 'true', code };
  if (Array.isArray(v)) return { value: { x: 1 }, code };
  return { value: ['x'], code };
}

const emptyCode = (key: string) => (DATE_KEYS.has(key) ? 'schema.date_invalid' : ENUM_KEYS.has(key) ? 'schema.enum' : 'schema.empty');

/** A text field of each form that prints in the body, for the hostile strings. */
const TEXT_PATH: Record<string, (string | number)[]> = {
  'ke-hoach': ['trichYeu'],
  'phat-dong': ['noiDung', 1],
  'to-trinh': ['trichYeu'],
  'bien-ban': ['veViec'],
  'bao-cao-thanh-tich': ['thanhTich', 0],
  'ho-so-khen-thuong': ['capKhenThuong'],
};
/** A date of each form. */
const DATE_PATH: Record<string, (string | number)[]> = {
  'ke-hoach': ['ngay'],
  'phat-dong': ['ngay'],
  'to-trinh': ['ngay'],
  'bien-ban': ['batDau'],
  'bao-cao-thanh-tich': ['ngay'],
  'ho-so-khen-thuong': ['toTrinh', 'ngay'],
};

function setAt(obj: any, p: (string | number)[], value: unknown): void {
  let o = obj;
  for (const k of p.slice(0, -1)) o = o[k];
  if (value === undefined) delete o[p[p.length - 1]!];
  else o[p[p.length - 1]!] = value;
}

function jsonPath(p: (string | number)[]): string {
  return '$' + p.map((k) => (typeof k === 'number' ? `[${k}]` : `.${k}`)).join('');
}

/** JSON text of an input with one string replaced by raw JSON (so escapes like \ud800 reach the parser as written). */
function withRawString(input: any, p: (string | number)[], rawJsonString: string): string {
  const marker = '__RAW_MARKER__';
  const copy = structuredClone(input);
  setAt(copy, p, marker);
  return JSON.stringify(copy, null, 1).replace(`"${marker}"`, rawJsonString);
}

const stringify = (v: unknown) => JSON.stringify(v, null, 1);

/** Systematic mutations of every form. */
export async function generated(): Promise<CorpusCase[]> {
  const cases: CorpusCase[] = [];
  const bases = baseInputs();
  for (const [form, base] of Object.entries(bases)) {
    const schema = (await loadForm(form)).definition.schema as z.ZodType;
    const shape = shapeOf(schema);
    const add = (name: string, mutate: (d: any) => void, issues: { code: string; path?: string }[], outcome: Outcome = 'invalid') => {
      const d = structuredClone(base);
      mutate(d);
      cases.push({ file: `gen-${form}-${name}.json`, text: stringify(d), outcome, issues });
    };
    for (const key of Object.keys(shape)) {
      if (key === '$schema' || key === 'form') continue;
      const v = base[key];
      if (!isOptional(shape[key]!)) add(`missing-${key}`, (d) => delete d[key], [{ code: 'schema.required', path: `$.${key}` }]);
      if (v === undefined) continue;
      const wrong = wrongType(key, v);
      add(`type-${key}`, (d) => { d[key] = wrong.value; }, [{ code: wrong.code, path: `$.${key}` }]);
      if (typeof v === 'string') {
        add(`empty-${key}`, (d) => { d[key] = ''; }, [{ code: emptyCode(key), path: `$.${key}` }]);
        add(`blank-${key}`, (d) => { d[key] = ' \t '; }, [{ code: emptyCode(key), path: `$.${key}` }]);
      }
      add(`unknown-${key}`, (d) => { d[`${key}X`] = v; }, [{ code: 'schema.unknown_key', path: `$.${key}X` }]);
    }
    const coQuan = base.coQuan ? ['coQuan'] : [];
    if (coQuan.length) {
      add('coQuan-ten-empty', (d) => { d.coQuan.ten = ''; }, [{ code: 'schema.empty', path: '$.coQuan.ten' }]);
      add('coQuan-vietTat-space', (d) => { d.coQuan.vietTat = 'UB ND'; }, [{ code: 'schema.abbreviation', path: '$.coQuan.vietTat' }]);
      add('coQuan-vietTat-path', (d) => { d.coQuan.vietTat = '../UBND'; }, [{ code: 'schema.abbreviation', path: '$.coQuan.vietTat' }]);
      add('coQuan-unknown', (d) => { d.coQuan.tenn = 'x'; }, [{ code: 'schema.unknown_key', path: '$.coQuan.tenn' }]);
    }
    const dp = DATE_PATH[form]!;
    const isTime = dp[dp.length - 1] === 'batDau';
    for (const [name, value] of [
      ['30-feb', isTime ? '2025-02-30T08:00' : '2021-02-30'], ['29-feb-2023', isTime ? '2023-02-29T08:00' : '2023-02-29'],
      ['month-13', isTime ? '2025-13-01T08:00' : '2021-13-01'], ['dmy', isTime ? '05/12/2025 14:00' : '30/02/2021'],
    ] as const) {
      add(`date-${name}`, (d) => setAt(d, dp, value), [{ code: 'schema.date_invalid', path: jsonPath(dp) }]);
    }
    const tp = TEXT_PATH[form]!;
    for (const [name, raw, code] of [
      ['bel', '"a\\u0007b"', 'input.invalid_char'], ['nul', '"a\\u0000b"', 'input.invalid_char'], ['fffe', '"a\\ufffeb"', 'input.invalid_char'],
      ['ffff', '"a\\uffffb"', 'input.invalid_char'], ['lone-high', '"a\\ud800b"', 'input.invalid_char'], ['lone-low', '"a\\udfffb"', 'input.invalid_char'],
      ['c1', '"a\\u0085b"', 'input.invalid_char'],
    ] as const) {
      cases.push({ file: `gen-${form}-char-${name}.json`, text: withRawString(base, tp, raw), outcome: 'invalid', issues: [{ code, path: jsonPath(tp) }] });
    }
    add('text-1mb', (d) => setAt(d, tp, 'Đoạn văn rất dài. '.repeat(60_000)), [{ code: 'schema.too_big', path: jsonPath(tp) }]);
    add('legacy-mixed', (d) => setAt(d, tp, 'Phòng Nội vụ và Phßng Tµi chÝnh quËn'), [{ code: 'input.legacy_encoding_unsure', path: jsonPath(tp) }]);
  }
  return cases;
}

/** Hostile strings in fields of valid inputs that must render: warnings where text is cleaned, and literal printing. */
export function renderedHostile(): CorpusCase[] {
  const b = baseInputs();
  const cases: CorpusCase[] = [];
  const keHoach = (name: string, mutate: (d: any) => void, e: Expectation) => {
    const d = structuredClone(b['ke-hoach']);
    mutate(d);
    cases.push({ file: `render-${name}.json`, text: stringify(d), ...e });
  };
  keHoach('tags', (d) => { d.trichYeu = 'Thẻ {x} {{x}} {@x} {#x}{/x} {{{x}}} <w:p> </w:t>'; d.noiDung[1] = '{@noiDung} {{> header}} ${x} <%= x %>'; }, {
    outcome: 'written', literal: ['Thẻ {x} {{x}} {@x} {#x}{/x} {{{x}}} <w:p> </w:t>', '{@noiDung} {{> header}} ${x} <%= x %>'],
  });
  keHoach('html', (d) => { d.trichYeu = '<script>alert(1)</script> <b>đậm</b> &amp; &lt;'; d.noiDung[1] = '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'; }, {
    outcome: 'written', literal: ['<script>alert(1)</script> <b>đậm</b> &amp; &lt;', '<img src=x onerror=alert(1)> <a href="javascript:alert(1)">x</a>'],
  });
  keHoach('urls', (d) => { d.trichYeu = 'Xem http://example.com/a?b=1&c=2 và file:///etc/passwd'; d.noiNhan[0].ten = 'file:///etc/shadow'; }, {
    outcome: 'written', literal: ['Xem http://example.com/a?b=1&c=2 và file:///etc/passwd', 'file:///etc/shadow'],
  });
  keHoach('emoji', (d) => { d.trichYeu = 'Chúc mừng 🎉👍🏽 thành công'; d.noiDung[1] = 'Gia đình 👨‍👩‍👧 ✅'; }, {
    outcome: 'written', literal: ['Chúc mừng', 'thành công'], literalDocx: ['Chúc mừng 🎉👍🏽 thành công', 'Gia đình 👨‍👩‍👧 ✅'],
  });
  keHoach('nfd', (d) => { d.trichYeu = 'Tổ chức phong trào thi đua'.normalize('NFD'); }, {
    outcome: 'written-with-warning', issues: [{ code: 'input.normalised', path: '$.trichYeu' }], literal: ['Tổ chức phong trào thi đua'],
  });
  keHoach('bidi', (d) => { d.trichYeu = 'Số 47\u202E74 ôS\u202C kế hoạch'; }, {
    outcome: 'written-with-warning', issues: [{ code: 'input.invisible_char', path: '$.trichYeu' }], literal: ['Số 4774 ôS kế hoạch'],
  });
  keHoach('zero-width', (d) => { d.nguoiKy.hoTen = 'Nguyễn\u200B Minh\u200D Tâm\uFEFF'; }, {
    outcome: 'written-with-warning', issues: [{ code: 'input.invisible_char', path: '$.nguoiKy.hoTen' }], literal: ['Nguyễn Minh Tâm'],
  });
  keHoach('tcvn3', (d) => { d.trichYeu = encodeTcvn3('Tổ chức phong trào thi đua yêu nước năm 2024'); }, {
    outcome: 'written-with-warning', issues: [{ code: 'input.legacy_encoding', path: '$.trichYeu' }], literal: ['Tổ chức phong trào thi đua yêu nước năm 2024'],
  });
  keHoach('vni', (d) => { d.noiNhan[0].ten = encodeVni('Ủy ban nhân dân phường Hoàng Liệt'); }, {
    outcome: 'written-with-warning', issues: [{ code: 'input.legacy_encoding', path: '$.noiNhan[0].ten' }], literal: ['Ủy ban nhân dân phường Hoàng Liệt'],
  });
  keHoach('markup', (d) => { d.noiDung[1] = 'Tỷ lệ 5 * 3 và \\*sao\\*'; }, {
    outcome: 'written-with-warning', issues: [{ code: 'schema.markup', path: '$.noiDung[1]' }], literal: ['Tỷ lệ 5 * 3 và *sao*'],
  });
  const other = (form: string, name: string, p: (string | number)[], value: string) => {
    const d = structuredClone(b[form]!);
    setAt(d, p, value);
    cases.push({ file: `render-${form}-${name}.json`, text: stringify(d), outcome: 'written', literal: [value] });
  };
  other('phat-dong', 'tags', ['noiDung', 1], 'Phát động {{#each x}}{{/each}} {@raw} <w:br/> <style>p{color:red}</style>');
  other('to-trinh', 'html', ['danhSach', 1, 'ten'], '<b>Lê</b> Văn Bình & <i>con</i>');
  other('bien-ban', 'url', ['diaDiem'], 'Phòng họp http://127.0.0.1:1/x <link href="x">');
  other('bao-cao-thanh-tich', 'tags', ['thanhTich', 0], 'Giải quyết {hoSo} hồ sơ <w:t>x</w:t> {{{danhSach}}}');
  return cases;
}

/** Inputs whose file names are odd: the output names must stay inside the output folder. */
export function oddNames(): CorpusCase[] {
  const d = stringify(baseInputs()['ke-hoach']);
  const hoSo = structuredClone(baseInputs()['ho-so-khen-thuong']!);
  hoSo.deCu[1].ten = '../../../tmp/x\\..\\evil';
  return [
    { file: 'name-a..b.json', text: d, outcome: 'written' },
    { file: 'name back\\slash.json', text: d, outcome: 'written' },
    { file: '-leading-dash.json', text: d, outcome: 'written' },
    { file: `${'Tên có dấu rất dài '.normalize('NFD').repeat(5)}.json`, text: d, outcome: 'written' },
    { file: 'name $(touch pwned) `id`.json', text: d, outcome: 'written' },
    // Both fold to the output name "name-Hoa": the batch takes inputs in name order, so the second is refused.
    { file: 'name-Hoa.json', text: d, outcome: 'written' },
    { file: 'name-Hòa.json', text: d, outcome: 'invalid', issues: [{ code: 'write.name_clash' }] },
    { file: 'name-ho-so-dot-dot.json', text: stringify(hoSo), outcome: 'written' },
  ];
}

/** Hand-written files and their expectations (test/corpus/expected.json). */
export function handWritten(): CorpusCase[] {
  const expected = JSON.parse(fs.readFileSync(path.join(here, 'expected.json'), 'utf8')) as Record<string, Expectation>;
  const files = fs.readdirSync(path.join(here, 'hand')).filter((f) => f.endsWith('.json')).sort();
  const missing = files.filter((f) => !expected[f]);
  if (missing.length) throw new Error(`no expectation for ${missing.join(', ')}`);
  return files.map((f) => ({ file: `hand-${f}`, text: fs.readFileSync(path.join(here, 'hand', f), 'utf8'), ...expected[f]! }));
}

/** Large inputs made in memory: deep nesting, 100,000 blocks, 10,000 and 10,001 recipients. */
export function large(): CorpusCase[] {
  const base = baseInputs()['ke-hoach']!;
  const many = (n: number, bad?: number) => {
    const d = structuredClone(base);
    d.noiNhan = Array.from({ length: n }, (_, i) => ({ ten: i === bad ? '' : `Ủy ban nhân dân phường số ${i + 1}` }));
    return stringify(d);
  };
  const deep = (open: string, inner: string, close: string, n: number) => stringify(base).replace('"Cuối."', open.repeat(n) + inner + close.repeat(n));
  return [
    { file: 'large-deep-arrays.json', text: deep('[', '', ']', 5_000), outcome: 'invalid', issues: [{ code: 'input.too_deep' }] },
    { file: 'large-deep-blocks.json', text: deep('{"tieuDe":"x","noiDung":[', '"y"', ']}', 2_000), outcome: 'invalid', issues: [{ code: 'input.too_deep' }] },
    { file: 'large-noi-dung-100000-numbers.json', text: stringify({ ...base, noiDung: Array(100_000).fill(1) }), outcome: 'invalid', issues: [{ code: 'schema.too_big', path: '$.noiDung' }] },
    { file: 'bytes-utf16.json', text: Buffer.from(`\uFEFF${stringify(base)}`, 'utf16le'), outcome: 'invalid', issues: [{ code: 'input.json_syntax' }] },
    // One field saved in Latin-1 inside an otherwise UTF-8 file: its "à" is not UTF-8.
    { file: 'bytes-latin1.json', text: Buffer.concat(stringify({ ...base, diaDanh: '@@' }).split('@@').flatMap((part, i) => (i === 0 ? [Buffer.from(part)] : [Buffer.from('Hoàng Mai', 'latin1'), Buffer.from(part)]))), outcome: 'invalid', issues: [{ code: 'input.invalid_char', path: '$.diaDanh' }] },
    { file: 'large-noi-nhan-10000-one-empty.json', text: many(10_000, 9_999), outcome: 'invalid', issues: [{ code: 'schema.empty', path: '$.noiNhan[9999].ten' }] },
    { file: 'large-noi-nhan-10001.json', text: many(10_001), outcome: 'invalid', issues: [{ code: 'schema.too_big', path: '$.noiNhan' }] },
  ];
}

export async function corpus(): Promise<CorpusCase[]> {
  return [...(await generated()), ...renderedHostile(), ...oddNames(), ...handWritten(), ...large()];
}

if (process.argv[1] && path.resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  const dir = process.argv[2];
  if (!dir) throw new Error('usage: tsx test/corpus/generate.ts DIR');
  fs.mkdirSync(dir, { recursive: true });
  for (const c of await corpus()) fs.writeFileSync(path.join(dir, c.file), c.text);
  console.log(`${(await corpus()).length} files written to ${dir}`);
}
