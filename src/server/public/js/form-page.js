// The page of one form: builds it from the JSON Schema, checks as you type, previews the PDF, downloads, keeps the draft.
import { SchemaForm, compact, setAt } from './schema-form.js';
import { MAIN_DRAFT, draftKey, draftsOf, loadDraft, newDraft, newDraftId, removeDraft, saveDraft, saveProfile, loadProfile } from './drafts.js';
import { createHistory } from './history.js';
import { blockTrail, segments } from './block-names.js';
import { addLogout, api } from './session.js';
import { LIST_FORMS, mergeList } from './merge-list.js';
import { setUpBodyEditor } from './body-editor.js';
import { createViewer } from './preview-viewer.js';

const VALIDATE_DELAY_MS = 300;

const formId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
/** @param {string} id @returns {HTMLElement} */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
const status = $('status');
addLogout();

/**
 * Says something to the clerk: on the page (with up to two actions, such as "Thử lại") and to screen readers.
 * @param {string} text
 * @param {{ kind?: 'info' | 'warn' | 'error', actions?: { label: string, run: () => void }[], visible?: boolean }} [o]
 */
function announce(text, o = {}) {
  // The same words twice are still announced: clear first, then set.
  status.textContent = '';
  setTimeout(() => {
    status.textContent = text;
  }, 30);
  if (o.visible === false) return;
  const box = $('notice');
  box.className = `notice ${o.kind ?? 'info'}`;
  $('notice-text').textContent = text;
  const actions = o.actions ?? [];
  ['notice-action', 'notice-action2'].forEach((id, k) => {
    const b = /** @type {HTMLButtonElement} */ ($(id));
    const a = actions[k];
    b.hidden = !a;
    b.textContent = a?.label ?? '';
    b.onclick = a ? () => { box.hidden = true; a.run(); } : null;
  });
  box.hidden = false;
}
$('notice-close').addEventListener('click', () => {
  $('notice').hidden = true;
});

async function getJson(url) {
  const res = await api(url);
  if (!res.ok) throw new Error(`${url}: ${res.status}`);
  return res.json();
}

const [schema, forms] = await Promise.all([getJson(`/api/schema/${encodeURIComponent(formId)}`), getJson('/api/forms')]);
const info = forms.find((f) => f.id === formId);
document.title = `${info.titleVi} – vanban`;
$('title').textContent = info.titleVi;
if (info.hoSo) $('dossier-note').hidden = false;

let version = 0;
let validatedVersion = -1;
let valid = false;
let issues = [];
/** How many issues the draft has: the server sends at most 100 of them, with the total when there are more. */
let issuesTotal = 0;

/**
 * What the number fields' "215/KH-UBND" is checked against: the ký hiệu this form prints at that place (a dossier's
 * biên bản and tờ trình take their forms' type abbreviations, the biên bản the council's own abbreviation).
 */
function kyHieuAt(path) {
  const v = form.value;
  const loai = (/** @type {string} */ id) => forms.find((/** @type {any} */ f) => f.id === id)?.kyHieuLoai;
  if (/^\$\.cuocHop\.so$/.test(path)) return [loai('bien-ban'), v.hoiDong?.vietTat].filter(Boolean).join('-');
  if (/^\$\.toTrinh\.so$/.test(path)) return [loai('to-trinh'), v.coQuan?.vietTat].filter(Boolean).join('-');
  return [info.kyHieuLoai, v.coQuan?.vietTat].filter(Boolean).join('-');
}

// ---- drafts: several per form, one per tab at a time ---------------------------------------------------------------

const CURRENT = `vanban.current.${formId}`;
let draftId = sessionStorage.getItem(CURRENT) ?? draftsOf(formId)[0]?.id ?? MAIN_DRAFT;
if (draftId !== MAIN_DRAFT && !loadDraft(formId, draftId)) draftId = MAIN_DRAFT;
/** Edits of this tab are not saved while another tab has changed the same draft, until the clerk chooses. */
let conflict = false;

