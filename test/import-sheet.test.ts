// `vanban import <sheet> --into FILE`: nominees and council members from .xlsx and .csv into a hồ sơ, tờ trình or
// biên bản; refused rows named by sheet and row; hostile spreadsheets refused with nothing written.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { awardOf, plain, readNominees } from '../src/readers/nominees';
import { parseCsv } from '../src/readers/sheets';
import { docxPart, docxText, pdfText, tmpDir, vanbanIn } from './helpers';

const dir = tmpDir('import-sheet');
const HO = ['Nguyễn', 'Trần', 'Lê', 'Phạm', 'Hoàng', 'Vũ', 'Đặng', 'Bùi'];
const TEN = ['An', 'Bình', 'Cường', 'Dung', 'Hà', 'Hùng', 'Lan', 'Mai', 'Nam', 'Phương'];
const personName = (i: number) => `${HO[i % HO.length]} Văn ${TEN[Math.floor(i / HO.length) % TEN.length]} ${i + 1}`;
const copy = (from: string, name: string) => {
  const to = path.join(dir, name);
  fs.copyFileSync(path.join(ROOT, from), to);
  return to;
};
const run = (args: string[]) => vanbanIn(ROOT, ['import', ...args]);

async function writeXlsx(file: string, sheets: [string, (string | number)[][]][]): Promise<string> {
  const wb = new ExcelJS.Workbook();
  for (const [name, rows] of sheets) wb.addWorksheet(name).addRows(rows);
  await wb.xlsx.writeFile(file);
  return file;
}

describe('a spreadsheet of 200 nominees', () => {
  const twoHundred = async () => {
    const rows: (string | number)[][] = [['TT', 'Ho va ten', 'Chuc vu', 'Don vi cong tac', 'Danh hieu thi dua', 'So phieu']];
    rows.push(['', 'A. TẬP THỂ']);
    for (let i = 0; i < 20; i++) rows.push([i + 1, `Phòng chuyên môn số ${i + 1}`, '', 'Ủy ban nhân dân quận Hoàng Mai', i % 2 ? 'TTLĐTT' : 'Giấy khen', 9]);
    rows.push(['', 'B. CÁ NHÂN']);
    for (let i = 0; i < 180; i++) rows.push([i + 21, personName(i), 'Chuyên viên', 'Văn phòng HĐND và UBND', i % 3 ? 'Lao động tiên tiến' : 'Giấy khen của Chủ tịch UBND', '9/9']);
    return writeXlsx(path.join(dir, 'two-hundred.xlsx'), [['Danh sách', rows]]);
  };

  it('goes into a tờ trình whose DOCX and PDF list all 200 (headers without diacritics, group rows, abbreviations)', async () => {
    const sheet = await twoHundred();
    const into = copy('test/fixtures/to-trinh.json', 'to-trinh-200.json');
    const r = run([sheet, '--into', into]);
    expect(r.code, r.err).toBe(0);
    const input = JSON.parse(fs.readFileSync(into, 'utf8'));
    expect(input.danhSach).toHaveLength(200);
    expect(input.danhSach[0]).toEqual({ doiTuong: 'tap-the', ten: 'Phòng chuyên môn số 1', donVi: 'Ủy ban nhân dân quận Hoàng Mai', khenThuong: 'giay-khen' });
    expect(input.danhSach[1].khenThuong).toBe('tap-the-lao-dong-tien-tien');
    expect(input.danhSach[20]).toEqual({ doiTuong: 'ca-nhan', ten: personName(0), chucVu: 'Chuyên viên', donVi: 'Văn phòng HĐND và UBND', khenThuong: 'giay-khen' });
    expect(input.danhSach[21].khenThuong).toBe('lao-dong-tien-tien');

    const out = tmpDir('import-sheet-render');
    const rendered = vanbanIn(ROOT, ['render', into, '--out', out]);
    expect(rendered.code, rendered.err).toBe(0);
    const stem = path.basename(into, '.json');
    const docx = docxText(docxPart(path.join(out, `${stem}.docx`), 'word/document.xml'));
    for (const name of [personName(0), personName(179), 'Phòng chuyên môn số 20']) {
      expect(docx).toContain(name);
    }
    const allPdf = fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).map((f) => pdfText(path.join(out, f))).join('\n');
    expect(allPdf.replace(/\s+/g, ' ')).toContain(personName(179));
  });
});

