// The body's deeper levels: 1.1.1. under 1.1., and "1) 2) 3)" items, in the schema, both renderers and the recogniser,
// as real plans number them ("3.1.1. Khen thưởng hằng năm", criteria listed 1) 2) 3)).
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { check, fromValue } from '../src/api';
import { ROOT } from '../src/paths';
import { readParagraphs } from '../src/readers/files';
import { recognise } from '../src/readers/recognise';
import { docxPart, docxText, pdfText, renderAll, squash, tmpDir } from './helpers';

const NOI_DUNG = [
  {
    tieuDe: 'Tiêu chuẩn và hình thức khen thưởng',
    noiDung: [
      {
        tieuDe: 'Hình thức khen thưởng',
        noiDung: [
          {
            tieuDe: 'Khen thưởng định kỳ',
            noiDung: [
              { tieuDe: 'Khen thưởng hằng năm', noiDung: [{ diem: 'Giấy khen cho tập thể.' }, { diem: 'Giấy khen cho cá nhân.' }] },
              {
                tieuDe: 'Khen thưởng sơ kết',
                noiDung: ['Tiêu chí xét chọn:', { soThuTu: 'Hoàn thành xuất sắc nhiệm vụ;' }, { soThuTu: 'Có sáng kiến được công nhận;' }, { soThuTu: 'Không vi phạm kỷ luật.' }],
              },
            ],
          },
        ],
      },
    ],
  },
];

const LINES = [
  'I. TIÊU CHUẨN VÀ HÌNH THỨC KHEN THƯỞNG',
  '1. Hình thức khen thưởng',
  '1.1. Khen thưởng định kỳ',
  '1.1.1. Khen thưởng hằng năm',
  'a) Giấy khen cho tập thể.',
  'b) Giấy khen cho cá nhân.',
  '1.1.2. Khen thưởng sơ kết',
  'Tiêu chí xét chọn:',
  '1) Hoàn thành xuất sắc nhiệm vụ;',
  '2) Có sáng kiến được công nhận;',
  '3) Không vi phạm kỷ luật.',
];

describe('1.1.1. and 1) 2) 3)', () => {
  const base = JSON.parse(fs.readFileSync('test/fixtures/minimal-ke-hoach.json', 'utf8'));
  const input = { ...base, noiDung: NOI_DUNG };

  it('are valid input, and a typed "2)" before an item is taken out with a warning', async () => {
    expect((await check(fromValue(input, 'deep.json'))).ok).toBe(true);
    const typed = structuredClone(input);
    typed.noiDung[0].noiDung[0].noiDung[0].noiDung[1].noiDung[2] = { soThuTu: '2) Có sáng kiến được công nhận;' };
    const file = await check(fromValue(typed, 'typed.json'));
    expect(file.messages.map((m) => [m.code, m.path])).toContainEqual(['input.typed_number', '$.noiDung[0].noiDung[0].noiDung[0].noiDung[1].noiDung[2].soThuTu']);
  });

  it.each([
    [{ soThuTu: '' }, 'schema.empty', '$.noiDung[0].noiDung[0].soThuTu', 'Field "Numbered item 1), 2), 3)" must not be empty.'],
    [{ soThuTu: 5 }, 'schema.type', '$.noiDung[0].noiDung[0].soThuTu', 'Field "Numbered item 1), 2), 3)" must be string, got number.'],
    [{ soThuTu: 'x', soThuTuu: 'y' }, 'schema.unknown_key', '$.noiDung[0].noiDung[0].soThuTuu', 'Key "soThuTuu" is not part of this form (misspelt field?).'],
  ])('refuses the item %j at its path with its message', async (item, code, at, en) => {
    const file = await check(fromValue({ ...input, noiDung: [{ tieuDe: 'A', noiDung: [item] }] }, 'bad.json'), { templates: 'none' });
    const errors = file.messages.filter((m) => m.severity === 'error');
    expect(errors.map((m) => [m.code, m.path, m.message.en])).toEqual([[code, at, en]]);
    expect(errors[0]!.message.vi.length).toBeGreaterThan(10);
  });

  it('print in the DOCX and the PDF with their numbers, each item on its own line', async () => {
    const dir = tmpDir('deep-levels');
    const json = path.join(tmpDir('deep-levels-in'), 'deep.json');
    fs.writeFileSync(json, JSON.stringify(input));
    const report = await renderAll([path.relative(ROOT, json)], dir);
    expect(report.summary.failed + report.summary.invalid, JSON.stringify(report.jobs[0]?.issues)).toBe(0);
    const docx = docxPart(path.join(dir, 'deep.docx'), 'word/document.xml');
    const pdf = pdfText(path.join(dir, 'deep.pdf'), { layout: true });
    for (const line of LINES) {
      expect(squash(docxText(docx))).toContain(squash(line));
      // Each label begins its own line of the PDF.
      expect(pdf.split('\n').some((l) => squash(l).startsWith(squash(line).slice(0, 24)))).toBe(true);
    }
    // 1.1.1. is a heading of the tiểu khoản's look, 1) an item in the body's.
    expect(docx).toMatch(/<w:pStyle w:val="VBTieuKhoan"\/>(?:(?!<\/w:p>).)*1\.1\.1\. /s);
    expect(docx).toMatch(/<w:pStyle w:val="VBSoThuTu"\/>(?:(?!<\/w:p>).)*1\) /s);
  });

  it('are read back from text into the same structure', () => {
    const file = path.join(tmpDir('deep-levels-text'), 'body.txt');
    fs.writeFileSync(file, ['KẾ HOẠCH', 'Tổ chức phong trào thi đua', ...LINES].join('\n'));
    const r = recognise(readParagraphs(file), { form: 'ke-hoach' });
    expect(r.input.noiDung).toEqual([{ ...NOI_DUNG[0], tieuDe: 'TIÊU CHUẨN VÀ HÌNH THỨC KHEN THƯỞNG' }]);
  });
});
