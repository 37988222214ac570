// The signature block (regulations §1.7, NĐ 30 PL I II.7): authority prefix lines in capitals, then the signer's name.
import { oKyMotNguoi, type OKyVM } from './ky-so';
import { inHoa } from './text';

export type HinhThucKy = 'KT.' | 'TL.' | 'TUQ.' | 'Q.';

/** A title as one string (vanban breaks it to the column) or as the lines a clerk wants. */
export type Dong = string | string[];

export interface NguoiKyIn {
  /** Collective on whose behalf the signer signs: "TM. <thayMat>". */
  thayMat?: Dong;
  /** Authority form before the head's title. */
  hinhThuc?: HinhThucKy;
  /** The head's title after KT./TL./TUQ./Q. */
  thuTruong?: Dong;
  /** The signer's own position. */
  chucVu?: Dong;
  /** Other position printed above the name (ô 7b), e.g. the agency post of an advisory-body chair. */
  chucVuKhac?: Dong;
  hoTen: string;
}

const dong = (v: Dong | undefined): string[] => (v === undefined ? [] : Array.isArray(v) ? v : [v]).map(inHoa);

/** The lines of a title, its first line after a prefix ("TM.", "KT." …). */
function withPrefix(prefix: string, v: Dong | undefined): string[] {
  const l = dong(v);
  return l.length ? [`${prefix} ${l[0]}`, ...l.slice(1)] : [prefix];
}

export interface ChuKyVM {
  /** Bold capital lines of ô 7a as printed, e.g. ["TM. ỦY BAN NHÂN DÂN", "KT. CHỦ TỊCH", "PHÓ CHỦ TỊCH"]. */
  quyenHan: string[];
  /** Ô 7b other position, capitals, one item per printed line; [] when absent. */
  chucVuKhac: string[];
  hoTen: string;
  /** Where this signer and the organisation sign digitally (regulations §3.1). */
  oKy: OKyVM[];
}

/** Problems of a signature, in the order: reason vi, reason en. */
export function signerProblems(k: NguoiKyIn): { vi: string; en: string }[] {
  const out: { vi: string; en: string }[] = [];
  if (k.hinhThuc && !k.thuTruong)
    out.push({ vi: `Ký "${k.hinhThuc}" cần chức danh của thủ trưởng ("thuTruong").`, en: `"${k.hinhThuc}" needs the head's title in "thuTruong".` });
  if (k.hinhThuc && k.hinhThuc !== 'Q.' && !k.chucVu)
    out.push({ vi: `Ký "${k.hinhThuc}" cần chức vụ của chính người ký ("chucVu").`, en: `"${k.hinhThuc}" needs the signer's own position in "chucVu".` });
  if (!k.hinhThuc && k.thuTruong)
    out.push({ vi: 'Chức danh thủ trưởng ("thuTruong") chỉ dùng khi ký thay, thừa lệnh, thừa ủy quyền hoặc quyền ("hinhThuc": KT., TL., TUQ., Q.).', en: '"thuTruong" is only used with "hinhThuc" (KT., TL., TUQ., Q.).' });
  if (!k.hinhThuc && !k.chucVu && !k.thayMat)
    out.push({ vi: 'Cần chức vụ của người ký ("chucVu").', en: 'The signer\'s "chucVu" is required.' });
  return out;
}

/** The authority lines as logical lines (a clerk's own lines kept); the view model's layout breaks them to the column. */
export function chuKy(k: NguoiKyIn): ChuKyVM {
  const lines: string[] = [];
  if (k.thayMat) lines.push(...withPrefix('TM.', k.thayMat));
  if (k.hinhThuc) {
    lines.push(...withPrefix(k.hinhThuc, k.thuTruong));
    if (k.hinhThuc !== 'Q.' && k.chucVu) lines.push(...dong(k.chucVu));
  } else if (k.chucVu) {
    lines.push(...dong(k.chucVu));
  }
  const vm = { quyenHan: lines, chucVuKhac: dong(k.chucVuKhac), hoTen: k.hoTen };
  return { ...vm, oKy: oKyMotNguoi(vm) };
}
