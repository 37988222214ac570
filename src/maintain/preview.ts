// One preview of a form: check its templates, prepare the data, render DOCX and PDF, draw PNG pages with pdftoppm.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { forgetForms } from '../forms/registry';
import { atomicWrite } from '../output/write';
import { check, fromText, issuesOf, render } from '../api';
import { forgetDocxTemplates } from '../render/docx/render';
import { forgetHtmlTemplates } from '../render/html/render';
import type { BrowserPool } from '../render/pdf/browser';

/** Pages are drawn at 96 dpi: an A4 page is 794 × 1123 pixels, readable on a screen. */
const DPI = 96;

export function findPdftoppm(): string | undefined {
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'pdftoppm');
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

export interface PreviewResult {
  /** 0 written, 1 invalid data, 2 the data is of another form, 3 template problems, 4 environment, 70 internal. */
  code: number;
  issues: Issue[];
  /** Files written, absolute. */
  files: string[];
  /** Template folders the rendering read, for a watcher. */
  templateDirs: string[];
  pages: number;
}

export interface PreviewOptions {
  form: string;
  data: string;
  outDir: string;
  pool: BrowserPool;
}

/** Renders one preview; every template and form.json is read afresh, so it reflects the files as they are now. */
export async function renderPreview(opts: PreviewOptions): Promise<PreviewResult> {
  const result: PreviewResult = { code: 0, issues: [], files: [], templateDirs: [], pages: 0 };
  const fail = (code: number, issues: Issue[]) => Object.assign(result, { code, issues: [...result.issues, ...issues] });
  forgetForms();
  forgetDocxTemplates();
  forgetHtmlTemplates();
  const pdftoppm = findPdftoppm();
  if (!pdftoppm) return fail(4, [makeIssue('env.no_pdftoppm')]);

  let text: string;
  try {
    text = fs.readFileSync(opts.data, 'utf8');
  } catch (err) {
    return fail(1, [makeIssue('input.unreadable', { cause: (err as Error).message }, { source: opts.data })]);
  }
  // Templates are checked afresh with a trial render: a maintainer is editing them.
  const file = await check(fromText(text, opts.data), { templates: 'fresh' });
  const prepared = file.prepared;
  const formId = file.form;
  if (formId && formId !== opts.form) {
    return fail(2, [makeIssue('input.unknown_form', { value: JSON.stringify(formId), known: opts.form }, { source: opts.data, path: '$.form' })]);
  }
  result.templateDirs = prepared ? [...new Set([...(prepared.form ? [prepared.form.templateDir] : []), ...prepared.documents.map((d) => d.templateDir)])] : [];
  result.issues.push(...file.messages);
  if (file.failed) return fail(file.messages.some((i) => i.severity === 'error' && i.stage === 'template') ? 3 : 70, []);
  if (!file.ok || !prepared) return fail(1, []);

  const stem = opts.form;
  let outputs;
  try {
    outputs = await render(file, stem, { formats: ['docx', 'pdf'], pool: opts.pool });
  } catch (err) {
    const issues = issuesOf(err, opts.data);
    return fail(issues.some((i) => i.stage === 'environment') ? 4 : issues.some((i) => i.stage === 'template') ? 3 : 70, issues);
  }
  for (const o of outputs) {
    const file = path.join(opts.outDir, ...o.file.split('/'));
    atomicWrite(file, o.data);
    result.files.push(file);
  }
  // A dossier is drawn from its merged PDF; a single document from its own.
  const pdf = result.files.find((f) => f.endsWith(prepared.dossier ? 'ho-so.pdf' : `${stem}.pdf`)) ?? result.files.find((f) => f.endsWith('.pdf'));
  if (pdf) {
    const prefix = pdf.slice(0, -'.pdf'.length);
    const dir = path.dirname(prefix);
    const base = path.basename(prefix);
    // Pages from an earlier, longer preview would otherwise linger.
    for (const f of fs.readdirSync(dir)) if (new RegExp(`^${base.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}-\\d+\\.png$`).test(f)) fs.rmSync(path.join(dir, f));
    execFileSync(pdftoppm, ['-png', '-r', String(DPI), pdf, prefix], { stdio: 'ignore', timeout: 120_000 });
    const pngs = fs.readdirSync(dir).filter((f) => f.startsWith(`${base}-`) && f.endsWith('.png')).sort().map((f) => path.join(dir, f));
    result.files.push(...pngs);
    result.pages = pngs.length;
  }
  return result;
}
