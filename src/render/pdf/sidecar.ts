// The sidecar <name>.signatures.json: each empty signature field of a PDF with its page, rectangle, role and anchor
// text, for signing tools that take a page and a rectangle or search the text (regulations §3.1).
import { TOKENS } from '../tokens';
import type { OKyVM } from '../../viewmodel/ky-so';
import type { FinishedPdf, MergedField } from './post';
import type { Rect } from './sig-fields';

export interface SignatureSlot {
  /** Name of the empty signature field in the PDF. */
  field: string;
  /** "nguoi-ky": the competent person (Điều 13.7); "co-quan": the organisation, applied by its Văn thư (Điều 33.2). */
  role: OKyVM['vaiTro'];
  /** Position in NĐ 30's grid: "7c" signature, "8" seal / organisation's signature. */
  o: OKyVM['o'];
  /** 1-based page number. */
  page: number;
  /** [llx, lly, urx, ury] in PDF points, origin at the bottom-left corner of the page. */
  rect: Rect;
  /** The printed lines just above and below the space left for signing ("" when there is none). */
  anchor: { above: string; below: string };
  /** The name printed under the signer's signature ("" when there is none, and for the organisation's slots). */
  signer: string;
  /** For an appendix filed on its own: what the organisation's signature shows, as PL I II.8.b prescribes. */
  infoLine?: { soKyHieu: string; time: string; font: string; sizePt: number; color: string };
  /** In a merged dossier: the document's file and the field's name in it. */
  document?: string;
  documentField?: string;
}

export interface SignaturesSidecar {
  file: string;
  pages: number;
  units: 'pt';
  origin: 'bottom-left';
  slots: SignatureSlot[];
}

/** The information line of a separately filed appendix's signature: Times New Roman 10, upright, black (§3). */
const INFO = { font: TOKENS.font.family, sizePt: 10, color: '#000000' };

function slotOf(s: OKyVM, page: number, rect: Rect, field = s.truong): SignatureSlot {
  return {
    field, role: s.vaiTro, o: s.o, page: page + 1, rect,
    anchor: { above: s.neo.tren, below: s.neo.duoi }, signer: s.nguoiKy,
    ...(s.thongTin ? { infoLine: { soKyHieu: s.thongTin.soKyHieu, time: s.thongTin.thoiGian, ...INFO } } : {}),
  };
}

/** The sidecar of one finished document; `slots` are the view model's, in the order of `pdf.fields`. */
export function signaturesSidecar(file: string, pdf: FinishedPdf, slots: readonly OKyVM[]): SignaturesSidecar {
  return {
    file, pages: pdf.pages, units: 'pt', origin: 'bottom-left',
    slots: pdf.fields.map((f, i) => slotOf(slots[i]!, f.page, f.rect)),
  };
}

/** The sidecar of a merged dossier: each document's slots under their names in the merged file. */
export function mergedSidecar(file: string, pages: number, fields: readonly MergedField[], docs: { file: string; name: string; slots: readonly OKyVM[] }[]): SignaturesSidecar {
  return {
    file, pages, units: 'pt', origin: 'bottom-left',
    slots: fields.map((f) => {
      const doc = docs.find((d) => d.name === f.document)!;
      const slot = doc.slots.find((s) => s.truong === f.ownField)!;
      return { ...slotOf(slot, f.page, f.rect, f.field), document: doc.file, documentField: f.ownField };
    }),
  };
}