const form = new SchemaForm({
  schema,
  container: $('form'),
  value: loadDraft(formId, draftId) ?? {},
  onInput: (path) => changed('text', path),
  onStructure: () => changed('structure'),
  kyHieuAt,
  confirmRemove: (what) => confirm(`Xóa ${what}? Nội dung đã gõ trong đó sẽ mất (có thể hoàn tác bằng Ctrl+Z).`),
  itemTools,
  // The message under the field being typed in is also said, once, when it changes (the field shows it already).
  onFieldMessage: (text) => announce(text, { visible: false }),
});
if (!loadDraft(formId, draftId)) form.value = newDraft(formId, form);
form.value.form = formId;
form.render();
$('form').addEventListener('submit', (e) => e.preventDefault());
const history = createHistory(JSON.stringify(form.value));

function payload() {
  return { ...compact(schema, form.value), form: formId };
}

const draftName = () => draftsOf(formId).find((d) => d.id === draftId)?.name;

/** A change of the draft: kept in the history, saved (a draft is listed from its first change), checked. */
function changed(kind = 'structure', path) {
  version++;
  history.record(JSON.stringify(form.value), kind === 'text' ? path : undefined);
  showHistory();
  if (kind === 'text') form.typing(path);
  persist();
  validateSoon();
}

function persist() {
  if (conflict) return;
  saveDraft(formId, form.value, draftId, draftName());
  fillDraftSelect();
}

function showHistory() {
  /** @type {HTMLButtonElement} */ ($('undo')).disabled = !history.canUndo();
  /** @type {HTMLButtonElement} */ ($('redo')).disabled = !history.canRedo();
}

/** Puts a state of the history back on the page. @param {string | undefined} snap */
function restore(snap, what) {
  if (snap === undefined) return;
  form.value = JSON.parse(snap);
  form.render();
  version++;
  showHistory();
  persist();
  validateSoon();
  announce(what, { visible: false });
}
const undo = () => restore(history.undo(), 'Đã hoàn tác.');
const redo = () => restore(history.redo(), 'Đã làm lại.');
$('undo').addEventListener('click', undo);
$('redo').addEventListener('click', redo);
document.addEventListener('keydown', (e) => {
  if (!(e.ctrlKey || e.metaKey) || e.altKey) return;
  const key = e.key.toLowerCase();
  // The draft's own history, also inside a text box: the page is redrawn from it, so the browser's own undo of one
  // box would leave the draft and the page apart.
  if (key === 'z' && !e.shiftKey) {
    e.preventDefault();
    undo();
  } else if (key === 'y' || (key === 'z' && e.shiftKey)) {
    e.preventDefault();
    redo();
  }
});

function fillDraftSelect() {
  const select = /** @type {HTMLSelectElement} */ ($('draft-select'));
  const drafts = draftsOf(formId);
  if (!drafts.some((d) => d.id === draftId)) drafts.unshift({ id: draftId, name: draftName() ?? 'Bản nháp 1 (chưa gõ gì)' });
  select.replaceChildren(...drafts.map((d) => {
    const o = document.createElement('option');
    o.value = d.id;
    o.textContent = d.name;
    o.selected = d.id === draftId;
    return o;
  }));
}

/** Opens another draft of this form in this tab. @param {string} id @param {Record<string, any>} [value] */
function switchTo(id, value) {
  draftId = id;
  sessionStorage.setItem(CURRENT, id);
  conflict = false;
  form.value = value ?? loadDraft(formId, id) ?? newDraft(formId, form);
  form.value.form = formId;
  form.touched.clear();
  form.showAll = false;
  form.render();
  history.reset(JSON.stringify(form.value));
  showHistory();
  version++;
  fillDraftSelect();
  tellOthers('open');
  void validateNow();
}

$('draft-select').addEventListener('change', () => {
  switchTo(/** @type {HTMLSelectElement} */ ($('draft-select')).value);
  announce(`Đã mở ${draftName() ?? 'bản nháp'}.`);
});

