// The body as text: a textarea where each line is a paragraph with the label it will print, Tab / Shift+Tab to change a
// line's level, and beside it the lines as the document will print them (numbered by the server, POST /api/body).
import { api } from './session.js';

/** Labels from the top level down; a plain paragraph has none. */
const LEVELS = ['I.', '1.', '1.1.', '1.1.1.', 'a)', '1)', '-', '+'];
const LABEL = /^(?:([IVXLCDM]+)\.|(\d+(?:\.\d+){0,2})\.|(\p{Ll}{1,2})\)|(\d+)\)|([-+–•]))\s+/u;

/** The level of a line's label (-1 for none) and the text after it. @param {string} line */
export function levelOf(line) {
  const m = LABEL.exec(line);
  if (!m) return { level: -1, text: line };
  const text = line.slice(m[0].length);
  if (m[1]) return { level: 0, text };
  if (m[2]) return { level: 1 + (m[2].split('.').length - 1), text };
  if (m[3]) return { level: 4, text };
  if (m[4]) return { level: 5, text };
  return { level: m[5] === '+' ? 7 : 6, text };
}

/** The line one level deeper (Tab) or higher (Shift+Tab); a plain paragraph goes to "-" and back. @param {string} line @param {boolean} up */
export function shift(line, up) {
  const { level, text } = levelOf(line);
  let next;
  if (level === -1) next = up ? -1 : 6;
  else if (up) next = level === 6 ? -1 : level - 1;
  else next = Math.min(level + 1, LEVELS.length - 1);
  return next < 0 ? text : `${LEVELS[next]} ${text}`;
}

/**
 * @param {{ form: { value: Record<string, any> }, current: () => unknown[], hasField: (key: string) => boolean, apply: () => void, announce: (s: string) => void }} o
 */
export function setUpBodyEditor(o) {
  const box = /** @type {HTMLDetailsElement} */ (document.getElementById('body-editor'));
  const area = /** @type {HTMLTextAreaElement} */ (document.getElementById('body-text'));
  const outline = /** @type {HTMLOListElement} */ (document.getElementById('body-outline'));
  const button = /** @type {HTMLButtonElement} */ (document.getElementById('body-apply'));
  if (!o.hasField('noiDung')) return;
  box.hidden = false;
  let timer = 0;
  let asked = 0;

  /** @param {Record<string, unknown>} payload */
  const post = async (payload) => {
    const res = await api('/api/body', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload) });
    return res.ok ? res.json() : undefined;
  };
  /** @param {{ kieu: string, printed: string }[]} lines */
  const show = (lines) => {
    outline.replaceChildren(...lines.map((l) => {
      const li = document.createElement('li');
      li.className = `k-${l.kieu}`;
      li.textContent = l.printed;
      return li;
    }));
  };
  const readSoon = () => {
    clearTimeout(timer);
    timer = window.setTimeout(async () => {
      const mine = ++asked;
      const r = await post({ text: area.value });
      if (mine !== asked || !r) return;
      show(r.lines);
    }, 300);
  };

  box.addEventListener('toggle', async () => {
    if (!box.open) return;
    // The draft without its empty boxes: a new plan's outline has headings waiting for their paragraphs.
    const r = await post({ noiDung: o.current() });
    area.value = r ? r.text : '';
    if (r) show(r.lines);
    readSoon();
  });
  area.addEventListener('input', readSoon);
  area.addEventListener('keydown', (e) => {
    if (e.key !== 'Tab') return;
    e.preventDefault();
    const v = area.value;
    const start = v.lastIndexOf('\n', area.selectionStart - 1) + 1;
    const endAt = v.indexOf('\n', area.selectionEnd);
    const end = endAt < 0 ? v.length : endAt;
    const lines = v.slice(start, end).split('\n').map((l) => shift(l, e.shiftKey));
    const replaced = lines.join('\n');
    area.setRangeText(replaced, start, end, 'end');
    area.setSelectionRange(start + replaced.length, start + replaced.length);
    readSoon();
  });
  button.addEventListener('click', async () => {
    clearTimeout(timer);
    const r = await post({ text: area.value });
    if (!r) return;
    show(r.lines);
    o.form.value.noiDung = r.noiDung;
    if (r.moDau.length && o.hasField('moDau')) o.form.value.moDau = r.moDau;
    if (r.ketLuan.length && o.hasField('ketLuan')) o.form.value.ketLuan = r.ketLuan;
    o.apply();
    o.announce(`Đã dùng nội dung vừa soạn: ${r.lines.length} đoạn.`);
  });
}
