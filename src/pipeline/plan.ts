// The browser-free half of rendering an input, safe in a worker thread: DOCX bytes and the HTML of each PDF part.
import { renderDocx } from '../render/docx/render';
import { renderAppendixBody, renderHtmlBody } from '../render/html/render';
import { oKyCua, type OKyVM } from '../viewmodel/ky-so';
import type { DocumentMeta } from '../viewmodel/types';
import type { Prepared } from './prepare';

/** The output formats, registered here and nowhere else. */
export const FORMATS = ['docx', 'pdf'] as const;
export type Format = (typeof FORMATS)[number];

/** One document to print: the body HTML of each part (the document, then its appendix) and its metadata. */
export interface PdfJob {
  parts: string[];
  meta: DocumentMeta;
  /** The signature slots the parts mark, in the order their fields are written. */
  slots: OKyVM[];
  /** Convert to PDF/A-2b (--pdfa). */
  pdfa?: boolean;
}

/** A document with everything but its PDF done: the DOCX, and the HTML of each part to print. */
export interface PlannedDocument {
  name: string;
  title: string;
  docx?: Uint8Array;
  pdf?: PdfJob;
  viewModel?: string;
}

/** An input ready for printing; plain data, so a worker thread can hand it over. */
export interface InputPlan {
  stem: string;
  documents: PlannedDocument[];
  dossier?: { manifest: Record<string, unknown>; meta: DocumentMeta };
  pdfa?: boolean;
}

/**
 * Everything of a valid prepared input that needs no browser: DOCX bytes and the HTML to print. An appendix filed
 * on its own (its view model carries its signature slot) becomes a PDF of its own, `<name>-phu-luc`; the DOCX keeps
 * it as its last section.
 */
export function planInput(prepared: Prepared, stem: string, opts: { formats: Format[]; dumpViewModel?: boolean; pdfa?: boolean }): InputPlan {
  const documents = prepared.documents.flatMap((doc): PlannedDocument[] => {
    const formats = opts.formats.filter((f) => doc.formats.includes(f));
    const planned: PlannedDocument = { name: doc.name, title: doc.title };
    const own: PlannedDocument[] = [planned];
    if (formats.includes('docx')) planned.docx = renderDocx(doc.vm, doc.templateDir);
    if (formats.includes('pdf')) {
      const appendix = renderAppendixBody(doc.vm);
      const slots = oKyCua(doc.vm);
      const separate = appendix !== undefined && (doc.vm.phuLuc?.oKy.length ?? 0) > 0;
      const mainSlots = separate ? slots.filter((s) => !doc.vm.phuLuc!.oKy.includes(s)) : slots;
      planned.pdf = {
        parts: [renderHtmlBody(doc.vm, doc.templateDir), ...(appendix === undefined || separate ? [] : [appendix])],
        meta: doc.vm.meta,
        slots: mainSlots,
        ...(opts.pdfa ? { pdfa: true } : {}),
      };
      if (separate) {
        const meta = { ...doc.vm.meta, title: `Phụ lục: ${doc.vm.meta.title}`, subject: `Phụ lục kèm theo ${doc.vm.meta.subject}` };
        own.push({ name: `${doc.name || stem}-phu-luc`, title: `Phụ lục: ${doc.title}`, pdf: { parts: [appendix], meta, slots: doc.vm.phuLuc!.oKy, ...(opts.pdfa ? { pdfa: true } : {}) } });
      }
    }
    if (opts.dumpViewModel) planned.viewModel = `${JSON.stringify(doc.vm, null, 2)}\n`;
    return own;
  });
  const first = prepared.documents[0]?.vm.meta;
  return {
    stem,
    documents,
    ...(opts.pdfa ? { pdfa: true } : {}),
    ...(prepared.dossier && first
      ? { dossier: { manifest: prepared.dossier.manifest, meta: { ...first, title: `Hồ sơ đề nghị khen thưởng: ${first.author}`, subject: 'Hồ sơ đề nghị khen thưởng' } } }
      : {}),
  };
}

/** The PDF jobs of a plan, in document order. */
export const pdfJobsOf = (plan: InputPlan): PdfJob[] => plan.documents.flatMap((d) => (d.pdf ? [d.pdf] : []));

