// The paragraphs of a document file, for the recogniser: plain text and Markdown line by line, a DOCX from its
// word/document.xml (with the numbers Word's own lists print, as typed numbers would be). Hostile files refused.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { makeIssue } from '../errors/catalogue';
import { VanbanError } from '../errors/issue';
import { DIEM_LETTERS, roman } from '../viewmodel/numbering';

/** Larger files are not documents a clerk brings in. */
export const MAX_FILE_BYTES = 20 * 1024 * 1024;
/** A DOCX whose text part inflates beyond this is refused (a zip bomb). */
const MAX_XML_BYTES = 50 * 1024 * 1024;

export const IMPORT_EXTENSIONS = ['.txt', '.md', '.docx'] as const;

/** The refusal of a file that cannot be imported, with its reason in both languages. */
export function refusal(file: string): (reasonVi: string, reasonEn: string) => VanbanError {
  return (reasonVi, reasonEn) => new VanbanError([makeIssue('import.unreadable', { file, reasonVi, reasonEn }, { source: file })]);
}

/** Refuses a file whose extension is not one of `kinds`, or larger than a clerk's document can be. */
export function checkImportable(file: string, size: number, kinds: readonly string[]): void {
  const ext = path.extname(file).toLowerCase();
  const refuse = refusal(file);
  if (!kinds.includes(ext)) throw refuse(`loại tệp ${ext || '(không có đuôi)'} không đọc được`, `${ext || 'a file without extension'} cannot be read`);
  if (size > MAX_FILE_BYTES) throw refuse(`tệp lớn ${Math.round(size / 1048576)} MB, quá ${MAX_FILE_BYTES / 1048576} MB`, `the file is ${Math.round(size / 1048576)} MB, over ${MAX_FILE_BYTES / 1048576} MB`);
}

/** A file's bytes once its kind and size (read before its contents) are acceptable. */
export function readImportable(file: string, kinds: readonly string[]): Buffer {
  let size: number;
  try {
    size = fs.statSync(file).size;
  } catch (err) {
    throw refusal(file)((err as Error).message, (err as Error).message);
  }
  checkImportable(file, size, kinds);
  return fs.readFileSync(file);
}

export function readParagraphs(file: string): string[] {
  return paragraphsOf(readImportable(file, IMPORT_EXTENSIONS), file);
}

/** The paragraphs of a file's bytes, its kind told by the extension of `name` (a file sent to the server). */
export function paragraphsOf(bytes: Buffer, name: string): string[] {
  checkImportable(name, bytes.length, IMPORT_EXTENSIONS);
  // Text typed in TCVN3 or VNI is converted (with a warning) when the recognised input is checked, as for any input.
  const ext = path.extname(name).toLowerCase();
  if (ext !== '.docx') {
    const lines = bytes.toString('utf8').replace(/^\uFEFF/, '').normalize('NFC').split(/\r?\n/);
    return ext === '.md' ? markdownTables(lines) : lines;
  }
  return docxParagraphs(bytes, refusal(name));
}

/** Paragraph texts of a DOCX body, a line break inside a paragraph starting a new one, Word's list labels prefixed. */
function docxParagraphs(bytes: Buffer, refuse: (vi: string, en: string) => VanbanError): string[] {
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw refuse('không phải tệp DOCX (ZIP) hợp lệ', 'not a valid DOCX (ZIP) file');
  }
  const names = Object.keys(zip.files);
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) throw refuse('tệp có macro', 'the file holds macros');
  const doc = zip.file('word/document.xml');
  if (!doc) throw refuse('không có word/document.xml', 'it has no word/document.xml');
  // Declared sizes come from the archive itself: read them before inflating anything.
  const declared = (doc as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0;
  if (declared > MAX_XML_BYTES) throw refuse('phần văn bản giải nén quá lớn', 'its text part inflates too large');
  const rels = zip.file('word/_rels/document.xml.rels')?.asText() ?? '';
  if (/TargetMode="External"/i.test(rels)) throw refuse('tệp trỏ tới tài nguyên bên ngoài', 'the file links to external resources');
  const xml = doc.asText();
  if (xml.length > MAX_XML_BYTES) throw refuse('phần văn bản giải nén quá lớn', 'its text part inflates too large');
  const lists = listFormats(zip.file('word/numbering.xml')?.asText() ?? '');
  const counters = new Map<string, number[]>();
  const out: string[] = [];
  // Tables (outermost only; a nested table's paragraphs join its cell) become one paragraph each: see TABLE.
  let depth = 0;
  let rows: string[][][] = [];
  for (const tok of xml.match(/<w:tbl>|<\/w:tbl>|<w:tr[ >]|<\/w:tr>|<w:tc[ >]|<\/w:tc>|<w:p[ >][\s\S]*?<\/w:p>|<w:p\/>/g) ?? []) {
    if (tok === '<w:tbl>') {
      if (depth++ === 0) rows = [];
    } else if (tok === '</w:tbl>') {
      if (--depth === 0) out.push(tableParagraph(rows));
    } else if (tok.startsWith('<w:tr')) {
      if (depth === 1) rows.push([]);
    } else if (tok.startsWith('<w:tc')) {
      if (depth === 1) rows[rows.length - 1]?.push([]);
    } else if (tok.startsWith('<w:p')) {
      const lines = `${listLabel(tok, lists, counters)}${runText(tok)}`.split('\n').map((l) => l.normalize('NFC'));
      if (depth === 0) out.push(...lines);
      else rows[rows.length - 1]?.[rows[rows.length - 1]!.length - 1]?.push(...lines);
    }
  }
  return out;
}

