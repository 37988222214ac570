// The recogniser of administrative text: from a document's paragraphs it finds the parts NĐ 30 lays out (header,
// số ký hiệu, date line, tên loại and trích yếu, căn cứ, the numbered body, Nơi nhận, signature) and builds the
// input of a campaign form; typed numbers and bullets become structure, and what it cannot place is reported.
import type { BlockIn } from '../schema/common';
import { header } from '../viewmodel/header';
import { foldTone } from '../viewmodel/text';
import { tableRows } from './files';
import { NOMINATION_FORMS, recogniseNomination, type NominationOptions } from './recognise-nomination';
import { docChuKy, docDiaDanhNgay, docNhan, docNoiNhan, docSoKyHieu, type Nhan } from './regulated';

export interface Unplaced {
  /** 0-based index of the paragraph in the source. */
  index: number;
  text: string;
  why: { vi: string; en: string };
}

export interface Recognised {
  form?: string;
  input: Record<string, unknown>;
  unplaced: Unplaced[];
}

/** Tên loại lines and the forms they open (Phụ lục III). */
const TEN_LOAI: Record<string, string> = {
  'KE HOACH': 'ke-hoach', 'PHAT DONG': 'phat-dong', 'TO TRINH': 'to-trinh', 'BIEN BAN': 'bien-ban', 'BAO CAO THANH TICH': 'bao-cao-thanh-tich',
};

export const fold = (s: string) => foldTone(s).normalize('NFD').replace(/\p{M}/gu, '').replace(/đ/g, 'd').replace(/Đ/g, 'D').toUpperCase().replace(/[^A-Z0-9 ]+/g, ' ').replace(/\s+/g, ' ').trim();
export const isUpper = (s: string) => /\p{Lu}/u.test(s) && s === s.toLocaleUpperCase('vi-VN');
const QUOC_HIEU = 'CONG HOA XA HOI CHU NGHIA VIET NAM';
const TIEU_NGU = 'DOC LAP TU DO HANH PHUC';

