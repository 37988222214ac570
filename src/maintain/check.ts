// `vanban templates check`: finds every problem of the form templates before anything is rendered, all at once.
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { makeIssue } from '../errors/catalogue';
import { VanbanError, type Issue } from '../errors/issue';
import { loadForm, moduleFormIds, templateFormIds, type LoadedForm } from '../forms/registry';
import { FORMS_DIR, TEMPLATES_DIR } from '../paths';
import { docxData, forgetDocxTemplates, renderDocx } from '../render/docx/render';
import { forgetHtmlTemplates, renderHtml } from '../render/html/render';
import { tenLoai } from '../viewmodel/loai-van-ban';
import { missingReportForms } from '../viewmodel/bao-cao';
import { REGULATIONS } from '../config/regulations';
import type { DocumentVM } from '../viewmodel/types';
import { checkDocx } from './check-docx';
import { checkHbs } from './check-hbs';
import { exampleViewModel } from './examples';

export const BLOCKS_DIR = path.join(TEMPLATES_DIR, '_blocks');
export const FORM_ID = /^[a-z][a-z0-9]*(?:-[a-z0-9]+)*$/;

/** A file name as the person running the command can open it. */
export function shown(file: string): string {
  const rel = path.relative(process.cwd(), file);
  return rel && !rel.startsWith('..') && !path.isAbsolute(rel) ? rel.split(path.sep).join('/') : file;
}

const settingsSchema = z.looseObject({
  id: z.string().regex(FORM_ID, 'kebab-case ASCII'),
  titleVi: z.string().min(1),
  titleEn: z.string().min(1),
  kyHieuLoai: z.string().refine((v) => {
    try {
      return Boolean(tenLoai(v));
    } catch {
      return false;
    }
  }, 'not a type abbreviation of NĐ 30 PL III or config/regulations.json'),
  formats: z.array(z.enum(['docx', 'pdf'])).min(1),
  hoSo: z.boolean().optional(),
  thuTu: z.number().int().optional(),
  moTaVi: z.string().min(1).optional(),
});

/** A view model with every field and nothing in it, for a form that has no example yet. */
export function emptyViewModel(form: string): DocumentVM {
  return {
    form,
    header: { chuQuan: [], banHanh: [], quocHieu: '', tieuNgu: '', soKyHieu: '', diaDanhNgay: '', doRongTraiMm: 0, doRongPhaiMm: 0, doRongSoMm: 0, doRongNgayMm: 0, gachCoQuanMm: 0, gachTieuNguMm: 0 },
    tenLoai: '', trichYeu: '', trichYeuDong: [], gachTrichYeuMm: 0, kinhGui: [], canCu: [], moDau: [], noiDung: [], ketLuan: [],
    noiNhan: { nhan: '', dong: [] }, chuKy: { quyenHan: [], chucVuKhac: [], hoTen: '', oKy: [] },
    meta: { title: '', author: '', subject: '', keywords: [], language: 'vi-VN', creationDate: '2020-01-01T00:00:00+07:00' },
  };
}

export function partialNames(): string[] {
  return fs.readdirSync(BLOCKS_DIR).filter((f) => f.endsWith('.hbs') && f !== 'layout.hbs').map((f) => f.slice(0, -4)).sort();
}

function readSettings(dir: string, expectId: string | undefined, issues: Issue[]): { id?: string; hoSo?: boolean } {
  const file = path.join(dir, 'form.json');
  const at = { template: { file: shown(file) } };
  if (!fs.existsSync(file)) {
    issues.push(makeIssue('template.missing_file', { file: shown(file), id: expectId ?? path.basename(dir) }, at));
    return {};
  }
  let raw: unknown;
  try {
    raw = JSON.parse(fs.readFileSync(file, 'utf8'));
  } catch (err) {
    const msg = (err as Error).message;
    issues.push(makeIssue('template.form_json', { detailVi: `không phải JSON hợp lệ (${msg})`, detailEn: `not valid JSON (${msg})` }, at));
    return {};
  }
  const r = settingsSchema.safeParse(raw);
  if (!r.success) {
    for (const i of r.error.issues) {
      const key = i.path.join('.') || '(root)';
      const missing = i.code === 'invalid_type' && (raw as Record<string, unknown>)?.[String(i.path[0])] === undefined;
      issues.push(makeIssue('template.form_json', missing
        ? { detailVi: `thiếu khóa "${key}"`, detailEn: `key "${key}" is missing` }
        : { detailVi: `khóa "${key}" sai giá trị: ${i.message}`, detailEn: `key "${key}" has a wrong value: ${i.message}` }, { template: { ...at.template, place: `$.${key}` } }));
    }
  }
  const s = raw as { id?: unknown; hoSo?: unknown; cauTruc?: unknown };
  // A report structure names a form line for every legal period, award kind and subject (§4.1–4.4).
  if (s?.cauTruc !== undefined) {
    for (const place of missingReportForms(s.cauTruc, REGULATIONS.legalProfiles.map((p) => p.id))) {
      issues.push(makeIssue('template.form_json', { detailVi: `thiếu dòng mẫu "${place.slice(2)}"`, detailEn: `the form line "${place.slice(2)}" is missing` }, { template: { ...at.template, place } }));
    }
  }
  const id = typeof s?.id === 'string' ? s.id : undefined;
  if (id && expectId && id !== expectId) {
    issues.push(makeIssue('template.form_json', { detailVi: `"id" là "${id}" nhưng thư mục là "${expectId}"`, detailEn: `"id" is "${id}" but the folder is "${expectId}"` }, { template: { ...at.template, place: '$.id' } }));
  }
  return { id, hoSo: s?.hoSo === true };
}

