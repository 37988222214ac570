// Drafts and the agency profile kept in the browser (localStorage), and the starting skeleton of a new document.

const DRAFT = (formId) => `vanban.draft.${formId}`;
const PROFILE = 'vanban.profile';

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

export const loadDraft = (formId) => {
  const d = read(DRAFT(formId));
  return d && typeof d === 'object' && !Array.isArray(d) ? d : undefined;
};
export const saveDraft = (formId, value) => write(DRAFT(formId), value);
export const hasDraft = (formId) => loadDraft(formId) !== undefined;

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
