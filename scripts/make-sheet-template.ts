// Writes data/nominations/danh-sach-de-nghi.xlsx and .csv: the spreadsheet a clerk fills for `vanban import … --into`
// (npx tsx scripts/make-sheet-template.ts). The same rows as the commune dossier of data/nominations/ho-so-xa-2025.json.
import fs from 'node:fs';
import path from 'node:path';
import ExcelJS from 'exceljs';
import { ROOT } from '../src/paths';

export const NOMINEE_HEADER = ['STT', 'Họ và tên / Tên tập thể', 'Chức vụ', 'Đơn vị', 'Danh hiệu, hình thức đề nghị', 'Số phiếu đồng ý'];
export const MEMBER_HEADER = ['STT', 'Họ và tên', 'Chức vụ trong Hội đồng'];

interface Dossier {
  deCu: { doiTuong: string; ten: string; chucVu?: string; donVi?: string; khenThuong: string; phieuDongY?: number }[];
  hoiDong: { thanhVien: { hoTen: string; chucVu: string }[] };
}

export function templateRows(): { nominees: (string | number)[][]; members: (string | number)[][] } {
  const d = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-xa-2025.json'), 'utf8')) as Dossier;
  const regs = JSON.parse(fs.readFileSync(path.join(ROOT, 'config/regulations.json'), 'utf8')) as { khenThuong: Record<string, { ten: string }> };
  const nominees: (string | number)[][] = [NOMINEE_HEADER];
  let group = '';
  let n = 0;
  for (const x of d.deCu) {
    const heading = x.doiTuong === 'tap-the' ? 'I. Tập thể' : 'II. Cá nhân';
    if (heading !== group) {
      nominees.push(['', heading]);
      group = heading;
    }
    nominees.push([++n, x.ten, x.chucVu ?? '', x.donVi ?? '', regs.khenThuong[x.khenThuong]!.ten, x.phieuDongY ?? '']);
  }
  const members = [MEMBER_HEADER, ...d.hoiDong.thanhVien.map((m, i) => [i + 1, m.hoTen, m.chucVu])];
  return { nominees, members };
}

async function main(): Promise<void> {
  const { nominees, members } = templateRows();
  const wb = new ExcelJS.Workbook();
  // Fixed dates: the file is the same every time it is made.
  wb.creator = 'vanban';
  wb.created = new Date('2025-11-20T00:00:00Z');
  wb.modified = new Date('2025-11-20T00:00:00Z');
  const sheet = (name: string, rows: (string | number)[][], widths: number[]) => {
    const ws = wb.addWorksheet(name);
    ws.addRows(rows);
    ws.getRow(1).font = { bold: true };
    ws.columns.forEach((c, i) => (c.width = widths[i] ?? 20));
  };
  sheet('Danh sách đề nghị', nominees, [6, 40, 36, 36, 34, 16]);
  sheet('Thành viên Hội đồng', members, [6, 30, 34]);
  const dir = path.join(ROOT, 'data', 'nominations');
  await wb.xlsx.writeFile(path.join(dir, 'danh-sach-de-nghi.xlsx'));
  const csv = nominees.map((r) => r.map((c) => (/[",;\n]/.test(String(c)) ? `"${String(c).replace(/"/g, '""')}"` : String(c))).join(',')).join('\n');
  fs.writeFileSync(path.join(dir, 'danh-sach-de-nghi.csv'), `${csv}\n`);
  console.log(`wrote ${path.join(dir, 'danh-sach-de-nghi.xlsx')} and .csv`);
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
