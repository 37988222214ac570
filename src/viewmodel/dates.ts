// The place-and-date line (regulations §1.6, NĐ 30 PL I II.4) and calendar checks on input dates.

/** A document date; `ngay` is absent when the day is left blank for the văn thư to fill in by hand. */
export interface NgayThang {
  nam: number;
  thang: number;
  ngay?: number;
}

/** Width of a blank left for handwriting, in no-break spaces so no renderer collapses it. */
export const BLANK = '\u00A0'.repeat(7);

/** Day 1–9 → 01–09 (§1.6, II.4.b). */
export function ngay2(d: number): string {
  return d < 10 ? `0${d}` : String(d);
}

/** Months 1 and 2 get a leading zero, 3–12 do not (§1.6, II.4.b). */
export function thangVanBan(m: number): string {
  return m === 1 || m === 2 ? `0${m}` : String(m);
}

/** `Hà Nội, ngày 05 tháng 01 năm 2020` (§1.6, II.4.c); a blank day stays blank. */
export function dongDiaDanhNgay(diaDanh: string, d: NgayThang): string {
  const day = d.ngay === undefined ? BLANK : ngay2(d.ngay);
  return `${diaDanh}, ngày ${day} tháng ${thangVanBan(d.thang)} năm ${d.nam}`;
}

/** `ngày 05 tháng 3 năm 2020` without the place, for running text (same leading-zero rule). */
export function ngayDayDu(d: NgayThang): string {
  const day = d.ngay === undefined ? BLANK : ngay2(d.ngay);
  return `ngày ${day} tháng ${thangVanBan(d.thang)} năm ${d.nam}`;
}

/** `09/6/2021`, the short form used in references to other documents. */
export function ngayNgan(d: NgayThang): string {
  return `${d.ngay === undefined ? BLANK : ngay2(d.ngay)}/${thangVanBan(d.thang)}/${d.nam}`;
}

export function daysInMonth(year: number, month: number): number {
  return new Date(Date.UTC(year, month, 0)).getUTCDate();
}

/** Parses "YYYY-MM-DD" or "YYYY-MM" (day left blank); undefined if it is not a real calendar date. */
export function parseNgay(s: string): NgayThang | undefined {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(s);
  if (!m) return undefined;
  const nam = Number(m[1]);
  const thang = Number(m[2]);
  if (nam < 1945 || nam > 2100 || thang < 1 || thang > 12) return undefined;
  if (m[3] === undefined) return { nam, thang };
  const ngay = Number(m[3]);
  if (ngay < 1 || ngay > daysInMonth(nam, thang)) return undefined;
  return { nam, thang, ngay };
}

/** ISO date of the document for metadata and legal-period choice; a blank day counts as the 1st. */
export function isoNgay(d: NgayThang): string {
  return `${d.nam}-${String(d.thang).padStart(2, '0')}-${String(d.ngay ?? 1).padStart(2, '0')}`;
}