/** Cleans one line of text as a word processor or a text extraction leaves it: markdown marks, spaces, dashes. */
export function cleanLine(s: string): string {
  return s
    .normalize('NFC')
    .replace(/^\s{0,3}#{1,6}\s+/u, '')
    .replace(/\*\*|__/g, '')
    .replace(/^\*+|\*+$/g, '')
    .replace(/\\([*_#])/g, '$1')
    .replace(/[\u00A0\t ]+/gu, ' ')
    .replace(/^([IVXLCDM]+)\.(?=\p{L})/u, '$1. ')
    .replace(/^([-–+•])(?=\p{L})/u, '$1 ')
    .replace(/^(\d+(?:\.\d+)*)\.(?=\p{Lu})/u, '$1. ')
    .trim();
}

/** A paragraph's label, its rank in the body (mục, khoản, tiểu khoản, điểm), and its text. */
export function label(text: string): { nhan: Nhan; rank: number; text: string } | undefined {
  const read = docNhan(text);
  if (!read) return undefined;
  // 1.1.1. sits under 1.1. and over a).
  const deeper = read.nhan.kieu === 'tieuKhoan' && read.nhan.so.length > 2 ? 0.5 : 0;
  const rank = { muc: 0, khoan: 1, tieuKhoan: 2, diem: 3, soThuTu: 4, gach: 5, cong: 6 }[read.nhan.kieu] + deeper;
  return { nhan: read.nhan, rank, text: read.text.trim() };
}

/** A heading reads as a title: short, no sentence inside, no full stop at its end. */
export const titleLike = (s: string) => s.length <= 160 && !/[.;]$/.test(s) && !/\. \p{Lu}/u.test(s);

/** One paragraph as the recogniser reads it; a table of data (its first cell "STT" or "Năm") keeps its cells. */
export interface Line {
  /** 0-based index of the paragraph in the source, tables laid out cell by cell. */
  index: number;
  text: string;
  /** The rows of a data table, each cell's paragraphs joined by a space. */
  rows?: string[][];
}

/** A table is data to read (a list of nominees, votes, earlier awards) when its header starts so. */
const isDataTable = (rows: string[][][]) => /^(STT|TT|NAM)$/.test(fold(rows[0]?.[0]?.join(' ') ?? ''));

/** The lines of a document: paragraphs cleaned, empty ones dropped; a data table kept whole when `tables` says so. */
export function linesOf(paragraphs: readonly string[], tables: boolean): Line[] {
  const lines: Line[] = [];
  let n = 0;
  for (const p of paragraphs) {
    const rows = tableRows(p);
    if (rows && tables && isDataTable(rows)) {
      lines.push({ index: n, text: '', rows: rows.map((r) => r.map((c) => cleanLine(c.join(' ')))) });
      n += rows.flat(2).length;
      continue;
    }
    for (const q of rows ? rows.flat(2) : [p]) {
      const text = cleanLine(q);
      if (text) lines.push({ index: n, text });
      n++;
    }
  }
  return lines;
}

export interface Header {
  form?: string;
  input: Record<string, unknown>;
  /** The first line after the tên loại. */
  next: number;
  /** The form line of a report ("Mẫu số 05 - Nghị định số 152/2025/NĐ-CP"), which follows from its period and award. */
  dongMau?: string;
}

/** The header: agency lines (upper case), Quốc hiệu and Tiêu ngữ, số ký hiệu, place and date, up to the tên loại. */
export function readHeader(lines: readonly Line[], unplaced: Unplaced[], form?: string): Header {
  const input: Record<string, unknown> = {};
  const agency: string[] = [];
  let so: ReturnType<typeof docSoKyHieu>;
  let date: ReturnType<typeof docDiaDanhNgay>;
  let soLine = '';
  let dateLine = '';
  let dongMau: string | undefined;
  let i = 0;
  for (; i < lines.length; i++) {
    const t = lines[i]!.text;
    const f = fold(t);
    if (f === QUOC_HIEU || f === TIEU_NGU) continue;
    if (/^Mẫu số \d+\b/u.test(t)) {
      dongMau = t;
      continue;
    }
    if (/^Số\s*:/u.test(t)) {
      so = docSoKyHieu(t) ?? so;
      soLine = t;
      continue;
    }
    const d = docDiaDanhNgay(t);
    if (d) {
      date = d;
      dateLine = t;
      continue;
    }
    if (TEN_LOAI[f]) {
      form ??= TEN_LOAI[f];
      i++;
      break;
    }
    if (isUpper(t) && t.length <= 120) agency.push(t);
    else unplaced.push({ index: lines[i]!.index, text: t, why: { vi: 'dòng ở phần đầu văn bản không nhận ra', en: 'a line of the header not recognised' } });
  }
  if (agency.length) {
    // "ỦY BAN NHÂN DÂN" over "XÃ HÀNH MINH" is one name on two lines; otherwise the first line is the superior body.
    const generic = /^(ỦY BAN NHÂN DÂN|UỶ BAN NHÂN DÂN|HỘI ĐỒNG NHÂN DÂN)$/u.test(agency[0]!);
    const usual = agency.length === 1 ? { ten: agency[0]! } : generic ? { ten: agency.slice(0, 2), ...(agency.length > 2 ? { chuQuan: agency.slice(2).join(' ') } : {}) } : { chuQuan: agency.slice(0, -1).join(' '), ten: agency[agency.length - 1]! };
    input.coQuan = coQuanAsLaidOut(agency, usual, soLine, dateLine);
    if (so?.kyHieu.length) (input.coQuan as Record<string, unknown>).vietTat = so.kyHieu.slice(1).join('-');
  }
  if (so?.so !== undefined) input.so = so.so;
  if (date) {
    input.diaDanh = date.diaDanh;
    input.ngay = date.ngay;
  }
  return { form, input, next: i, ...(dongMau ? { dongMau } : {}) };
}

/** Lines that open a part after the trích yếu, so never continue it. */
const AFTER_TRICH_YEU = /^(Căn cứ|Kính gửi|Thời gian bắt đầu|Thành tích trong|Họ và tên\s*:|Tên tập thể\s*:)/u;

/** The trích yếu from line `i`: that line, and the ones after while they continue the same phrase. */
export function readTrichYeu(lines: readonly Line[], i: number): { trichYeu?: string; next: number } {
  if (i >= lines.length || lines[i]!.rows) return { next: i };
  const parts = [lines[i++]!.text];
  while (
    i < lines.length && !lines[i]!.rows && !label(lines[i]!.text) && !AFTER_TRICH_YEU.test(lines[i]!.text) && titleLike(lines[i]!.text) &&
    parts.join(' ').length + lines[i]!.text.length < 300 && !/[:.]$/.test(parts[parts.length - 1]!)
  ) {
    parts.push(lines[i++]!.text);
  }
  return { trichYeu: parts.join(' ').replace(/[.]$/, ''), next: i };
}

/**
 * Recognises a document from its paragraphs (one string each, in order; a table as files.ts gives it). `form`
 * forces the form; otherwise the tên loại decides.
 */
export function recognise(paragraphs: readonly string[], opts: { form?: string } & NominationOptions = {}): Recognised {
  const unplaced: Unplaced[] = [];
  const head = readHeader(linesOf(paragraphs, true), unplaced, opts.form);
  const form = head.form;
  if (form && NOMINATION_FORMS.includes(form)) {
    const r = recogniseNomination(form, linesOf(paragraphs, true), head, unplaced, opts);
    return { form, input: { form, ...r }, unplaced };
  }
  // A campaign document's tables are read as paragraphs, cell by cell.
  const lines = linesOf(paragraphs, false);
  const input: Record<string, unknown> = head.input;
  let i = head.next;

  const ty = readTrichYeu(lines, i);
  i = ty.next;
  if (ty.trichYeu) {
    input.trichYeu = ty.trichYeu;
    const quoted = /[“"]([^”"]+)[”"]/u.exec(ty.trichYeu);
    const years = [...ty.trichYeu.matchAll(/\b(19|20)\d{2}\b/g)].map((m) => Number(m[0]));
    if (quoted) input.phongTrao = { ten: quoted[1]!, ...(years.length ? { tuNam: Math.min(...years), denNam: Math.max(...years) } : {}) };
  }

  // Căn cứ, then the body up to the Nơi nhận.
  const canCu: string[] = [];
  // A "Căn cứ …, … như sau:" that leads into the body is its opening paragraph, not a legal basis.
  while (i < lines.length && /^Căn cứ/u.test(lines[i]!.text) && !/:$/.test(lines[i]!.text)) canCu.push(lines[i++]!.text.replace(/[;.]$/, ''));
  if (canCu.length) input.canCu = canCu;

  const bodyEnd = lines.findIndex((l, k) => k >= i && /^Nơi nhận\s*:?/u.test(l.text));
  const body = lines.slice(i, bodyEnd < 0 ? undefined : bodyEnd);
  const { moDau, noiDung, ketLuan } = recogniseBody(body.map((l) => l.text));
  if (moDau.length) input.moDau = moDau;
  input.noiDung = noiDung;
  if (ketLuan.length) input.ketLuan = ketLuan;
  if (bodyEnd >= 0) Object.assign(input, readClosing(lines.slice(bodyEnd), unplaced));
  return { ...(form ? { form } : {}), input: { ...(form ? { form } : {}), ...input }, unplaced };
}

/**
 * Nơi nhận (its lines start with "-") and the signature block (the upper-case lines and the name after them), from
 * the "Nơi nhận:" line to the end of `tail`.
 */
export function readClosing(tail: readonly Line[], unplaced: Unplaced[]): Record<string, unknown> {
  const out: Record<string, unknown> = {};
  const recipients = tail.filter((l, k) => k > 0 && /^[-–•]/u.test(l.text));
  const read = docNoiNhan(recipients.map((l) => l.text));
  out.noiNhan = read.noiNhan.filter((n) => n.ten.trim());
  // A stray purpose on a line of its own ("- (để T/hiện)") belongs to no recipient.
  read.noiNhan.forEach((n, k) => {
    if (!n.ten.trim()) unplaced.push({ index: recipients[k]!.index, text: recipients[k]!.text, why: { vi: 'mục đích gửi không kèm nơi nhận', en: 'a purpose without a recipient' } });
  });
  if (read.luu) out.luu = read.luu;
  const sign = tail.filter((l, k) => k > 0 && !/^[-–•]/u.test(l.text));
  // The space left for signing is an empty paragraph: what stands between it and the name is ô 7b, on as many lines
  // as it takes. Without one such space, ô 7b is the one upper-case line above the name that opens no title.
  const gaps = sign.flatMap((l, k) => (k > 0 && l.index > sign[k - 1]!.index + 1 ? [k] : []));
  const below = gaps.length === 1 ? sign.slice(gaps[0]!, -1) : undefined;
  const dong7b = below && below.every((l) => isUpper(l.text)) ? below.length : undefined;
  const k = docChuKy(sign.map((l) => l.text), {
    dong7b,
    coChucVuKhac: sign.length >= 3 && !/^(TM|KT|TL|TUQ|Q)\./u.test(sign[sign.length - 2]!.text) && sign.filter((l) => isUpper(l.text)).length >= 3,
  });
  if (k) out.nguoiKy = k;
  else for (const l of sign) unplaced.push({ index: l.index, text: l.text, why: { vi: 'không đọc được khối chữ ký', en: 'the signature block could not be read' } });
  return out;
}

type CoQuanDoc = { chuQuan?: string | string[]; ten: string | string[] };

/**
 * The agency as read from its header lines. The layout breaks a long name to the agency column, so the usual reading
 * (the last line the issuing body, the lines above its superior) is kept only when the header laid out from it prints
 * these lines; otherwise the first split of the lines into superior and issuing body, each one name, that does.
 */
function coQuanAsLaidOut(agency: readonly string[], usual: CoQuanDoc, soLine: string, dateLine: string): CoQuanDoc {
  const prints = (c: CoQuanDoc) => {
    const h = header(c, soLine, dateLine);
    return [...h.chuQuan, ...h.banHanh].join('\n') === agency.join('\n');
  };
  if (prints(usual)) return usual;
  // A superior body first, as the usual reading has one; the whole as one name last.
  for (const k of [...Array.from({ length: agency.length - 1 }, (_, i) => i + 1), 0]) {
    const split: CoQuanDoc = { ...(k ? { chuQuan: agency.slice(0, k).join(' ') } : {}), ten: agency.slice(k).join(' ') };
    if (prints(split)) return split;
  }
  return usual;
}

/** The body's paragraphs as nested blocks: labels become levels, the paragraphs before the first heading the opening. */
export function recogniseBody(texts: readonly string[]): { moDau: string[]; noiDung: BlockIn[]; ketLuan: string[] } {
  type Open = { rank: number; block: { noiDung?: BlockIn[] } };
  const noiDung: BlockIn[] = [];
  const moDau: string[] = [];
  const stack: Open[] = [];
  let lastGach: { gach: string; cong?: string[] } | undefined;
  // An upper-case heading of the first level that the layout broke over lines: its further lines follow it unlabelled.
  let openMuc: { tieuDe: string; noiDung?: BlockIn[] } | undefined;
  const container = (): BlockIn[] => {
    const top = stack[stack.length - 1];
    if (!top) return noiDung;
    top.block.noiDung ??= [];
    return top.block.noiDung;
  };
  for (const t of texts) {
    const l = label(t);
    if (!l && openMuc && !openMuc.noiDung && isUpper(t) && titleLike(`${openMuc.tieuDe} ${t}`)) {
      openMuc.tieuDe = `${openMuc.tieuDe} ${t}`;
      continue;
    }
    openMuc = undefined;
    if (!l) {
      if (noiDung.length === 0 && stack.length === 0) moDau.push(t);
      else container().push(t);
      lastGach = undefined;
      continue;
    }
    if (l.nhan.kieu === 'gach') {
      lastGach = { gach: l.text };
      container().push(lastGach);
      continue;
    }
    if (l.nhan.kieu === 'cong') {
      if (lastGach) (lastGach.cong ??= []).push(l.text);
      else container().push({ gach: l.text });
      continue;
    }
    lastGach = undefined;
    while (stack.length && stack[stack.length - 1]!.rank >= l.rank) stack.pop();
    const block =
      l.nhan.kieu === 'diem' ? { diem: l.text } : l.nhan.kieu === 'soThuTu' ? { soThuTu: l.text } : titleLike(l.text) ? { tieuDe: l.text } : { khoan: l.text };
    container().push(block as BlockIn);
    // Four levels may hold others (the schema's nesting limit); a fifth is a leaf, and what follows it its sibling.
    if (stack.length < 4) stack.push({ rank: l.rank, block: block as { noiDung?: BlockIn[] } });
    if (l.rank === 0 && 'tieuDe' in block && isUpper(l.text)) openMuc = block as { tieuDe: string };
  }
  // The closing paragraph ("Trên đây là …") stands after the last section, in the last open container.
  const ketLuan: string[] = [];
  const last = stack.length ? (stack[stack.length - 1]!.block.noiDung ?? []) : noiDung;
  const close = last.length ? last[last.length - 1] : undefined;
  if (typeof close === 'string' && /^(Trên đây|Trên cơ sở)/u.test(close)) {
    last.pop();
    ketLuan.push(close.replace(/\s*\.\/\.\s*$/u, '.'));
  }
  return { moDau, noiDung, ketLuan };
}