/**
 * Checks one template folder. `expectId` is the folder's form id when it lives in templates/; a folder elsewhere
 * (a copy being edited, a test fixture) is checked against the form its form.json names.
 */
export interface CheckDirOptions {
  /** Check fields against this view model (a document about to be rendered) instead of the form's example. */
  vm?: DocumentVM;
  /** Also run both renderers on the example (default true); a batch renders for real right after. */
  trial?: boolean;
}

/** Fields a template may read when the form has no example: every field a document's view model can have. */
const ALL_FIELDS = ['phan', 'chuKyDoi', 'phuLuc', 'dongMau'];

export async function checkTemplateDir(dir: string, expectId?: string, opts: CheckDirOptions = {}): Promise<Issue[]> {
  const issues: Issue[] = [];
  const settings = readSettings(dir, expectId, issues);
  const id = expectId ?? settings.id;
  let form: LoadedForm | undefined;
  if (id && FORM_ID.test(id)) {
    if (!fs.existsSync(path.join(FORMS_DIR, `${id}.ts`))) issues.push(makeIssue('template.no_definition', { id }, { template: { file: shown(path.join(dir, 'form.json')) } }));
    else if (fs.existsSync(path.join(TEMPLATES_DIR, id, 'form.json'))) {
      // What would stop render stops the check too; form.json's own problems are already reported above.
      form = await loadForm(id).catch((err: unknown) => {
        const found = err instanceof VanbanError ? err.issues : [makeIssue('template.definition', { file: `src/forms/${id}.ts`, id, detailVi: String(err), detailEn: String(err) }, { template: { file: `src/forms/${id}.ts` } })];
        issues.push(...found.filter((i) => !issues.some((x) => x.code === i.code && x.template?.place === i.template?.place)));
        return undefined;
      });
    }
  }
  if (settings.hoSo) return issues;
  const example = opts.vm || !form ? undefined : await exampleViewModel(form.settings.id).catch(() => undefined);
  const vm = opts.vm ?? example?.vm ?? emptyViewModel(id ?? 'form');
  const fields = opts.vm || example ? Object.keys(vm) : [...Object.keys(vm), ...ALL_FIELDS];

  const docxFile = path.join(dir, 'template.docx');
  const hbsFile = path.join(dir, 'template.hbs');
  let docxClean = false;
  let hbsClean = false;
  for (const f of [docxFile, hbsFile]) {
    if (!fs.existsSync(f)) issues.push(makeIssue('template.missing_file', { file: shown(f), id: id ?? path.basename(dir) }, { template: { file: shown(f) } }));
  }
  if (fs.existsSync(docxFile)) {
    const found = checkDocx(fs.readFileSync(docxFile), shown(docxFile), Object.keys(docxData(vm)));
    issues.push(...found);
    docxClean = found.length === 0;
  }
  if (fs.existsSync(hbsFile)) {
    const found = checkHbs({ file: shown(hbsFile), source: fs.readFileSync(hbsFile, 'utf8'), partials: partialNames(), fields });
    issues.push(...found);
    hbsClean = found.length === 0;
  }
  // What reading cannot see: run both renderers on the example, as render would.
  if (example && opts.trial !== false) {
    forgetDocxTemplates();
    forgetHtmlTemplates();
    const trial = (fn: () => unknown) => {
      try {
        fn();
        return undefined;
      } catch (err) {
        return err instanceof VanbanError ? err.issues.map((i) => `${i.message.en}`).join('; ') : (err as Error).message;
      }
    };
    const example_ = shown(example.file);
    if (docxClean) {
      const d = trial(() => renderDocx(vm, dir));
      if (d) issues.push(makeIssue('template.docx_syntax', { detail: `${d} (example ${example_})` }, { template: { file: shown(docxFile) } }));
    }
    if (hbsClean) {
      const h = trial(() => renderHtml(vm, dir));
      if (h) issues.push(makeIssue('template.hbs_render', { example: example_, detail: h }, { template: { file: shown(hbsFile) } }));
    }
  }
  return issues;
}

export interface FormCheck {
  id: string;
  dir: string;
  issues: Issue[];
}

/** Checks forms of templates/ by id (all of them by default), the partials of _blocks, and both halves of each form. */
export async function checkForms(ids?: string[]): Promise<FormCheck[]> {
  const all = [...new Set([...templateFormIds(), ...moduleFormIds()])].sort();
  const results: FormCheck[] = [];
  for (const id of ids ?? all) {
    const dir = path.join(TEMPLATES_DIR, id);
    if (!fs.existsSync(dir)) {
      const file = path.join(dir, 'form.json');
      results.push({ id, dir, issues: [makeIssue('template.missing_file', { file: shown(file), id }, { template: { file: shown(file) } })] });
      continue;
    }
    results.push({ id, dir, issues: await checkTemplateDir(dir, id) });
  }
  if (!ids) results.push({ id: '_blocks', dir: BLOCKS_DIR, issues: checkBlocks() });
  return results;
}

/** The shared partials must at least compile in strict mode. */
export function checkBlocks(): Issue[] {
  const issues: Issue[] = [];
  for (const f of fs.readdirSync(BLOCKS_DIR).filter((n) => n.endsWith('.hbs')).sort()) {
    const file = path.join(BLOCKS_DIR, f);
    issues.push(...checkHbs({ file: shown(file), source: fs.readFileSync(file, 'utf8'), partials: partialNames() }).filter((i) => i.code !== 'template.regulated_text'));
  }
  return issues;
}
