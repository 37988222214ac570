// Invalid inputs: each must be refused with the expected issue code at the expected JSON path.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare, parseJson } from '../../src/pipeline/prepare';

const base = JSON.parse(fs.readFileSync(new URL('../fixtures/minimal-ke-hoach.json', import.meta.url), 'utf8'));

function mutate(fn: (d: any) => void): unknown {
  const d = structuredClone(base);
  fn(d);
  return d;
}

async function issuesOf(input: unknown) {
  const p = await prepare(input, 'test.json');
  return p.issues.map((i) => ({ code: i.code, path: i.path, severity: i.severity }));
}

describe('valid input', () => {
  it('the minimal fixture has no issue', async () => {
    expect(await issuesOf(base)).toEqual([]);
  });
});

describe('invalid inputs give code and JSON path', () => {
  it.each<[string, (d: any) => void, string, string]>([
    ['missing trích yếu', (d) => delete d.trichYeu, 'schema.required', '$.trichYeu'],
    ['misspelt key', (d) => { d.trichYeu2 = d.trichYeu; }, 'schema.unknown_key', '$.trichYeu2'],
    ['misspelt nested key', (d) => { d.nguoiKy.hoten = 'x'; }, 'schema.unknown_key', '$.nguoiKy.hoten'],
    ['number as text', (d) => { d.so = '47'; }, 'schema.type', '$.so'],
    ['number zero', (d) => { d.so = 0; }, 'schema.too_small', '$.so'],
    ['fractional number', (d) => { d.so = 4.5; }, 'schema.type', '$.so'],
    ['30 February', (d) => { d.ngay = '2021-02-30'; }, 'schema.date_invalid', '$.ngay'],
    ['date in day/month/year', (d) => { d.ngay = '09/06/2021'; }, 'schema.date_invalid', '$.ngay'],
    ['empty place', (d) => { d.diaDanh = '   '; }, 'schema.empty', '$.diaDanh'],
    ['abbreviation with a space', (d) => { d.coQuan.vietTat = 'HĐ TĐKT'; }, 'schema.abbreviation', '$.coQuan.vietTat'],
    ['abbreviation with a hyphen', (d) => { d.coQuan.vietTat = 'KH-UBND'; }, 'schema.abbreviation', '$.coQuan.vietTat'],
    ['lower-case abbreviation', (d) => { d.coQuan.vietTat = 'ubnd'; }, 'schema.abbreviation', '$.coQuan.vietTat'],
    ['empty recipient', (d) => { d.noiNhan[0].ten = ''; }, 'schema.empty', '$.noiNhan[0].ten'],
    ['recipient not an object', (d) => { d.noiNhan[0] = 5; }, 'schema.type', '$.noiNhan[0]'],
    ['signer without name', (d) => { delete d.nguoiKy.hoTen; }, 'schema.required', '$.nguoiKy.hoTen'],
    ['KT. without head title', (d) => { d.nguoiKy = { hinhThuc: 'KT.', chucVu: 'Phó Chủ tịch', hoTen: 'A' }; }, 'schema.signer', '$.nguoiKy'],
    ['unknown authority form', (d) => { d.nguoiKy.hinhThuc = 'TT.'; }, 'schema.enum', '$.nguoiKy.hinhThuc'],
    ['empty body', (d) => { d.noiDung = []; }, 'schema.empty', '$.noiDung'],
    ['body block of the wrong type', (d) => { d.noiDung[1] = 42; }, 'schema.type', '$.noiDung[1]'],
    ['misspelt key in a nested block', (d) => { d.noiDung[0].noiDung[0].tieuDe2 = 'x'; }, 'schema.unknown_key', '$.noiDung[0].noiDung[0].tieuDe2'],
    ['headings nested too deep', (d) => {
      d.noiDung = [{ tieuDe: 'a', noiDung: [{ tieuDe: 'b', noiDung: [{ tieuDe: 'c', noiDung: [{ tieuDe: 'd', noiDung: [{ tieuDe: 'e', noiDung: ['x'] }] }] }] }] }];
    }, 'schema.nesting', '$.noiDung[0].noiDung[0].noiDung[0].noiDung[0].noiDung[0]'],
    ['control character', (d) => { d.trichYeu = 'a\u0007b'; }, 'input.invalid_char', '$.trichYeu'],
    ['U+FFFE', (d) => { d.noiNhan[0].ten = 'a\uFFFEb'; }, 'input.invalid_char', '$.noiNhan[0].ten'],
    ['lone surrogate', (d) => { d.nguoiKy.hoTen = 'a\uD800b'; }, 'input.invalid_char', '$.nguoiKy.hoTen'],
    ['unknown form', (d) => { d.form = 'ke-hoach-x'; }, 'input.unknown_form', '$.form'],
    ['copies as text', (d) => { d.luu.soBan = 'hai'; }, 'schema.type', '$.luu.soBan'],
  ])('%s', async (_name, fn, code, path) => {
    const issues = await issuesOf(mutate(fn));
    expect(issues).toContainEqual({ code, path, severity: 'error' });
  });

  it('reports every issue of a file at once', async () => {
    const issues = await issuesOf(mutate((d) => {
      delete d.trichYeu;
      d.ngay = '2021-02-30';
      d.coQuan.vietTat = 'x y';
    }));
    expect(issues.map((i) => i.path).sort()).toEqual(['$.coQuan.vietTat', '$.ngay', '$.trichYeu']);
  });

  it('reports a refused character together with the schema issues of other fields', async () => {
    const issues = await issuesOf(mutate((d) => {
      d.diaDanh = 'Hoàng\u0007Mai';
      d.trichYeu2 = 'x';
      delete d.trichYeu;
    }));
    expect(issues).toEqual(expect.arrayContaining([
      { code: 'input.invalid_char', path: '$.diaDanh', severity: 'error' },
      { code: 'schema.unknown_key', path: '$.trichYeu2', severity: 'error' },
      { code: 'schema.required', path: '$.trichYeu', severity: 'error' },
    ]));
    expect(issues).toHaveLength(3);
  });

  it('names the field and the fix in Vietnamese and English', async () => {
    const p = await prepare(mutate((d) => { d.ngay = '2021-02-30'; }), 'x.json');
    const i = p.issues[0]!;
    expect(i.message.vi).toContain('Ngày ban hành');
    expect(i.message.en).toContain('Date of issue');
    expect(i.hint?.vi).toContain('2021-06-09');
    expect(i.hint?.en).toContain('YEAR-MONTH-DAY');
  });

  it('suggests the closest key for a misspelt one', async () => {
    const p = await prepare(mutate((d) => { d.trichYu = d.trichYeu; delete d.trichYeu; }), 'x.json');
    const unknown = p.issues.find((i) => i.code === 'schema.unknown_key')!;
    expect(unknown.hint?.en).toContain('"trichYeu"');
  });
});

