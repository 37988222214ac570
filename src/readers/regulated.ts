// Readers of the regulated strings, the inverse of the formatters in src/viewmodel/: a date line, "Số: …/…",
// heading labels, the Nơi nhận list and the signature lines read back into the input fields that print them.
import { breakBalanced } from '../layout/break-lines';
import { style } from '../layout/tokens';
import type { Dong, HinhThucKy, NguoiKyIn } from '../viewmodel/chu-ky';
import { signatureColumnMm } from '../viewmodel/finish-layout';
import { daysInMonth } from '../viewmodel/dates';
import type { LuuIn, NoiNhanIn } from '../viewmodel/noi-nhan';
import { DIEM_LETTERS } from '../viewmodel/numbering';

const GAP = /^[\s\u00A0.…_]*$/u;

/**
 * "Hà Nội, ngày 05 tháng 01 năm 2020" → the place and the input date "2020-01-05" (§1.6). A day left blank for
 * handwriting gives "2020-01". Leading zeros are optional when reading, as clerks type them either way.
 */
export function docDiaDanhNgay(line: string): { diaDanh: string; ngay: string } | undefined {
  const m = /^(?<place>[^,]+?)\s*,\s*ngày(?<d>[\s\u00A0.…_\d]*?)\s*tháng\s*(?<m>\d{1,2})\s*năm\s*(?<y>\d{4})\s*$/u.exec(line.normalize('NFC').trim());
  if (!m?.groups) return undefined;
  const nam = Number(m.groups.y);
  const thang = Number(m.groups.m);
  if (thang < 1 || thang > 12) return undefined;
  const mm = String(thang).padStart(2, '0');
  const day = m.groups.d!.trim();
  if (GAP.test(day)) return { diaDanh: m.groups.place!.trim(), ngay: `${nam}-${mm}` };
  const ngay = Number(day);
  if (!/^\d{1,2}$/.test(day) || ngay < 1 || ngay > daysInMonth(nam, thang)) return undefined;
  return { diaDanh: m.groups.place!.trim(), ngay: `${nam}-${mm}-${String(ngay).padStart(2, '0')}` };
}

/**
 * "Số: 47/KH-HĐTĐKT" (or "215/KH-UBND" alone) → the number and the symbol's groups (§1.5); a number left blank for
 * registration gives no number. Spaces typed around "/" and "-" are tolerated.
 */
export function docSoKyHieu(line: string): { so?: number; kyHieu: string[] } | undefined {
  const m = /^(?:Số\s*:?)?(?<n>[\s\u00A0.…_\d]*?)\s*\/\s*(?<k>[A-ZĐ][A-Za-zĐđ0-9&]*(?:\s*-\s*[A-ZĐ0-9][A-Za-zĐđ0-9&]*)+)\s*$/u.exec(line.normalize('NFC').trim());
  if (!m?.groups) return undefined;
  const kyHieu = m.groups.k!.split(/\s*-\s*/);
  const n = m.groups.n!.trim();
  if (GAP.test(n)) return { kyHieu };
  if (!/^\d+$/.test(n) || Number(n) === 0) return undefined;
  return { so: Number(n), kyHieu };
}

export type Nhan =
  | { kieu: 'muc'; so: number }
  | { kieu: 'khoan'; so: number }
  | { kieu: 'tieuKhoan'; so: number[] }
  | { kieu: 'diem'; so: number }
  | { kieu: 'soThuTu'; so: number }
  | { kieu: 'gach' }
  | { kieu: 'cong' };

const ROMAN = /^(M{0,3})(CM|CD|D?C{0,3})(XC|XL|L?X{0,3})(IX|IV|V?I{0,3})$/;

/** I, II, … XIV → 1, 2, … 14; undefined for anything that is not a well-formed roman numeral. */
export function fromRoman(s: string): number | undefined {
  if (!s || !ROMAN.test(s)) return undefined;
  const v: Record<string, number> = { I: 1, V: 5, X: 10, L: 50, C: 100, D: 500, M: 1000 };
  let n = 0;
  for (let i = 0; i < s.length; i++) {
    const a = v[s[i]!]!;
    const b = v[s[i + 1] ?? ''] ?? 0;
    n += a < b ? -a : a;
  }
  return n;
}

