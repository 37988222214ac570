// Award rules of the dossier: vote thresholds on all council members (regulations §5.2) and award money (§5.4).
import { chuaXacNhan, inForce, type KhenThuongDef, type Regulations } from '../config/regulations';

export type DoiTuong = 'tap-the' | 'ca-nhan';

export interface VoteResult {
  dat: boolean;
  /** Share of all members in tenths of a percent, e.g. 867 for 86,7 %. */
  phanNghin: number;
  /** The rule applied, e.g. "≥ 80%" or "> 50%". */
  quyTac: string;
  /** Smallest number of votes that passes. */
  toiThieu: number;
}

/**
 * approved ⇔ votes × 100 ≥ threshold × all members (integer arithmetic, §5.2); with no statutory threshold the
 * configured default (more than half) applies.
 */
export function bieuQuyet(phieuDongY: number, tongThanhVien: number, award: KhenThuongDef | undefined, reg: Regulations): VoteResult {
  const phanNghin = tongThanhVien === 0 ? 0 : Math.round((phieuDongY * 1000) / tongThanhVien);
  if (award?.nguong !== undefined) {
    const t = award.nguong;
    return { dat: phieuDongY * 100 >= t * tongThanhVien, phanNghin, quyTac: `≥ ${t}%`, toiThieu: Math.ceil((t * tongThanhVien) / 100) };
  }
  const d = reg.bieuQuyet.macDinh;
  const dat = d.lonHonHan ? phieuDongY * 100 > d.phanTram * tongThanhVien : phieuDongY * 100 >= d.phanTram * tongThanhVien;
  const toiThieu = d.lonHonHan ? Math.floor((d.phanTram * tongThanhVien) / 100) + 1 : Math.ceil((d.phanTram * tongThanhVien) / 100);
  return { dat, phanNghin, quyTac: `${d.lonHonHan ? '>' : '≥'} ${d.phanTram}%`, toiThieu };
}

/** "86,7%": one decimal with a comma, as Vietnamese documents write it. */
export function phanTram(phanNghin: number): string {
  const whole = Math.floor(phanNghin / 10);
  const tenth = phanNghin % 10;
  return tenth === 0 ? `${whole}%` : `${whole},${tenth}%`;
}

/** A value an amount rests on that the spec could not confirm ([U]): the coefficient, or rounding up. */
export interface GiaTriChuaXacNhan {
  loai: 'heSo' | 'lamTron';
  /** The configuration's source tag, e.g. "[U] §5.4 NĐ 98/2023 Điều 58: amount not confirmed". */
  tag: string;
}

export interface TienThuong {
  heSo: number;
  luongCoSo: number;
  /** Before rounding, in đồng. */
  tho: number;
  /** Rounded up to the configured step (§5.4). */
  soTien: number;
  /** Unconfirmed values this amount rests on; empty when every one is sourced. */
  chuaXacNhan: GiaTriChuaXacNhan[];
}

/**
 * The date that prices an award (§5.4): the decision's, expected or known, else the tờ trình's. A decision expected in
 * a month ("2025-12") is priced on the later of the month's first day and the tờ trình, and is early only if its
 * month is before the tờ trình's. ISO dates in, ISO out.
 */
export function ngayTinhTien(quyetDinh: { nam: number; thang: number; ngay?: number } | undefined, toTrinhIso: string): { iso: string; truocToTrinh: boolean } {
  if (!quyetDinh) return { iso: toTrinhIso, truocToTrinh: false };
  const pad = (n: number) => String(n).padStart(2, '0');
  const month = `${quyetDinh.nam}-${pad(quyetDinh.thang)}`;
  if (quyetDinh.ngay === undefined) {
    const first = `${month}-01`;
    return { iso: first > toTrinhIso ? first : toTrinhIso, truocToTrinh: month < toTrinhIso.slice(0, 7) };
  }
  const iso = `${month}-${pad(quyetDinh.ngay)}`;
  return { iso, truocToTrinh: iso < toTrinhIso };
}

/**
 * Whether the grantor is the chairman of a commune-level People's Committee (§5.3): a commune word in the name once the
 * district words are taken out ("thị xã" is a district).
 */
export function capKhenThuongXa(capKhenThuong: string, reg: Regulations): boolean {
  const words = (list: string[]) => new RegExp(`(^|\\s)(${list.join('|')})(?=\\s|$)`, 'giu');
  const rest = capKhenThuong.replace(words(reg.capHuyen.tu), ' ');
  return words(reg.capXa.tu).test(rest);
}

/**
 * Coefficient × lương cơ sở in force on the decision date, rounded up to the next 10.000 đồng (§5.4); undefined when
 * the award has no coefficient for that subject or no lương cơ sở is on record for that date. A Giấy khen of a commune
 * chairman takes that level's own coefficients when the configuration has them.
 */
export function tienThuong(award: KhenThuongDef, doiTuong: DoiTuong, isoDate: string, reg: Regulations, opts: { capXa?: boolean } = {}): TienThuong | undefined {
  const list = opts.capXa && award.heSoCapXa ? award.heSoCapXa : award.heSo;
  if (!list.some((v) => v.from <= isoDate)) return undefined;
  const hs = inForce(list, isoDate);
  const heSo = doiTuong === 'ca-nhan' ? hs.caNhan : hs.tapThe;
  if (heSo === undefined) return undefined;
  // Before the first lương cơ sở on record there is nothing to compute from: the caller reports it.
  if (!reg.luongCoSo.values.some((v) => v.from <= isoDate)) return undefined;
  const luongCoSo = inForce(reg.luongCoSo.values, isoDate).value;
  // Coefficients have at most two decimals: work in hundredths so 0,3 × 2.340.000 is exactly 702.000.
  const tho = (Math.round(heSo * 100) * luongCoSo) / 100;
  const buoc = reg.lamTronTien.buoc;
  const soTien = Math.ceil(tho / buoc) * buoc;
  const unconfirmed: GiaTriChuaXacNhan[] = [];
  if (chuaXacNhan(hs)) unconfirmed.push({ loai: 'heSo', tag: hs.tag! });
  const lamTron = reg.lamTronTien.nguon.some((v) => v.from <= isoDate) ? inForce(reg.lamTronTien.nguon, isoDate) : undefined;
  if (soTien !== tho && lamTron && chuaXacNhan(lamTron)) unconfirmed.push({ loai: 'lamTron', tag: lamTron.tag! });
  return { heSo, luongCoSo, tho, soTien, chuaXacNhan: unconfirmed };
}
