// Drafts and the agency profile kept in the browser (localStorage), and the starting skeleton of a new document.

const DRAFT = (formId) => `vanban.draft.${formId}`;
const INDEX = (formId) => `vanban.drafts.${formId}`;
const PROFILE = 'vanban.profile';
/** The first draft of a form keeps the key drafts always had; the others get their id after it. */
export const MAIN_DRAFT = 'chinh';

function read(key) {
  try {
    const text = localStorage.getItem(key);
    return text ? JSON.parse(text) : undefined;
  } catch {
    return undefined;
  }
}

function write(key, value) {
  try {
    localStorage.setItem(key, JSON.stringify(value));
    return true;
  } catch {
    // Storage full or disabled: the page still works, the draft just does not survive a reload.
    return false;
  }
}

/** The storage key of one draft of a form. */
export const draftKey = (formId, id = MAIN_DRAFT) => (id === MAIN_DRAFT ? DRAFT(formId) : `${DRAFT(formId)}~${id}`);

/**
 * The drafts of a form that a clerk has typed into, newest first: `{ id, name, at }`. A draft is listed from its
 * first change, so opening a form leaves no draft behind.
 */
export function draftsOf(formId) {
  const list = read(INDEX(formId));
  return Array.isArray(list) ? list.filter((d) => d && typeof d.id === 'string' && read(draftKey(formId, d.id))).sort((a, b) => (b.at ?? 0) - (a.at ?? 0)) : [];
}

export const loadDraft = (formId, id = MAIN_DRAFT) => {
  const d = read(draftKey(formId, id));
  return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
};

/** Saves a draft the clerk changed, and lists it under its name. */
export function saveDraft(formId, value, id = MAIN_DRAFT, name) {
  const ok = write(draftKey(formId, id), value);
  const list = (read(INDEX(formId)) ?? []).filter((d) => d && d.id !== id);
  const old = (read(INDEX(formId)) ?? []).find((d) => d && d.id === id);
  write(INDEX(formId), [...list, { id, name: name ?? old?.name ?? 'Bản nháp 1', at: Date.now() }]);
  return ok;
}

/** A new draft id and a name not yet used ("Bản nháp 2"). */
export function newDraftId(formId) {
  const used = new Set(draftsOf(formId).map((d) => d.name));
  let n = 1;
  while (used.has(`Bản nháp ${n}`)) n++;
  return { id: `n${Date.now().toString(36)}`, name: `Bản nháp ${n}` };
}

export function removeDraft(formId, id) {
  try {
    localStorage.removeItem(draftKey(formId, id));
  } catch {
    // Nothing to remove.
  }
  write(INDEX(formId), (read(INDEX(formId)) ?? []).filter((d) => d && d.id !== id));
}


/** Agency, signer and place: what a clerk types the same way in every document. */
export const loadProfile = () => read(PROFILE);
export function saveProfile(draft) {
  const profile = {};
  for (const k of ['coQuan', 'diaDanh']) if (draft[k] !== undefined) profile[k] = structuredClone(draft[k]);
  const signer = draft.nguoiKy ?? draft.toTrinh?.nguoiKy;
  if (signer !== undefined) profile.nguoiKy = structuredClone(signer);
  write(PROFILE, profile);
  return profile;
}

/** Today in the clerk's own calendar, as the form's date fields write it. */
function today() {
  const d = new Date();
  return `${d.getFullYear()}-${String(d.getMonth() + 1).padStart(2, '0')}-${String(d.getDate()).padStart(2, '0')}`;
}

const section = (tieuDe, ...noiDung) => ({ tieuDe, noiDung: noiDung.length ? noiDung : [''] });

/** The usual outline of each form, so a clerk fills blanks instead of building the structure. */
const STARTERS = {
  'ke-hoach': () => ({
    ngay: today(),
    noiDung: [
      section('Mục đích, yêu cầu', section('Mục đích'), section('Yêu cầu')),
      section('Nội dung thi đua'),
      section('Khen thưởng'),
      section('Tổ chức thực hiện'),
    ],
    noiNhan: [{ ten: '', mucDich: 'để b/cáo' }],
  }),
  'phat-dong': () => ({
    ngay: today(),
    noiDung: [section('Mục đích, yêu cầu'), section('Nội dung thi đua'), section('Tổ chức thực hiện')],
    noiNhan: [{ ten: '', mucDich: 'để t/hiện' }],
  }),
  'bao-cao-thanh-tich': () => ({
    ngay: today(),
    doiTuong: 'ca-nhan',
    khenThuong: 'lao-dong-tien-tien',
    phongTrao: { ten: '' },
    soLuoc: { ngaySinh: '', gioiTinh: '', donVi: '', chucVu: '' },
    thanhTich: [''],
  }),
  'to-trinh': () => ({ ngay: today(), kinhGui: [''], noiNhan: [{ ten: '', mucDich: 'để b/cáo' }] }),
};

/** A new document: the schema's required fields, the form's usual outline, then the saved profile. */
export function newDraft(formId, form) {
  const draft = { ...form.blank(form.schema), ...(STARTERS[formId]?.() ?? {}) };
  const props = form.schema.properties ?? {};
  const profile = loadProfile() ?? {};
  for (const k of ['coQuan', 'diaDanh', 'nguoiKy']) {
    if (profile[k] === undefined) continue;
    if (props[k]) draft[k] = structuredClone(profile[k]);
    else if (k === 'nguoiKy' && props.toTrinh?.properties?.nguoiKy) draft.toTrinh = { ...(draft.toTrinh ?? {}), nguoiKy: structuredClone(profile[k]) };
  }
  draft.form = formId;
  return draft;
}