/** The text of a paragraph's runs, a line break as "\n". */
function runText(p: string): string {
  return (p.match(/<w:t(?: [^>]*)?>[^<]*<\/w:t>|<w:br\/>|<w:tab\/>/g) ?? [])
    .map((t) => (t === '<w:br/>' ? '\n' : t === '<w:tab/>' ? '\t' : t.replace(/<[^>]+>/g, '')))
    .join('')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'").replace(/&amp;/g, '&');
}

/** Word's own numbering: a paragraph in a list gets the label its level prints, counted per list and level. */
function listLabel(p: string, lists: Map<string, ListLevel[]>, counters: Map<string, number[]>): string {
  const num = /<w:numPr>[\s\S]*?<w:ilvl w:val="(\d+)"\/>[\s\S]*?<w:numId w:val="(\d+)"\/>/.exec(p);
  const levels = num ? lists.get(num[2]!) : undefined;
  if (!num || !levels) return '';
  const level = Number(num[1]);
  const c = counters.get(num[2]!) ?? [];
  c[level] = (c[level] ?? 0) + 1;
  c.length = level + 1;
  counters.set(num[2]!, c);
  const lvl = levels[level];
  return lvl ? `${lvl.text.replace(/%(\d)/g, (_m, k: string) => formatNumber(c[Number(k) - 1] ?? 1, levels[Number(k) - 1]?.fmt ?? 'decimal'))} ` : '';
}

/**
 * A table travels among the paragraphs as one string: TABLE, then its rows separated by ROW, a row's cells by CELL,
 * a cell's paragraphs by "\n". Control characters no document text holds, so no paragraph is mistaken for a table.
 */
export const TABLE = '\u001D';
const ROW = '\u001E';
const CELL = '\u001F';

function tableParagraph(rows: readonly (readonly (readonly string[])[])[]): string {
  return TABLE + rows.map((r) => r.map((c) => c.join('\n')).join(CELL)).join(ROW);
}

/** The rows of a table paragraph, each a list of cells, each cell its paragraphs; undefined for a paragraph. */
export function tableRows(p: string): string[][][] | undefined {
  if (!p.startsWith(TABLE)) return undefined;
  return p.slice(1).split(ROW).map((r) => r.split(CELL).map((c) => c.split('\n')));
}

/** The paragraphs with each table laid out as its cells' paragraphs in reading order, as before tables were kept. */
export function flattenTables(paragraphs: readonly string[]): string[] {
  return paragraphs.flatMap((p) => tableRows(p)?.flat(2) ?? [p]);
}

/** Markdown pipe tables ("| a | b |", its "|---|" line skipped) as table paragraphs; other lines as they are. */
function markdownTables(lines: readonly string[]): string[] {
  const out: string[] = [];
  let rows: string[][][] = [];
  const flush = () => {
    if (rows.length) out.push(tableParagraph(rows));
    rows = [];
  };
  for (const l of lines) {
    const t = l.trim();
    if (/^\|.*\|$/.test(t)) {
      if (!/^\|[\s:|-]+\|$/.test(t)) rows.push(t.slice(1, -1).split('|').map((c) => [c.replace(/<br\s*\/?>/gi, ' ').trim()]));
      continue;
    }
    flush();
    out.push(l);
  }
  flush();
  return out;
}

interface ListLevel {
  fmt: string;
  text: string;
}

/** numId → the format and label text of each level, from word/numbering.xml. */
function listFormats(xml: string): Map<string, ListLevel[]> {
  const abstract = new Map<string, ListLevel[]>();
  for (const a of xml.match(/<w:abstractNum [\s\S]*?<\/w:abstractNum>/g) ?? []) {
    const id = /w:abstractNumId="(\d+)"/.exec(a)?.[1];
    if (!id) continue;
    const levels: ListLevel[] = [];
    for (const l of a.match(/<w:lvl [\s\S]*?<\/w:lvl>/g) ?? []) {
      const ilvl = Number(/w:ilvl="(\d+)"/.exec(l)?.[1] ?? 0);
      const fmt = /<w:numFmt w:val="([^"]+)"/.exec(l)?.[1] ?? 'decimal';
      const text = /<w:lvlText w:val="([^"]*)"/.exec(l)?.[1] ?? '';
      levels[ilvl] = { fmt, text: fmt === 'bullet' ? '-' : text };
    }
    abstract.set(id, levels);
  }
  const out = new Map<string, ListLevel[]>();
  for (const n of xml.match(/<w:num w:numId="\d+"[\s\S]*?<\/w:num>/g) ?? []) {
    const id = /w:numId="(\d+)"/.exec(n)![1]!;
    const a = /<w:abstractNumId w:val="(\d+)"\/>/.exec(n)?.[1];
    const levels = a ? abstract.get(a) : undefined;
    if (levels) out.set(id, levels);
  }
  return out;
}

function formatNumber(n: number, fmt: string): string {
  switch (fmt) {
    case 'upperRoman':
      return roman(n);
    case 'lowerRoman':
      return roman(n).toLowerCase();
    case 'lowerLetter':
      return DIEM_LETTERS[(n - 1) % DIEM_LETTERS.length]!;
    case 'upperLetter':
      return DIEM_LETTERS[(n - 1) % DIEM_LETTERS.length]!.toUpperCase();
    default:
      return String(n);
  }
}
