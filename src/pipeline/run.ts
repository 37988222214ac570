// Runs a batch: inputs in chunks through worker threads, one print per chunk, atomic writes; a bad input never stops the rest.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import fg from 'fast-glob';
import { makeIssue } from '../errors/catalogue';
import { type Issue } from '../errors/issue';
import { BrowserPool } from '../render/pdf/browser';
import type { FinishedPdf } from '../render/pdf/post';
import { newStats, type PrintStats } from '../render/pdf/stats';
import { acquireLock, fingerprint, inputHash, Journal, STATE_DIR } from '../output/state';
import { atomicWrite, outputStem } from '../output/write';
import { issuesOf, type ProcessResult } from './process';
import { pdfJobsOf, type Format } from './plan';
import { assemble, type RenderedFile } from './render-input';
import { inProcess, WorkerPool, type Processor } from './workers';

export type { Format };
export { issuesOf };

export interface RunOptions {
  outDir: string;
  formats: Format[];
  dumpViewModel?: boolean;
  /** File each appendix as a PDF of its own, signed by the organisation on its first page (regulations §3). */
  separateAppendix?: boolean;
  /** Convert every PDF to PDF/A-2b with Ghostscript. */
  pdfa?: boolean;
  onResult?: (r: JobResult) => void;
  /** Skip inputs whose outputs are up to date (same input, templates, configuration and version). */
  resume?: boolean;
  /** Worker threads for validation and DOCX; 0 runs them on this thread. Default: cores − 1 from 4 cores and 32 inputs, else 0. */
  jobs?: number;
  /** Inputs per chunk; the PDFs of a chunk are printed together. */
  chunkSize?: number;
  /** Stops the batch: nothing more is written, the rest is reported as interrupted. */
  signal?: AbortSignal;
}

export type JobStatus = 'written' | 'invalid' | 'failed' | 'skipped' | 'interrupted';

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
  summary: {
    inputs: number;
    written: number;
    invalid: number;
    failed: number;
    skipped: number;
    interrupted: number;
    files: number;
    warnings: number;
    ms: number;
  };
  print?: PrintStats & { browserStarts: number };
  jobs: JobResult[];
}

const DEFAULT_CHUNK = 20;

export async function runBatch(sources: string[], opts: RunOptions): Promise<RunReport> {
  const started = performance.now();
  const release = acquireLock(opts.outDir);
  const results: (JobResult | undefined)[] = new Array(sources.length);
  const usePdf = opts.formats.includes('pdf');
  // On two cores, worker threads measured slower than none (DOCX 117/s vs 137/s, PDF 35/s vs 42/s): Chromium and the
  // main thread need the cores, and each worker loads the whole program again. They pay off from four cores up.
  const cores = os.availableParallelism();
  const jobsN = opts.jobs ?? (sources.length >= 32 && cores >= 4 ? cores - 1 : 0);
  const processor: Processor = jobsN > 0 ? new WorkerPool(jobsN) : inProcess;
  const pool = usePdf ? new BrowserPool(2) : undefined;
  pool?.warm();
  const stats = newStats();
  try {
    removeStaleTemporaries(opts.outDir);
    const journal = new Journal(opts.outDir);
    const fp = fingerprint(`${opts.formats.join(',')}|${opts.dumpViewModel ? 'vm' : ''}|${opts.separateAppendix ? 'pl' : ''}|${opts.pdfa ? 'pdfa' : ''}`);
    const owner = stemOwners(sources);
    const ctx: ChunkContext = { opts, results, journal, fp, owner, processor, pool, stats };

    const size = Math.max(1, opts.chunkSize ?? DEFAULT_CHUNK);
    // Chunks in flight: enough to keep the workers and both print pages busy, few enough to keep memory flat.
    const inFlight = usePdf ? 3 : Math.max(2, jobsN);
    const running = new Set<Promise<void>>();
    for (let first = 0; first < sources.length && !opts.signal?.aborted; first += size) {
      while (running.size >= inFlight) await Promise.race(running);
      if (opts.signal?.aborted) break;
      const indices = Array.from({ length: Math.min(size, sources.length - first) }, (_, k) => first + k);
      const p: Promise<void> = runChunk(ctx, sources, indices).finally(() => running.delete(p));
      running.add(p);
    }
    if (opts.signal?.aborted) {
      // Work in flight is dropped unwritten; give it a moment to settle, not the length of a hung print.
      await Promise.race([Promise.allSettled(running), new Promise((r) => setTimeout(r, 3000).unref())]);
    } else {
      await Promise.all(running);
    }
    if (!opts.signal?.aborted) journal.compact();
  } finally {
    await Promise.allSettled([processor.close(), pool?.close()]);
    release();
  }
  const jobs = sources.map((source, i) => results[i] ?? { source, status: 'interrupted' as const, files: [], issues: [], ms: 0 });
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
      skipped: count('skipped'),
      interrupted: count('interrupted'),
      files: jobs.reduce((n, j) => n + j.files.length, 0),
      warnings: jobs.reduce((n, j) => n + j.issues.filter((i) => i.severity === 'warning').length, 0),
      ms: Math.round(performance.now() - started),
    },
    ...(pool ? { print: { ...stats, browserStarts: pool.launches } } : {}),
    jobs,
  };
}

interface ChunkContext {
  opts: RunOptions;
  results: (JobResult | undefined)[];
  journal: Journal;
  fp: string;
  owner: Map<string, number>;
  processor: Processor;
  pool?: BrowserPool;
  stats: PrintStats;
}

