// Invisible links the HTML carries for the PDF stage: Chromium records each where it laid it out, so pages and
// rectangles can be read off the printed file (piece boundaries of a batch print, signature spaces).
import { PDFArray, PDFDict, PDFHexString, PDFName, PDFString, type PDFDocument } from 'pdf-lib';
import { MARK_BASE as BASE, type MarkKind } from './mark-href';

export { markHref, type MarkKind } from './mark-href';

/** A mark found on a page: its kind, its id and Chromium's rectangle (PDF points, origin bottom-left). */
export interface FoundMark {
  kind: MarkKind;
  id: string;
  page: number;
  rect: [number, number, number, number];
}

function markOf(annot: PDFDict): { kind: MarkKind; id: string } | undefined {
  const action = annot.lookup(PDFName.of('A'));
  if (!(action instanceof PDFDict)) return undefined;
  const uri = action.lookup(PDFName.of('URI'));
  const text = uri instanceof PDFString || uri instanceof PDFHexString ? uri.decodeText() : undefined;
  const m = text?.startsWith(BASE) ? /^(piece|ky)\/(.+)$/.exec(text.slice(BASE.length)) : null;
  return m ? { kind: m[1] as MarkKind, id: m[2]! } : undefined;
}

function rectOf(annot: PDFDict): [number, number, number, number] {
  const r = annot.lookup(PDFName.of('Rect'), PDFArray).asRectangle();
  return [r.x, r.y, r.x + r.width, r.y + r.height];
}

/** Finds the marks of one kind on every page (or pages `first` … `first + count - 1`) and removes them. */
export function takeMarks(doc: PDFDocument, kind: MarkKind, first = 0, count = doc.getPageCount() - first): FoundMark[] {
  const found: FoundMark[] = [];
  doc.getPages().slice(first, first + count).forEach((page, i) => {
    const annots = page.node.lookup(PDFName.of('Annots'));
    if (!(annots instanceof PDFArray)) return;
    const kept: unknown[] = [];
    let removed = false;
    for (let k = 0; k < annots.size(); k++) {
      const a = annots.lookup(k);
      const m = a instanceof PDFDict ? markOf(a) : undefined;
      if (!m || m.kind !== kind) {
        kept.push(annots.get(k));
        continue;
      }
      removed = true;
      found.push({ ...m, page: first + i, rect: rectOf(a as PDFDict) });
    }
    if (!removed) return;
    if (kept.length) page.node.set(PDFName.of('Annots'), doc.context.obj(kept as never));
    else page.node.delete(PDFName.of('Annots'));
  });
  return found;
}
