// PDF post-processing with pdf-lib: page numbers from page 2 (top centre), metadata from the view model, fixed bytes.
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFHexString, PDFName, PDFNull, PDFObjectCopier, PDFString, drawText, rgb, degrees, type PDFPage, type PDFRef } from 'pdf-lib';
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
 * The page-number font, subset to the ten digits once per process and copied into each PDF: subsetting the whole
 * font for every document cost more than the rest of the finishing together.
 */
interface DigitFont {
  carrier: PDFDocument;
  ref: PDFRef;
  codes: Map<string, PDFHexString>;
  widthAt: (label: string, size: number) => number;
}

let digitFont: Promise<DigitFont> | undefined;

function digits(): Promise<DigitFont> {
  digitFont ??= (async () => {
    const carrier = await PDFDocument.create({ updateMetadata: false });
    carrier.registerFontkit(fontkit);
    const font = await carrier.embedFont(pageNumberFontBytes(), { subset: true });
    const codes = new Map([...'0123456789'].map((d) => [d, font.encodeText(d)]));
    // Saving embeds the subset (with only the glyphs encoded above) at font.ref.
    await carrier.save();
    return { carrier, ref: font.ref, codes, widthAt: (label, size) => font.widthOfTextAtSize(label, size) };
  })();
  digitFont.catch(() => (digitFont = undefined));
  return digitFont;
}

/**
 * Draws "2", "3", … centred in the top margin of every page of a part but its first (regulations §1.1, I.7);
 * `first` is the index of the part's first page, so an appendix is numbered on its own (PL I III.1.đ).
 */
export async function drawPageNumbers(doc: PDFDocument, first = 0, count = doc.getPageCount() - first): Promise<void> {
  if (count < 2) return;
  const font = await digits();
  const fontRef = fontRefIn(doc, font);
  const size = TOKENS.blocks.pageNumber.size;
  const pages = doc.getPages().slice(first, first + count);
  pages.forEach((page, i) => {
    if (i === 0) return;
    const label = String(i + 1);
    const { width, height } = page.getSize();
    // Middle of the top margin, measured from the left margin so it centres on the text area.
    const left = TOKENS.page.marginLeftMm * PT_PER_MM;
    const right = TOKENS.page.marginRightMm * PT_PER_MM;
    const x = left + (width - left - right - font.widthAt(label, size)) / 2;
    const y = height - (TOKENS.page.marginTopMm * PT_PER_MM) / 2 - size / 3;
    const code = PDFHexString.of([...label].map((d) => font.codes.get(d)!.asString()).join(''));
    drawLabel(page, fontRef, code, x, y, size);
  });
}

const fontRefs = new WeakMap<PDFDocument, PDFRef>();

function fontRefIn(doc: PDFDocument, font: DigitFont): PDFRef {
  let ref = fontRefs.get(doc);
  if (!ref) {
    const copied = PDFObjectCopier.for(font.carrier.context, doc.context).copy(font.carrier.context.lookup(font.ref)!);
    ref = doc.context.register(copied);
    fontRefs.set(doc, ref);
  }
  return ref;
}

function drawLabel(page: PDFPage, fontRef: PDFRef, code: PDFHexString, x: number, y: number, size: number): void {
  const key = page.node.newFontDictionary('VanbanPageNo', fontRef);
  page.pushOperators(...drawText(code, { color: rgb(0, 0, 0), font: key, size, rotate: degrees(0), xSkew: degrees(0), ySkew: degrees(0), x, y }));
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

/** A run of pages of a printed PDF that makes one part of a document. */
export interface PageRange {
  src: PDFDocument;
  first: number;
  count: number;
}

/** Builds one finished document from page ranges of printed PDFs (one range per part, each numbered on its own). */
export async function finishFromPages(ranges: PageRange[], meta: DocumentMeta): Promise<Uint8Array> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const spans: [number, number][] = [];
  for (const r of ranges) {
    const start = doc.getPageCount();
    const indices = Array.from({ length: r.count }, (_, i) => r.first + i);
    for (const p of await doc.copyPages(r.src, indices)) doc.addPage(p);
    spans.push([start, r.count]);
  }
  for (const [first, count] of spans) await drawPageNumbers(doc, first, count);
  setMetadata(doc, meta);
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
