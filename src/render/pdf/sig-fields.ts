// Empty signature fields where the document is signed (regulations §3, §3.1): read off Chromium's layout, never guessed.
import { PDFArray, PDFDict, PDFDocument, PDFHexString, PDFName, PDFNumber, PDFRef, PDFString } from 'pdf-lib';
import { REGULATIONS } from '../../config/regulations';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import type { OKyVM } from '../../viewmodel/ky-so';
import { takeMarks } from '../marks';
import { TOKENS } from '../tokens';

const PT_PER_MM = 72 / 25.4;

export type Rect = [number, number, number, number];

/** One empty signature field of a finished PDF: name, page (0-based) and rectangle in points, origin bottom-left. */
export interface PlacedField {
  field: string;
  page: number;
  rect: Rect;
}

/** Hundredths of a point: the field and the sidecar say the same numbers, and the bytes stay the same run to run. */
const r2 = (v: number) => Math.round(v * 100) / 100;

/**
 * The rectangle of a slot inside the space the layout left for it (`space`, Chromium's rectangle of the mark):
 * - the signer's signature, centred between 7a and 7b over the whole height of the space (PL I II.7.d);
 * - the organisation's signature at the seal's size [U], centred on the same height, its right edge a third into
 *   the signer's signature so that it covers that third on the left (PL I II.8.a; Điều 33.1.b), and never left of
 *   the signer's column;
 * - a separately filed appendix: the top-right corner of its first page (PL I II.8.b), the reserved band's right end.
 */
export function slotRect(space: Rect, kieu: OKyVM['kieu']): Rect {
  const [x1, y1, x2, y2] = space;
  const sig = TOKENS.signature;
  if (kieu === 'phu-luc') {
    const w = Math.min(sig.appendixSlotWidthMm * PT_PER_MM, x2 - x1);
    return [r2(x2 - w), r2(y1), r2(x2), r2(y2)];
  }
  const w = Math.min(sig.slotWidthMm * PT_PER_MM, x2 - x1);
  const left = (x1 + x2) / 2 - w / 2;
  if (kieu === 'chu-ky') return [r2(left), r2(y1), r2(left + w), r2(y2)];
  const d = REGULATIONS.kySo.dauMm * PT_PER_MM;
  const sealLeft = Math.max(x1, left + w / 3 - d);
  const cy = (y1 + y2) / 2;
  return [r2(sealLeft), r2(cy - d / 2), r2(sealLeft + d), r2(cy + d / 2)];
}

const slotError = (field: string, detailVi: string, detailEn: string) =>
  new VanbanError([makeIssue('render.signature_slot', { field, detailVi, detailEn })]);

/** Pages `first` … `first + count - 1` of a print, which become pages `at` … of the finished document. */
export interface PrintedPages {
  src: PDFDocument;
  first: number;
  count: number;
  at: number;
}

/**
 * Takes the signature-space marks off the printed pages of one document and gives each expected slot its page in
 * the finished document and its rectangle. Every slot must be marked exactly once, and nothing else.
 */
export function findSlots(parts: readonly PrintedPages[], expected: readonly OKyVM[]): PlacedField[] {
  const byName = new Map(expected.map((s) => [s.truong, s]));
  const placed = new Map<string, PlacedField>();
  for (const part of parts) {
    for (const mark of takeMarks(part.src, 'ky', part.first, part.count)) {
      for (const name of mark.id.split('+')) {
        const slot = byName.get(name);
        if (!slot) throw slotError(name, 'ô này không có trong mô hình hiển thị', 'the view model has no such slot');
        if (placed.has(name)) throw slotError(name, 'ô được vẽ hai lần hoặc bị ngắt sang hai trang', 'the slot is drawn twice or split across pages');
        placed.set(name, { field: name, page: part.at + mark.page - part.first, rect: slotRect(mark.rect, slot.kieu) });
      }
    }
  }
  return expected.map((s) => {
    const p = placed.get(s.truong);
    if (!p) throw slotError(s.truong, 'mẫu không vẽ khối chữ ký chứa ô này', 'the template does not draw the signature block that holds it');
    return p;
  });
}

/**
 * Adds one empty signature field per entry: a widget `/FT /Sig /T name /Rect … /F 4 /P page` with an empty
 * appearance and no value, listed in the AcroForm with `/SigFlags 1` (signatures exist; not append-only, since
 * nothing is signed yet). Nothing is drawn on the page, so the paper copy is unchanged; a signer fills the field with
 * an incremental update (§3.1).
 */
export function addSignatureFields(doc: PDFDocument, fields: readonly PlacedField[]): void {
  if (fields.length === 0) return;
  const ctx = doc.context;
  const acroForm = doc.catalog.getOrCreateAcroForm();
  for (const f of fields) {
    const page = doc.getPage(f.page);
    const [x1, y1, x2, y2] = f.rect;
    const appearance = ctx.register(ctx.formXObject([], { BBox: [0, 0, r2(x2 - x1), r2(y2 - y1)], Resources: {} }));
    const widget = ctx.obj({ Type: 'Annot', Subtype: 'Widget', FT: 'Sig', Rect: f.rect, F: 4, P: page.ref, AP: { N: appearance } }) as PDFDict;
    widget.set(PDFName.of('T'), PDFString.of(f.field));
    const ref = ctx.register(widget);
    page.node.addAnnot(ref);
    acroForm.addField(ref);
  }
  acroForm.dict.set(PDFName.of('SigFlags'), PDFNumber.of(1));
}

/** The signature widgets of a loaded PDF, page by page: reference, dictionary and field name. */
export function signatureWidgets(doc: PDFDocument): { page: number; ref: PDFRef; dict: PDFDict; name: string }[] {
  const out: { page: number; ref: PDFRef; dict: PDFDict; name: string }[] = [];
  doc.getPages().forEach((page, p) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    for (let k = 0; k < annots.size(); k++) {
      const ref = annots.get(k);
      const dict = annots.lookup(k);
      if (!(ref instanceof PDFRef) || !(dict instanceof PDFDict) || dict.get(PDFName.of('FT')) !== PDFName.of('Sig')) continue;
      const t = dict.lookup(PDFName.of('T'));
      const name = t instanceof PDFString || t instanceof PDFHexString ? t.decodeText() : '';
      out.push({ page: p, ref, dict, name });
    }
  });
  return out;
}
