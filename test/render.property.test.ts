// "Every valid input renders; every invalid input is refused with a JSON path": generated kế hoạch and tờ trình inputs
// built from the schemas' shape validate and render to DOCX (and, for a few, to PDF); a mutation of one field (key
// dropped, wrong type, impossible date, unknown key) is refused with an error whose path names that field.
import fc from 'fast-check';
import PizZip from 'pizzip';
import { afterAll, describe, expect, it } from 'vitest';
import { prepare } from '../src/pipeline/prepare';
import { documentPdf } from '../src/pipeline/render-input';
import { renderDocx } from '../src/render/docx/render';
import { BrowserPool } from '../src/render/pdf/browser';
import { jsonPath } from '../src/errors/issue';
import { docxText, pdfText, tmpDir } from './helpers';
import fs from 'node:fs';
import path from 'node:path';

/** Text a clerk may type: Vietnamese, punctuation, digits, and characters that mean something to HTML or templates. */
const char = fc.constantFrom(...'aăâbcdđeêghiklmnoôơpqrstuưvxyAĂÂBCDĐEÊGHIKLMNOÔƠPQRSTUƯVXYàáảãạằắẳẵặầấẩẫậèéẻẽẹềếểễệìíỉĩịòóỏõọồốổỗộờớởỡợùúủũụừứửữựỳýỷỹỵ0123456789 ,.;:!?()[]{}<>&"\'/\\%@#$=+-–“”…');
const text = (max = 60) => fc.string({ unit: char, minLength: 1, maxLength: max }).filter((s) => s.trim().length > 0);
const abbreviation = fc.tuple(fc.constantFrom(...'ABCDĐGHKLMNPQSTUVX'), fc.string({ unit: fc.constantFrom(...'ABCDĐGHKLNPTUVX'), maxLength: 6 })).map(([a, b]) => a + b);
const date = fc.record({ y: fc.integer({ min: 1945, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 28 }), blank: fc.boolean() })
  .map(({ y, m, d, blank }) => `${y}-${String(m).padStart(2, '0')}${blank ? '' : `-${String(d).padStart(2, '0')}`}`);
const opt = <T>(a: fc.Arbitrary<T>) => fc.option(a, { nil: undefined });

/** Signers the rules of NĐ 30 PL I II.7 allow. */
const nguoiKy = fc.oneof(
  fc.record({ chucVu: text(40), hoTen: text(40) }),
  fc.record({ thayMat: text(40), chucVu: text(40), hoTen: text(40) }),
  fc.record({ thayMat: text(40), hinhThuc: fc.constant('KT.'), thuTruong: text(40), chucVu: text(40), hoTen: text(40) }),
  fc.record({ hinhThuc: fc.constantFrom('TL.', 'TUQ.'), thuTruong: text(40), chucVu: text(40), hoTen: text(40) }),
);

type Block = string | Record<string, unknown>;
/** Body blocks nested as deep as the decree numbers them (I. / 1. / 1.1. / a)). */
const blocks = (depth: number): fc.Arbitrary<Block[]> => {
  const leaf: fc.Arbitrary<Block> = fc.oneof(text(), fc.record({ gach: text(), cong: opt(fc.array(text(), { minLength: 1, maxLength: 2 })) }, { requiredKeys: ['gach'] }));
  if (depth === 0) return fc.array(leaf, { minLength: 1, maxLength: 3 });
  const nested = (key: string) => fc.record({ [key]: text(), noiDung: opt(blocks(depth - 1)) }, { requiredKeys: [key] }) as fc.Arbitrary<Block>;
  return fc.array(fc.oneof(leaf, nested('tieuDe'), nested('khoan'), nested('diem')), { minLength: 1, maxLength: 3 });
};

const common = {
  coQuan: fc.record({ chuQuan: opt(fc.oneof(text(40), fc.array(text(40), { minLength: 1, maxLength: 2 }))), ten: fc.oneof(text(40), fc.array(text(40), { minLength: 1, maxLength: 3 })), vietTat: abbreviation }, { requiredKeys: ['ten', 'vietTat'] }),
  so: opt(fc.integer({ min: 1, max: 99_999 })),
  diaDanh: text(30),
  ngay: date,
  trichYeu: text(120),
  noiNhan: fc.array(fc.record({ ten: text(50), mucDich: opt(text(20)) }, { requiredKeys: ['ten'] }), { maxLength: 6 }),
  luu: opt(fc.record({ donVi: opt(fc.array(abbreviation, { maxLength: 2 })), soBan: opt(fc.integer({ min: 1, max: 999 })) }, { requiredKeys: [] })),
  nguoiKy,
};

