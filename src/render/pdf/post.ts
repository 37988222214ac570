// PDF post-processing with pdf-lib: page numbers from page 2 (top centre), metadata from the view model, fixed bytes.
import fs from 'node:fs';
import fontkit from '@pdf-lib/fontkit';
import { PDFDocument, PDFName, PDFString, type PDFFont } from 'pdf-lib';
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

/** Draws "2", "3", … centred in the top margin of every page but the first (regulations §1.1, I.7). */
export function drawPageNumbers(doc: PDFDocument, font: PDFFont, fromPage = 1, startAt = 1): void {
  const size = TOKENS.blocks.pageNumber.size;
  const pages = doc.getPages();
  pages.forEach((page, i) => {
    if (i < fromPage) return;
    const label = String(i - fromPage + startAt + 1);
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

/** Numbers the pages and writes metadata; the output depends only on the printed PDF and the view model. */
export async function finishPdf(printed: Uint8Array, meta: DocumentMeta): Promise<Uint8Array> {
  // updateMetadata: false, or pdf-lib stamps "now" and the same input no longer gives the same bytes.
  const doc = await PDFDocument.load(printed, { updateMetadata: false });
  doc.registerFontkit(fontkit);
  const font = await doc.embedFont(pageNumberFontBytes(), { subset: true });
  drawPageNumbers(doc, font);
  setMetadata(doc, meta);
  // Chromium writes a random file identifier; drop it so the bytes are reproducible.
  delete (doc.context.trailerInfo as { ID?: unknown }).ID;
  return doc.save({ useObjectStreams: false });
}
