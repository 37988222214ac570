// Puts the nominees and council members read from a spreadsheet into an input: a hồ sơ (its nominees keep their
// reports, matched by name), a tờ trình's list or a biên bản's votes and members. The web form applies the same rule to
// the draft it holds (src/server/public/js/merge-list.js): a change here goes there too.
import { plain, type SheetImport } from './nominees';

/** The forms a spreadsheet can go into. */
export const SHEET_TARGETS = ['ho-so-khen-thuong', 'to-trinh', 'bien-ban'] as const;

export interface Merged {
  value: Record<string, unknown>;
  /** What happened, one line each (Vietnamese / English). */
  notes: string[];
}

type Obj = Record<string, unknown>;

export function mergeSheet(target: Obj, imp: SheetImport): Merged {
  const value: Obj = structuredClone(target);
  const notes: string[] = [];
  const form = value.form as (typeof SHEET_TARGETS)[number];
  const rows = imp.nominees;
  if (rows.length) {
    if (form === 'to-trinh') {
      value.danhSach = rows.map(({ phieuDongY: _votes, ...r }) => r);
      notes.push(`${rows.length} dòng vào danhSach / rows into danhSach`);
    } else if (form === 'bien-ban') {
      value.bieuQuyet = rows;
      notes.push(`${rows.length} dòng vào bieuQuyet / rows into bieuQuyet`);
    } else {
      const before = Array.isArray(value.deCu) ? (value.deCu as Obj[]) : [];
      const byName = new Map(before.map((d) => [plain(String(d.ten ?? '')), d]));
      const seen = new Set<string>();
      const deCu = rows.map((r) => {
        const key = plain(r.ten);
        seen.add(key);
        const old = byName.get(key);
        // A nominee already in the file keeps its report; the sheet's columns replace its list fields.
        return old ? { ...old, ...r } : { ...r };
      });
      const kept = before.filter((d) => !seen.has(plain(String(d.ten ?? ''))));
      value.deCu = [...deCu, ...kept];
      const updated = rows.filter((r) => byName.has(plain(r.ten))).length;
      notes.push(`${updated} người/tập thể đã có được cập nhật, ${rows.length - updated} mới (cần viết báo cáo thành tích) / ${updated} updated, ${rows.length - updated} new (their reports are to be written)`);
      if (kept.length) notes.push(`${kept.length} người/tập thể có trong tệp nhưng không có trong bảng tính được giữ nguyên / ${kept.length} in the file but not in the spreadsheet were kept`);
    }
  }
  if (imp.members.length) {
    if (form === 'bien-ban') value.thanhVien = imp.members;
    else if (form === 'ho-so-khen-thuong') value.hoiDong = { ...((value.hoiDong as Obj | undefined) ?? {}), thanhVien: imp.members };
    else notes.push('tờ trình không có danh sách thành viên Hội đồng: trang thành viên bị bỏ qua / a tờ trình has no council members: that sheet was skipped');
    if (form !== 'to-trinh') notes.push(`${imp.members.length} thành viên Hội đồng / council members`);
  }
  return { value, notes };
}
