// Prints many documents in few Chromium prints: pieces joined with page breaks, split back at verified markers.
import { ParseSpeeds, PDFDocument } from 'pdf-lib';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError, type Issue } from '../../errors/issue';
import type { PdfJob } from '../../pipeline/plan';
import { wrapHtml } from '../html/render';
import { markHref, takeMarks } from '../marks';
import { PrintAbortedError, type BrowserPool } from './browser';
import { printRaw } from './print';
import { finishFromPages, type FinishedPdf, type PageRange } from './post';

export type { PdfJob, FinishedPdf };

import { newStats, type PrintStats } from './stats';

export { newStats, type PrintStats };

export interface PrintOptions {
  /** Stops between and during prints (a client that went away, a job out of time): PrintAbortedError. */
  signal?: AbortSignal;
  /**
   * Documents per Chromium print: a longer list is printed in several, so no single print holds a slot for long and
   * other prints take their turn between them. Unset: one print for all.
   */
  chunk?: number;
  /** Pages the whole list may make; once past, nothing more is printed and `render.too_many_pages` is thrown. */
  maxPages?: number;
}

/**
 * Parsed in one go: pdf-lib's default pauses on a timer every 100 objects, at least a millisecond each, while the
 * next chunk waits for this one.
 */
const LOAD = { updateMetadata: false, parseSpeed: ParseSpeeds.Fastest };

/**
 * Each piece carries a 1-pixel link at its very top and one at its very bottom. Links become PDF annotations on
 * the page where they are laid out, so the pages of every piece can be read off the printed file.
 */
function piece(i: number, body: string): string {
  const link = (kind: string, top: string) =>
    `<a href="${markHref('piece', `${kind}${i}`)}" style="position:absolute;left:0;top:${top};width:1px;height:1px;display:block"></a>`;
  return `<div style="break-before:page;position:relative">${link('s', '0')}${body}<div style="position:relative;height:0">${link('e', '-1px')}</div></div>`;
}

/**
 * The page range of each of `n` pieces, or undefined unless every check holds: each piece has exactly one start and
 * one end mark, the first starts on page 1, each starts right after the previous ends, and the last ends on the
 * last page. The marks are removed from the pages; other marks (signature spaces) stay for each document.
 */
export function locatePieces(doc: PDFDocument, n: number): [number, number][] | undefined {
  const starts = new Map<number, number[]>();
  const ends = new Map<number, number[]>();
  for (const m of takeMarks(doc, 'piece')) {
    const found = /^([se])(\d+)$/.exec(m.id);
    if (!found) return undefined;
    const map = found[1] === 's' ? starts : ends;
    const i = Number(found[2]);
    map.set(i, [...(map.get(i) ?? []), m.page]);
  }
  const ranges: [number, number][] = [];
  let next = 0;
  for (let i = 0; i < n; i++) {
    const s = starts.get(i);
    const e = ends.get(i);
    if (s?.length !== 1 || e?.length !== 1 || s[0] !== next || e[0]! < s[0]!) return undefined;
    ranges.push([s[0]!, e[0]! - s[0]! + 1]);
    next = e[0]! + 1;
  }
  if (starts.size !== n || ends.size !== n || next !== doc.getPageCount()) return undefined;
  return ranges;
}

const failure = (err: unknown): Issue[] =>
  err instanceof VanbanError ? err.issues : [makeIssue('render.pdf_failed', { detail: err instanceof Error ? err.message : String(err) })];

/** Prints one document part by part, each part once more after a browser failure. */
async function printAlone(pool: BrowserPool, job: PdfJob, stats: PrintStats, signal?: AbortSignal): Promise<FinishedPdf | Issue[]> {
  try {
    const ranges: PageRange[] = [];
    for (const body of job.parts) {
      let raw: Uint8Array;
      try {
        stats.prints++;
        raw = await printRaw(pool, wrapHtml(job.meta.title, body), signal);
      } catch (err) {
        if (err instanceof PrintAbortedError) throw err;
        stats.retries++;
        stats.prints++;
        raw = await printRaw(pool, wrapHtml(job.meta.title, body), signal);
      }
      const src = await PDFDocument.load(raw, LOAD);
      ranges.push({ src, first: 0, count: src.getPageCount() });
    }
    return await finishFromPages(ranges, job.meta, job.slots, { pdfa: job.pdfa });
  } catch (err) {
    if (err instanceof PrintAbortedError) throw err;
    return failure(err);
  }
}

/**
 * Finished PDFs (or the issues of a failure) for `jobs`, in order, from one print of all their parts (or of each
 * chunk of `opts.chunk` documents) when the pieces can be located exactly; otherwise, or when the print fails, one
 * print per document.
 */
export async function printJobs(pool: BrowserPool, jobs: PdfJob[], stats: PrintStats = newStats(), opts: PrintOptions = {}): Promise<(FinishedPdf | Issue[])[]> {
  if (!opts.chunk && !opts.maxPages) return printChunk(pool, jobs, stats, opts.signal);
  const size = opts.chunk ?? jobs.length;
  const out: (FinishedPdf | Issue[])[] = [];
  let pages = 0;
  for (let i = 0; i < jobs.length; i += size) {
    if (opts.signal?.aborted) throw new PrintAbortedError();
    const done = await printChunk(pool, jobs.slice(i, i + size), stats, opts.signal);
    for (const pdf of done) if (!Array.isArray(pdf)) pages += pdf.pages;
    if (opts.maxPages && pages > opts.maxPages) {
      throw new VanbanError([makeIssue('render.too_many_pages', { pages: `${pages}${i + size < jobs.length ? '+' : ''}`, max: opts.maxPages })]);
    }
    out.push(...done);
  }
  return out;
}

async function printChunk(pool: BrowserPool, jobs: PdfJob[], stats: PrintStats, signal?: AbortSignal): Promise<(FinishedPdf | Issue[])[]> {
  const pieces = jobs.flatMap((job, j) => job.parts.map((body) => ({ j, body })));
  if (jobs.length < 2) return Promise.all(jobs.map((job) => printAlone(pool, job, stats, signal)));
  let ranges: [number, number][] | undefined;
  let src: PDFDocument | undefined;
  try {
    stats.prints++;
    const raw = await printRaw(pool, wrapHtml(jobs[0]!.meta.title, pieces.map((p, i) => piece(i, p.body)).join('')), signal);
    src = await PDFDocument.load(raw, LOAD);
    ranges = locatePieces(src, pieces.length);
    if (!ranges) stats.fallbacks++;
  } catch (err) {
    if (err instanceof PrintAbortedError) throw err;
    stats.retries++;
  }
  if (!ranges || !src) {
    const out: (FinishedPdf | Issue[])[] = [];
    for (const job of jobs) out.push(await printAlone(pool, job, stats, signal));
    return out;
  }
  stats.batched += jobs.length;
  const out: (FinishedPdf | Issue[])[] = [];
  let k = 0;
  for (const job of jobs) {
    const own = job.parts.map(() => ranges[k++]!).map(([first, count]) => ({ src: src!, first, count }));
    try {
      out.push(await finishFromPages(own, job.meta, job.slots, { pdfa: job.pdfa }));
    } catch (err) {
      out.push(failure(err));
    }
  }
  return out;
}