/** "a" → 0, "đ" → 4, "aa" → 23: the inverse of diemLetter. */
export function diemIndex(s: string): number | undefined {
  const letter = s[0];
  if (!letter || [...s].some((c) => c !== letter)) return undefined;
  const i = (DIEM_LETTERS as readonly string[]).indexOf(letter.toLowerCase());
  return i < 0 ? undefined : i + DIEM_LETTERS.length * ([...s].length - 1);
}

/**
 * The label a paragraph starts with, as NĐ 30 numbers a body (§1.4.1): "II." mục, "3." khoản, "1.2." and "3.1.1."
 * tiểu khoản, "a)" điểm, "1)" numbered item, "-" and "+" dashes. Returns the label read and the text after it.
 */
export function docNhan(paragraph: string): { nhan: Nhan; text: string } | undefined {
  const p = paragraph.normalize('NFC').replace(/^[\s\u00A0]+/u, '');
  let m = /^([IVXLCDM]+)[.)]\s+(.*)$/su.exec(p);
  if (m && fromRoman(m[1]!) !== undefined) return { nhan: { kieu: 'muc', so: fromRoman(m[1]!)! }, text: m[2]! };
  m = /^(\d+(?:\.\d+)+)\.?\s+(.*)$/su.exec(p);
  if (m) return { nhan: { kieu: 'tieuKhoan', so: m[1]!.split('.').map(Number) }, text: m[2]! };
  m = /^(\d+)\.\s+(.*)$/su.exec(p);
  if (m) return { nhan: { kieu: 'khoan', so: Number(m[1]) }, text: m[2]! };
  m = /^(\d+)\)\s+(.*)$/su.exec(p);
  if (m) return { nhan: { kieu: 'soThuTu', so: Number(m[1]) }, text: m[2]! };
  m = /^(\p{Ll}{1,2})\)\s+(.*)$/su.exec(p);
  if (m && diemIndex(m[1]!) !== undefined) return { nhan: { kieu: 'diem', so: diemIndex(m[1]!)! }, text: m[2]! };
  m = /^[-–—•]\s+(.*)$/su.exec(p);
  if (m) return { nhan: { kieu: 'gach' }, text: m[1]! };
  m = /^\+\s+(.*)$/su.exec(p);
  if (m) return { nhan: { kieu: 'cong' }, text: m[1]! };
  return undefined;
}

/**
 * The Nơi nhận lines ("- Ban TĐKT Thành phố (để b/cáo);" … "- Lưu: VT, PNV, 02b.") → the recipients, whether "Như
 * trên" was among them, and the Lưu entry (§1.8, II.9.d). "Nơi nhận:" itself may come first.
 */
export function docNoiNhan(lines: readonly string[]): { nhuTren: boolean; noiNhan: NoiNhanIn[]; luu?: LuuIn } {
  const out: { nhuTren: boolean; noiNhan: NoiNhanIn[]; luu?: LuuIn } = { nhuTren: false, noiNhan: [] };
  for (const raw of lines) {
    const line = raw.normalize('NFC').trim().replace(/^Nơi nhận\s*:?\s*/u, '').replace(/^[-–—•+]\s*/u, '').replace(/[;.,]\s*$/u, '').trim();
    if (!line) continue;
    const luu = /^Lưu\s*:?\s*(.*)$/u.exec(line);
    if (luu) {
      const parts = luu[1]!.split(/\s*,\s*/).filter(Boolean);
      const copies = parts.map((x) => /^(\d+)\s*b(?:ản)?$/u.exec(x)).find(Boolean);
      const donVi = parts.filter((x) => x !== 'VT' && !/^\d+\s*b(?:ản)?$/u.test(x));
      out.luu = { ...(donVi.length ? { donVi } : {}), ...(copies ? { soBan: Number(copies[1]) } : {}) };
      continue;
    }
    if (/^Như trên$/iu.test(line)) {
      out.nhuTren = true;
      continue;
    }
    const purpose = /^(.*?)\s*\(([^()]*)\)$/u.exec(line);
    out.noiNhan.push(purpose ? { ten: purpose[1]!, mucDich: purpose[2]! } : { ten: line });
  }
  return out;
}

const HINH_THUC: readonly HinhThucKy[] = ['KT.', 'TL.', 'TUQ.', 'Q.'];

/** "CHỦ TỊCH ỦY BAN NHÂN DÂN" → "Chủ tịch Ủy ban nhân dân": the case the input holds, which the formatter capitalises. */
export function chuThuong(s: string): string {
  const lower = s.toLocaleLowerCase('vi-VN');
  return lower.charAt(0).toLocaleUpperCase('vi-VN') + lower.slice(1);
}

