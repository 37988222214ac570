// Checks of the names a document prints: place names in full (§1.6), no titles before a person's name (§1.7), and no
// district level named in a document dated from the two-tier reform (§6.1). Warnings: the document is still written.
import type { Context } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { ngayNgan, parseNgay, thangVanBan } from './dates';

/** A name printed by a document and the JSON path of the input field it comes from. */
export interface Named {
  path: string;
  text: string;
}

const escape = (s: string) => s.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&');

/** The lines of an agency field (a string or a list of lines), each with its own path. */
export function namedLines(value: string | string[] | undefined, path: string): Named[] {
  if (value === undefined) return [];
  return Array.isArray(value) ? value.map((text, i) => ({ path: `${path}[${i}]`, text })) : [{ path, text: value }];
}

/** The levels a signature block names: the collective of "TM." and the other position (ô 7b). */
export function nguoiKyNames(k: { thayMat?: string | string[]; chucVuKhac?: string | string[] }, base: string): Named[] {
  return [...namedLines(k.thayMat, `${base}.thayMat`), ...namedLines(k.chucVuKhac, `${base}.chucVuKhac`)];
}

/** A typed date for messages: "14/9/2025", or "tháng 12/2025" when the day is left out. */
export function ngayGo(s: string): string {
  const d = parseNgay(s)!;
  return d.ngay === undefined ? `tháng ${thangVanBan(d.thang)}/${d.nam}` : ngayNgan(d);
}

/** "14/9/2025": a date as documents print it in running text, for messages. */
export function ngayIn(iso: string): string {
  return ngayNgan(parseNgay(iso.slice(0, 10))!);
}

/**
 * §1.6 (NĐ 30 PL I II.4.a): the place name of the date line is written in full; "TP. Hồ Chí Minh" is "Thành phố Hồ
 * Chí Minh". The abbreviations and what they stand for are in config/regulations.json (vanBan.diaDanhVietTat).
 */
export function placeNameIssues(value: string, path: string, ctx: Context): Issue[] {
  const entries = Object.entries(ctx.regulations.vanBan.diaDanhVietTat).sort((a, b) => b[0].length - a[0].length);
  let found: string | undefined;
  let goiY = value;
  for (const [abbr, full] of entries) {
    // An abbreviation with its dot may touch what follows ("TP.HCM"); one without must stand alone ("TP Huế").
    const re = new RegExp(`(^|[\\s,.])${escape(abbr)}${abbr.endsWith('.') ? '\\s*' : '(?=$|[\\s,.])'}`, 'gu');
    if (!re.test(goiY)) continue;
    found ??= abbr;
    goiY = goiY.replace(re, (_m, before: string) => `${before}${full} `);
  }
  if (!found) return [];
  goiY = goiY.replace(/\s+/gu, ' ').replace(/\s+,/gu, ',').trim();
  return [makeIssue('rule.place_abbreviated', { value, vietTat: found, goiY }, { source: ctx.source, path })];
}

/**
 * §1.7 (NĐ 30 PL I II.7.c–đ): no academic title, degree or honorific before a person's name ("TS. Nguyễn Văn A").
 * Abbreviations (with their dot) match as written; words ("Tiến sĩ") in any case.
 */
export function personNameIssues(items: readonly Named[], ctx: Context): Issue[] {
  const entries = [...ctx.regulations.vanBan.danhXung].sort((a, b) => b.length - a.length);
  const patterns = entries.map((e) =>
    e.endsWith('.')
      ? new RegExp(`^${escape(e.slice(0, -1))}(?:\\.\\s*|\\s+)`, 'u')
      : new RegExp(`^${escape(e)}\\s+`, 'iu'));
  const issues: Issue[] = [];
  const seen = new Set<string>();
  for (const { path, text } of items) {
    // One person named in several places (reporter and nominee) is reported once, at the first.
    if (seen.has(text)) continue;
    seen.add(text);
    let rest = text;
    // Titles come in runs ("PGS.TS."): take them all off for the suggestion.
    for (let again = true; again;) {
      again = false;
      for (const re of patterns) {
        const m = re.exec(rest);
        if (m && m[0].length < rest.length) {
          rest = rest.slice(m[0].length);
          again = true;
          break;
        }
      }
    }
    if (rest === text) continue;
    const danhXung = text.slice(0, text.length - rest.length).trim();
    issues.push(makeIssue('rule.title_in_name', { value: text, danhXung, goiY: rest }, { source: ctx.source, path }));
  }
  return issues;
}

/**
 * §6.1: from 01/7/2025 local government has two tiers (tỉnh, xã); a district-level agency or level (huyện, quận, thị
 * xã) named in a document dated from then is a leftover. `isoDate` is the date of the document that prints the names.
 */
export function districtIssues(items: readonly Named[], isoDate: string, ctx: Context): Issue[] {
  const cap = ctx.regulations.capHuyen;
  if (isoDate < cap.tuNgay) return [];
  const re = new RegExp(`(^|\\s)(${cap.tu.map(escape).join('|')})(\\s|$)`, 'iu');
  return items
    .filter((n) => re.test(n.text))
    .map((n) => makeIssue('rule.district_abolished', { ten: n.text, ngay: ngayIn(isoDate), tuNgay: ngayIn(cap.tuNgay) }, { source: ctx.source, path: n.path }));
}

/** The date of a document cited in running text ("Kế hoạch số 16/KH-UBND ngày 21/7/2025 …"), as ISO, if it gives one. */
export function ngayTrichDan(text: string): string | undefined {
  const m = /ngày\s+(\d{1,2})\s*\/\s*(\d{1,2})\s*\/\s*(\d{4})/u.exec(text) ?? /ngày\s+(\d{1,2})\s+tháng\s+(\d{1,2})\s+năm\s+(\d{4})/u.exec(text);
  if (!m) return undefined;
  const iso = `${m[3]}-${m[2]!.padStart(2, '0')}-${m[1]!.padStart(2, '0')}`;
  return parseNgay(iso) ? iso : undefined;
}