$('new-draft').addEventListener('click', () => {
  const { id, name } = newDraftId(formId);
  const chosen = prompt('Tên bản nháp mới (bản nháp đang mở vẫn được giữ):', name);
  if (chosen === null) return;
  switchTo(id, newDraft(formId, form));
  saveDraft(formId, form.value, id, chosen.trim() || name);
  fillDraftSelect();
  announce(loadProfile() ? `Đã tạo ${chosen.trim() || name} với thông tin cơ quan đã lưu; bản nháp cũ vẫn còn trong danh sách.` : `Đã tạo ${chosen.trim() || name}; bản nháp cũ vẫn còn trong danh sách.`);
});

$('rename-draft').addEventListener('click', () => {
  const chosen = prompt('Tên mới của bản nháp:', draftName() ?? 'Bản nháp 1');
  if (!chosen?.trim()) return;
  saveDraft(formId, form.value, draftId, chosen.trim());
  fillDraftSelect();
  announce(`Đã đổi tên thành ${chosen.trim()}.`);
});

$('delete-draft').addEventListener('click', () => {
  if (!confirm(`Xóa hẳn ${draftName() ?? 'bản nháp này'}? Không hoàn tác được; hãy "Lưu ra tệp" trước nếu cần.`)) return;
  removeDraft(formId, draftId);
  const next = draftsOf(formId)[0];
  switchTo(next?.id ?? MAIN_DRAFT, next ? undefined : newDraft(formId, form));
  announce('Đã xóa bản nháp.');
});

// Two tabs on one draft: each says so, and a change made in the other tab is never overwritten silently.
const channel = 'BroadcastChannel' in window ? new BroadcastChannel('vanban-drafts') : undefined;
/** @param {'open' | 'here'} type */
function tellOthers(type) {
  channel?.postMessage({ type, key: draftKey(formId, draftId) });
}
channel?.addEventListener('message', (e) => {
  if (e.data?.key !== draftKey(formId, draftId)) return;
  if (e.data.type === 'open') tellOthers('here');
  announce('Bản nháp này cũng đang mở ở một thẻ khác. Nếu sửa ở cả hai thẻ, vanban sẽ hỏi giữ bản nào.', { kind: 'warn' });
});
window.addEventListener('storage', (e) => {
  if (e.key !== draftKey(formId, draftId) || e.newValue === null || e.newValue === JSON.stringify(form.value)) return;
  conflict = true;
  announce('Bản nháp này vừa được sửa ở một thẻ khác. Thay đổi ở thẻ này tạm chưa được lưu, để hai thẻ không ghi đè lên nhau.', {
    kind: 'warn',
    actions: [
      { label: 'Dùng bản ở thẻ kia', run: () => switchTo(draftId) },
      {
        label: 'Giữ bản này thành bản nháp mới',
        run: () => {
          const { id, name } = newDraftId(formId);
          const value = form.value;
          switchTo(id, value);
          saveDraft(formId, value, id, name);
          fillDraftSelect();
          announce(`Đã giữ bản của thẻ này thành ${name}.`);
        },
      },
    ],
  });
});
fillDraftSelect();
showHistory();
tellOthers('open');

// ---- validation as you type --------------------------------------------------------------------------------------------

let validateTimer;
let validateCtl;
function validateSoon() {
  clearTimeout(validateTimer);
  validateTimer = setTimeout(() => void validateNow(), VALIDATE_DELAY_MS);
}

