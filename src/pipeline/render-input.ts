// Renders one prepared input in memory: its DOCX and PDF files (and a dossier's merged PDF and manifest), nothing written.
import type { BrowserPool } from '../render/pdf/browser';
import type { FinishedPdf } from '../render/pdf/post';
import type { PrintStats } from '../render/pdf/stats';
import { mergedSidecar, signaturesSidecar, type SignaturesSidecar } from '../render/pdf/sidecar';
import { VanbanError, type Issue } from '../errors/issue';
import type { Prepared } from './prepare';
import { pdfJobsOf, planInput, type Format, type InputPlan, type PdfJob, type PlannedDocument } from './plan';

// The printing code (pdf-lib, fontkit) is loaded with the first PDF: a DOCX-only run or a validation starts without it.
const pdfStage = () => import('../render/pdf/batch');
const postStage = () => import('../render/pdf/post');

export type { Format };

/** One output file; `file` is relative to the output folder, with `/` separators. */
export interface RenderedFile {
  file: string;
  data: Uint8Array | string;
}

/**
 * The files of a plan once its PDFs are printed (`pdfs` in the order of `pdfJobsOf`): a single document gives
 * `stem.docx`, `stem.pdf` and `stem.signatures.json`; a dossier gives the folder `stem/` with each document,
 * `ho-so.pdf` and `manifest.json`.
 */
export async function assemble(plan: InputPlan, pdfs: FinishedPdf[]): Promise<RenderedFile[]> {
  const { stem, dossier } = plan;
  // A dossier's documents go to a folder named after the input; a single document sits beside the others.
  const fileOf = (name: string, ext: string) => (dossier ? `${stem}/${name || stem}.${ext}` : `${name || stem}.${ext}`);
  const baseName = (file: string) => file.slice(file.lastIndexOf('/') + 1);
  const outputs: RenderedFile[] = [];
  const printed: { title: string; pdf: Uint8Array; name: string; file: string; slots: PdfJob['slots'] }[] = [];
  const files = new Map<PlannedDocument, string[]>();
  const sidecars = new Map<PlannedDocument, SignaturesSidecar>();
  let k = 0;
  for (const doc of plan.documents) {
    const own: RenderedFile[] = [];
    if (doc.docx) own.push({ file: fileOf(doc.name, 'docx'), data: doc.docx });
    if (doc.pdf) {
      const finished = pdfs[k++]!;
      const file = fileOf(doc.name, 'pdf');
      printed.push({ title: doc.title, pdf: finished.pdf, name: doc.name || stem, file: baseName(file), slots: doc.pdf.slots });
      own.push({ file, data: finished.pdf });
      const sidecar = signaturesSidecar(baseName(file), finished, doc.pdf.slots);
      sidecars.set(doc, sidecar);
      own.push({ file: fileOf(doc.name, 'signatures.json'), data: json(sidecar) });
    }
    if (doc.viewModel) own.push({ file: fileOf(doc.name, 'view-model.json'), data: doc.viewModel });
    files.set(doc, own.map((o) => baseName(o.file)));
    outputs.push(...own);
  }
  if (dossier) {
    let pages: number[] = [];
    let mergedSlots: SignaturesSidecar | undefined;
    if (printed.length > 1) {
      const merged = await (await postStage()).mergeWithBookmarks(printed, dossier.meta, { pdfa: plan.pdfa });
      outputs.push({ file: `${stem}/ho-so.pdf`, data: merged.pdf });
      pages = merged.pages;
      mergedSlots = mergedSidecar('ho-so.pdf', pages.reduce((a, b) => a + b, 0), merged.fields, printed);
      outputs.push({ file: `${stem}/ho-so.signatures.json`, data: json(mergedSlots) });
    }
    const manifest = {
      ...dossier.manifest,
      taiLieu: plan.documents.map((d, i) => ({
        tieuDe: d.title,
        tep: files.get(d)!,
        ...(pages[i] !== undefined ? { soTrang: pages[i] } : {}),
        ...(sidecars.has(d) ? { chuKySo: sidecars.get(d)!.slots } : {}),
      })),
      ...(mergedSlots ? { hoSoPdf: 'ho-so.pdf', hoSoPdfChuKySo: mergedSlots.slots } : {}),
    };
    outputs.push({ file: `${stem}/manifest.json`, data: json(manifest) });
  }
  return outputs;
}

const json = (value: unknown) => `${JSON.stringify(value, null, 2)}\n`;

export interface RenderInputOptions {
  formats: Format[];
  /** Needed when `formats` has pdf. */
  pool?: BrowserPool;
  dumpViewModel?: boolean;
  stats?: PrintStats;
  /** Printing stops when it aborts (PrintAbortedError). */
  signal?: AbortSignal;
  /** Documents per Chromium print (a dossier's many reports in several prints), and the pages the input may make. */
  chunk?: number;
  maxPages?: number;
}

/** All files of a valid prepared input named after `stem`, in memory. Throws a VanbanError on a render failure. */
export async function renderPrepared(prepared: Prepared, stem: string, opts: RenderInputOptions): Promise<RenderedFile[]> {
  const plan = planInput(prepared, stem, opts);
  const jobs = pdfJobsOf(plan);
  const pdfs = jobs.length && opts.pool ? await (await pdfStage()).printJobs(opts.pool, jobs, opts.stats, { signal: opts.signal, chunk: opts.chunk, maxPages: opts.maxPages }) : [];
  const failed = pdfs.filter((p): p is Issue[] => Array.isArray(p));
  if (failed.length) throw new VanbanError(failed.flat());
  return assemble(plan, pdfs as FinishedPdf[]);
}

/** The finished PDF of one prepared document (its body, then each appendix numbered on its own). */
export async function documentPdf(pool: BrowserPool, doc: Prepared['documents'][number]): Promise<Uint8Array> {
  const plan = planInput({ documents: [{ ...doc, formats: ['pdf'] }], issues: [] }, 'x', { formats: ['pdf'] });
  const [pdf] = await (await pdfStage()).printJobs(pool, pdfJobsOf(plan));
  if (Array.isArray(pdf)) throw new VanbanError(pdf);
  return pdf!.pdf;
}
