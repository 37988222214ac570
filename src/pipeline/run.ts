// Runs a batch: each input is read, validated, rendered to DOCX and PDF and written; one bad input never stops the rest.
import fs from 'node:fs';
import path from 'node:path';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { renderDocx } from '../render/docx/render';
import { renderAppendixHtml, renderHtml } from '../render/html/render';
import { BrowserPool } from '../render/pdf/browser';
import { printPdf } from '../render/pdf/print';
import { finishPdf, mergeWithBookmarks } from '../render/pdf/post';
import { atomicWrite, outputStem } from '../output/write';
import { parseJson, prepare } from './prepare';

export type Format = 'docx' | 'pdf';

export interface RunOptions {
  outDir: string;
  formats: Format[];
  dumpViewModel?: boolean;
  onResult?: (r: JobResult) => void;
}

export type JobStatus = 'written' | 'invalid' | 'failed';

export interface JobResult {
  source: string;
  form?: string;
  status: JobStatus;
  files: string[];
  issues: Issue[];
  ms: number;
}

export interface RunReport {
  tool: 'vanban';
  outDir: string;
  formats: Format[];
  summary: { inputs: number; written: number; invalid: number; failed: number; files: number; warnings: number };
  jobs: JobResult[];
}

export async function runBatch(sources: string[], opts: RunOptions): Promise<RunReport> {
  const pool = opts.formats.includes('pdf') ? new BrowserPool() : undefined;
  const jobs: JobResult[] = [];
  const stems = new Map<string, string>();
  try {
    for (const source of sources) {
      const started = performance.now();
      const result = await runOne(source, opts, pool, stems);
      result.ms = Math.round(performance.now() - started);
      jobs.push(result);
      opts.onResult?.(result);
    }
  } finally {
    await pool?.close();
  }
  const count = (s: JobStatus) => jobs.filter((j) => j.status === s).length;
  return {
    tool: 'vanban',
    outDir: opts.outDir,
    formats: opts.formats,
    summary: {
      inputs: jobs.length,
      written: count('written'),
      invalid: count('invalid'),
      failed: count('failed'),
      files: jobs.reduce((n, j) => n + j.files.length, 0),
      warnings: jobs.reduce((n, j) => n + j.issues.filter((i) => i.severity === 'warning').length, 0),
    },
    jobs,
  };
}

async function runOne(source: string, opts: RunOptions, pool: BrowserPool | undefined, stems: Map<string, string>): Promise<JobResult> {
  const result: JobResult = { source, status: 'invalid', files: [], issues: [], ms: 0 };
  let text: string;
  try {
    text = fs.readFileSync(source, 'utf8');
  } catch (err) {
    result.issues.push(makeIssue('input.unreadable', { cause: (err as Error).message }, { source }));
    return result;
  }
  const parsed = parseJson(text, source);
  if (parsed.value === undefined) {
    result.issues.push(...parsed.issues);
    return result;
  }
  const prepared = await prepare(parsed.value, source);
  result.form = prepared.form?.settings.id;
  result.issues.push(...prepared.issues);
  if (hasErrors(prepared.issues) || prepared.documents.length === 0 || !prepared.form) return result;

  const stem = outputStem(source);
  const clash = stems.get(stem);
  if (clash !== undefined) {
    result.issues.push(makeIssue('write.name_clash', { file: `${stem}.*`, other: clash }, { source }));
    return result;
  }
  stems.set(stem, source);

  const dossier = prepared.dossier;
  // A dossier's documents go to a folder named after the input; a single document sits beside the others.
  const dir = dossier ? path.join(opts.outDir, stem) : opts.outDir;
  const fileOf = (name: string, ext: string) => path.join(dir, `${name || stem}.${ext}`);
  // Render everything first, then write: a failure leaves no part of this input behind.
  const outputs: { file: string; data: Uint8Array | string }[] = [];
  try {
    const pdfs: { title: string; pdf: Uint8Array }[] = [];
    for (const doc of prepared.documents) {
      const formats = opts.formats.filter((f) => doc.formats.includes(f));
      if (formats.includes('docx')) outputs.push({ file: fileOf(doc.name, 'docx'), data: renderDocx(doc.vm, doc.templateDir) });
      if (formats.includes('pdf') && pool) {
        const printed = [await printPdf(pool, renderHtml(doc.vm, doc.templateDir))];
        const appendix = renderAppendixHtml(doc.vm);
        if (appendix) printed.push(await printPdf(pool, appendix));
        const pdf = await finishPdf(printed, doc.vm.meta);
        pdfs.push({ title: doc.title, pdf });
        outputs.push({ file: fileOf(doc.name, 'pdf'), data: pdf });
      }
      if (opts.dumpViewModel) outputs.push({ file: fileOf(doc.name, 'view-model.json'), data: `${JSON.stringify(doc.vm, null, 2)}\n` });
    }
    if (dossier) {
      let pages: number[] = [];
      if (pdfs.length > 1) {
        const first = prepared.documents[0]!.vm.meta;
        const merged = await mergeWithBookmarks(pdfs, { ...first, title: `Hồ sơ đề nghị khen thưởng: ${first.author}`, subject: 'Hồ sơ đề nghị khen thưởng' });
        outputs.push({ file: path.join(dir, 'ho-so.pdf'), data: merged.pdf });
        pages = merged.pages;
      }
      const manifest = {
        ...dossier.manifest,
        taiLieu: prepared.documents.map((d, i) => ({
          tieuDe: d.title,
          tep: outputs.filter((o) => path.basename(o.file).startsWith(`${d.name}.`)).map((o) => path.basename(o.file)),
          ...(pages[i] !== undefined ? { soTrang: pages[i] } : {}),
        })),
        ...(pdfs.length > 1 ? { hoSoPdf: 'ho-so.pdf' } : {}),
      };
      outputs.push({ file: path.join(dir, 'manifest.json'), data: `${JSON.stringify(manifest, null, 2)}\n` });
    }
  } catch (err) {
    result.status = 'failed';
    result.issues.push(...issuesOf(err, source));
    return result;
  }
  for (const o of outputs) {
    try {
      atomicWrite(o.file, o.data);
      result.files.push(o.file);
    } catch (err) {
      result.status = 'failed';
      result.issues.push(makeIssue('write.failed', { file: o.file, cause: (err as Error).message }, { source }));
      return result;
    }
  }
  result.status = 'written';
  return result;
}

export function issuesOf(err: unknown, source?: string): Issue[] {
  if (err instanceof VanbanError) return err.issues.map((i) => ({ ...i, source: i.source ?? source }));
  return [makeIssue('internal.error', { cause: err instanceof Error ? err.message : String(err) }, { source, cause: err instanceof Error ? err.stack : undefined })];
}