async function validateNow() {
  clearTimeout(validateTimer);
  validateCtl?.abort();
  const ctl = new AbortController();
  validateCtl = ctl;
  const v = version;
  try {
    const res = await api(`/api/validate/${formId}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload()), signal: ctl.signal });
    const body = await res.json();
    if (v !== version) return;
    if (!res.ok && !Array.isArray(body.issues)) throw new Error(String(res.status));
    issues = body.issues ?? [];
    issuesTotal = body.total ?? issues.length;
    valid = res.ok && body.valid === true;
    validatedVersion = v;
    offline = false;
    showIssues();
    void previewNow();
  } catch (err) {
    if (/** @type {Error} */ (err).name === 'AbortError') return;
    offline = true;
    markStale();
    announce('Không kiểm tra được văn bản: máy chủ không trả lời. Bản nháp vẫn được lưu trong trình duyệt.', { kind: 'error', actions: [{ label: 'Thử lại', run: () => void validateNow() }] });
  } finally {
    if (validateCtl === ctl) validateCtl = undefined;
  }
}

/** Issues as the clerk should count them: one per field and message. */
function distinct(list) {
  const seen = new Set();
  return list.filter((i) => {
    const k = `${i.path ?? ''}|${i.vi}`;
    if (seen.has(k)) return false;
    seen.add(k);
    return true;
  });
}

/** A message that names a field by its path ("«$.diaDanh»") names it by its label instead. @param {string} text */
function inWords(text) {
  return text.replace(/«(\$[^»]*)»/g, (m, p) => {
    const n = form.nodeAt(segments(p));
    return n?.vi ? `«${n.vi}»` : m;
  });
}

function showIssues() {
  const shown = distinct(issues).map((i) => ({ ...i, vi: inWords(i.vi) }));
  form.setIssues(shown);
  const errors = shown.filter((i) => i.severity === 'error');
  const warnings = shown.filter((i) => i.severity !== 'error');
  const errorFields = new Set(errors.map((i) => i.path ?? '$')).size;
  const summary = $('summary-text');
  const more = issuesTotal > issues.length ? ` (${issuesTotal} lỗi và lưu ý, liệt kê ${issues.length} đầu tiên)` : '';
  const notes = warnings.length ? `${warnings.length} lưu ý` : '';
  const untouched = form.touched.size === 0 && !form.showAll;
  summary.textContent = errors.length === 0
    ? `Không có lỗi${notes ? `, còn ${notes} nên xem` : ''}: văn bản sẵn sàng để tải.`
    : untouched
      ? `Văn bản mới: còn ${errorFields} ô cần điền${notes ? ` và ${notes}` : ''}.`
      : `Còn ${errors.length} lỗi cần sửa${notes ? ` và ${notes}` : ''}${more}.`;
  $('summary').classList.toggle('ok', errors.length === 0);
  $('summary').classList.toggle('warn', errors.length === 0 && warnings.length > 0);
  const list = $('summary-list');
  list.replaceChildren(
    ...shown.map((i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      // A message about a body block says which one, as printed ("Mục II, khoản 3"), not its index.
      const where = i.path ? blockTrail(form.value, segments(i.path)).join(', ') : '';
      b.textContent = `${i.severity === 'error' ? 'Lỗi' : 'Lưu ý'}${where ? ` (${where})` : ''}: ${i.vi}`;
      b.addEventListener('click', () => {
        if (i.path) {
          form.touched.add(i.path);
          form.applyIssues();
          form.focusPath(i.path);
        }
      });
      li.append(b);
      return li;
    }),
  );
  $('summary-details').hidden = shown.length === 0;
}

// ---- live preview: right after a valid check, at most one request in flight, a newer one cancels an older one; ----
// ---- an out-of-date preview is greyed and says why ------------------------------------------------------------------

let previewCtl;
let previewedVersion = -1;
let previewUrl;
let offline = false;

/** Greys the preview and says why it no longer shows the draft (nothing to say when there is no preview yet). */
function markStale() {
  if (previewedVersion < 0 || previewedVersion === version) return;
  const errors = new Set(distinct(issues).filter((i) => i.severity === 'error').map((i) => i.path ?? '$')).size;
  const why = offline ? 'máy chủ không trả lời' : errors ? `văn bản còn ${errors} lỗi` : 'đang có thay đổi mới';
  $('preview-pane').classList.remove('draft');
  $('preview-pane').classList.add('stale');
  $('preview-stale').hidden = false;
  $('preview-stale').textContent = `Bản xem trước đã cũ (${why}): nó chưa có những gì sửa sau cùng.`;
  $('preview-state').textContent = `Bản xem trước đã cũ: ${why}.`;
}

function markFresh() {
  $('preview-pane').classList.remove('stale', 'draft');
  $('preview-stale').hidden = true;
}

/** The mark a draft preview prints in each box still to fill. */
const GAP = '[…]';

/**
 * The draft with GAP in each empty box the check asks for, when that is all it lacks (a missing date or choice has no
 * honest stand-in: then there is no draft preview). @returns {Record<string, any> | undefined}
 */
function withGaps() {
  const v = payload();
  const errors = issues.filter((i) => i.severity === 'error');
  if (!errors.length || issuesTotal > issues.length) return undefined;
  for (const i of errors) {
    if (!i.path || !/^schema\.(required|empty|too_small)$/.test(i.code)) return undefined;
    const segs = segments(i.path);
    const n = form.nodeAt(segs);
    const item = n?.items ? form.resolve(n.items) : undefined;
    if (n?.type === 'string' && !n.enum && !n.widget) setAt(v, segs, GAP);
    else if (n?.anyOf && form.resolve(n.anyOf[0]).type === 'string') setAt(v, segs, GAP);
    else if (n?.type === 'array' && item?.type === 'string' && !item.enum) setAt(v, segs, [GAP]);
    else return undefined;
  }
  return v;
}

/** Prints a body into the preview; `draft` says it stands for a draft with gaps. @param {Record<string, any>} body @param {boolean} draft */
async function printPreview(body, draft) {
  previewCtl?.abort();
  const ctl = new AbortController();
  previewCtl = ctl;
  const v = version;
  $('preview-state').textContent = draft ? 'Đang tạo bản xem trước tạm…' : 'Đang tạo bản xem trước…';
  try {
    if (draft) {
      // Only a draft the server accepts once its gaps are marked is printed.
      const check = await api(`/api/validate/${formId}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(body), signal: ctl.signal });
      if (!check.ok || (await check.json()).valid !== true || v !== version) {
        markStale();
        return;
      }
    }
    const res = await api(`/api/render/${formId}?format=pdf`, {
      method: 'POST',
      // Marks the request as a preview, for whoever watches the traffic; the server treats it like any render.
      headers: { 'Content-Type': 'application/json', 'X-Vanban-Preview': draft ? 'draft' : '1' },
      body: JSON.stringify(body),
      signal: ctl.signal,
    });
    if (!res.ok) {
      $('preview-state').textContent = `Chưa xem trước được (${res.status}).`;
      markStale();
      return;
    }
    const blob = await res.blob();
    if (!(await viewer.show(new Uint8Array(await blob.arrayBuffer())))) return;
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(blob);
    const open = /** @type {HTMLAnchorElement} */ ($('preview-open'));
    open.href = previewUrl;
    open.hidden = false;
    previewedVersion = v;
    document.body.dataset.previewVersion = String(v);
    if (v !== version) markStale();
    else if (draft) {
      const n = new Set(issues.filter((i) => i.severity === 'error').map((i) => i.path)).size;
      $('preview-pane').classList.remove('stale');
      $('preview-pane').classList.add('draft');
      $('preview-stale').hidden = false;
      $('preview-stale').textContent = `Bản xem trước tạm: ${n} chỗ ghi "${GAP}" còn phải điền.`;
      $('preview-state').textContent = 'Bản xem trước tạm, chưa đủ để tải.';
    } else {
      markFresh();
      $('preview-state').textContent = 'Bản xem trước đã cập nhật.';
    }
  } catch (err) {
    if (/** @type {Error} */ (err).name === 'AbortError') return;
    offline = true;
    markStale();
    announce('Chưa xem trước được: máy chủ không trả lời.', { kind: 'error', actions: [{ label: 'Thử lại', run: () => void validateNow() }] });
  } finally {
    if (previewCtl === ctl) previewCtl = undefined;
  }
}