describe('a spreadsheet of 200 nominees into a dossier', () => {
  it('makes a dossier that renders its tờ trình and biên bản, keeps the reports it had, and names each report still to write', async () => {
    const rows: (string | number)[][] = [['TT', 'Họ và tên', 'Chức vụ', 'Đơn vị', 'Danh hiệu', 'Số phiếu đồng ý']];
    for (let i = 0; i < 200; i++) rows.push([i + 1, personName(i), 'Công chức', 'Ủy ban nhân dân xã Gia Tân', 'Lao động tiên tiến', 9]);
    const sheet = await writeXlsx(path.join(dir, 'ho-so-200.xlsx'), [['Danh sách', rows]]);
    const into = copy('data/nominations/ho-so-xa-2025.json', 'ho-so-200.json');
    const before = JSON.parse(fs.readFileSync(into, 'utf8'));
    const r = run([sheet, '--into', into]);
    expect(r.code, r.err).toBe(0);
    const input = JSON.parse(fs.readFileSync(into, 'utf8'));
    expect(input.deCu).toHaveLength(200 + before.deCu.length);
    expect(input.deCu[0]).not.toHaveProperty('baoCao');
    expect(r.err).toContain('rule.report_missing');
    expect(r.err).toContain('$.deCu[199].baoCao');

    const out = tmpDir('import-sheet-ho-so-200');
    const rendered = vanbanIn(ROOT, ['render', into, '--out', out, '--format', 'docx']);
    expect(rendered.code, rendered.err).toBe(0);
    const folder = path.join(out, 'ho-so-200');
    const files = fs.readdirSync(folder);
    const manifest = JSON.parse(fs.readFileSync(path.join(folder, 'manifest.json'), 'utf8'));
    expect(manifest.chuaCoBaoCao).toHaveLength(200);
    expect(manifest.bieuQuyet).toHaveLength(200 + before.deCu.length);
    // The reports the dossier had are still made; none is invented for the new nominees.
    const reports = files.filter((f) => /-bao-cao-/.test(f));
    expect(reports.length).toBe(manifest.baoCao.length);
    expect(reports.length).toBeGreaterThan(0);
    expect(reports.some((f) => f.includes('nguyen-van-an-1'))).toBe(false);
    const toTrinh = docxText(docxPart(path.join(folder, files.find((f) => /to-trinh\.docx$/.test(f))!), 'word/document.xml'));
    for (const name of [personName(0), personName(199)]) expect(toTrinh).toContain(name);
    const bienBan = docxText(docxPart(path.join(folder, files.find((f) => /bien-ban\.docx$/.test(f))!), 'word/document.xml'));
    expect(bienBan).toContain(personName(199));
  });
});

