// The page of one form: builds it from the JSON Schema, checks as you type, previews the PDF, downloads, keeps the draft.
import { SchemaForm, compact } from './schema-form.js';
import { loadDraft, newDraft, saveDraft, saveProfile, loadProfile } from './drafts.js';
import { addLogout, api } from './session.js';
import { LIST_FORMS, mergeList } from './merge-list.js';
import { setUpBodyEditor } from './body-editor.js';

const VALIDATE_DELAY_MS = 350;
const PREVIEW_DELAY_MS = 1000;

const formId = decodeURIComponent(location.pathname.split('/')[2] ?? '');
/** @param {string} id @returns {HTMLElement} */
const $ = (id) => /** @type {HTMLElement} */ (document.getElementById(id));
/** @param {string} id */
const input = (id) => /** @type {HTMLInputElement} */ ($(id));
const status = $('status');
addLogout();

function announce(text) {
  // The same words twice are still announced: clear first, then set.
  status.textContent = '';
  setTimeout(() => {
    status.textContent = text;
  }, 30);
}

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

const form = new SchemaForm({
  schema,
  container: $('form'),
  value: loadDraft(formId) ?? {},
  onInput: changed,
  onStructure: changed,
});
if (!loadDraft(formId)) form.value = newDraft(formId, form);
form.value.form = formId;
form.render();
saveDraft(formId, form.value);
$('form').addEventListener('submit', (e) => e.preventDefault());

function payload() {
  return { ...compact(schema, form.value), form: formId };
}

function changed() {
  version++;
  saveDraft(formId, form.value);
  validateSoon();
}

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
    issues = body.issues ?? [];
    issuesTotal = body.total ?? issues.length;
    valid = res.ok && body.valid === true;
    validatedVersion = v;
    showIssues();
    if (valid) previewSoon();
  } catch (err) {
    if (err.name !== 'AbortError') announce('Không kiểm tra được: máy chủ không trả lời.');
  } finally {
    if (validateCtl === ctl) validateCtl = undefined;
  }
}