async function previewNow() {
  if (!input('auto-preview').checked) return;
  if (validatedVersion !== version || previewedVersion === version) return;
  if (valid) return printPreview(payload(), false);
  // What is valid is shown, the gaps marked, rather than nothing or an old page.
  const gaps = withGaps();
  if (gaps) return printPreview(gaps, true);
  markStale();
}
const viewer = createViewer($('preview'), $('zoom-level'));
$('zoom-in').addEventListener('click', () => void viewer.zoomBy(1.25));
$('zoom-out').addEventListener('click', () => void viewer.zoomBy(0.8));

$('auto-preview').addEventListener('change', () => {
  if (input('auto-preview').checked) void previewNow();
});

// ---- downloads, import and export ------------------------------------------------------------------------------------

function saveBlob(blob, name) {
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = name;
  a.hidden = true;
  document.body.append(a);
  a.click();
  a.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

function fileNameOf(res, fallback) {
  const m = /filename="([^"]+)"/.exec(res.headers.get('Content-Disposition') ?? '');
  return m ? m[1] : fallback;
}

async function download(format) {
  const button = /** @type {HTMLButtonElement} */ ($(`download-${format}`));
  button.disabled = true;
  try {
    await validateNow();
    if (!valid) {
      form.showAll = true;
      form.applyIssues();
      announce(`Chưa tải được: còn ${issues.filter((i) => i.severity === 'error').length} lỗi. Xem danh sách lỗi.`);
      /** @type {HTMLDetailsElement} */ ($('summary-details')).open = true;
      $('summary').focus();
      return;
    }
    announce(`Đang tạo tệp ${format.toUpperCase()}…`);
    const res = await api(`/api/render/${formId}?format=${format}`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify(payload()) });
    if (!res.ok) {
      const body = await res.json().catch(() => ({}));
      announce(`Không tạo được tệp: ${body.issues?.[0]?.vi ?? `máy chủ trả lời ${res.status}`}`, { kind: 'error', actions: [{ label: 'Thử lại', run: () => void download(format) }] });
      return;
    }
    const name = fileNameOf(res, `${formId}.${format}`);
    saveBlob(await res.blob(), name);
    announce(`Đã tải ${name}.`);
  } catch {
    announce(`Không tải được tệp ${format.toUpperCase()}: máy chủ không trả lời.`, { kind: 'error', actions: [{ label: 'Thử lại', run: () => void download(format) }] });
  } finally {
    button.disabled = false;
  }
}
$('download-pdf').addEventListener('click', () => void download('pdf'));
$('download-docx').addEventListener('click', () => void download('docx'));