/** Whether the layout sets a title read as one string on exactly these lines (else the lines are a clerk's own). */
function laidOutAs(lines: readonly string[], block: 'quyenHan' | 'chucVuKhac'): boolean {
  if (lines.length < 2) return true;
  const broken = breakBalanced(lines.join(' '), { widthsMm: [signatureColumnMm()], style: style(block) }).lines;
  return broken.length === lines.length && broken.every((l, i) => l === lines[i]);
}

/** A title from its printed lines: one string when the layout breaks it so, else the list of its lines. */
function title(lines: readonly string[], block: 'quyenHan' | 'chucVuKhac'): Dong {
  return lines.length === 1 || laidOutAs(lines, block) ? chuThuong(lines.join(' ')) : lines.map(chuThuong);
}

/**
 * The signature block's lines, top to bottom without the space left for the signature (§1.7): "TM. …", "KT. …" (or
 * TL., TUQ., Q.), the signer's position, the other position (ô 7b) and the name last. A title may stand on several
 * lines, as the layout breaks it to the signature column: `dong7b` says how many lines ô 7b has (the lines between
 * the space and the name), else `coChucVuKhac` says it has one. The lines of 7a are shared between its titles as the
 * layout would have broken each one, the signer's position on as few lines as can be.
 */
export function docChuKy(lines: readonly string[], opts: { coChucVuKhac?: boolean; dong7b?: number } = {}): NguoiKyIn | undefined {
  const ls = lines.map((l) => l.normalize('NFC').trim()).filter(Boolean);
  const hoTen = ls.pop();
  if (!hoTen) return undefined;
  const k: NguoiKyIn = { hoTen };
  const n7b = Math.min(opts.dong7b ?? (opts.coChucVuKhac ? 1 : 0), ls.length);
  if (n7b) k.chucVuKhac = title(ls.splice(ls.length - n7b), 'chucVuKhac');
  if (ls.length === 0) return k;
  // Where each title of 7a starts: "TM." at the top, a signing form after it; the signer's position is what is left.
  const tm = /^TM\.\s*(.+)$/u.test(ls[0]!) ? 0 : -1;
  const formAt = ls.findIndex((l, i) => i > tm && HINH_THUC.some((h) => l.startsWith(`${h} `)));
  if (ls.some((l, i) => i > 0 && i !== formAt && /^TM\.\s/u.test(l))) return undefined;
  if (ls.some((l, i) => i > formAt && formAt >= 0 && HINH_THUC.some((h) => l.startsWith(`${h} `)))) return undefined;
  const form = formAt >= 0 ? HINH_THUC.find((h) => ls[formAt]!.startsWith(`${h} `))! : undefined;
  if (tm < 0 && formAt > 0) return undefined;
  const lastMark = formAt >= 0 ? formAt : tm;
  if (lastMark < 0) {
    k.chucVu = title(ls, 'quyenHan');
    return k;
  }
  // The lines after the last title's first line: its own further lines, then the signer's position (none after Q.).
  const after = ls.length - lastMark - 1;
  const natural = (c: number) => {
    const end = ls.length - c;
    const groups = [...(tm === 0 && formAt > 0 ? [ls.slice(0, formAt)] : []), ls.slice(lastMark, end), ...(c ? [ls.slice(end)] : [])];
    return groups.every((g) => laidOutAs(g, 'quyenHan'));
  };
  const candidates = form === 'Q.' ? [0] : after === 0 ? [0] : Array.from({ length: after }, (_, i) => i + 1);
  const c = candidates.find(natural) ?? candidates[0]!;
  const end = ls.length - c;
  if (tm === 0) k.thayMat = stripPrefix('TM.', title(ls.slice(0, formAt > 0 ? formAt : end), 'quyenHan'));
  if (form) {
    k.hinhThuc = form;
    k.thuTruong = stripPrefix(form, title(ls.slice(formAt, end), 'quyenHan'));
  }
  if (c) k.chucVu = title(ls.slice(end), 'quyenHan');
  return k;
}

/** A title read with its prefix ("TM. Ủy ban nhân dân") without it, in the case the input holds. */
function stripPrefix(prefix: string, v: Dong): Dong {
  const strip = (l: string) => chuThuong(l.slice(prefix.length).trim());
  return Array.isArray(v) ? [strip(v[0]!), ...v.slice(1)] : strip(v);
}
