// PDF post-processing with pdf-lib: page numbers from page 2 (top centre), metadata from the view model, fixed bytes.
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFString, type PDFFont } from 'pdf-lib';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import type { DocumentMeta } from '../../viewmodel/types';
import { TOKENS } from '../tokens';
import { timesFontFile } from './browser';

const PT_PER_MM = 72 / 25.4;

let fontBytes: Uint8Array | undefined;

function pageNumberFontBytes(): Uint8Array {
  if (!fontBytes) {
    const found = timesFontFile(false);
    if (!found) throw new VanbanError([makeIssue('env.no_font')]);
    fontBytes = fs.readFileSync(found.file);
  }
  return fontBytes;
}

/**
 * Draws "2", "3", … centred in the top margin of every page of a part but its first (regulations §1.1, I.7);
 * `first` is the index of the part's first page, so an appendix is numbered on its own (PL I III.1.đ).
 */
export function drawPageNumbers(doc: PDFDocument, font: PDFFont, first = 0, count = doc.getPageCount() - first): void {
  const size = TOKENS.blocks.pageNumber.size;
  const pages = doc.getPages().slice(first, first + count);
  pages.forEach((page, i) => {
    if (i === 0) return;
    const label = String(i + 1);
    const { width, height } = page.getSize();
    const textWidth = font.widthOfTextAtSize(label, size);
    // Middle of the top margin, measured from the left margin so it centres on the text area.
    const left = TOKENS.page.marginLeftMm * PT_PER_MM;
    const right = TOKENS.page.marginRightMm * PT_PER_MM;
    const x = left + (width - left - right - textWidth) / 2;
    const y = height - (TOKENS.page.marginTopMm * PT_PER_MM) / 2 - size / 3;
    page.drawText(label, { x, y, size, font });
  });
}

export function setMetadata(doc: PDFDocument, meta: DocumentMeta): void {
  const date = new Date(meta.creationDate);
  doc.setTitle(meta.title, { showInWindowTitleBar: true });
  doc.setAuthor(meta.author);
  doc.setSubject(meta.subject);
  doc.setKeywords(meta.keywords);
  doc.setCreator('vanban');
  doc.setProducer('vanban');
  doc.setCreationDate(date);
  doc.setModificationDate(date);
  doc.setLanguage(meta.language);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
}

/**
 * Joins the printed parts (the document, then its appendices), numbers each part's pages on their own and writes
 * metadata; the output depends only on the printed PDFs and the view model.
 */
export async function finishPdf(printed: Uint8Array | Uint8Array[], meta: DocumentMeta): Promise<Uint8Array> {
  const parts = Array.isArray(printed) ? printed : [printed];
  // updateMetadata: false, or pdf-lib stamps "now" and the same input no longer gives the same bytes.
  const doc = await PDFDocument.load(parts[0]!, { updateMetadata: false });
  const spans: [number, number][] = [[0, doc.getPageCount()]];
  for (const part of parts.slice(1)) {
    const other = await PDFDocument.load(part, { updateMetadata: false });
    const first = doc.getPageCount();
    for (const p of await doc.copyPages(other, other.getPageIndices())) doc.addPage(p);
    spans.push([first, other.getPageCount()]);
  }
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(pageNumberFontBytes(), { subset: true });
  for (const [first, count] of spans) drawPageNumbers(doc, font, first, count);
  setMetadata(doc, meta);
  // Chromium writes a random file identifier; drop it so the bytes are reproducible.
  delete (doc.context.trailerInfo as { ID?: unknown }).ID;
  return doc.save({ useObjectStreams: false });
}

/**
 * Merges finished documents into one PDF with one bookmark per document, opening on the bookmarks; each document
 * keeps its own page numbers, as each is a document of its own in the dossier.
 */
export async function mergeWithBookmarks(parts: { title: string; pdf: Uint8Array }[], meta: DocumentMeta): Promise<{ pdf: Uint8Array; pages: number[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const starts: number[] = [];
  const pages: number[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false });
    starts.push(doc.getPageCount());
    pages.push(src.getPageCount());
    for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p);
  }
  const ctx = doc.context;
  const outlines = ctx.nextRef();
  const items = parts.map(() => ctx.nextRef());
  parts.forEach((part, i) => {
    const entries: Record<string, unknown> = {
      Title: PDFHexString.fromText(part.title),
      Parent: outlines,
      Dest: ctx.obj([doc.getPage(starts[i]!).ref, PDFName.of('XYZ'), PDFNull, PDFNull, PDFNull]),
    };
    if (i > 0) entries.Prev = items[i - 1];
    if (i < parts.length - 1) entries.Next = items[i + 1];
    ctx.assign(items[i]!, ctx.obj(entries as never));
  });
  ctx.assign(outlines, ctx.obj({ Type: 'Outlines', First: items[0]!, Last: items[items.length - 1]!, Count: parts.length }));
  doc.catalog.set(PDFName.of('Outlines'), outlines);
  doc.catalog.set(PDFName.of('PageMode'), PDFName.of('UseOutlines'));
  setMetadata(doc, meta);
  return { pdf: await doc.save({ useObjectStreams: false }), pages };
}
