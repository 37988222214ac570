// Word habits mended with a warning at their path: numbers and bullets typed before structured text (vanban numbers
// it, §1.4.1), recipients that repeat what vanban prints ("Như trên", "Lưu: …", §1.8) and several lines pasted
// into one paragraph.
import { makeIssue } from '../errors/catalogue';
import { jsonPath, type Issue } from '../errors/issue';
import { docNhan, docNoiNhan, type Nhan } from '../readers/regulated';

/** Which typed labels each kind of structured text may carry, to be removed: vanban prints its own. */
const LABELS: Record<string, readonly Nhan['kieu'][]> = {
  tieuDe: ['muc', 'khoan', 'tieuKhoan', 'diem', 'soThuTu'],
  khoan: ['khoan', 'tieuKhoan', 'diem', 'soThuTu'],
  diem: ['diem'],
  soThuTu: ['soThuTu', 'diem'],
  gach: ['gach'],
};

/** Arrays of paragraphs, where a pasted block of lines becomes one paragraph per line. */
const PARAGRAPH_ARRAYS = new Set(['noiDung', 'thanhTich', 'moDau', 'ketLuan', 'canCu', 'dacDiem', 'chucNang']);

const shown = (s: string) => (s.length > 60 ? `${s.slice(0, 57)}…` : s);

/** The mended copy of a validated input and the warnings, each at the path the clerk typed it. */
export function mendWordHabits<T>(input: T, source?: string): { value: T; issues: Issue[] } {
  const issues: Issue[] = [];
  const warn = (code: 'input.typed_number' | 'input.recipient_generated' | 'input.lines_split', path: PropertyKey[], params: Record<string, string | number>) =>
    issues.push(makeIssue(code, { path: jsonPath(path), ...params }, { source, path: jsonPath(path) }));

  const stripLabel = (key: string, text: string, path: PropertyKey[]): string => {
    const allowed = LABELS[key];
    const read = allowed ? docNhan(text) : undefined;
    if (!read || !allowed!.includes(read.nhan.kieu) || !read.text.trim()) return text;
    warn('input.typed_number', path, { label: text.slice(0, text.length - read.text.length).trim(), text: shown(read.text) });
    return read.text;
  };
  const stripPlus = (text: string, path: PropertyKey[]): string => {
    const m = /^\s*[+\-–•]\s+(\S.*)$/su.exec(text);
    if (!m) return text;
    warn('input.typed_number', path, { label: text.trim()[0]!, text: shown(m[1]!) });
    return m[1]!;
  };

  const walk = (v: unknown, path: PropertyKey[]): unknown => {
    if (Array.isArray(v)) {
      const key = path[path.length - 1];
      const out: unknown[] = [];
      v.forEach((x, i) => {
        const p = [...path, i];
        if (typeof x === 'string' && typeof key === 'string' && PARAGRAPH_ARRAYS.has(key) && /\n/.test(x.trim())) {
          const lines = x.split(/\r?\n/).map((l) => l.trim()).filter(Boolean);
          warn('input.lines_split', p, { count: lines.length });
          out.push(...lines);
          return;
        }
        out.push(key === 'cong' && typeof x === 'string' ? stripPlus(x, p) : walk(x, p));
      });
      return out;
    }
    if (v && typeof v === 'object') {
      const out: Record<string, unknown> = {};
      for (const [k, x] of Object.entries(v)) out[k] = typeof x === 'string' && k in LABELS ? stripLabel(k, x, [...path, k]) : walk(x, [...path, k]);
      if (Array.isArray(out.noiNhan)) mendRecipients(out, path);
      return out;
    }
    return v;
  };

  /**
   * "Lưu: …" is always printed from `luu` (§1.8, II.9.d): a typed one is taken out and fills `luu` when it is empty.
   * "Như trên" is printed by a document that has a Kính gửi (the tờ trình); elsewhere it is the clerk's own line.
   */
  const mendRecipients = (doc: Record<string, unknown>, path: PropertyKey[]): void => {
    const entries = doc.noiNhan as unknown[];
    let luu: { donVi?: string[]; soBan?: number } | undefined;
    doc.noiNhan = entries.filter((e, i) => {
      const ten = (e as { ten?: unknown })?.ten;
      if (typeof ten !== 'string') return true;
      const read = docNoiNhan([ten]);
      if ((read.nhuTren && 'kinhGui' in doc) || read.luu) {
        warn('input.recipient_generated', [...path, 'noiNhan', i, 'ten'], { text: shown(ten) });
        luu ??= read.luu;
        return false;
      }
      return true;
    });
    if (luu && doc.luu === undefined) {
      const typed = { ...(luu.donVi?.length ? { donVi: luu.donVi } : {}), ...(luu.soBan !== undefined ? { soBan: luu.soBan } : {}) };
      if (Object.keys(typed).length) doc.luu = typed;
    }
  };

  const value = walk(input, []) as T;
  return { value, issues };
}