describe('text normalisation (§7.2)', () => {
  it('accepts decomposed text, normalises it and warns once', async () => {
    const p = await prepare(mutate((d) => { d.trichYeu = 'Tổ chức phong trào'.normalize('NFD'); }), 'x.json');
    expect(p.issues.map((i) => i.code)).toEqual(['input.normalised']);
    expect(p.vm!.trichYeu).toBe('Tổ chức phong trào');
  });
  it('warns of unclosed markup and prints it literally', async () => {
    const p = await prepare(mutate((d) => { d.noiDung[1] = 'Tỷ lệ 5 * 3'; }), 'x.json');
    expect(p.issues).toMatchObject([{ code: 'schema.markup', path: '$.noiDung[1]', severity: 'warning' }]);
  });
});

describe('JSON syntax', () => {
  it('reports line and column', () => {
    const r = parseJson('{\n  "form": "ke-hoach",\n  "so": ,\n}', 'bad.json');
    expect(r.issues[0]!.code).toBe('input.json_syntax');
    expect(r.issues[0]!.message.en).toMatch(/line 3/);
  });
  it('refuses a top-level array', async () => {
    expect(await issuesOf([1, 2])).toEqual([{ code: 'input.not_object', path: '$', severity: 'error' }]);
  });
});

describe('input nested beyond any document', () => {
  it('is refused with one issue instead of exhausting the stack', async () => {
    const deep = JSON.parse(`{"form":"ke-hoach","noiDung":${'[{"tieuDe":"x","noiDung":'.repeat(2_000)}[]${'}]'.repeat(2_000)}}`);
    const issues = await issuesOf(deep);
    expect(issues).toHaveLength(1);
    expect(issues[0]).toMatchObject({ code: 'input.too_deep', severity: 'error' });
    expect(issues[0]!.path).toMatch(/^\$\.noiDung\[0\]\.noiDung\[0\]/);
  });
});

describe('schemas a maintainer writes for a new form', () => {
  // The shipped forms use custom checks with their own codes; a new form's schema may use zod's own formats.
  it('maps a failed format to schema.format and any other refusal to schema.invalid, at the field', async () => {
    const { z } = await import('zod');
    const { validateWith } = await import('../../src/schema/validate');
    const schema = z.strictObject({ maSo: z.string().regex(/^\d{4}$/), ghiChu: z.string().refine((s) => s !== 'x', 'không được là x') });
    const r = validateWith(schema, { maSo: 'AB12', ghiChu: 'x' }, 'moi.json');
    expect(r.value).toBeUndefined();
    expect(r.issues.map((i) => [i.code, i.path])).toEqual([['schema.format', '$.maSo'], ['schema.invalid', '$.ghiChu']]);
    expect(r.issues[0]!.message.en).toContain('AB12');
    expect(r.issues[1]!.message.en).toContain('không được là x');
  });
});