const keHoach = fc.record({
  form: fc.constantFrom('ke-hoach', 'phat-dong'),
  ...common,
  phongTrao: opt(fc.record({ ten: text(60), tuNam: opt(fc.integer({ min: 1945, max: 2100 })) }, { requiredKeys: ['ten'] })),
  canCu: opt(fc.array(text(), { maxLength: 3 })),
  moDau: opt(fc.array(text(), { maxLength: 2 })),
  noiDung: blocks(3),
  ketLuan: opt(fc.array(text(), { maxLength: 2 })),
}, { requiredKeys: ['form', 'coQuan', 'diaDanh', 'ngay', 'trichYeu', 'noiNhan', 'nguoiKy', 'noiDung'] });

const nominee = fc.oneof(
  fc.record({ doiTuong: fc.constant('ca-nhan'), ten: text(40), chucVu: opt(text(30)), khenThuong: fc.constantFrom('lao-dong-tien-tien', 'chien-si-thi-dua-co-so', 'giay-khen', 'bang-khen-tinh') }, { requiredKeys: ['doiTuong', 'ten', 'khenThuong'] }),
  fc.record({ doiTuong: fc.constant('tap-the'), ten: text(40), khenThuong: fc.constantFrom('tap-the-lao-dong-tien-tien', 'tap-the-lao-dong-xuat-sac', 'giay-khen') }),
);
const toTrinh = fc.record({
  form: fc.constant('to-trinh'),
  ...common,
  ngay: date.filter((d) => d.length === 10),
  kinhGui: fc.array(text(50), { minLength: 1, maxLength: 3 }),
  capKhenThuong: text(60),
  danhSach: fc.array(nominee, { minLength: 1, maxLength: 4 }),
  tinhTien: opt(fc.boolean()),
}, { requiredKeys: ['form', 'coQuan', 'diaDanh', 'ngay', 'trichYeu', 'noiNhan', 'nguoiKy', 'kinhGui', 'capKhenThuong', 'danhSach'] });

/** Drops the keys fast-check left undefined, as JSON would. */
const asJson = (v: unknown) => JSON.parse(JSON.stringify(v)) as Record<string, any>;

async function renders(input: Record<string, any>) {
  const p = await prepare(input, 'gen.json');
  expect(p.issues.filter((i) => i.severity === 'error'), JSON.stringify(p.issues)).toEqual([]);
  for (const doc of p.documents) {
    const zip = new PizZip(renderDocx(doc.vm, doc.templateDir));
    const xml = zip.file('word/document.xml')!.asText();
    expect(docxText(xml).replace(/\s+/gu, ' ')).toContain(doc.vm.trichYeu.replace(/\s+/gu, ' ').trim());
  }
  return p;
}

describe('every valid input renders', () => {
  it.each([['kế hoạch / phát động', keHoach], ['tờ trình', toTrinh]] as const)('%s: validates and renders to DOCX', async (_n, arb) => {
    await fc.assert(fc.asyncProperty(arb, async (raw) => {
      await renders(asJson(raw));
    }), { numRuns: 40 });
  });

  const pool = new BrowserPool();
  afterAll(() => pool.close());
  it('a few of them to PDF as well', async () => {
    const dir = tmpDir('prop-pdf');
    let n = 0;
    await fc.assert(fc.asyncProperty(fc.oneof(keHoach, toTrinh), async (raw) => {
      const p = await renders(asJson(raw));
      const file = path.join(dir, `${n++}.pdf`);
      fs.writeFileSync(file, await documentPdf(pool, p.documents[0]!));
      const printed = pdfText(file).replace(/\s+/gu, '');
      expect(printed).toContain('CỘNGHÒAXÃHỘICHỦNGHĨAVIỆTNAM');
      expect(printed).toContain(p.documents[0]!.vm.chuKy.hoTen.replace(/\s+/gu, ''));
    }), { numRuns: 4 });
  }, 120_000);
});

