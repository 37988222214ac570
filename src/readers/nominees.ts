// Nominees and council members from the sheets clerks keep: columns found by their Vietnamese headers (with or without
// diacritics), "Tập thể" / "Cá nhân" group rows, awards by name, key or the usual abbreviation; each refused row
// reported with its sheet, row number and reason.
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { REGULATIONS } from '../config/regulations';
import type { Sheet, SheetRow } from './sheets';

export interface NomineeRow {
  doiTuong: 'tap-the' | 'ca-nhan';
  ten: string;
  chucVu?: string;
  donVi?: string;
  khenThuong: string;
  phieuDongY?: number;
}

export interface MemberRow {
  hoTen: string;
  chucVu: string;
}

export interface SheetImport {
  nominees: NomineeRow[];
  members: MemberRow[];
  /** Whether any sheet had a votes column: then every nominee has its votes. */
  withVotes: boolean;
  issues: Issue[];
}

/** Lower case, no diacritics (đ as d), punctuation as spaces: "Họ và tên (cá nhân)" → "ho va ten ca nhan". */
export function plain(s: string): string {
  return s
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .replace(/[đĐ]/g, 'd')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, ' ')
    .trim();
}

type Column = 'stt' | 'ten' | 'doiTuong' | 'chucVu' | 'donVi' | 'khenThuong' | 'phieu' | 'chucVuHoiDong';

/** Header words of each column, as plain text; the first column whose words a header holds wins. */
const HEADERS: [Column, RegExp][] = [
  ['stt', /^(stt|tt|so tt|so thu tu)$/],
  ['phieu', /phieu|bieu quyet|so phieu/],
  ['khenThuong', /danh hieu|hinh thuc|khen thuong|de nghi/],
  ['chucVuHoiDong', /chuc vu (trong|tai) hoi dong|chuc danh hoi dong|nhiem vu trong hoi dong/],
  ['doiTuong', /^(doi tuong|loai|tap the ca nhan|ca nhan tap the)$/],
  ['ten', /ho (va )?ten|ten tap the|ten don vi ca nhan|^ten$/],
  ['chucVu', /chuc vu|chuc danh/],
  ['donVi', /don vi|co quan|noi cong tac/],
];

function columnOf(header: string): Column | undefined {
  const h = plain(header);
  if (!h) return undefined;
  return HEADERS.find(([, re]) => re.test(h))?.[0];
}

interface Layout {
  headerRow: number;
  columns: Map<Column, number>;
}

/** The first of the sheet's first ten rows that names a name column and one other known column. */
function findLayout(rows: readonly SheetRow[]): Layout | undefined {
  for (const r of rows.slice(0, 10)) {
    const columns = new Map<Column, number>();
    r.cells.forEach((c, i) => {
      const col = columnOf(c);
      if (col && !columns.has(col)) columns.set(col, i);
    });
    if (columns.has('ten') && columns.size >= 2) return { headerRow: r.row, columns };
  }
  return undefined;
}

const AWARD_KEYS = Object.keys(REGULATIONS.khenThuong).filter((k) => !k.startsWith('$'));
const AWARD_BY_NAME = new Map(AWARD_KEYS.flatMap((k) => [[plain(REGULATIONS.khenThuong[k]!.ten), k], [plain(k), k]]));
/** The abbreviations lists use (LĐTT, TTLĐXS, CSTĐCS …). */
const ABBREVIATIONS: Record<string, string> = {
  ldtt: 'lao-dong-tien-tien',
  ttldtt: 'tap-the-lao-dong-tien-tien',
  ttldxs: 'tap-the-lao-dong-xuat-sac',
  cstdcs: 'chien-si-thi-dua-co-so',
  cstdt: 'chien-si-thi-dua-tinh',
  cstdtq: 'chien-si-thi-dua-toan-quoc',
  gk: 'giay-khen',
  bk: 'bang-khen-tinh',
};

