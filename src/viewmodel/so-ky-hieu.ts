// The "Số: 47/KH-HĐTĐKT" line (regulations §1.5, NĐ 30 PL I II.3) and the abbreviation rules it rests on.
import { BLANK } from './dates';

/** Abbreviation group of a symbol: starts with a capital, no spaces, "-" or "/" (§1.5, II.3.b–c). */
export const ABBREVIATION_RE = /^[A-ZĐ][A-Za-zĐđ0-9&]*$/u;

/** Numbers 1–9 are written 01–09 (§1.5, II.3.a/c). */
export function soVanBan(n: number): string {
  return n < 10 ? `0${n}` : String(n);
}

/** `KH-HĐTĐKT`: type abbreviation, then issuer (and for a công văn the drafting unit), joined by "-" (§1.5). */
export function kyHieu(groups: readonly string[]): string {
  return groups.join('-');
}

/** `Số: 47/KH-HĐTĐKT`; a number left blank for registration keeps a handwriting gap: `Số:       /KH-UBND`. */
export function dongSoKyHieu(so: number | undefined, groups: readonly string[]): string {
  return `Số: ${so === undefined ? BLANK : soVanBan(so)}/${kyHieu(groups)}`;
}

/** The validation regex of §1.5 for an issued administrative document (the number filled in). */
export const SO_KY_HIEU_RE = /^Số: (0[1-9]|[1-9][0-9]+)\/[A-ZĐ][A-Za-zĐđ]*(-[A-ZĐ0-9][A-Za-zĐđ0-9&]*)+$/u;