type Path = (string | number)[];
/** Paths of every value in an input, the input's own keys first. */
function pathsOf(v: unknown, p: Path = []): Path[] {
  if (Array.isArray(v)) return [p, ...v.flatMap((x, i) => pathsOf(x, [...p, i]))];
  if (v && typeof v === 'object') return [p, ...Object.entries(v).flatMap(([k, x]) => pathsOf(x, [...p, k]))];
  return [p];
}
const get = (o: any, p: Path) => p.reduce((a, k) => a?.[k], o);
const set = (o: any, p: Path, v: unknown) => {
  const parent = get(o, p.slice(0, -1));
  if (v === undefined) delete parent[p[p.length - 1]!];
  else parent[p[p.length - 1]!] = v;
};

const REQUIRED: Path[] = [['coQuan'], ['coQuan', 'ten'], ['coQuan', 'vietTat'], ['diaDanh'], ['ngay'], ['trichYeu'], ['noiDung'], ['noiNhan'], ['nguoiKy'], ['nguoiKy', 'hoTen']];

describe('every invalid input is refused with the JSON path of the field', () => {
  const refusedAt = async (input: unknown, p: Path, codes: string[]) => {
    const issues = (await prepare(input, 'gen.json')).issues.filter((i) => i.severity === 'error');
    expect(issues.some((i) => i.path === jsonPath(p) && codes.includes(i.code)), `${jsonPath(p)} ${codes} in ${JSON.stringify(issues.map((i) => [i.code, i.path]))}`).toBe(true);
  };

  it('a required key dropped', async () => {
    await fc.assert(fc.asyncProperty(keHoach, fc.constantFrom(...REQUIRED), async (raw, p) => {
      const input = asJson(raw);
      set(input, p, undefined);
      await refusedAt(input, p, ['schema.required']);
    }), { numRuns: 60 });
  });

  it('a value of the wrong type anywhere', async () => {
    await fc.assert(fc.asyncProperty(keHoach, fc.nat(), async (raw, pick) => {
      const input = asJson(raw);
      const paths = pathsOf(input).filter((p) => p.length > 0 && p[0] !== 'form');
      const p = paths[pick % paths.length]!;
      const v = get(input, p);
      set(input, p, typeof v === 'number' ? 'x' : typeof v === 'string' ? 7 : typeof v === 'boolean' ? 1 : Array.isArray(v) ? { x: 1 } : [true]);
      const last = p[p.length - 1];
      await refusedAt(input, p, last === 'hinhThuc' ? ['schema.enum'] : ['schema.type']);
    }), { numRuns: 150 });
  });

  it('an impossible date', async () => {
    const bad = fc.record({ y: fc.integer({ min: 1945, max: 2100 }), m: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 29, max: 40 }) })
      .filter(({ y, m, d }) => d > new Date(Date.UTC(y, m, 0)).getUTCDate())
      .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${d}`);
    await fc.assert(fc.asyncProperty(keHoach, fc.oneof(bad, fc.constantFrom('2021-00-10', '1944-12-31', '2101-01-01', '09/06/2021', '2021-6-9', '')), async (raw, d) => {
      const input = asJson(raw);
      input.ngay = d;
      await refusedAt(input, ['ngay'], ['schema.date_invalid']);
    }), { numRuns: 60 });
  });

  it('an unknown key in any object', async () => {
    await fc.assert(fc.asyncProperty(keHoach, fc.nat(), fc.stringMatching(/^[a-z][A-Za-z]{2,10}$/), async (raw, pick, key) => {
      const input = asJson(raw);
      const objects = pathsOf(input).filter((p) => { const v = get(input, p); return v && typeof v === 'object' && !Array.isArray(v); });
      const p = objects[pick % objects.length]!;
      const target = get(input, p);
      fc.pre(!(key in target) && !['tieuDe', 'khoan', 'diem', 'gach', 'cong', 'noiDung'].includes(key));
      target[key] = 'x';
      await refusedAt(input, [...p, key], ['schema.unknown_key']);
    }), { numRuns: 100 });
  });
});
