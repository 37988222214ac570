// Builds an accessible form from a form's JSON Schema (with the Vietnamese labels and help it carries) and keeps a JSON value in step.
import { blockTitle } from './block-names.js';

/** `['noiNhan', 2, 'ten']` → `$.noiNhan[2].ten`, exactly as the server names paths in its issues. */
export function jsonPath(path) {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (/^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}

/** The path one level up: `$.a[2].b` → `$.a[2]` → `$.a` → `$`. */
export function parentPath(p) {
  const m = /^(.*?)(\.[A-Za-z_$][A-Za-z0-9_$]*|\[\d+\]|\["(?:[^"\\]|\\.)*"\])$/.exec(p);
  return m ? m[1] : '$';
}

export function getAt(root, path) {
  let v = root;
  for (const k of path) {
    if (v === null || typeof v !== 'object') return undefined;
    v = v[k];
  }
  return v;
}

export function setAt(root, path, value) {
  let v = root;
  path.forEach((k, i) => {
    if (i === path.length - 1) {
      if (value === undefined) {
        if (Array.isArray(v)) v[k] = value;
        else delete v[k];
      } else v[k] = value;
      return;
    }
    if (v[k] === null || typeof v[k] !== 'object') v[k] = typeof path[i + 1] === 'number' ? [] : {};
    v = v[k];
  });
}

function h(tag, attrs = {}, ...children) {
  const el = document.createElement(tag);
  for (const [k, v] of Object.entries(attrs)) {
    if (v === undefined || v === null || v === false) continue;
    if (k === 'text') el.textContent = v;
    else if (k.startsWith('on')) el.addEventListener(k.slice(2), v);
    else el.setAttribute(k, v === true ? '' : String(v));
  }
  for (const c of children.flat()) if (c) el.append(c);
  return el;
}

/** Months 1 and 2 with a leading zero, as the documents print them (NĐ 30). @param {number} m */
const thang = (m) => (m <= 2 ? `0${m}` : String(m));

/** "2021-06-09" → "09/6/2021", "2022-03" → "3/2022": a stored date as the document prints it. @param {unknown} v */
export function shownDate(v) {
  const m = /^(\d{4})-(\d{2})(?:-(\d{2}))?$/.exec(String(v ?? ''));
  if (!m) return v === undefined || v === null ? '' : String(v);
  return m[3] ? `${m[3]}/${thang(Number(m[2]))}/${m[1]}` : `${thang(Number(m[2]))}/${m[1]}`;
}

/**
 * What a clerk types as a date ("02/12/2026", "2/12/2026", "2-12-2026", "12/2026", or "2026-12-02") → the stored
 * "2026-12-02"; a day that is not on the calendar is still turned round, so the check names it as such. Undefined
 * for text that is not a date. @param {string} typed
 */
export function storedDate(typed) {
  const t = typed.trim().replace(/^(?:…|\.\.\.)?\s*\//, '');
  if (/^\d{4}-\d{2}(-\d{2})?$/.test(t)) return t;
  const p2 = (/** @type {string} */ x) => x.padStart(2, '0');
  const full = /^(\d{1,2})\s*[/.-]\s*(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (full) return `${full[3]}-${p2(full[2])}-${p2(full[1])}`;
  const month = /^(\d{1,2})\s*[/.-]\s*(\d{4})$/.exec(t);
  if (month) return `${month[2]}-${p2(month[1])}`;
  return undefined;
}

/** "8:00", "8h", "08h30", "0800" → "08:00", "08:30"; undefined when it is not a time of day. @param {string} typed */
export function storedTime(typed) {
  const m = /^(\d{1,2})\s*(?:[:hg]\s*(\d{2})?|(\d{2}))?\s*(?:phút)?$/i.exec(typed.trim().replace(/\s*giờ\s*/i, 'h'));
  if (!m) return undefined;
  const h = Number(m[1]);
  const min = Number(m[2] ?? m[3] ?? 0);
  return h <= 23 && min <= 59 ? `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}` : undefined;
}

/** Any text typed somewhere inside a value. @param {unknown} v @returns {boolean} */
const hasText = (v) => (typeof v === 'string' ? v.trim() !== '' : Array.isArray(v) ? v.some(hasText) : v && typeof v === 'object' ? Object.values(v).some(hasText) : false);

/** The words that name a list item when it is folded: its name or its heading. @param {any} v */
const nameOf = (v) => (v && typeof v === 'object' ? ['ten', 'hoTen', 'tieuDe', 'khoan', 'diem', 'gach'].map((k) => v[k]).find((x) => typeof x === 'string' && x.trim()) ?? '' : typeof v === 'string' ? v : '');

/** A field's message waits for this pause in typing in it. */
const TYPING_PAUSE_MS = 1200;

const idOf = (path) => `f_${path.map((p) => String(p).replace(/[^A-Za-z0-9]/g, '')).join('_') || 'root'}`;

/** A union of one line of text and a list of lines (agency names): shown as lines, stored as a string when there is one. */
function isLines(node) {
  return node.anyOf?.length === 2 && node.anyOf[0].type === 'string' && node.anyOf[1].type === 'array' && node.anyOf[1].items?.type === 'string';
}

export class SchemaForm {
  /**
   * @param {{ schema: object, container: HTMLElement, value: object, onInput: (path: string) => void, onStructure: () => void,
   *   kyHieuAt?: (path: string) => string, confirmRemove?: (what: string) => boolean,
   *   itemTools?: (path: string) => { label: string, aria: string, run: () => void }[], onFieldMessage?: (text: string) => void }} o
   */
  constructor(o) {
    this.schema = o.schema;
    this.container = o.container;
    this.value = o.value;
    this.onInput = o.onInput;
    this.onStructure = o.onStructure;
    this.kyHieuAt = o.kyHieuAt;
    this.confirmRemove = o.confirmRemove ?? (() => true);
    this.itemTools = o.itemTools ?? (() => []);
    this.onFieldMessage = o.onFieldMessage;
    this.touched = new Set();
    this.showAll = false;
    this.issues = [];
    /** path → { control?, err, group } for every field and group on the page. */
    this.fields = new Map();
    /** List items shown folded, by path. */
    this.folded = new Set();
    /** path → when it was last typed in: its message waits for a pause. */
    this.typedAt = new Map();
    this.pointerDown = false;
    this.applyTimer = undefined;
    // A message appearing while a button is pressed would push the button from under the pointer: wait for the click.
    document.addEventListener('pointerdown', () => { this.pointerDown = true; }, true);
    document.addEventListener('pointerup', () => {
      this.pointerDown = false;
      if (this.applyPending) {
        this.applyPending = false;
        setTimeout(() => this.applyIssues(), 0);
      }
    }, true);
  }

  /** Typing in a field: its own message is left as it is until a pause. @param {string} path */
  typing(path) {
    this.typedAt.set(path, Date.now());
  }

  resolve(node) {
    for (let i = 0; node && node.$ref && i < 20; i++) {
      const m = /^#\/\$defs\/(.+)$/.exec(node.$ref);
      node = m ? this.schema.$defs?.[m[1]] : undefined;
    }
    return node ?? {};
  }

  labelOf(node, fallback) {
    const n = this.resolve(node);
    return n.vi ?? fallback;
  }

  /** Name of a union branch: its own label, or that of its first required key (a heading, a point…). */
  branchLabel(branch) {
    const b = this.resolve(branch);
    if (b.vi) return b.vi;
    const first = b.required?.[0];
    return first ? this.labelOf(b.properties[first], first) : 'Khác';
  }

  branchIndexOf(node, v) {
    const branches = node.anyOf.map((b) => this.resolve(b));
    if (typeof v === 'string') return Math.max(0, branches.findIndex((b) => b.type === 'string'));
    if (v && typeof v === 'object') {
      const i = branches.findIndex((b) => b.type === 'object' && b.required?.some((k) => k in v));
      if (i >= 0) return i;
    }
    return 0;
  }

  /** A new value for a schema: empty text, or an object with its required keys. */
  blank(node) {
    const n = this.resolve(node);
    if (n.anyOf) return isLines(n) ? '' : this.blank(n.anyOf[0]);
    if (n.const !== undefined) return n.const;
    switch (n.type) {
      case 'object': {
        const o = {};
        for (const k of n.required ?? []) if (k !== 'form') o[k] = this.blank(n.properties[k]);
        return o;
      }
      case 'array': return [];
      case 'boolean': return false;
      case 'integer':
      case 'number': return '';
      default: return n.enum ? undefined : '';
    }
  }

  render() {
    const focusId = document.activeElement?.id;
    this.fields.clear();
    const body = this.renderObject(this.schema, [], { bare: true });
    this.container.replaceChildren(body);
    this.applyIssues();
    if (focusId) document.getElementById(focusId)?.focus();
  }

  // ---- one renderer per kind of schema node ------------------------------------------------------------------------

  renderNode(node, path, meta) {
    const n = this.resolve(node);
    if (n.const !== undefined) return null;
    const label = n.vi ?? meta.label;
    let help = n.helpVi ?? meta.help;
    // A chooser's options already say its values in words: a help that lists the keys is left out, and one that
    // explains them names them as the options do.
    if (n.enum && n.enumVi && help) {
      help = /^Một trong:/.test(help) || help.length < 80 ? undefined : help.replace(/"([a-z0-9-]+)"/g, (/** @type {string} */ k, /** @type {string} */ key) => (n.enumVi[key] ? `«${n.enumVi[key]}»` : k));
    }
    const m = { ...meta, label, help };
    if (n.anyOf) return isLines(n) ? this.renderLines(n, path, m) : this.renderUnion(n, path, m);
    switch (n.type) {
      case 'object': return this.renderObject(n, path, m);
      case 'array': return this.renderArray(n, path, m);
      case 'boolean': return this.renderCheckbox(n, path, m);
      case 'integer':
      case 'number':
      case 'string': return this.renderInput(n, path, m);
      default: return null;
    }
  }

  /** Label, required mark, help and the place where the field's messages appear. */
  head(path, meta, forId) {
    const id = idOf(path);
    const label = h(forId ? 'label' : 'span', { class: 'label', for: forId, id: `${id}-label` }, meta.label ?? String(path.at(-1)));
    if (meta.required) label.append(h('span', { class: 'req', 'aria-hidden': 'true', title: 'bắt buộc', text: ' *' }));
    const help = meta.help ? h('p', { class: 'help', id: `${id}-help`, text: meta.help }) : null;
    const err = h('p', { class: 'err', id: `${id}-err`, hidden: true });
    return { label, help, err, describedBy: [help ? `${id}-help` : '', `${id}-err`].filter(Boolean).join(' ') };
  }

  register(path, entry) {
    this.fields.set(jsonPath(path), { path: jsonPath(path), ...entry });
  }

  changed(path) {
    this.touched.add(jsonPath(path));
    this.onInput(jsonPath(path));
  }

  structure(focusId) {
    this.render();
    if (focusId) {
      const el = document.getElementById(focusId);
      const target = el?.matches('input, select, textarea, button') ? el : el?.querySelector('input, select, textarea') ?? el?.querySelector('button');
      /** @type {HTMLElement | null | undefined} */ (target)?.focus();
    }
    this.onStructure();
  }

  renderInput(n, path, meta) {
    const id = idOf(path);
    const { label, help, err, describedBy } = this.head(path, meta, id);
    const v = getAt(this.value, path);
    const common = { id, 'data-path': jsonPath(path), 'aria-describedby': describedBy, 'aria-required': meta.required ? 'true' : undefined, 'aria-invalid': 'false' };
    let control;
    let extra = null;
    let extraNote = null;
    if (n.enum) {
      control = h('select', common,
        h('option', { value: '', text: '— Chọn —' }),
        n.enum.map((e) => h('option', { value: e, selected: v === e, text: n.enumVi?.[e] ?? e })));
      control.addEventListener('change', () => {
        setAt(this.value, path, control.value === '' ? undefined : control.value);
        // The subject decides which boxes the form shows (FormHints.chiCho).
        if (path.at(-1) === 'doiTuong') {
          this.touched.add(jsonPath(path));
          this.structure(id);
        } else this.changed(path);
      });
    } else {
      const numeric = n.type === 'integer' || n.type === 'number';
      if (n.widget === 'datetime') return this.renderDateTime(n, path, meta, { label, help, err, common });
      // Paragraphs (rich text) get a text area; names and short lines a one-line box.
      const long = !numeric && (n.maxLength ?? 0) > 2000;
      const attrs = { ...common };
      if (numeric) Object.assign(attrs, { type: 'text', inputmode: path.at(-1) === 'so' ? 'text' : 'numeric', autocomplete: 'off' });
      else if (n.widget === 'date') Object.assign(attrs, { type: 'text', placeholder: 'ngày/tháng/năm, ví dụ 02/12/2026', autocomplete: 'off' });
      else if (!long) Object.assign(attrs, { type: 'text', maxlength: n.maxLength });
      control = h(long ? 'textarea' : 'input', { ...attrs, rows: long ? 3 : undefined });
      control.value = n.widget === 'date' ? shownDate(v) : v === undefined || v === null ? '' : String(v);
      const note = h('p', { class: 'note', id: `${id}-note`, hidden: true, 'aria-live': 'polite' });
      extraNote = note;
      const picker = n.widget === 'date'
        ? h('input', { type: 'date', class: 'picker', 'aria-label': `Chọn trên lịch: ${meta.label}`, tabindex: '0' })
        : null;
      const syncPicker = () => {
        const stored = storedDate(control.value) ?? '';
        if (picker) picker.value = /^\d{4}-\d{2}-\d{2}$/.test(stored) ? stored : '';
      };
      syncPicker();
      control.addEventListener('input', () => {
        const raw = control.value;
        let out = raw;
        note.hidden = true;
        if (numeric) {
          // "215/KH-UBND" in a number field: the number is kept, the ký hiệu checked against what this document prints.
          const withSymbol = /^\s*(?:Số\s*:?\s*)?(\d+)\s*\/\s*(\S+)\s*$/iu.exec(raw);
          if (withSymbol && this.kyHieuAt) {
            out = Number(withSymbol[1]);
            const expected = this.kyHieuAt(jsonPath(path));
            const typed = withSymbol[2];
            const same = typed.toLocaleUpperCase('vi') === expected.toLocaleUpperCase('vi');
            const [loai, ...agency] = expected.split('-');
            note.hidden = false;
            note.className = same ? 'note' : 'note warn';
            note.textContent = same
              ? `Đã hiểu là số ${out}; ký hiệu ${expected} đúng với văn bản này.`
              : agency.length === 0
                ? `Đã hiểu là số ${out}. Ký hiệu in theo loại văn bản (${loai}) và chữ viết tắt của cơ quan, chưa điền: điền chữ viết tắt để ký hiệu in là ${loai}-${typed.split('-').slice(1).join('-') || 'UBND'}.`
                : `Đã hiểu là số ${out}. Ký hiệu văn bản này sẽ in là ${expected}, không phải ${typed}: sửa chữ viết tắt của cơ quan nếu cần.`;
          } else out = raw.trim() === '' ? undefined : /^-?\d+$/.test(raw.trim()) ? Number(raw.trim()) : raw;
        } else if (n.widget === 'date') out = raw.trim() === '' ? '' : storedDate(raw) ?? raw;
        setAt(this.value, path, out);
        syncPicker();
        this.changed(path);
      });
      control.addEventListener('blur', () => {
        this.touched.add(jsonPath(path));
        this.typedAt.delete(jsonPath(path));
        this.applySoon();
      });
      if (picker) {
        picker.addEventListener('change', () => {
          if (!picker.value) return;
          control.value = shownDate(picker.value);
          setAt(this.value, path, picker.value);
          this.changed(path);
        });
        extra = picker;
      }
    }
    this.register(path, { control, err, group: false });
    return h('div', { class: `field${meta.required ? ' required' : ''}`, id: `${id}-wrap` }, label, help, h('div', { class: 'control' }, control, extra), extraNote, err);
  }

  /**
   * A meeting time as two boxes, the date as clerks write it and the time on the 24-hour clock, whatever the
   * browser's language; stored as "2021-12-10T08:00".
   */
  renderDateTime(n, path, meta, { label, help, err, common }) {
    const id = idOf(path);
    const v = String(getAt(this.value, path) ?? '');
    const m = /^(.*?)T(.*)$/.exec(v);
    const date = h('input', { ...common, type: 'text', placeholder: 'ngày/tháng/năm', autocomplete: 'off' });
    const time = h('input', { type: 'text', id: `${id}-time`, placeholder: 'giờ:phút, ví dụ 14:00', autocomplete: 'off', 'aria-label': `Giờ (24 giờ) của ${meta.label}`, 'aria-describedby': common['aria-describedby'] });
    date.value = shownDate(m ? m[1] : v);
    time.value = m ? m[2] : '';
    const store = () => {
      const d = date.value.trim();
      const t = time.value.trim();
      setAt(this.value, path, d === '' && t === '' ? '' : `${storedDate(d) ?? d}T${storedTime(t) ?? t}`);
      this.changed(path);
    };
    date.addEventListener('input', store);
    time.addEventListener('input', store);
    for (const el of [date, time]) {
      el.addEventListener('blur', () => {
        this.touched.add(jsonPath(path));
        this.applySoon();
      });
    }
    this.register(path, { control: date, err, group: false });
    return h('div', { class: `field${meta.required ? ' required' : ''}`, id: `${id}-wrap` }, label, help, h('div', { class: 'control time-pair' }, date, time), err);
  }

  renderCheckbox(n, path, meta) {
    const id = idOf(path);
    const { label, help, err, describedBy } = this.head(path, meta, id);
    const control = h('input', { type: 'checkbox', id, 'data-path': jsonPath(path), 'aria-describedby': describedBy, checked: getAt(this.value, path) === true });
    control.addEventListener('change', () => {
      setAt(this.value, path, control.checked ? true : meta.required ? false : undefined);
      this.changed(path);
    });
    this.register(path, { control, err, group: false });
    return h('div', { class: 'field checkbox' }, control, label, help, err);
  }

  /** A group: a fieldset with a legend, or (bare) a plain block inside a list item. */
  group(path, meta, bare) {
    const id = idOf(path);
    const { label, help, err, describedBy } = this.head(path, meta);
    const box = bare
      ? h('div', { class: 'group bare', id: `${id}-group`, 'data-group': jsonPath(path) }, err)
      : h('fieldset', { class: 'group', id: `${id}-group`, 'data-path': jsonPath(path), 'aria-describedby': describedBy }, h('legend', {}, label), help, err);
    this.register(path, { control: bare ? undefined : box, err, group: true });
    return box;
  }

  renderObject(n, path, meta) {
    return this.appendProps(this.group(path, meta, meta.bare || path.length === 0), n, path);
  }

  /** The subject (tập thể or cá nhân) of the nearest object on a path that has one. */
  subjectAt(path) {
    for (let len = path.length; len >= 0; len--) {
      const d = getAt(this.value, path.slice(0, len))?.doiTuong;
      if (d === 'tap-the' || d === 'ca-nhan') return d;
    }
    return undefined;
  }

  appendProps(box, n, path) {
    const subject = this.subjectAt(path);
    for (const [k, p] of Object.entries(n.properties ?? {})) {
      if (k === '$schema' || k === 'form') continue;
      const only = this.resolve(p).chiCho;
      if (only && subject && only !== subject) continue;
      const el = this.renderNode(p, [...path, k], { label: k, required: n.required?.includes(k) });
      if (el) box.append(el);
    }
    return box;
  }

  renderLines(n, path, meta) {
    const linesNow = () => {
      const v = getAt(this.value, path);
      return Array.isArray(v) ? [...v] : [v ?? ''];
    };
    const lines = linesNow();
    const max = n.anyOf[1].maxItems ?? 10;
    const store = (next) => setAt(this.value, path, next.length === 1 ? next[0] : next);
    if (lines.length === 1) {
      // One line is stored as a string: the input itself carries the field's path.
      const field = this.renderInput({ ...this.resolve(n.anyOf[0]) }, path, meta);
      const add = h('button', { type: 'button', class: 'add small', id: `${idOf(path)}-addline`, text: '+ Thêm dòng', 'aria-label': `Thêm dòng cho ${meta.label}` });
      add.addEventListener('click', () => {
        store([...linesNow(), '']);
        this.structure(`${idOf([...path, 1])}`);
      });
      field.append(add);
      return field;
    }
    const box = this.group(path, meta);
    lines.forEach((line, i) => {
      const item = this.renderInput(this.resolve(n.anyOf[1].items), [...path, i], { label: `Dòng ${i + 1}`, required: true });
      const del = h('button', { type: 'button', class: 'remove small', text: 'Xóa dòng', 'aria-label': `Xóa dòng ${i + 1} của ${meta.label}` });
      del.addEventListener('click', () => {
        store(linesNow().filter((_, j) => j !== i));
        this.structure(`${idOf(path)}`);
      });
      item.append(del);
      box.append(item);
    });
    if (lines.length < max) {
      const add = h('button', { type: 'button', class: 'add small', text: '+ Thêm dòng' });
      add.addEventListener('click', () => {
        store([...linesNow(), '']);
        this.structure(idOf([...path, lines.length]));
      });
      box.append(add);
    }
    return box;
  }

  renderUnion(n, path, meta) {
    const v = getAt(this.value, path);
    const at = this.branchIndexOf(n, v);
    const branch = this.resolve(n.anyOf[at]);
    const id = idOf(path);
    const box = this.group(path, meta, true);
    const kind = h('select', { id: `${id}-kind`, class: 'kind', 'aria-label': `Kiểu của ${meta.label}` },
      n.anyOf.map((b, i) => h('option', { value: String(i), selected: i === at, text: this.branchLabel(b) })));
    kind.addEventListener('change', () => {
      // Read the value now: what was typed since this list item was drawn is not in `v`.
      setAt(this.value, path, this.convert(getAt(this.value, path), branch, this.resolve(n.anyOf[Number(kind.value)])));
      this.touched.add(jsonPath(path));
      this.structure(`${id}-kind`);
    });
    box.append(h('div', { class: 'kind-row' }, h('label', { for: `${id}-kind`, class: 'small-label', text: 'Kiểu' }), kind));
    if (branch.type === 'object') return this.appendProps(box, branch, path);
    const inner = this.renderNode(branch, path, { label: this.branchLabel(branch), required: true });
    if (inner) box.append(inner);
    return box;
  }

  /** Keeps the text (and nested content) when a block changes kind. */
  convert(v, from, to) {
    const text = typeof v === 'string' ? v : v && typeof v === 'object' ? String(v[from.required?.[0]] ?? '') : '';
    if (to.type === 'string') return text;
    const out = this.blank(to);
    const key = to.required?.[0];
    if (key) out[key] = text;
    if (v && typeof v === 'object' && Array.isArray(v.noiDung) && to.properties?.noiDung) out.noiDung = v.noiDung;
    return out;
  }

  renderArray(n, path, meta) {
    const box = this.group(path, meta);
    const items = getAt(this.value, path);
    const list = Array.isArray(items) ? items : [];
    const itemNode = this.resolve(n.items);
    const itemLabel = itemNode.vi && itemNode.type !== 'object' ? itemNode.vi : meta.label;
    const isBody = Boolean(itemNode.anyOf?.some((b) => this.resolve(b).properties?.tieuDe));
    const id = idOf(path);
    const ol = h('ol', { class: 'items' });
    list.forEach((item, i) => {
      const itemPath = [...path, i];
      const iid = idOf(itemPath);
      // A body block is called what the document will print ("Mục II", "Khoản 3"), other items by their place.
      const title = (isBody && blockTitle(this.value, itemPath)) || `${itemLabel} ${i + 1}`;
      const isObject = itemNode.type === 'object';
      const folded = isObject && this.folded.has(jsonPath(itemPath));
      const tools = h('div', { class: 'tools' });
      const button = (text, aria, fn, disabled) => {
        const b = h('button', { type: 'button', class: 'small', text, 'aria-label': aria, disabled });
        b.addEventListener('click', fn);
        tools.append(b);
        return b;
      };
      const move = (d) => () => {
        const arr = getAt(this.value, path);
        [arr[i], arr[i + d]] = [arr[i + d], arr[i]];
        this.structure(`${idOf([...path, i + d])}-item`);
      };
      button('↑', `Đưa ${title} lên`, move(-1), i === 0);
      button('↓', `Đưa ${title} xuống`, move(1), i === list.length - 1);
      if (isObject) {
        const fold = button(folded ? 'Mở ra' : 'Thu gọn', `${folded ? 'Mở ra' : 'Thu gọn'} ${title}`, () => {
          const key = jsonPath(itemPath);
          if (this.folded.has(key)) this.folded.delete(key);
          else this.folded.add(key);
          this.render();
          document.getElementById(`${iid}-fold`)?.focus();
        });
        fold.id = `${iid}-fold`;
        fold.setAttribute('aria-expanded', String(!folded));
        const full = n.maxItems !== undefined && list.length >= n.maxItems;
        button('Nhân bản', `Nhân bản ${title}`, () => {
          const arr = getAt(this.value, path);
          arr.splice(i + 1, 0, structuredClone(arr[i]));
          this.structure(`${idOf([...path, i + 1])}-item`);
        }, full);
        for (const t of this.itemTools(jsonPath(itemPath))) button(t.label, t.aria, t.run);
      }
      button('Xóa', `Xóa ${title}`, () => {
        const name = nameOf(getAt(this.value, itemPath));
        // What holds typed text is asked about first; an empty box goes at once.
        if (hasText(getAt(this.value, itemPath)) && !this.confirmRemove(`${title}${name ? ` (${name.length > 60 ? `${name.slice(0, 57)}…` : name})` : ''}`)) return;
        getAt(this.value, path).splice(i, 1);
        this.touched.add(jsonPath(path));
        this.structure(list.length > 1 ? `${idOf([...path, Math.min(i, list.length - 2)])}-item` : `${id}-add`);
      });
      const name = isObject ? nameOf(item) : '';
      const content = isObject
        ? this.renderObject(itemNode, itemPath, { label: title, bare: true })
        : this.renderNode(n.items, itemPath, { label: title, required: true });
      const head = h('div', { class: 'item-head' },
        h('span', { class: 'item-title', id: `${iid}-title` }, title, name ? h('span', { class: 'item-sum', text: `: ${name.length > 80 ? `${name.slice(0, 77)}…` : name}` }) : null),
        tools);
      ol.append(h('li', { class: `item${folded ? ' folded' : ''}`, id: `${iid}-item`, role: 'group', 'aria-labelledby': `${iid}-title` }, head, content));
    });
    box.append(ol);
    const full = n.maxItems !== undefined && list.length >= n.maxItems;
    const adds = h('div', { class: 'adds' });
    const choices = itemNode.anyOf && !isLines(itemNode) ? itemNode.anyOf.map((b) => ({ label: this.branchLabel(b), make: () => this.blank(b) })) : [{ label: itemLabel, make: () => this.blank(itemNode) }];
    choices.forEach((c, k) => {
      const b = h('button', { type: 'button', class: 'add', id: k === 0 ? `${id}-add` : `${id}-add${k}`, disabled: full, text: `+ ${c.label}`, 'aria-label': `Thêm ${c.label} vào ${meta.label}` });
      b.addEventListener('click', () => {
        const arr = Array.isArray(getAt(this.value, path)) ? getAt(this.value, path) : [];
        arr.push(c.make());
        setAt(this.value, path, arr);
        this.structure(`${idOf([...path, arr.length - 1])}-item`);
      });
      adds.append(b);
    });
    box.append(adds);
    return box;
  }

  // ---- messages at the fields --------------------------------------------------------------------------------------

  /** The field or group a path lands on: itself, or the nearest one above it. */
  targetOf(p) {
    for (let cur = p ?? '$'; ; cur = parentPath(cur)) {
      const f = this.fields.get(cur);
      if (f) return f;
      if (cur === '$') return undefined;
    }
  }

  isTouched(p) {
    if (this.showAll) return true;
    for (const t of this.touched) if (t === p || t.startsWith(`${p}.`) || t.startsWith(`${p}[`)) return true;
    return false;
  }

  setIssues(issues) {
    this.issues = issues;
    return this.applyIssues();
  }

  /** Shows the messages now, or once the pointer is released when a button is being pressed. */
  applySoon() {
    if (this.pointerDown) this.applyPending = true;
    else this.applyIssues();
  }

  /**
   * Shows each issue at its field (once the field was touched or everything is to be shown), leaving alone a field
   * typed in less than a pause ago; returns the issues it could not place.
   */
  applyIssues() {
    if (this.pointerDown) {
      this.applyPending = true;
      return [];
    }
    const now = Date.now();
    const typing = new Set([...this.typedAt].filter(([, at]) => now - at < TYPING_PAUSE_MS).map(([p]) => p));
    // The field being typed in: a change of its message is said to screen readers, once it shows.
    const focusedPath = document.activeElement?.getAttribute('data-path') ?? undefined;
    const focused = focusedPath ? this.fields.get(focusedPath) : undefined;
    const before = focused && !focused.err.hidden ? focused.err.textContent ?? '' : '';
    clearTimeout(this.applyTimer);
    if (typing.size) this.applyTimer = setTimeout(() => this.applyIssues(), TYPING_PAUSE_MS);
    for (const f of this.fields.values()) {
      if (typing.has(f.path)) continue;
      f.err.replaceChildren();
      f.err.hidden = true;
      f.control?.setAttribute('aria-invalid', 'false');
      f.control?.closest('.field, .group')?.classList.remove('invalid');
    }
    const unplaced = [];
    for (const issue of this.issues) {
      const f = this.targetOf(issue.path);
      if (!f || f.path === '$') {
        unplaced.push(issue);
        continue;
      }
      if (!this.isTouched(f.path) || typing.has(f.path)) continue;
      f.err.hidden = false;
      f.err.append(h('span', { class: issue.severity === 'error' ? 'msg' : 'msg warn', text: issue.vi }), issue.fixVi ? h('span', { class: 'fix', text: ` → ${issue.fixVi}` }) : null);
      if (issue.severity === 'error') {
        f.control?.setAttribute('aria-invalid', 'true');
        (f.control?.closest('.field, .group') ?? f.err.parentElement)?.classList.add('invalid');
      }
    }
    if (focused && !typing.has(focused.path)) {
      const after = !focused.err.hidden ? focused.err.textContent ?? '' : '';
      if (after && after !== before) this.onFieldMessage?.(after);
      else if (before && !after) this.onFieldMessage?.('Đã sửa xong ô này.');
    }
    return unplaced;
  }

  /** The schema node at a path (through objects, lists and the branch the value takes), or undefined. @param {(string | number)[]} segs */
  nodeAt(segs) {
    let n = this.resolve(this.schema);
    let v = this.value;
    for (const k of segs) {
      if (n.anyOf) n = this.resolve(n.anyOf[isLines(n) ? (typeof k === 'number' ? 1 : 0) : this.branchIndexOf(n, v)]);
      if (typeof k === 'number') n = this.resolve(n.items);
      else n = this.resolve(n.properties?.[k]);
      v = v?.[k];
      if (!n || Object.keys(n).length === 0) return undefined;
    }
    return n;
  }

  /** Moves the focus to the field of a path (from the list of errors). */
  focusPath(p) {
    const f = this.targetOf(p);
    if (!f) return;
    const el = f.control && !f.group ? f.control : f.err.parentElement?.querySelector('input, select, textarea, button');
    el?.focus();
    el?.scrollIntoView({ block: 'center' });
  }
}

/** The value to send: empty optional fields left out, so a blank box never counts as an empty value. */
export function compact(schema, value) {
  const resolve = (node) => {
    for (let i = 0; node && node.$ref && i < 20; i++) node = schema.$defs?.[/^#\/\$defs\/(.+)$/.exec(node.$ref)?.[1]];
    return node ?? {};
  };
  const empty = (v) => v === undefined || v === '' || (Array.isArray(v) && v.length === 0) || (v && typeof v === 'object' && !Array.isArray(v) && Object.keys(v).length === 0);
  const walk = (node, v) => {
    const n = resolve(node);
    if (Array.isArray(v)) {
      const itemSchema = n.type === 'array' ? n.items : n.anyOf?.find((b) => resolve(b).type === 'array')?.items;
      return v.map((x) => {
        const c = walk(itemSchema ?? {}, x);
        return c === undefined ? '' : c;
      });
    }
    if (v && typeof v === 'object') {
      const props = n.type === 'object' ? n : n.anyOf?.map(resolve).find((b) => b.type === 'object' && b.required?.some((k) => k in v)) ?? n;
      const out = {};
      for (const [k, x] of Object.entries(v)) {
        const c = walk(props.properties?.[k] ?? {}, x);
        const required = props.required?.includes(k);
        if (empty(c) && !required) continue;
        if (c === undefined) continue;
        out[k] = c;
      }
      return out;
    }
    if (typeof v === 'string' && (n.type === 'integer' || n.type === 'number')) {
      if (v.trim() === '') return undefined;
      if (/^-?\d+$/.test(v.trim())) return Number(v.trim());
    }
    return v;
  };
  return walk(schema, value);
}
