// Optional PDF/A-2b (--pdfa): Ghostscript converts the finished pages, pdf-lib writes the metadata PDF/A asks for.
// Not checked by a conformance validator here (regulations §3.1): Ghostscript's own checks are all there is.
import { execFile } from 'node:child_process';
import crypto from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { promisify } from 'node:util';
import fg from 'fast-glob';
import { PDFDocument, PDFHexString, PDFName, PDFObjectCopier, PDFRef, PDFString, type PDFDict } from 'pdf-lib';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import type { DocumentMeta } from '../../viewmodel/types';

const run = promisify(execFile);

/** Ghostscript's executable: VANBAN_GHOSTSCRIPT, else `gs` on the PATH. */
export function findGhostscript(): string | undefined {
  const fromEnv = process.env.VANBAN_GHOSTSCRIPT;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
    const p = path.join(dir, 'gs');
    if (dir && fs.existsSync(p)) return p;
  }
  return undefined;
}

/** The sRGB profile of the output intent: Ghostscript ships one. */
function srgbProfile(): string | undefined {
  return fg.sync(['/usr/share/ghostscript/*/iccprofiles/srgb.icc', '/usr/share/color/icc/ghostscript/srgb.icc'], { onlyFiles: true }).sort()[0];
}

const psString = (s: string) => `(${s.replace(/[\\()]/g, '\\$&')})`;

/** Ghostscript's PDFA_def.ps reduced to what pdfwrite needs: the sRGB output intent. */
function definition(icc: string): string {
  return [
    `/ICCProfile ${psString(icc)} def`,
    '[/_objdef {icc_PDFA} /type /stream /OBJ pdfmark',
    '[{icc_PDFA} << /N 3 >> /PUT pdfmark',
    '[{icc_PDFA} ICCProfile (r) file /PUT pdfmark',
    '[/_objdef {OutputIntent_PDFA} /type /dict /OBJ pdfmark',
    '[{OutputIntent_PDFA} << /Type /OutputIntent /S /GTS_PDFA1 /DestOutputProfile {icc_PDFA} /OutputConditionIdentifier (sRGB) >> /PUT pdfmark',
    '[{Catalog} << /OutputIntents [ {OutputIntent_PDFA} ] >> /PUT pdfmark',
  ].join('\n');
}

const seconds = (iso: string) => Math.floor(new Date(iso).getTime() / 1000);

/**
 * The pages of `pdf` converted to PDF/A-2b by Ghostscript. Its legacy interpreter is used: the default one of
 * Ghostscript 10.00 garbles the Vietnamese text layer of Chromium's PDFs (regulations §3.1); a test compares the text
 * before and after. SOURCE_DATE_EPOCH keeps its dates those of the document, not the clock.
 */
