// Renders one prepared input in memory: its DOCX and PDF files (and a dossier's merged PDF and manifest), nothing written.
import path from 'node:path';
import { renderDocx } from '../render/docx/render';
import { renderAppendixHtml, renderHtml } from '../render/html/render';
import type { BrowserPool } from '../render/pdf/browser';
import { printPdf } from '../render/pdf/print';
import { finishPdf, mergeWithBookmarks } from '../render/pdf/post';
import type { Prepared, PreparedDocument } from './prepare';

export type Format = 'docx' | 'pdf';

/** One output file; `file` is relative to the output folder, with `/` separators. */
export interface RenderedFile {
  file: string;
  data: Uint8Array | string;
}

export interface RenderInputOptions {
  formats: Format[];
  /** Needed when `formats` has pdf. */
  pool?: BrowserPool;
  dumpViewModel?: boolean;
  /** Prints a document's PDF; defaults to one print per part through `pool`. A batch passes its own. */
  pdfOf?: (doc: PreparedDocument) => Promise<Uint8Array>;
}

/** The finished PDF of one document: its body, then each appendix numbered on its own. */
export async function documentPdf(pool: BrowserPool, doc: PreparedDocument): Promise<Uint8Array> {
  const printed = [await printPdf(pool, renderHtml(doc.vm, doc.templateDir))];
  const appendix = renderAppendixHtml(doc.vm);
  if (appendix) printed.push(await printPdf(pool, appendix));
  return finishPdf(printed, doc.vm.meta);
}

/**
 * All files of a valid prepared input named after `stem`: a single document gives `stem.docx` and `stem.pdf`; a
 * dossier gives the folder `stem/` with each document, `ho-so.pdf` and `manifest.json`. Throws on a render failure.
 */
export async function renderPrepared(prepared: Prepared, stem: string, opts: RenderInputOptions): Promise<RenderedFile[]> {
  const dossier = prepared.dossier;
  // A dossier's documents go to a folder named after the input; a single document sits beside the others.
  const fileOf = (name: string, ext: string) => (dossier ? `${stem}/${name || stem}.${ext}` : `${name || stem}.${ext}`);
  const pdfOf = opts.pdfOf ?? ((doc: PreparedDocument) => documentPdf(opts.pool!, doc));
  const outputs: RenderedFile[] = [];
  const pdfs: { title: string; pdf: Uint8Array }[] = [];
  for (const doc of prepared.documents) {
    const formats = opts.formats.filter((f) => doc.formats.includes(f));
    if (formats.includes('docx')) outputs.push({ file: fileOf(doc.name, 'docx'), data: renderDocx(doc.vm, doc.templateDir) });
    if (formats.includes('pdf')) {
      const pdf = await pdfOf(doc);
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
      outputs.push({ file: `${stem}/ho-so.pdf`, data: merged.pdf });
      pages = merged.pages;
    }
    const manifest = {
      ...dossier.manifest,
      taiLieu: prepared.documents.map((d, i) => ({
        tieuDe: d.title,
        tep: outputs.filter((o) => path.posix.basename(o.file).startsWith(`${d.name}.`)).map((o) => path.posix.basename(o.file)),
        ...(pages[i] !== undefined ? { soTrang: pages[i] } : {}),
      })),
      ...(pdfs.length > 1 ? { hoSoPdf: 'ho-so.pdf' } : {}),
    };
    outputs.push({ file: `${stem}/manifest.json`, data: `${JSON.stringify(manifest, null, 2)}\n` });
  }
  return outputs;
}
