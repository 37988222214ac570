// The places where a document is signed digitally (regulations §3, §3.1): one slot per signer (ô 7c), one per seal (ô 8).
import type { ChuKyVM } from './chu-ky';

/**
 * How a slot is placed in the space the layout leaves for signing:
 * - `chu-ky`: the signer's signature, centred between the 7a lines and the name (PL I II.7.d);
 * - `dau`: the organisation's signature at the seal's size, over the left third of the signature (PL I II.8.a;
 *   Điều 33.1.b);
 * - `phu-luc`: the organisation's signature in the top-right corner of the first page of an appendix filed on its
 *   own (PL I II.8.b, III.1.d).
 */
export type KieuOKy = 'chu-ky' | 'dau' | 'phu-luc';

export interface OKyVM {
  /** Name of the empty signature field in the PDF (unique in its file) and of the DOCX bookmark. */
  truong: string;
  kieu: KieuOKy;
  /** Who signs: the competent person (Điều 13.7) or the organisation, through its Văn thư (Điều 33.2). */
  vaiTro: 'nguoi-ky' | 'co-quan';
  /** Position in NĐ 30's grid (regulations §1.2). */
  o: '7c' | '8';
  /** Printed lines above and below the slot, exactly as printed, for tools that find a place by its text. */
  neo: { tren: string; duoi: string };
  /** For the signer's slot, the name printed under it ("" when left to be filled by hand); "" for the organisation's. */
  nguoiKy: string;
  /** Separately filed appendix: the information line its signature shows (PL I II.8.b). */
  thongTin?: { soKyHieu: string; thoiGian: string };
}

/**
 * Time of signing in the information line: ISO 8601 with the Vietnam offset (§3, PL I II.8.b). It is the signer's
 * clock that fills it; vanban only says the format.
 */
export const DINH_DANG_THOI_GIAN = 'YYYY-MM-DDThh:mm:ss+07:00';

/** A side of a two-signature footer, for unique field names: "Trai" (left), "Phai" (right); "" for one signer. */
export type Ben = '' | 'Trai' | 'Phai';

/**
 * The slots of one signature: the signer's (ô 7c) and, where the organisation signs with its seal, the seal's (ô 8).
 * `tren` is the last line above the space left for signing, `duoi` the first below it.
 */
export function oKyChuKy(tren: string, duoi: string, nguoiKy: string, opts: { ben?: Ben; dongDau: boolean }): OKyVM[] {
  const suffix = opts.ben ? `_${opts.ben}` : '';
  const neo = { tren, duoi };
  const slots: OKyVM[] = [{ truong: `NguoiKy_7c${suffix}`, kieu: 'chu-ky', vaiTro: 'nguoi-ky', o: '7c', neo, nguoiKy }];
  if (opts.dongDau) slots.push({ truong: `CoQuan_8${suffix}`, kieu: 'dau', vaiTro: 'co-quan', o: '8', neo, nguoiKy: '' });
  return slots;
}

/** The lines printed around a one-signer footer's space: the last line of 7a above, 7b or the name below. */
export function neoMotNguoi(k: Pick<ChuKyVM, 'quyenHan' | 'chucVuKhac' | 'hoTen'>): OKyVM['neo'] {
  return { tren: k.quyenHan[k.quyenHan.length - 1] ?? '', duoi: k.chucVuKhac[0] ?? k.hoTen };
}

/** The lines printed around one side of a two-signature footer: its note or last caption line above, the name below. */
export function neoBen(k: { tieuDe: readonly string[]; ghiChu: string; hoTen: string }): OKyVM['neo'] {
  return { tren: k.ghiChu || k.tieuDe[k.tieuDe.length - 1] || '', duoi: k.hoTen };
}

/** The line printed under a separately filed appendix's slot: its label, else its first title line. */
export function neoPhuLuc(p: { nhan: string; tieuDe: readonly string[] }): OKyVM['neo'] {
  return { tren: '', duoi: p.nhan || p.tieuDe[0] || '' };
}

/** The slots with the anchors of the lines as finally printed (the layout may break the lines around a space). */
export function datNeo(slots: readonly OKyVM[], neo: OKyVM['neo']): OKyVM[] {
  return slots.map((s) => ({ ...s, neo: { ...neo } }));
}

/** The slots of a one-signer footer (ô 7a–7c): the organisation signs every document it issues (Điều 33.2). */
export function oKyMotNguoi(k: Pick<ChuKyVM, 'quyenHan' | 'chucVuKhac' | 'hoTen'>): OKyVM[] {
  const neo = neoMotNguoi(k);
  return oKyChuKy(neo.tren, neo.duoi, k.hoTen, { dongDau: true });
}

/** The slot of an appendix filed on its own: the organisation's signature, with the parent's number (PL I II.8.b). */
export function oKyPhuLuc(soKyHieu: string, tieuDe: string): OKyVM {
  return {
    truong: 'CoQuan_PhuLuc', kieu: 'phu-luc', vaiTro: 'co-quan', o: '8',
    neo: { tren: '', duoi: tieuDe }, nguoiKy: '',
    thongTin: { soKyHieu: soKyHieu.replace(/^Số:\s*/u, ''), thoiGian: DINH_DANG_THOI_GIAN },
  };
}

/** Every slot of a document in the order its fields are written: the signatures as drawn, then an appendix's. */
export function oKyCua(vm: {
  chuKy: { oKy: OKyVM[] };
  chuKyDoi?: { trai: { oKy: OKyVM[] }; phai: { oKy: OKyVM[] } };
  phuLuc?: { oKy: OKyVM[] };
}): OKyVM[] {
  const sigs = vm.chuKyDoi ? [...vm.chuKyDoi.trai.oKy, ...vm.chuKyDoi.phai.oKy] : vm.chuKy.oKy;
  return [...sigs, ...(vm.phuLuc?.oKy ?? [])];
}
