// pdf-lib's copies of a printed page share what never changes (numbers, raw stream bytes), and streams are written whole.
//
// A batch prints twenty documents at once and copies each one's pages, with the fonts they use, into a PDF of its
// own. pdf-lib copies every number of a font's width arrays anew (formatting each to a string again) and every raw
// stream's bytes, and writes a stream's bytes one at a time: together the largest part of finishing a PDF in the
// batch profile. Numbers and raw streams are never changed in place once parsed (pdf-lib replaces an object, it does
// not edit it), so a copy may share them; the bytes written are the same.
import { PDFName, PDFNumber, PDFRawStream, PDFStream, type PDFContext } from 'pdf-lib';

const raw = PDFRawStream.prototype as unknown as { contents: Uint8Array; dict: { clone(c?: PDFContext): never } };

PDFNumber.prototype.clone = function clone(this: PDFNumber) {
  return this;
};

PDFRawStream.prototype.clone = function clone(this: typeof raw, context?: PDFContext) {
  return PDFRawStream.of(this.dict.clone(context), this.contents);
} as never;

const stream = PDFStream.prototype as unknown as {
  dict: { get(k: PDFName): unknown; set(k: PDFName, v: unknown): void; copyBytesInto(b: Uint8Array, o: number): number };
  getContents(): Uint8Array;
  getContentsSize(): number;
  updateDict(): void;
  copyBytesInto(buffer: Uint8Array, offset: number): number;
};

// Length is set again each time a stream is measured and written; a new number only when it changed.
stream.updateDict = function updateDict(this: typeof stream) {
  const size = this.getContentsSize();
  const length = this.dict.get(PDFName.Length);
  if (!(length instanceof PDFNumber) || length.asNumber() !== size) this.dict.set(PDFName.Length, PDFNumber.of(size));
};

const STREAM = Uint8Array.from('\nstream\n', (c) => c.charCodeAt(0));
const END = Uint8Array.from('\nendstream', (c) => c.charCodeAt(0));

stream.copyBytesInto = function copyBytesInto(this: typeof stream, buffer: Uint8Array, offset: number) {
  this.updateDict();
  const start = offset;
  offset += this.dict.copyBytesInto(buffer, offset);
  buffer.set(STREAM, offset);
  offset += STREAM.length;
  const contents = this.getContents();
  buffer.set(contents, offset);
  offset += contents.length;
  buffer.set(END, offset);
  offset += END.length;
  return offset - start;
};