/** Output stems are taken by the first input of that name in the order given, whatever its content. */
function stemOwners(sources: string[]): Map<string, number> {
  const owner = new Map<string, number>();
  sources.forEach((s, i) => {
    const stem = outputStem(s);
    if (!owner.has(stem)) owner.set(stem, i);
  });
  return owner;
}

interface Pending {
  index: number;
  source: string;
  started: number;
  hash: string;
  result: ProcessResult;
}

async function runChunk(ctx: ChunkContext, sources: string[], indices: number[]): Promise<void> {
  const { opts, results, journal } = ctx;
  const finish = (index: number, r: Omit<JobResult, 'ms' | 'source'>, startedAt: number) => {
    const job: JobResult = { source: sources[index]!, ...r, ms: Math.round(performance.now() - startedAt) };
    results[index] = job;
    opts.onResult?.(job);
  };

  const pending: Promise<Pending | undefined>[] = indices.map(async (index) => {
    const source = sources[index]!;
    const startedAt = performance.now();
    let text: string;
    try {
      text = fs.readFileSync(source, 'utf8');
    } catch (err) {
      finish(index, { status: 'invalid', files: [], issues: [makeIssue('input.unreadable', { cause: (err as Error).message }, { source })] }, startedAt);
      return undefined;
    }
    const stem = outputStem(source);
    const first = ctx.owner.get(stem)!;
    if (first !== index) {
      const issue = makeIssue('write.name_clash', { file: `${stem}.*`, other: sources[first]! }, { source });
      finish(index, { status: 'invalid', files: [], issues: [issue] }, startedAt);
      return undefined;
    }
    const key = path.resolve(source);
    const hash = inputHash(text, ctx.fp);
    const done = opts.resume ? journal.upToDate(key, hash) : undefined;
    if (done) {
      finish(index, { status: 'skipped', files: done.files.map((f) => path.join(opts.outDir, ...f.file.split('/'))), issues: [] }, startedAt);
      return undefined;
    }
    const result = await ctx.processor.run({ source, text, formats: opts.formats, dumpViewModel: opts.dumpViewModel, separateAppendix: opts.separateAppendix, pdfa: opts.pdfa });
    return { index, source, started: startedAt, hash, result };
  });
  const ready = (await Promise.all(pending)).filter((p): p is Pending => p !== undefined);

  // One print for the whole chunk, in input order, so the same inputs always make the same PDFs.
  const plans = ready.filter((p) => p.result.plan);
  const jobs = plans.flatMap((p) => pdfJobsOf(p.result.plan!));
  // The printing code (pdf-lib, fontkit) is loaded with the first print: a DOCX-only run starts without it.
  const printed = jobs.length && ctx.pool && !opts.signal?.aborted ? await (await import('../render/pdf/batch')).printJobs(ctx.pool, jobs, ctx.stats) : [];

  let k = 0;
  for (const p of ready) {
    const { index, source, result } = p;
    const base = { form: result.form, issues: result.issues };
    const plan = result.plan;
    if (!plan) {
      journal.forget(path.resolve(source));
      finish(index, { ...base, status: result.failed ? 'failed' : 'invalid', files: [] }, p.started);
      continue;
    }
    const own = printed.slice(k, (k += pdfJobsOf(plan).length));
    if (opts.signal?.aborted) continue;
    const failures = own.filter((x): x is Issue[] => Array.isArray(x)).flat();
    if (failures.length) {
      finish(index, { ...base, status: 'failed', files: [], issues: [...base.issues, ...failures.map((i) => ({ ...i, source }))] }, p.started);
      continue;
    }
    let outputs: RenderedFile[];
    try {
      outputs = await assemble(plan, own as FinishedPdf[]);
    } catch (err) {
      finish(index, { ...base, status: 'failed', files: [], issues: [...base.issues, ...issuesOf(err, source)] }, p.started);
      continue;
    }
    // Checked again after the await: nothing is written once the batch is stopped.
    if (opts.signal?.aborted) continue;
    finish(index, writeAll(ctx, source, p.hash, outputs, base), p.started);
  }
}

/** Writes every file of one input in one synchronous stretch, so a signal never falls between two of them. */
function writeAll(ctx: ChunkContext, source: string, hash: string, outputs: RenderedFile[], base: { form?: string; issues: Issue[] }): Omit<JobResult, 'ms' | 'source'> {
  const written: { file: string; size: number }[] = [];
  for (const o of outputs) {
    const file = path.join(ctx.opts.outDir, ...o.file.split('/'));
    try {
      atomicWrite(file, o.data);
      written.push({ file: o.file, size: typeof o.data === 'string' ? Buffer.byteLength(o.data) : o.data.byteLength });
    } catch (err) {
      // Files already written for this input are removed: an input is written whole or not at all.
      for (const w of written) fs.rmSync(path.join(ctx.opts.outDir, ...w.file.split('/')), { force: true });
      ctx.journal.forget(path.resolve(source));
      return { ...base, status: 'failed', files: [], issues: [...base.issues, makeIssue('write.failed', { file, cause: (err as Error).message }, { source })] };
    }
  }
  ctx.journal.record({ source: path.resolve(source), hash, files: written });
  return { ...base, status: 'written', files: written.map((w) => path.join(ctx.opts.outDir, ...w.file.split('/'))) };
}

/** Temporary files of a run that was killed outright; the lock guarantees no live run owns them. */
function removeStaleTemporaries(outDir: string): void {
  if (!fs.existsSync(outDir)) return;
  for (const f of fg.sync('**/.vanban-tmp-*', { cwd: outDir, dot: true, onlyFiles: true, ignore: [`${STATE_DIR}/**`] })) {
    fs.rmSync(path.join(outDir, f), { force: true });
  }
}
