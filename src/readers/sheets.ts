// The cells of a spreadsheet as text, sheet by sheet and row by row: .xlsx through exceljs, .csv (UTF-8, comma or
// semicolon, as Excel writes it in a Vietnamese locale) by hand. Hostile files refused before anything is inflated.
import path from 'node:path';
import ExcelJS from 'exceljs';
import PizZip from 'pizzip';
import { checkImportable, readImportable, refusal } from './files';

export const SHEET_EXTENSIONS = ['.xlsx', '.csv'] as const;

/** A workbook whose parts inflate beyond this is refused (a zip bomb). */
const MAX_INFLATED_BYTES = 100 * 1024 * 1024;

export interface SheetRow {
  /** The row number the spreadsheet program shows (1 = first row). */
  row: number;
  cells: string[];
}

export interface Sheet {
  name: string;
  rows: SheetRow[];
}

export function isSheetFile(file: string): boolean {
  return (SHEET_EXTENSIONS as readonly string[]).includes(path.extname(file).toLowerCase());
}

export async function readSheets(file: string): Promise<Sheet[]> {
  return sheetsOf(readImportable(file, SHEET_EXTENSIONS), file);
}

/** The sheets of a spreadsheet's bytes, its kind told by the extension of `name` (a file sent to the server). */
export async function sheetsOf(bytes: Buffer, file: string): Promise<Sheet[]> {
  checkImportable(file, bytes.length, SHEET_EXTENSIONS);
  const ext = path.extname(file).toLowerCase();
  const refuse = refusal(file);
  if (ext === '.csv') return [{ name: path.basename(file, ext), rows: parseCsv(bytes.toString('utf8').replace(/^\uFEFF/, '').normalize('NFC')) }];

  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch {
    throw refuse('không phải tệp Excel .xlsx (ZIP) hợp lệ', 'not a valid Excel .xlsx (ZIP) file');
  }
  const names = Object.keys(zip.files);
  if (names.some((n) => /vbaProject\.bin$/i.test(n))) throw refuse('tệp có macro', 'the file holds macros');
  // Declared sizes come from the archive itself: read them before inflating anything.
  const inflated = names.reduce((n, name) => n + ((zip.files[name] as unknown as { _data?: { uncompressedSize?: number } })._data?.uncompressedSize ?? 0), 0);
  if (inflated > MAX_INFLATED_BYTES) throw refuse('nội dung giải nén quá lớn', 'its contents inflate too large');
  if (!names.includes('xl/workbook.xml')) throw refuse('không có xl/workbook.xml: không phải bảng tính Excel', 'it has no xl/workbook.xml: not an Excel workbook');

  const wb = new ExcelJS.Workbook();
  try {
    await wb.xlsx.load(bytes as unknown as ArrayBuffer);
  } catch (err) {
    throw refuse(`Excel không đọc được (${(err as Error).message})`, `it cannot be read as Excel (${(err as Error).message})`);
  }
  return wb.worksheets.map((ws) => {
    const rows: SheetRow[] = [];
    ws.eachRow({ includeEmpty: false }, (r, n) => {
      const cells: string[] = [];
      for (let c = 1; c <= r.cellCount; c++) cells.push(cellText(r.getCell(c)).normalize('NFC').trim());
      rows.push({ row: n, cells });
    });
    return { name: ws.name, rows };
  });
}

function cellText(cell: ExcelJS.Cell): string {
  try {
    return cell.text ?? '';
  } catch {
    return String(cell.value ?? '');
  }
}

/** RFC 4180 with Excel's habits: the separator is the header line's commonest of "," and ";"; quotes double. */
export function parseCsv(text: string): SheetRow[] {
  const firstLine = text.slice(0, text.search(/\r?\n|$/));
  const sep = (firstLine.match(/;/g)?.length ?? 0) > (firstLine.match(/,/g)?.length ?? 0) ? ';' : ',';
  const rows: SheetRow[] = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let start = 1;
  const endRow = () => {
    cells.push(cell.trim());
    if (cells.some((c) => c !== '')) rows.push({ row: start, cells });
    cells = [];
    cell = '';
  };
  for (let i = 0; i < text.length; i++) {
    const ch = text[i]!;
    if (quoted) {
      if (ch === '"' && text[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (ch === '"') quoted = false;
      else {
        if (ch === '\n') line++;
        cell += ch;
      }
    } else if (ch === '"' && cell.trim() === '') {
      cell = '';
      quoted = true;
    } else if (ch === sep) {
      cells.push(cell.trim());
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      endRow();
      line++;
      start = line;
    } else cell += ch;
  }
  if (cell !== '' || cells.length) endRow();
  return rows;
}