$('export-json').addEventListener('click', () => {
  const name = `${formId}${draftId === MAIN_DRAFT ? '' : `-${(draftName() ?? draftId).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').replace(/[^A-Za-z0-9]+/g, '-').toLowerCase()}`}.json`;
  saveBlob(new Blob([`${JSON.stringify(payload(), null, 2)}\n`], { type: 'application/json' }), name);
  announce(`Đã lưu ra tệp ${name}: mở lại bằng nút "Mở tệp…".`);
});

$('import-json').addEventListener('click', () => $('import-file').click());

/** Whether the open draft holds anything the clerk typed (then replacing it is asked first). */
const workedOn = () => history.canUndo() || draftsOf(formId).some((d) => d.id === draftId);

/** Replaces the draft with an input read from a file (undone by Ctrl+Z). @param {Record<string, any>} data */
function openAsDraft(data) {
  delete data.$schema;
  form.value = { ...data, form: formId };
  form.showAll = true;
  form.render();
  changed();
}

/** A file sent to POST /api/import: a document becomes a draft of its form, a spreadsheet goes into the draft's lists. @param {File} file */
async function importThroughServer(file) {
  const isList = /\.(xlsx|csv)$/i.test(file.name);
  if (isList && !LIST_FORMS.includes(formId)) {
    announce(`Bảng tính danh sách đề nghị chỉ nhập được vào hồ sơ, tờ trình hoặc biên bản.`, { kind: 'error' });
    return;
  }
  announce(`Đang đọc ${file.name}…`);
  const query = `name=${encodeURIComponent(file.name)}${isList ? '' : `&form=${encodeURIComponent(formId)}`}`;
  const res = await api(`/api/import?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  /** @type {any} */
  const body = await res.json().catch(() => ({}));
  const problems = (body.issues ?? []).filter((/** @type {any} */ i) => i.severity === 'error' && !String(i.code).startsWith('schema.'));
  if (!res.ok || (body.kind === 'document' && body.form !== formId)) {
    announce(`Không nhập được ${file.name}: ${problems[0]?.vi ?? `đây là ${forms.find((f) => f.id === body.form)?.titleVi ?? 'văn bản khác'}, không phải ${info.titleVi}`}.`, { kind: 'error' });
    return;
  }
  if (body.kind === 'list') {
    form.value = mergeList(formId, form.value, body);
    form.showAll = true;
    form.render();
    changed();
    const refused = problems.filter((/** @type {any} */ i) => i.code === 'import.row');
    announce(`Đã nhập ${body.nominees.length} người/tập thể và ${body.members.length} thành viên Hội đồng từ ${file.name}` +
      (refused.length ? `; ${refused.length} dòng không nhập được: ${refused.map((/** @type {any} */ i) => i.vi).join(' ')}` : '.'));
    return;
  }
  openAsDraft(body.input);
  announce(`Đã mở ${file.name} thành bản nháp${body.valid ? '.' : ': hãy điền các trường còn thiếu.'}`);
}

/**
 * Several Word or text files on the hồ sơ page: last year's tờ trình, biên bản and reports, each read on its own, then
 * put together as one hồ sơ by the server. @param {File[]} files
 */
async function importDossier(files) {
  announce(`Đang đọc ${files.length} văn bản…`);
  /** @type {{ name: string, form: string, input: unknown }[]} */
  const parts = [];
  for (const file of files) {
    const res = await api(`/api/import?name=${encodeURIComponent(file.name)}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
    /** @type {any} */
    const body = await res.json().catch(() => ({}));
    if (!res.ok || body.kind !== 'document') {
      announce(`Không đọc được ${file.name}: ${body.issues?.[0]?.vi ?? 'không phải văn bản nhận ra được'}.`, { kind: 'error' });
      return;
    }
    parts.push({ name: file.name, form: body.form, input: body.input });
  }
  const res = await api('/api/assemble', { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: JSON.stringify({ parts }) });
  /** @type {any} */
  const body = await res.json().catch(() => ({}));
  if (!res.ok) {
    announce(`Không ghép được hồ sơ: ${body.issues?.[0]?.vi ?? res.status}.`, { kind: 'error' });
    return;
  }
  openAsDraft(body.input);
  const left = (body.issues ?? []).filter((/** @type {any} */ i) => i.code === 'import.dossier_part');
  announce(`Đã ghép hồ sơ từ ${files.length - left.length} văn bản${left.length ? `; bỏ qua: ${left.map((/** @type {any} */ i) => i.vi).join(' ')}` : ''}${body.valid ? '.' : ': hãy điền các trường còn thiếu.'}`, { kind: left.length ? 'warn' : 'info' });
}

$('import-file').addEventListener('change', async () => {
  const chosen = [...(input('import-file').files ?? [])];
  input('import-file').value = '';
  const file = chosen[0];
  if (!file) return;
  const documents = chosen.filter((f) => /\.(docx|txt|md)$/i.test(f.name));
  if (chosen.length > 1 || (info.hoSo && documents.length === 1)) {
    if (!info.hoSo || documents.length !== chosen.length) {
      announce('Chọn một tệp; nhiều văn bản Word cùng lúc chỉ dùng để ghép hồ sơ đề nghị khen thưởng.', { kind: 'error' });
      return;
    }
    if (workedOn() && !confirm(`Thay bản nháp đang mở bằng hồ sơ ghép từ ${documents.length} văn bản? (Có thể hoàn tác bằng Ctrl+Z.)`)) return;
    await importDossier(documents).catch(() => announce('Không ghép được hồ sơ: máy chủ không trả lời.', { kind: 'error' }));
    return;
  }
  const replaces = !/\.(xlsx|csv)$/i.test(file.name);
  if (replaces && workedOn() && !confirm(`Thay bản nháp đang mở bằng nội dung của ${file.name}? (Có thể hoàn tác bằng Ctrl+Z, hoặc chọn "Bản nháp mới" trước để giữ cả hai.)`)) return;
  if (!/\.json$/i.test(file.name)) {
    await importThroughServer(file).catch(() => announce(`Không đọc được ${file.name}: máy chủ không trả lời.`, { kind: 'error' }));
    return;
  }
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    announce(`Tệp ${file.name} không mở được: nội dung không phải tệp đã lưu từ vanban (JSON).`, { kind: 'error' });
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data.form !== undefined && data.form !== formId)) {
    announce(`Tệp ${file.name} là của văn bản khác${data?.form ? ` (${forms.find((f) => f.id === data.form)?.titleVi ?? data.form})` : ''}, không mở được ở đây.`, { kind: 'error' });
    return;
  }
  openAsDraft(data);
  announce(`Đã nhập ${file.name}.`);
});