function showIssues() {
  const focusedErr = document.activeElement?.getAttribute('aria-describedby')?.split(' ').find((id) => id.endsWith('-err'));
  const before = focusedErr ? $(focusedErr)?.textContent : '';
  form.setIssues(issues);
  const errors = issues.filter((i) => i.severity === 'error');
  const summary = $('summary-text');
  const more = issuesTotal > issues.length ? ` (${issuesTotal} lỗi và lưu ý, liệt kê ${issues.length} đầu tiên)` : '';
  summary.textContent = errors.length === 0 ? 'Không có lỗi: văn bản sẵn sàng để tải.' : `Còn ${errors.length} lỗi cần sửa${more}.`;
  $('summary').classList.toggle('ok', errors.length === 0);
  const list = $('summary-list');
  list.replaceChildren(
    ...issues.map((i) => {
      const li = document.createElement('li');
      const b = document.createElement('button');
      b.type = 'button';
      b.className = 'link';
      b.textContent = `${i.severity === 'error' ? 'Lỗi' : 'Lưu ý'}: ${i.vi}`;
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
  $('summary-details').hidden = issues.length === 0;
  const after = focusedErr ? $(focusedErr)?.textContent : '';
  if (after && after !== before) announce(after);
  else if (before && !after) announce('Đã sửa xong ô này.');
}

// ---- live preview: only for a valid draft, at most one request in flight, a newer one cancels an older one -------------

let previewTimer;
let previewCtl;
let previewedVersion = -1;
let previewUrl;
function previewSoon() {
  if (!input('auto-preview').checked) return;
  clearTimeout(previewTimer);
  previewTimer = setTimeout(() => void previewNow(), PREVIEW_DELAY_MS);
}

async function previewNow() {
  if (!valid || validatedVersion !== version || previewedVersion === version) return;
  previewCtl?.abort();
  const ctl = new AbortController();
  previewCtl = ctl;
  const v = version;
  $('preview-state').textContent = 'Đang tạo bản xem trước…';
  try {
    const res = await api(`/api/render/${formId}?format=pdf`, {
      method: 'POST',
      // Marks the request as a preview, for whoever watches the traffic; the server treats it like any render.
      headers: { 'Content-Type': 'application/json', 'X-Vanban-Preview': '1' },
      body: JSON.stringify(payload()),
      signal: ctl.signal,
    });
    if (!res.ok) {
      $('preview-state').textContent = `Chưa xem trước được (${res.status}).`;
      return;
    }
    const blob = await res.blob();
    if (previewUrl) URL.revokeObjectURL(previewUrl);
    previewUrl = URL.createObjectURL(blob);
    /** @type {HTMLIFrameElement} */ ($('preview')).src = previewUrl;
    previewedVersion = v;
    $('preview-state').textContent = v === version ? 'Bản xem trước đã cập nhật.' : 'Bản xem trước (đang có thay đổi mới).';
  } catch (err) {
    if (err.name !== 'AbortError') $('preview-state').textContent = 'Chưa xem trước được: máy chủ không trả lời.';
  } finally {
    if (previewCtl === ctl) previewCtl = undefined;
  }
}
$('auto-preview').addEventListener('change', () => {
  if (input('auto-preview').checked) previewSoon();
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
      announce(`Không tạo được tệp: ${body.issues?.[0]?.vi ?? res.status}`);
      return;
    }
    const name = fileNameOf(res, `${formId}.${format}`);
    saveBlob(await res.blob(), name);
    announce(`Đã tải ${name}.`);
  } finally {
    button.disabled = false;
  }
}
$('download-pdf').addEventListener('click', () => void download('pdf'));
$('download-docx').addEventListener('click', () => void download('docx'));

$('export-json').addEventListener('click', () => {
  saveBlob(new Blob([`${JSON.stringify(payload(), null, 2)}\n`], { type: 'application/json' }), `${formId}.json`);
  announce('Đã xuất tệp JSON.');
});

$('import-json').addEventListener('click', () => $('import-file').click());

/** Replaces the draft with an input read from a file, after asking when the draft has been worked on. @param {Record<string, any>} data */
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
    announce(`Bảng tính danh sách đề nghị chỉ nhập được vào hồ sơ, tờ trình hoặc biên bản.`);
    return;
  }
  announce(`Đang đọc ${file.name}…`);
  const query = `name=${encodeURIComponent(file.name)}${isList ? '' : `&form=${encodeURIComponent(formId)}`}`;
  const res = await api(`/api/import?${query}`, { method: 'POST', headers: { 'Content-Type': 'application/octet-stream' }, body: file });
  /** @type {any} */
  const body = await res.json().catch(() => ({}));
  const problems = (body.issues ?? []).filter((/** @type {any} */ i) => i.severity === 'error' && !String(i.code).startsWith('schema.'));
  if (!res.ok || (body.kind === 'document' && body.form !== formId)) {
    announce(`Không nhập được ${file.name}: ${problems[0]?.vi ?? `mẫu ${body.form ?? '?'} khác mẫu này`}`);
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

$('import-file').addEventListener('change', async () => {
  const file = input('import-file').files?.[0];
  input('import-file').value = '';
  if (!file) return;
  if (!/\.json$/i.test(file.name)) {
    if (!/\.(xlsx|csv)$/i.test(file.name) && !confirm(`Thay bản nháp hiện tại bằng nội dung của ${file.name}?`)) return;
    await importThroughServer(file);
    return;
  }
  let data;
  try {
    data = JSON.parse(await file.text());
  } catch {
    announce(`Tệp ${file.name} không phải JSON hợp lệ.`);
    return;
  }
  if (!data || typeof data !== 'object' || Array.isArray(data) || (data.form !== undefined && data.form !== formId)) {
    announce(`Tệp ${file.name} không phải dữ liệu của mẫu này (form: ${JSON.stringify(data?.form)}).`);
    return;
  }
  openAsDraft(data);
  announce(`Đã nhập ${file.name}.`);
});

$('new-draft').addEventListener('click', () => {
  if (!confirm('Bỏ bản nháp hiện tại và bắt đầu văn bản mới?')) return;
  form.value = newDraft(formId, form);
  form.touched.clear();
  form.showAll = false;
  form.render();
  changed();
  announce(loadProfile() ? 'Đã tạo văn bản mới với thông tin cơ quan đã lưu.' : 'Đã tạo văn bản mới.');
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

void validateNow();
document.body.dataset.ready = 'true';
