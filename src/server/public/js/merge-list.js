// Puts the nominees and council members the server read from a spreadsheet (POST /api/import) into a draft, by the
// rule of the command line (src/readers/into-input.ts): a hồ sơ's nominees matched by name keep their reports.

/** Names compared as the server compares them: lower case, no diacritics, single spaces. @param {string} s */
function plain(s) {
  return s.normalize('NFD').replace(/\p{M}/gu, '').replace(/[đĐ]/g, 'd').toLowerCase().replace(/[^a-z0-9]+/g, ' ').trim();
}

/** The forms a list goes into. */
export const LIST_FORMS = ['ho-so-khen-thuong', 'to-trinh', 'bien-ban'];

/**
 * @param {string} formId
 * @param {Record<string, any>} draft
 * @param {{ nominees: Record<string, any>[], members: Record<string, any>[] }} list
 * @returns {Record<string, any>} a new draft
 */
export function mergeList(formId, draft, list) {
  const value = structuredClone(draft);
  const rows = list.nominees;
  if (rows.length) {
    if (formId === 'to-trinh') value.danhSach = rows.map(({ phieuDongY: _votes, ...r }) => r);
    else if (formId === 'bien-ban') value.bieuQuyet = rows;
    else {
      /** @type {Record<string, any>[]} */
      const before = Array.isArray(value.deCu) ? value.deCu : [];
      const byName = new Map(before.map((d) => [plain(String(d.ten ?? '')), d]));
      const seen = new Set(rows.map((r) => plain(r.ten)));
      value.deCu = [
        ...rows.map((r) => {
          const old = byName.get(plain(r.ten));
          return old ? { ...old, ...r } : { ...r };
        }),
        ...before.filter((d) => !seen.has(plain(String(d.ten ?? '')))),
      ];
    }
  }
  if (list.members.length) {
    if (formId === 'bien-ban') value.thanhVien = list.members;
    else if (formId === 'ho-so-khen-thuong') value.hoiDong = { ...(value.hoiDong ?? {}), thanhVien: list.members };
  }
  return value;
}