export async function ghostscriptPdfA(pdf: Uint8Array, meta: DocumentMeta): Promise<PDFDocument> {
  const gs = findGhostscript();
  const icc = srgbProfile();
  if (!gs || !icc) throw new VanbanError([makeIssue('env.no_ghostscript')]);
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-pdfa-'));
  try {
    const input = path.join(dir, 'in.pdf');
    const output = path.join(dir, 'out.pdf');
    const def = path.join(dir, 'pdfa.ps');
    fs.writeFileSync(input, pdf);
    fs.writeFileSync(def, definition(icc));
    await run(gs, [
      '-q', '-dBATCH', '-dNOPAUSE', '-dSAFER', '-dNEWPDF=false', '-dPDFA=2', '-dPDFACompatibilityPolicy=1',
      '-sDEVICE=pdfwrite', '-sColorConversionStrategy=RGB', `--permit-file-read=${path.dirname(icc)}/`,
      `-sOutputFile=${output}`, def, input,
    ], { env: { ...process.env, SOURCE_DATE_EPOCH: String(seconds(meta.creationDate)) }, timeout: 120_000, maxBuffer: 1 << 24 });
    const doc = await PDFDocument.load(fs.readFileSync(output), { updateMetadata: false });
    // Ghostscript's document id changes from run to run; one made from the input keeps the bytes the same.
    const id = PDFHexString.of(crypto.createHash('sha256').update(pdf).digest('hex').slice(0, 32));
    doc.context.trailerInfo.ID = doc.context.obj([id, id]);
    return doc;
  } catch (err) {
    if (err instanceof VanbanError) throw err;
    throw new VanbanError([makeIssue('render.pdf_failed', { detail: `Ghostscript (PDF/A): ${(err as Error).message.split('\n')[0]}` })]);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

const xml = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;').replace(/"/g, '&quot;');

/** "D:20210609000000+07'00'" for "2021-06-09T00:00:00+07:00", the same instant in the Info dictionary's form. */
function pdfDate(iso: string): string {
  const m = /^(\d{4})-(\d\d)-(\d\d)T(\d\d):(\d\d):(\d\d)([+-])(\d\d):(\d\d)$/.exec(iso);
  if (!m) throw new Error(`not an ISO 8601 time with offset: ${iso}`);
  return `D:${m[1]}${m[2]}${m[3]}${m[4]}${m[5]}${m[6]}${m[7]}${m[8]}'${m[9]}'`;
}

/**
 * The document information and the XMP metadata PDF/A asks for, saying the same things (ISO 19005-2, 6.6): title,
 * author, subject, keywords, producer, dates from the view model, and the PDF/A-2b identification.
 */
export function setPdfAMetadata(doc: PDFDocument, meta: DocumentMeta): void {
  const keywords = meta.keywords.join(' ');
  const packet = [
    '<?xpacket begin="\uFEFF" id="W5M0MpCehiHzreSzNTczkc9d"?>',
    '<x:xmpmeta xmlns:x="adobe:ns:meta/"><rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">',
    '<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:xmp="http://ns.adobe.com/xap/1.0/" xmlns:pdf="http://ns.adobe.com/pdf/1.3/">',
    '<pdfaid:part>2</pdfaid:part><pdfaid:conformance>B</pdfaid:conformance>',
    '<dc:format>application/pdf</dc:format>',
    `<dc:title><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.title)}</rdf:li></rdf:Alt></dc:title>`,
    `<dc:creator><rdf:Seq><rdf:li>${xml(meta.author)}</rdf:li></rdf:Seq></dc:creator>`,
    `<dc:description><rdf:Alt><rdf:li xml:lang="x-default">${xml(meta.subject)}</rdf:li></rdf:Alt></dc:description>`,
    `<dc:language><rdf:Bag><rdf:li>${meta.language}</rdf:li></rdf:Bag></dc:language>`,
    `<pdf:Keywords>${xml(keywords)}</pdf:Keywords><pdf:Producer>vanban</pdf:Producer><xmp:CreatorTool>vanban</xmp:CreatorTool>`,
    `<xmp:CreateDate>${meta.creationDate}</xmp:CreateDate><xmp:ModifyDate>${meta.creationDate}</xmp:ModifyDate><xmp:MetadataDate>${meta.creationDate}</xmp:MetadataDate>`,
    '</rdf:Description></rdf:RDF></x:xmpmeta>',
    '<?xpacket end="w"?>',
  ].join('\n');
  const ctx = doc.context;
  // What Ghostscript wrote is replaced, not left behind unreferenced.
  for (const old of [doc.catalog.get(PDFName.of('Metadata')), ctx.trailerInfo.Info]) if (old instanceof PDFRef) ctx.delete(old);
  // Unfiltered, so that a reader that does not know the PDF finds it (ISO 19005-2, 6.6.2.1).
  const stream = ctx.stream(new TextEncoder().encode(packet), { Type: 'Metadata', Subtype: 'XML' });
  doc.catalog.set(PDFName.of('Metadata'), ctx.register(stream));
  const info = ctx.obj({}) as PDFDict;
  info.set(PDFName.of('Title'), PDFHexString.fromText(meta.title));
  info.set(PDFName.of('Author'), PDFHexString.fromText(meta.author));
  info.set(PDFName.of('Subject'), PDFHexString.fromText(meta.subject));
  info.set(PDFName.of('Keywords'), PDFHexString.fromText(keywords));
  info.set(PDFName.of('Creator'), PDFString.of('vanban'));
  info.set(PDFName.of('Producer'), PDFString.of('vanban'));
  info.set(PDFName.of('CreationDate'), PDFString.of(pdfDate(meta.creationDate)));
  info.set(PDFName.of('ModDate'), PDFString.of(pdfDate(meta.creationDate)));
  ctx.trailerInfo.Info = ctx.register(info);
  doc.catalog.set(PDFName.of('Lang'), PDFString.of(meta.language));
  const prefs = ctx.obj({ DisplayDocTitle: true });
  doc.catalog.set(PDFName.of('ViewerPreferences'), prefs);
}

/** Copies the output intents of a PDF/A document (a dossier's first part) into another one (the merged dossier). */
export function copyOutputIntents(from: PDFDocument, to: PDFDocument): void {
  const intents = from.catalog.get(PDFName.of('OutputIntents'));
  if (intents) to.catalog.set(PDFName.of('OutputIntents'), PDFObjectCopier.for(from.context, to.context).copy(intents));
}
