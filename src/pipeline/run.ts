// Runs a batch: each input is read, validated, rendered to DOCX and PDF and written; one bad input never stops the rest.
import fs from 'node:fs';
import path from 'node:path';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { BrowserPool } from '../render/pdf/browser';
import { checkTemplateDir } from '../maintain/check';
import { atomicWrite, outputStem } from '../output/write';
import { parseJson, prepare } from './prepare';
import { renderPrepared, type Format, type RenderedFile } from './render-input';

export type { Format };

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
  const templateChecks = new Map<string, Promise<Issue[]>>();
  try {
    for (const source of sources) {
      const started = performance.now();
      const result = await runOne(source, opts, pool, stems, templateChecks);
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

async function runOne(
  source: string,
  opts: RunOptions,
  pool: BrowserPool | undefined,
  stems: Map<string, string>,
  templateChecks: Map<string, Promise<Issue[]>>,
): Promise<JobResult> {
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

  // A broken template is caught with its file and place before anything is rendered, not as a silently empty block.
  for (const doc of prepared.documents) {
    const key = `${doc.templateDir}\n${Object.keys(doc.vm).sort().join(',')}`;
    let checked = templateChecks.get(key);
    if (!checked) {
      checked = checkTemplateDir(doc.templateDir, path.basename(doc.templateDir), { vm: doc.vm, trial: false });
      templateChecks.set(key, checked);
    }
    const problems = await checked;
    if (problems.length) {
      result.status = 'failed';
      result.issues.push(...problems.filter((p) => !result.issues.includes(p)));
    }
  }
  if (result.status === 'failed') return result;

  const stem = outputStem(source);
  const clash = stems.get(stem);
  if (clash !== undefined) {
    result.issues.push(makeIssue('write.name_clash', { file: `${stem}.*`, other: clash }, { source }));
    return result;
  }
  stems.set(stem, source);

  // Render everything first, then write: a failure leaves no part of this input behind.
  let outputs: RenderedFile[];
  try {
    outputs = await renderPrepared(prepared, stem, { formats: opts.formats, pool, dumpViewModel: opts.dumpViewModel });
  } catch (err) {
    result.status = 'failed';
    result.issues.push(...issuesOf(err, source));
    return result;
  }
  for (const o of outputs) {
    const file = path.join(opts.outDir, ...o.file.split('/'));
    try {
      atomicWrite(file, o.data);
      result.files.push(file);
    } catch (err) {
      result.status = 'failed';
      result.issues.push(makeIssue('write.failed', { file, cause: (err as Error).message }, { source }));
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