/** The award a cell names, for a nominee of a kind (undefined kind: either), or undefined. */
export function awardOf(cell: string, doiTuong?: 'tap-the' | 'ca-nhan'): string | undefined {
  const p = plain(cell);
  const exact = AWARD_BY_NAME.get(p) ?? ABBREVIATIONS[p.replace(/ /g, '')] ?? ABBREVIATIONS[p];
  // "Lao động tiên tiến" under a "Tập thể" heading means the collective title, "Tập thể lao động tiên tiến".
  if (exact === 'lao-dong-tien-tien' && doiTuong === 'tap-the') return 'tap-the-lao-dong-tien-tien';
  if (exact) return exact;
  if (/giay khen/.test(p)) return 'giay-khen';
  if (/bang khen/.test(p)) return /thu tuong|chinh phu/.test(p) ? 'bang-khen-thu-tuong' : 'bang-khen-tinh';
  if (/co thi dua/.test(p)) return /chinh phu/.test(p) ? 'co-thi-dua-chinh-phu' : 'co-thi-dua-tinh';
  if (/chien si thi dua/.test(p)) return /toan quoc/.test(p) ? 'chien-si-thi-dua-toan-quoc' : /co so/.test(p) ? 'chien-si-thi-dua-co-so' : /tinh|thanh pho/.test(p) ? 'chien-si-thi-dua-tinh' : undefined;
  if (/lao dong xuat sac/.test(p)) return 'tap-the-lao-dong-xuat-sac';
  if (/lao dong tien tien/.test(p)) return /tap the/.test(p) || doiTuong === 'tap-the' ? 'tap-the-lao-dong-tien-tien' : 'lao-dong-tien-tien';
  return undefined;
}

/** Awards given to one kind of nominee only (the others, Bằng khen, Giấy khen, Cờ, go to either). */
function kindOfAward(key: string): 'tap-the' | 'ca-nhan' | undefined {
  if (key.startsWith('tap-the-') || key.startsWith('co-thi-dua')) return 'tap-the';
  if (key.startsWith('chien-si-') || key === 'lao-dong-tien-tien') return 'ca-nhan';
  return undefined;
}

function kindOf(cell: string): 'tap-the' | 'ca-nhan' | undefined {
  const p = plain(cell).replace(/^([ivx]+|[a-d]|\d+) /, '');
  if (/^tap the/.test(p)) return 'tap-the';
  if (/^ca nhan/.test(p)) return 'ca-nhan';
  return undefined;
}

/** A vote count as clerks type it: "9", "09", "9/9", "9 phiếu". */
function votesOf(cell: string): number | undefined {
  const m = /^\s*(\d{1,4})(?:\s*\/\s*\d{1,4})?(?:\s*phi[eế]u)?\s*$/iu.exec(cell);
  return m ? Number(m[1]) : undefined;
}

function isMembersSheet(sheet: Sheet, layout: Layout): boolean {
  if (layout.columns.has('chucVuHoiDong')) return true;
  if (layout.columns.has('khenThuong')) return false;
  return /hoi dong|thanh vien/.test(plain(sheet.name));
}