describe('a hồ sơ', () => {
  it('keeps each nominee’s report, takes the new votes, reports a bad vote count with its row, and renders', async () => {
    const into = copy('data/nominations/ho-so-xa-2025.json', 'ho-so.json');
    const before = JSON.parse(fs.readFileSync(into, 'utf8'));
    const csv = fs.readFileSync(path.join(ROOT, 'data/nominations/danh-sach-de-nghi.csv'), 'utf8').split('\n');
    // Row 5 of the template is the first person; row 6 the second: a typed word for its votes, another vote changed.
    expect(csv[4]).toContain(before.deCu[1].ten);
    csv[4] = csv[4]!.replace(/,\d+$/, ',7');
    csv[5] = csv[5]!.replace(/,\d+$/, ',chín');
    const sheet = path.join(dir, 'danh-sach.csv');
    fs.writeFileSync(sheet, csv.join('\n'));
    const r = run([sheet, '--into', into]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[import.row]');
    expect(r.err).toContain('Sheet "danh-sach", row 6: the vote count "chín" is not a number');
    expect(r.err).toContain('dòng 6');
    const after = JSON.parse(fs.readFileSync(into, 'utf8'));
    expect(after.deCu).toHaveLength(before.deCu.length);
    expect(after.deCu[1]).toEqual({ ...before.deCu[1], phieuDongY: 7 });
    // The refused row's nominee is kept as the file had it, report and all.
    expect(after.deCu.find((d: { ten: string }) => d.ten === before.deCu[2].ten)).toEqual(before.deCu[2]);
    expect(after.hoiDong).toEqual(before.hoiDong);

    const out = tmpDir('import-sheet-ho-so');
    const rendered = vanbanIn(ROOT, ['render', into, '--out', out, '--format', 'docx']);
    expect(rendered.code, rendered.err).toBe(0);
    const bienBan = fs.readdirSync(path.join(out, 'ho-so')).find((f) => /bien-ban\.docx$/.test(f))!;
    expect(docxText(docxPart(path.join(out, 'ho-so', bienBan), 'word/document.xml'))).toMatch(/07\/09/);
  });

  it('takes the council from its own sheet and asks for the reports of new nominees, by path', async () => {
    const into = copy('data/nominations/ho-so-xa-2025.json', 'ho-so-new.json');
    const sheet = await writeXlsx(path.join(dir, 'council.xlsx'), [
      ['Danh sách', [['STT', 'Họ và tên', 'Đối tượng', 'Danh hiệu', 'Số phiếu đồng ý'], [1, 'Lã Thị Thu Hiền', 'Cá nhân', 'Lao động tiên tiến', 9], [2, 'Nguyễn Văn Mới', 'Cá nhân', 'LĐTT', 8]]],
      ['Thành viên Hội đồng', [['STT', 'Họ và tên', 'Chức vụ trong Hội đồng'], ...['Nguyễn Văn Thành', 'Phạm Thị Hương', 'Đinh Công Sơn', 'Lê Thị Hằng', 'Vũ Minh Đức', 'Hoàng Văn Tú', 'Đoàn Thị Mai', 'Bùi Quang Huy', 'Trần Thị Ngọc Anh'].map((n, i) => [i + 1, n, i ? 'Ủy viên' : 'Chủ tịch Hội đồng'])]],
    ]);
    const r = run([sheet, '--into', into, '--out', path.join(dir, 'ho-so-new.out.json')]);
    expect(r.code, r.err).toBe(0);
    expect(r.err).toContain('rule.report_missing');
    expect(r.err).toContain('$.deCu[1].baoCao');
    expect(r.err).not.toContain('$.deCu[0].baoCao');
    expect(fs.readFileSync(into, 'utf8')).toBe(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-xa-2025.json'), 'utf8'));
    const out = JSON.parse(fs.readFileSync(path.join(dir, 'ho-so-new.out.json'), 'utf8'));
    expect(out.deCu[1]).toEqual({ doiTuong: 'ca-nhan', ten: 'Nguyễn Văn Mới', khenThuong: 'lao-dong-tien-tien', phieuDongY: 8 });
    expect(out.deCu[0].baoCao.thanhTich.length).toBeGreaterThan(0);
    expect(out.hoiDong.thanhVien).toHaveLength(9);
    expect(out.hoiDong.thanhVien[0]).toEqual({ hoTen: 'Nguyễn Văn Thành', chucVu: 'Chủ tịch Hội đồng' });
    expect(out.hoiDong.ten).toBe('Hội đồng Thi đua - Khen thưởng xã Gia Tân');
  });
});

describe('the template spreadsheet in data/', () => {
  it('imports into the commune dossier and gives it back unchanged', () => {
    const into = copy('data/nominations/ho-so-xa-2025.json', 'ho-so-template.json');
    const r = run([path.join(ROOT, 'data/nominations/danh-sach-de-nghi.xlsx'), '--into', into]);
    expect(r.code, r.err).toBe(0);
    expect(JSON.parse(fs.readFileSync(into, 'utf8'))).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-xa-2025.json'), 'utf8')));
  });
});

describe('reading rows', () => {
  it('finds columns by their headers with or without diacritics', () => {
    const sheets = [{ name: 'S', rows: [
      { row: 1, cells: ['Danh sách đề nghị khen thưởng năm 2025'] },
      { row: 3, cells: ['STT', 'HỌ VÀ TÊN', 'CHỨC VỤ', 'ĐƠN VỊ', 'HÌNH THỨC KHEN THƯỞNG'] },
      { row: 4, cells: ['1', 'Lê Văn Bình', 'Chuyên viên', 'Phòng Nội vụ', 'Chiến sĩ thi đua cơ sở'] },
      { row: 5, cells: ['2', 'Phòng Nội vụ', '', '', 'Tập thể lao động xuất sắc'] },
      { row: 6, cells: ['3', 'Trần Thị Hoa', '', '', 'Bằng khen của Chủ tịch UBND tỉnh'] },
    ] }];
    const r = readNominees(sheets, 'x.xlsx');
    expect(r.nominees).toEqual([
      { doiTuong: 'ca-nhan', ten: 'Lê Văn Bình', chucVu: 'Chuyên viên', donVi: 'Phòng Nội vụ', khenThuong: 'chien-si-thi-dua-co-so' },
      { doiTuong: 'tap-the', ten: 'Phòng Nội vụ', khenThuong: 'tap-the-lao-dong-xuat-sac' },
    ]);
    // Bằng khen goes to either kind: with neither a column nor a group row, the row is refused and says how to fix it.
    expect(r.issues.map((i) => [i.code, i.message.en])).toEqual([['import.row', 'Sheet "S", row 6: whether "Trần Thị Hoa" is a collective or a person is not said. The row was not imported.']]);
    expect(r.withVotes).toBe(false);
  });

  it('says when no sheet has a list', () => {
    const r = readNominees([{ name: 'S', rows: [{ row: 1, cells: ['Ghi chú', 'abc'] }] }], 'x.csv');
    expect(r.issues.map((i) => i.code)).toEqual(['import.no_rows']);
  });

  it.each([
    ['Lao động tiên tiến', undefined, 'lao-dong-tien-tien'],
    ['LĐTT', undefined, 'lao-dong-tien-tien'],
    ['Lao động tiên tiến', 'tap-the', 'tap-the-lao-dong-tien-tien'],
    ['Tập thể Lao động tiên tiến', undefined, 'tap-the-lao-dong-tien-tien'],
    ['CSTĐCS', undefined, 'chien-si-thi-dua-co-so'],
    ['Chiến sĩ thi đua cấp tỉnh', undefined, 'chien-si-thi-dua-tinh'],
    ['Bằng khen của Thủ tướng Chính phủ', undefined, 'bang-khen-thu-tuong'],
    ['Bằng khen UBND tỉnh', undefined, 'bang-khen-tinh'],
    ['Cờ thi đua của Chính phủ', undefined, 'co-thi-dua-chinh-phu'],
    ['giay khen', undefined, 'giay-khen'],
    ['Huân chương Lao động', undefined, undefined],
  ] as const)('reads the award %s (%s) as %s', (cell, kind, key) => {
    expect(awardOf(cell, kind)).toBe(key);
  });

  it('reads CSV as Excel writes it: semicolons, quotes, doubled quotes, line breaks inside quotes, a BOM-less UTF-8', () => {
    expect(parseCsv('Họ tên;Ghi chú\r\n"Lê Văn ""Bình""";"hai\ndòng"\r\n\r\nAn;x\n')).toEqual([
      { row: 1, cells: ['Họ tên', 'Ghi chú'] },
      { row: 2, cells: ['Lê Văn "Bình"', 'hai\ndòng'] },
      { row: 5, cells: ['An', 'x'] },
    ]);
    expect(plain('Họ và tên (cá nhân)')).toBe('ho va ten ca nhan');
  });
});

describe('hostile or unreadable spreadsheets are refused, and the file they were to go into is left as it was', () => {
  const target = () => copy('test/fixtures/to-trinh.json', 'to-trinh-hostile.json');
  const refused = (sheet: string, why: RegExp) => {
    const into = target();
    const before = fs.readFileSync(into, 'utf8');
    const r = run([sheet, '--into', into]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[import.unreadable]');
    expect(r.err).toMatch(why);
    expect(fs.readFileSync(into, 'utf8')).toBe(before);
    expect(fs.readdirSync(dir).filter((f) => f.includes('.vanban-tmp'))).toEqual([]);
  };
  it('a malformed .xlsx', () => {
    const f = path.join(dir, 'broken.xlsx');
    fs.writeFileSync(f, 'PK\u0003\u0004 not really');
    refused(f, /not a valid Excel/);
  });
  it('a ZIP that is not a workbook', () => {
    const zip = new PizZip();
    zip.file('word/document.xml', '<w:document/>');
    const f = path.join(dir, 'not-a-workbook.xlsx');
    fs.writeFileSync(f, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    refused(f, /not an Excel workbook/);
  });
  it('a zip bomb disguised as .xlsx', () => {
    const zip = new PizZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/worksheets/sheet1.xml', `<worksheet>${'<row/>'.repeat(20_000_000)}</worksheet>`);
    const f = path.join(dir, 'bomb.xlsx');
    fs.writeFileSync(f, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(fs.statSync(f).size).toBeLessThan(2 * 1024 * 1024);
    refused(f, /inflate too large/);
  });
  it('a workbook with macros', () => {
    const zip = new PizZip();
    zip.file('xl/workbook.xml', '<workbook/>');
    zip.file('xl/vbaProject.bin', 'x');
    const f = path.join(dir, 'macro.xlsx');
    fs.writeFileSync(f, zip.generate({ type: 'nodebuffer' }));
    refused(f, /macros/);
  });
  it('a 50 MB file', () => {
    const f = path.join(dir, 'huge.csv');
    fs.writeFileSync(f, Buffer.alloc(50 * 1024 * 1024, 0x61));
    refused(f, /over 20 MB/);
  });
  it('exits 2 without --into, or into a form that takes no list', () => {
    expect(run([path.join(ROOT, 'data/nominations/danh-sach-de-nghi.csv')]).code).toBe(2);
    const plan = copy('data/campaigns/ke-hoach-hoang-mai-2021.json', 'ke-hoach.json');
    const r = run([path.join(ROOT, 'data/nominations/danh-sach-de-nghi.csv'), '--into', plan]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('ho-so-khen-thuong, to-trinh, bien-ban');
  });
});