$('save-profile').addEventListener('click', () => {
  const p = saveProfile(compact(schema, form.value));
  announce(`Đã lưu ${Object.keys(p).length ? 'cơ quan, người ký và địa danh' : 'hồ sơ trống'} cho các văn bản mới.`);
});

setUpBodyEditor({
  form,
  current: () => /** @type {unknown[]} */ (payload().noiDung ?? []),
  hasField: (key) => Boolean(schema.properties?.[key]),
  apply: () => {
    form.showAll = true;
    form.render();
    changed();
  },
  announce,
});

/** Tools of a list item besides moving, folding and copying it: a nominee of a dossier takes a written report. @param {string} path */
function itemTools(path) {
  if (!/^\$\.deCu\[\d+\]$/.test(path)) return [];
  const i = Number(/\[(\d+)\]$/.exec(path)?.[1]);
  return [{ label: 'Lấy báo cáo từ tệp…', aria: `Lấy báo cáo thành tích cho người/tập thể ${i + 1} từ tệp đã lưu hoặc văn bản Word`, run: () => pickReport(i) }];
}

/** A báo cáo thành tích made in its own form (its saved .json) or written in Word goes into nominee `i`. @param {number} i */
function pickReport(i) {
  const picker = document.createElement('input');
  picker.type = 'file';
  picker.accept = '.json,application/json,.docx,.txt,.md';
  picker.hidden = true;
  document.body.append(picker);
  picker.addEventListener('change', async () => {
    const file = picker.files?.[0];
    picker.remove();
    if (!file) return;
    /** @type {any} */
    let report;
    try {
      if (/\.json$/i.test(file.name)) report = JSON.parse(await file.text());
      else {
        const res = await api(`/api/import?name=${encodeURIComponent(file.name)}&form=bao-cao-thanh-tich`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
        const body = await res.json();
        report = res.ok ? body.input : undefined;
      }
    } catch {
      report = undefined;
    }
    if (!report || typeof report !== 'object' || (report.form && report.form !== 'bao-cao-thanh-tich')) {
      announce(`${file.name} không phải báo cáo thành tích.`, { kind: 'error' });
      return;
    }
    const d = form.value.deCu?.[i];
    if (!d) return;
    const { form: _f, $schema: _s, coQuan, diaDanh: _d, phongTrao: _p, doiTuong, ten, chucVu, khenThuong, loaiHinh, ...noiDung } = report;
    if (d.ten && ten && d.ten.trim() !== String(ten).trim() && !confirm(`Báo cáo này là của ${ten}, không phải ${d.ten}. Vẫn đưa vào?`)) return;
    d.baoCao = { ...(coQuan?.ten ? { coQuan: { ...(coQuan.chuQuan ? { chuQuan: coQuan.chuQuan } : {}), ten: coQuan.ten } } : {}), ...noiDung };
    for (const [k, v] of Object.entries({ doiTuong, ten, chucVu, khenThuong, loaiHinh })) if (v !== undefined && (d[k] === undefined || d[k] === '')) d[k] = v;
    form.render();
    changed();
    announce(`Đã đưa báo cáo thành tích từ ${file.name} vào ${d.ten || `người/tập thể ${i + 1}`}.`);
  });
  picker.click();
}

void validateNow();
document.body.dataset.ready = 'true';