export function readNominees(sheets: readonly Sheet[], file: string): SheetImport {
  const out: SheetImport = { nominees: [], members: [], withVotes: false, issues: [] };
  const refuse = (sheet: Sheet, row: number, reasonVi: string, reasonEn: string, fixVi: string, fixEn: string) =>
    out.issues.push(makeIssue('import.row', { sheet: sheet.name, row, reasonVi, reasonEn, fixVi, fixEn }, { source: file }));
  let found = false;
  for (const sheet of sheets) {
    const layout = findLayout(sheet.rows);
    if (!layout) continue;
    found = true;
    const cell = (r: SheetRow, c: Column) => {
      const i = layout.columns.get(c);
      return i === undefined ? '' : (r.cells[i] ?? '').replace(/\s+/g, ' ').trim();
    };
    const rows = sheet.rows.filter((r) => r.row > layout.headerRow);
    if (isMembersSheet(sheet, layout)) {
      const role = layout.columns.has('chucVuHoiDong') ? 'chucVuHoiDong' : 'chucVu';
      for (const r of rows) {
        const hoTen = cell(r, 'ten');
        const chucVu = cell(r, role);
        if (!hoTen && !chucVu) continue;
        if (!hoTen || !chucVu) {
          refuse(sheet, r.row, hoTen ? 'thiếu chức vụ trong Hội đồng' : 'thiếu họ và tên', hoTen ? 'the council position is missing' : 'the name is missing', 'Điền đủ họ tên và chức vụ.', 'Fill in both the name and the position.');
          continue;
        }
        out.members.push({ hoTen, chucVu });
      }
      continue;
    }
    const hasVotes = layout.columns.has('phieu');
    out.withVotes ||= hasVotes;
    let group: 'tap-the' | 'ca-nhan' | undefined;
    for (const r of rows) {
      const ten = cell(r, 'ten');
      const award = cell(r, 'khenThuong');
      const filled = r.cells.filter((c) => c.trim() !== '');
      // A group heading ("I. Tập thể", "B. CÁ NHÂN") sets the kind of the rows under it.
      const heading = filled.length <= 2 && !award ? kindOf(filled.join(' ')) : undefined;
      if (heading) {
        group = heading;
        continue;
      }
      if (!ten && !award) continue;
      if (!ten) {
        refuse(sheet, r.row, 'thiếu tên tập thể hoặc họ và tên', 'the name is missing', 'Điền tên vào cột họ và tên.', 'Fill in the name column.');
        continue;
      }
      const stated = layout.columns.has('doiTuong') ? kindOf(cell(r, 'doiTuong')) : undefined;
      const key = awardOf(award, stated ?? group);
      if (!key) {
        refuse(sheet, r.row, award ? `không nhận ra danh hiệu, hình thức "${award}"` : 'thiếu danh hiệu, hình thức khen thưởng', award ? `the award "${award}" is not known` : 'the award is missing',
          `Dùng một trong: ${AWARD_KEYS.map((k) => REGULATIONS.khenThuong[k]!.ten).join('; ')}.`, `Use one of: ${AWARD_KEYS.map((k) => REGULATIONS.khenThuong[k]!.ten).join('; ')}.`);
        continue;
      }
      const doiTuong = stated ?? group ?? kindOfAward(key);
      if (!doiTuong) {
        refuse(sheet, r.row, `không biết "${ten}" là tập thể hay cá nhân`, `whether "${ten}" is a collective or a person is not said`,
          'Thêm cột "Đối tượng" (Tập thể/Cá nhân) hoặc dòng nhóm "Tập thể", "Cá nhân" phía trên.', 'Add a column "Đối tượng" (Tập thể/Cá nhân) or a group row "Tập thể" / "Cá nhân" above.');
        continue;
      }
      const n: NomineeRow = { doiTuong, ten, khenThuong: key };
      const chucVu = cell(r, 'chucVu');
      const donVi = cell(r, 'donVi');
      if (chucVu) n.chucVu = chucVu;
      if (donVi) n.donVi = donVi;
      if (hasVotes) {
        const v = votesOf(cell(r, 'phieu'));
        if (v === undefined) {
          refuse(sheet, r.row, `số phiếu đồng ý "${cell(r, 'phieu')}" không phải một số`, `the vote count "${cell(r, 'phieu')}" is not a number`, 'Ghi số phiếu bằng chữ số, ví dụ 9.', 'Write the vote count in figures, e.g. 9.');
          continue;
        }
        n.phieuDongY = v;
      }
      out.nominees.push(n);
    }
  }
  if (!found) {
    out.issues.push(makeIssue('import.no_rows', { file, reasonVi: 'không trang nào có dòng tiêu đề với cột họ và tên', reasonEn: 'no sheet has a header row with a name column' }, { source: file }));
  }
  return out;
}

export type { SheetRow };
