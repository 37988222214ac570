// Reads the dated values of config/regulations.json and picks the one in force on a date.
import raw from '../../config/regulations.json' with { type: 'json' };

export interface LegalProfile {
  from: string;
  id: string;
  tag: string;
  law: string;
  decree: string;
  decreeShort: string;
}

export interface Dated {
  from: string;
  tag?: string;
}

export interface HeSo extends Dated {
  caNhan?: number;
  tapThe?: number;
}

export interface KhenThuongDef {
  ten: string;
  loai: 'danh-hieu' | 'hinh-thuc';
  /** Share of all council members, in percent, needed to propose it (§5.2); absent = the default rule. */
  nguong?: number;
  heSo: HeSo[];
  /** Coefficients when the grantor is the chairman of a commune-level People's Committee (§5.4), if they differ. */
  heSoCapXa?: HeSo[];
}

export interface Regulations {
  legalProfiles: LegalProfile[];
  luongCoSo: { values: (Dated & { value: number })[] };
  lamTronTien: { buoc: number; nguon: Dated[] };
  bieuQuyet: { macDinh: { phanTram: number; lonHonHan: boolean } };
  khenThuong: Record<string, KhenThuongDef>;
  capHuyen: { tuNgay: string; tu: string[] };
  capXa: { tu: string[] };
  vanBan: { diaDanhVietTat: Record<string, string>; danhXung: string[] };
  /** Digital signing (§3): the seal's size in mm [U]. */
  kySo: { dauMm: number };
}

export const REGULATIONS: Regulations = raw as unknown as Regulations;

/** A value the spec could not confirm (tagged [U], regulations "How to read the source tags"): used, but warned. */
export function chuaXacNhan(v: { tag?: string }): boolean {
  return v.tag?.includes('[U]') ?? false;
}

/** The entry of a list keyed by `from` (ISO date) that is in force on `isoDate`. */
export function inForce<T extends { from: string }>(list: readonly T[], isoDate: string): T {
  let found: T | undefined;
  for (const item of [...list].sort((a, b) => a.from.localeCompare(b.from))) {
    if (item.from <= isoDate) found = item;
  }
  if (!found) throw new Error(`No value in force on ${isoDate}`);
  return found;
}
