// PDF post-processing with pdf-lib: page numbers from page 2 (top centre), metadata from the view model, empty
// signature fields, fixed bytes.
import crypto from 'node:crypto';
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import './deflate';
import './shared-objects';
import { PDFArray, PDFDocument, PDFHexString, PDFName, PDFNull, PDFNumber, PDFObjectCopier, PDFString, drawText, rgb, degrees, type PDFPage, type PDFRef } from 'pdf-lib';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import type { OKyVM } from '../../viewmodel/ky-so';
import type { DocumentMeta } from '../../viewmodel/types';
import { TOKENS } from '../tokens';
import { timesFontFile } from './browser';
import { copyOutputIntents, ghostscriptPdfA, setPdfAMetadata } from './pdfa';
import { addSignatureFields, findSlots, signatureWidgets, type PlacedField } from './sig-fields';

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

/**
 * Written in one go: pdf-lib's default pauses on a timer every 50 objects, at least a millisecond each, so a batch of
 * 1,200 documents waited on timers for over a second in all.
 */
const SAVE = { useObjectStreams: false, updateFieldAppearances: false, objectsPerTick: Infinity };

/** A run of pages of a printed PDF that makes one part of a document. */
export interface PageRange {
  src: PDFDocument;
  first: number;
  count: number;
}

/** A finished PDF and its empty signature fields. */
export interface FinishedPdf {
  pdf: Uint8Array;
  pages: number;
  fields: PlacedField[];
}

/**
 * Builds one finished document from page ranges of printed PDFs (one range per part, each numbered on its own), with
 * an empty signature field for each of `slots` where the print marked it. Nothing re-saves it once it is finished,
 * since a signature is an incremental update that a rewrite would break (§3.1).
 */
export async function finishFromPages(ranges: PageRange[], meta: DocumentMeta, slots: readonly OKyVM[] = [], opts: { pdfa?: boolean } = {}): Promise<FinishedPdf> {
  let doc = await PDFDocument.create({ updateMetadata: false });
  let at = 0;
  const printed = ranges.map((r) => ({ src: r.src, first: r.first, count: r.count, at: (at += r.count) - r.count }));
  // The marks are taken off the print before its pages are copied, so nothing of them reaches the document.
  const fields = findSlots(printed, slots);
  const spans: [number, number][] = [];
  for (const r of ranges) {
    const start = doc.getPageCount();
    const indices = Array.from({ length: r.count }, (_, i) => r.first + i);
    for (const p of await doc.copyPages(r.src, indices)) doc.addPage(p);
    spans.push([start, r.count]);
  }
  for (const [first, count] of spans) await drawPageNumbers(doc, first, count);
  setMetadata(doc, meta);
  if (opts.pdfa) {
    // Converted before the fields are added: Ghostscript would drop them; nothing is converted after.
    doc = await ghostscriptPdfA(await doc.save({ useObjectStreams: false }), meta);
    setPdfAMetadata(doc, meta);
  }
  addSignatureFields(doc, fields);
  return { pdf: await doc.save(SAVE), pages: doc.getPageCount(), fields };
}

/** A field of a merged PDF: its own name there, and the document and field it comes from. */
export interface MergedField extends PlacedField {
  document: string;
  ownField: string;
}

/**
 * Merges finished documents into one PDF with one bookmark per document, opening on the bookmarks; each document
 * keeps its own page numbers, as each is a document of its own in the dossier, and its empty signature fields,
 * renamed `<document>_<field>` so that names stay unique in the file.
 */
export async function mergeWithBookmarks(
  parts: { title: string; pdf: Uint8Array; name?: string }[],
  meta: DocumentMeta,
  opts: { pdfa?: boolean } = {},
): Promise<{ pdf: Uint8Array; pages: number[]; fields: MergedField[] }> {
  const doc = await PDFDocument.create({ updateMetadata: false });
  const starts: number[] = [];
  const pages: number[] = [];
  for (const part of parts) {
    const src = await PDFDocument.load(part.pdf, { updateMetadata: false });
    // A widget's /P would drag a second copy of its page along; it is set again on the merged page below.
    for (const w of signatureWidgets(src)) w.dict.delete(PDFName.of('P'));
    starts.push(doc.getPageCount());
    pages.push(src.getPageCount());
    for (const p of await doc.copyPages(src, src.getPageIndices())) doc.addPage(p);
    // PDF/A parts share Ghostscript's sRGB output intent; the merged file declares it once.
    if (opts.pdfa && starts.length === 1) copyOutputIntents(src, doc);
  }
  const fields: MergedField[] = [];
  const widgets = signatureWidgets(doc);
  if (widgets.length) {
    const acroForm = doc.catalog.getOrCreateAcroForm();
    for (const w of widgets) {
      let i = starts.length - 1;
      while (i > 0 && starts[i]! > w.page) i--;
      const document = parts[i]!.name ?? String(i + 1);
      const field = `${document}_${w.name}`;
      w.dict.set(PDFName.of('T'), PDFString.of(field));
      w.dict.set(PDFName.of('P'), doc.getPage(w.page).ref);
      acroForm.addField(w.ref);
      const r = w.dict.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
      fields.push({ field, page: w.page, rect: [r.x, r.y, r.x + r.width, r.y + r.height], document, ownField: w.name });
    }
    acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(1));
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
  if (opts.pdfa) {
    setPdfAMetadata(doc, meta);
    const hash = crypto.createHash('sha256');
    for (const part of parts) hash.update(part.pdf);
    const id = PDFHexString.of(hash.digest('hex').slice(0, 32));
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
  } else setMetadata(doc, meta);
  return { pdf: await doc.save(SAVE), pages, fields };
}
