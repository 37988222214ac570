// What a văn thư would fix before signing, read from a PDF as printed (Chromium's, or LibreOffice's of the DOCX): word
// positions from `pdftotext -bbox-layout`, rules and table borders from the page bitmap (`pdftoppm -gray`). The checks
// know NĐ 30's blocks and the common Vietnamese phrases, not the code that laid the page out.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { DocumentVM } from '../src/viewmodel/types';
import { tmpDir } from './helpers';

export type DefectKind =
  | 'upper-block' // an upper-case block with a lone word on a line, or a fixed phrase torn
  | 'wrapped-line' // Quốc hiệu, Tiêu ngữ, số ký hiệu or the date line on more than one line
  | 'trich-yeu' // trích yếu torn inside a name or phrase, or leaving a short fragment
  | 'rule-gap' // a rule nearer than 1.5 mm to the text above or below
  | 'table' // a header word split, a number wrapped, a header crushed
  | 'caption' // a line ending in ":" at the foot of a page
  | 'signature-page' // a signature page without two lines of the body, a Nơi nhận away from the signature
  | 'widow-orphan' // a paragraph's first line alone at a page foot, or its last line alone at a page head
  | 'names' // the two names of a two-signature footer not on one line
  | 'page-count' // DOCX and PDF differ in pages
  | 'page-break' // DOCX and PDF break pages at different lines
  | 'rule-mismatch'; // a rule of other length or place in DOCX and PDF

export interface Defect {
  kind: DefectKind;
  page: number;
  detail: string;
}

const PT_PER_MM = 72 / 25.4;
const MARGIN = { top: 25 * PT_PER_MM, left: 35 * PT_PER_MM, right: (210 - 20) * PT_PER_MM, bottom: (297 - 20) * PT_PER_MM };

export interface Word {
  text: string;
  xMin: number;
  yMin: number;
  xMax: number;
  yMax: number;
}

export interface Line extends Word {
  words: Word[];
  page: number;
}

const decode = (s: string) => s.replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&#39;/g, "'").replace(/&amp;/g, '&');

/**
 * The last few readings of a file, keyed by its path, size and time: each document is read by its own checks, then
 * compared with the other output, one after the other, and a bitmap page takes a tenth of a second to draw.
 */
function memo<T>(limit: number, read: (file: string, ...rest: number[]) => T): (file: string, ...rest: number[]) => T {
  const kept = new Map<string, T>();
  return (file, ...rest) => {
    const st = fs.statSync(file);
    const key = [file, st.size, st.mtimeMs, ...rest].join('\0');
    let v = kept.get(key);
    if (v === undefined) {
      v = read(file, ...rest);
      if (kept.size >= limit) kept.delete(kept.keys().next().value!);
    } else kept.delete(key);
    kept.set(key, v);
    return v;
  };
}

/** Lines of every page, split where a gap wider than 4 mm shows two columns; page numbers in the top margin left out. */
export const pdfLines: (file: string) => readonly (readonly Line[])[] = memo(8, readLines);

function readLines(file: string): Line[][] {
  const xml = execFileSync('pdftotext', ['-bbox-layout', file, '-'], { encoding: 'utf8', maxBuffer: 64 << 20 });
  const pages: Line[][] = [];
  for (const [pi, page] of [...xml.matchAll(/<page [^>]*>([\s\S]*?)<\/page>/g)].entries()) {
    const lines: Line[] = [];
    for (const l of page[1]!.matchAll(/<line [^>]*>([\s\S]*?)<\/line>/g)) {
      const words = [...l[1]!.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
        xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: decode(m[5]!).normalize('NFC'),
      }));
      let cur: Word[] = [];
      const flush = () => {
        if (!cur.length) return;
        lines.push({
          words: cur, page: pi + 1, text: cur.map((w) => w.text).join(' '),
          xMin: Math.min(...cur.map((w) => w.xMin)), xMax: Math.max(...cur.map((w) => w.xMax)),
          yMin: Math.min(...cur.map((w) => w.yMin)), yMax: Math.max(...cur.map((w) => w.yMax)),
        });
        cur = [];
      };
      for (const w of words) {
        const prev = cur[cur.length - 1];
        if (prev && w.xMin - prev.xMax > 4 * PT_PER_MM) flush();
        cur.push(w);
      }
      flush();
    }
    pages.push(lines.filter((l) => l.yMax > MARGIN.top - 2 || !/^\d+$/.test(l.text)).sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin));
  }
  return pages;
}

// ------------------------------------------------------------------ bitmaps

export interface Bitmap {
  w: number;
  h: number;
  dpi: number;
  dark: Uint8Array;
}

export const pageBitmap: (file: string, page: number, dpi?: number) => Bitmap = (file, page, dpi = 200) => bitmaps(file, page, dpi);
const bitmaps = memo(6, drawPage);

function drawPage(file: string, page: number, dpi: number): Bitmap {
  const dir = tmpDir('bitmap');
  execFileSync('pdftoppm', ['-gray', '-r', String(dpi), '-f', String(page), '-l', String(page), file, path.join(dir, 'p')]);
  const f = fs.readdirSync(dir).find((n) => n.endsWith('.pgm'))!;
  const data = fs.readFileSync(path.join(dir, f));
  fs.rmSync(dir, { recursive: true, force: true });
  // P5 header: magic, width height, maxval, then one byte a pixel.
  let at = 0;
  const fields: string[] = [];
  while (fields.length < 4) {
    while (/\s/.test(String.fromCharCode(data[at]!))) at++;
    let s = '';
    while (!/\s/.test(String.fromCharCode(data[at]!))) s += String.fromCharCode(data[at++]!);
    fields.push(s);
  }
  at++;
  const w = Number(fields[1]);
  const h = Number(fields[2]);
  const dark = new Uint8Array(w * h);
  for (let i = 0; i < w * h; i++) dark[i] = data[at + i]! < 160 ? 1 : 0;
  return { w, h, dpi, dark };
}

export interface Rule {
  /** Top and bottom of the drawn line, in pt from the page top. */
  y0: number;
  y1: number;
  x0: number;
  x1: number;
  gapAboveMm: number;
  gapBelowMm: number;
}

/** Horizontal lines at least `minMm` long, with the clear space to the nearest ink above and below over their length. */
export function horizontalRules(bm: Bitmap, minMm: number, searchMm = 12): Rule[] {
  const px = (mm: number) => Math.round((mm / 25.4) * bm.dpi);
  const pt = 72 / bm.dpi;
  const runs: { y: number; s: number; e: number }[] = [];
  for (let y = 0; y < bm.h; y++) {
    let s = -1;
    for (let x = 0; x <= bm.w; x++) {
      const d = x < bm.w && bm.dark[y * bm.w + x];
      if (d && s < 0) s = x;
      if (!d && s >= 0) {
        if (x - s >= px(minMm)) runs.push({ y, s, e: x });
        s = -1;
      }
    }
  }
  const merged: { y0: number; y1: number; s: number; e: number }[] = [];
  for (const r of runs) {
    const m = merged.find((g) => g.y1 + 1 >= r.y && Math.abs(g.s - r.s) <= 2 && Math.abs(g.e - r.e) <= 2);
    if (m) m.y1 = r.y;
    else merged.push({ y0: r.y, y1: r.y, s: r.s, e: r.e });
  }
  const inkRow = (y: number, s: number, e: number) => {
    for (let x = s; x < e; x++) if (bm.dark[y * bm.w + x]) return true;
    return false;
  };
  return merged.map((g) => {
    let up = g.y0 - 1;
    while (up >= 0 && g.y0 - up <= px(searchMm) && !inkRow(up, g.s, g.e)) up--;
    let down = g.y1 + 1;
    while (down < bm.h && down - g.y1 <= px(searchMm) && !inkRow(down, g.s, g.e)) down++;
    return {
      y0: g.y0 * pt, y1: (g.y1 + 1) * pt, x0: g.s * pt, x1: g.e * pt,
      gapAboveMm: ((g.y0 - 1 - up) * 25.4) / bm.dpi,
      gapBelowMm: ((down - g.y1 - 1) * 25.4) / bm.dpi,
    };
  });
}

/** Vertical lines at least `minMm` high: the column borders of tables. */
export function verticalRules(bm: Bitmap, minMm: number): { x: number; y0: number; y1: number }[] {
  const px = Math.round((minMm / 25.4) * bm.dpi);
  const pt = 72 / bm.dpi;
  const out: { x: number; y0: number; y1: number }[] = [];
  for (let x = 0; x < bm.w; x++) {
    let s = -1;
    for (let y = 0; y <= bm.h; y++) {
      const d = y < bm.h && bm.dark[y * bm.w + x];
      if (d && s < 0) s = y;
      if (!d && s >= 0) {
        if (y - s >= px) {
          const near = out.find((o) => Math.abs(o.x - x * pt) < 1.2 && Math.abs(o.y0 - s * pt) < 2);
          if (!near) out.push({ x: x * pt, y0: s * pt, y1: y * pt });
        }
        s = -1;
      }
    }
  }
  return out;
}

// ------------------------------------------------------------------ text helpers

const squash = (s: string) => s.replace(/[\s\u00A0]+/gu, ' ').trim();
const upper = (s: string) => /\p{L}/u.test(s) && !/\p{Ll}/u.test(s);
const bare = (t: string) => t.replace(/^[“"‘(«[]+/u, '').replace(/[”"’)»\],;:.!?]+$/u, '').toLocaleLowerCase('vi-VN');

/** Words of two syllables a line must not split (the oracle's own list, kept apart from the layout's lexicon). */
const TORN = new Set(
  [
    'ủy ban', 'nhân dân', 'hội đồng', 'thi đua', 'khen thưởng', 'chủ tịch', 'giám đốc', 'văn phòng', 'thanh tra', 'trung tâm',
    'phục vụ', 'hành chính', 'thành phố', 'thị xã', 'thị trấn', 'hồ chí', 'chí minh', 'cộng sản', 'thanh niên', 'phụ nữ',
    'tiên tiến', 'điển hình', 'cải cách', 'nhân rộng', 'thủ trưởng', 'đơn vị', 'báo cáo', 'thành tích', 'xác nhận',
    'danh sách', 'tập thể', 'cá nhân', 'đề nghị', 'địa bàn', 'giai đoạn', 'phong trào', 'tổ chức', 'kế hoạch', 'trưởng ban',
    'trưởng phòng', 'tiếp nhận', 'kết quả', 'mặt trận', 'tổ quốc', 'chiến sĩ', 'lao động', 'xuất sắc', 'bằng khen',
    'giấy khen', 'danh hiệu', 'cơ quan', 'cơ sở', 'việt nam', 'xã hội', 'chủ nghĩa', 'cộng hòa', 'thư ký', 'chủ tọa',
    'nội vụ', 'tài chính', 'giáo dục', 'đào tạo', 'công an', 'quân sự', 'y tế', 'thông tin', 'truyền thông', 'văn hóa',
    'thể thao', 'du lịch', 'tài nguyên', 'môi trường', 'nông nghiệp', 'phát triển', 'nông thôn', 'xây dựng', 'giao thông',
    'khoa học', 'công nghệ', 'đẩy mạnh', 'thực hiện', 'nhiệm vụ', 'chính trị', 'hoàng mai', 'quảng ninh', 'hà nội',
  ].map((s) => s.normalize('NFC')),
);
const UNIT_WORDS = new Set(['tỉnh', 'quận', 'huyện', 'xã', 'phường', 'phố', 'trấn']);
const PREFIX = new Set(['tm.', 'kt.', 'tl.', 'tuq.', 'q.']);

/** Why the break between two lines tears something, or "". */
function tornBetween(a: string, b: string, sentence: boolean): string {
  const ta = a.split(' ');
  const tb = b.split(' ');
  const last = ta[ta.length - 1]!;
  const first = tb[0]!;
  const pair = `${bare(last)} ${bare(first)}`;
  if (/[,;:]$/u.test(last)) return '';
  if (TORN.has(pair)) return `"${last} / ${first}" tears a word`;
  if (PREFIX.has(last.toLocaleLowerCase('vi-VN'))) return `"${last}" left at a line end`;
  // After a unit word a title may start a new line ("… TỈNH / GIÁM ĐỐC …"); a place name is no known word.
  const startsWord = tb.length > 1 && TORN.has(`${bare(first)} ${bare(tb[1]!)}`);
  if (UNIT_WORDS.has(bare(last)) && !startsWord && !/^(và|của|-)$/u.test(bare(first)) && (!sentence || /^\p{Lu}/u.test(first))) return `"${last} / ${first}" tears a place name from its generic word`;
  if (/^\d/u.test(first) && /^(năm|ngày|tháng|số|đoạn|-)$/u.test(bare(last))) return `"${last} / ${first}" tears a number from its word`;
  if (last === '-' && /\d$/u.test(ta[ta.length - 2] ?? '') && /^\d/u.test(first)) return `"${a.slice(-12)} / ${first}" tears a number range`;
  if (sentence && /^\p{Lu}/u.test(last) && /^\p{Lu}/u.test(first) && ta.length + tb.length > 2 && !/^[“"(]/u.test(first) && ta.length > 1) return `"${last} / ${first}" tears a proper name`;
  return '';
}

/** Upper-case lines stacked one pitch apart in one column: agency, authority lines, headings, titles. */
function upperBlocks(lines: readonly Line[]): Line[][] {
  const blocks: Line[][] = [];
  const ups = lines.filter((l) => upper(l.text) && l.text.replace(/[^\p{L}]/gu, '').length >= 2);
  for (const l of ups) {
    const block = blocks.find((b) => {
      const last = b[b.length - 1]!;
      const gap = l.yMax - last.yMax;
      const h = last.yMax - last.yMin;
      return gap > 0.5 && gap < h * 1.25 && l.xMin < last.xMax && l.xMax > last.xMin && Math.abs((l.xMin + l.xMax) / 2 - (last.xMin + last.xMax) / 2) < 60 * PT_PER_MM;
    });
    if (block) block.push(l);
    else blocks.push([l]);
  }
  return blocks;
}

/** Lines of the page between two y values: everything but what is the given block's. */
function wordsCount(text: string): number {
  return text.split(' ').filter((t) => /[\p{L}\p{N}]/u.test(t)).length;
}

/** Whether the words of `s` stand in order on one baseline (a gap left for handwriting may split pdftotext's line). */
function onOneLine(lines: readonly Line[], s: string): boolean {
  const want = squash(s).split(' ');
  const words = lines.flatMap((l) => l.words);
  return words.some((w0) => {
    if (w0.text !== want[0]) return false;
    let x = w0.xMax;
    for (const t of want.slice(1)) {
      const w = words.find((v) => v.text === t && Math.abs(v.yMax - w0.yMax) < 1 && v.xMin >= x - 0.5 && v.xMin - x < 60 * PT_PER_MM);
      if (!w) return false;
      x = w.xMax;
    }
    return true;
  });
}

// ------------------------------------------------------------------ the checks of one PDF

export interface CheckOptions {
  /** Skip the bitmap checks (rules, tables) to save time. */
  noBitmaps?: boolean;
}

export function findDefects(pdf: string, vm: DocumentVM, o: CheckOptions = {}): Defect[] {
  const pages = pdfLines(pdf);
  const out: Defect[] = [];
  const add = (kind: DefectKind, page: number, detail: string) => out.push({ kind, page, detail });
  const all = pages.flat();

  // 1. Upper-case blocks.
  for (const [pi, lines] of pages.entries()) {
    for (const b of upperBlocks(lines)) {
      if (b.length < 2) continue;
      for (const l of b) if (wordsCount(l.text) === 1) add('upper-block', pi + 1, `lone word "${l.text}" in "${b.map((x) => x.text).join(' / ')}"`);
      for (let i = 0; i + 1 < b.length; i++) {
        const why = tornBetween(b[i]!.text, b[i + 1]!.text, false);
        if (why) add('upper-block', pi + 1, `${why} in "${b.map((x) => x.text).join(' / ')}"`);
      }
    }
  }

  // 2. Lines that never wrap.
  const first = pages[0] ?? [];
  const h = vm.header;
  for (const s of [h.quocHieu, h.tieuNgu, h.soKyHieu, h.diaDanhNgay].filter(Boolean)) {
    if (!onOneLine(first, s)) add('wrapped-line', 1, `"${s}" is not on one line`);
  }

  // 3. Trích yếu: the lines under the type name until its text is complete.
  const tenLoai = first.find((l) => squash(l.text) === squash(vm.tenLoai));
  if (tenLoai) {
    const want = squash(vm.trichYeu);
    const got: Line[] = [];
    for (const l of first.filter((x) => x.yMax > tenLoai.yMax + 1)) {
      if (squash([...got, l].map((x) => x.text).join(' ')).length > want.length + 2) break;
      got.push(l);
      if (squash(got.map((x) => x.text).join(' ')) === want) break;
    }
    if (squash(got.map((x) => x.text).join(' ')) !== want) add('trich-yeu', 1, `trích yếu not found under "${vm.tenLoai}"`);
    else if (got.length > 1) {
      const longest = Math.max(...got.map((l) => l.xMax - l.xMin));
      for (const l of got) {
        if (wordsCount(l.text) === 1) add('trich-yeu', 1, `lone word "${l.text}"`);
        else if (l.xMax - l.xMin < 0.3 * longest) add('trich-yeu', 1, `short fragment "${l.text}"`);
      }
      for (let i = 0; i + 1 < got.length; i++) {
        const why = tornBetween(got[i]!.text, got[i + 1]!.text, !upper(got[i]!.text));
        if (why) add('trich-yeu', 1, why);
      }
    }
  }

  // 4. Rules of the header and of ô 5a: clear of the text above and below.
  if (!o.noBitmaps) {
    for (const r of headerRules(pdf, first, vm)) {
      if (r.gapAboveMm < 1.5) add('rule-gap', 1, `rule of ${((r.x1 - r.x0) / PT_PER_MM).toFixed(1)} mm only ${r.gapAboveMm.toFixed(2)} mm under the text`);
      if (r.gapBelowMm < 1.5) add('rule-gap', 1, `rule of ${((r.x1 - r.x0) / PT_PER_MM).toFixed(1)} mm only ${r.gapBelowMm.toFixed(2)} mm over the text`);
    }
  }

  // 5. Tables.
  if (!o.noBitmaps) out.push(...tableDefects(pdf, pages, vm));

  // 6. A caption or label at the foot of a page, its matter on the next.
  for (const [pi, lines] of pages.entries()) {
    if (pi === pages.length - 1 || !lines.length) continue;
    const foot = lines.filter((l) => l.yMax > MARGIN.bottom - 60);
    const last = foot.sort((a, b) => b.yMax - a.yMax)[0];
    if (last && /:$/u.test(last.text)) add('caption', pi + 1, `"${last.text}" ends the page`);
  }

  // 7. The signature page carries the end of the body; the Nơi nhận stands with the signature.
  const names = vm.chuKyDoi ? [vm.chuKyDoi.phai.hoTen, vm.chuKyDoi.trai.hoTen].filter(Boolean) : [vm.chuKy.hoTen];
  const nameLine = [...all].reverse().find((l) => names.some((n) => squash(l.text) === squash(n)));
  if (!nameLine) add('signature-page', 0, `signer "${names[0]}" not found`);
  else {
    const lines = pages[nameLine.page - 1]!;
    // The signature block: the upper-case captions above the name in its column, within 70 mm.
    const caption = vm.chuKyDoi ? [...vm.chuKyDoi.trai.tieuDe, ...vm.chuKyDoi.phai.tieuDe] : vm.chuKy.quyenHan;
    const captionWords = new Set(caption.join(' ').split(' '));
    const capLines = lines.filter((l) => l.yMax < nameLine.yMax && l.yMax > nameLine.yMax - 70 * PT_PER_MM && upper(l.text) && l.text.split(' ').every((w) => captionWords.has(w)));
    const top = capLines.length ? Math.min(...capLines.map((l) => l.yMin)) : nameLine.yMin;
    const noiNhanTop = lines.find((l) => l.text.startsWith('Nơi nhận'))?.yMin ?? Infinity;
    const blockTop = Math.min(top, noiNhanTop);
    const bodyAbove = lines.filter((l) => l.yMax < blockTop - 1 && l.yMin > MARGIN.top - 2);
    if (bodyAbove.length < 2) add('signature-page', nameLine.page, `page ${nameLine.page} opens with the signature (${bodyAbove.length} line(s) of text above it)`);
    // Every line of the Nơi nhận, from its label to its "Lưu" line, stands on the signature's page.
    const nn = all.find((l) => l.text.startsWith('Nơi nhận'));
    const lastLine = vm.noiNhan.dong[vm.noiNhan.dong.length - 1];
    const luu = lastLine ? [...all].reverse().find((l) => squash(lastLine).endsWith(squash(l.text)) && l.text.length > 3) : undefined;
    for (const l of [nn, luu]) if (l && vm.noiNhan.dong.length && l.page !== nameLine.page) add('signature-page', l.page, `"${l.text}" of the Nơi nhận on page ${l.page}, the signature on page ${nameLine.page}`);
  }

  // Widows and orphans of the body: a page ends on a paragraph's first line, or starts with its last line alone.
  const indentX = MARGIN.left + 10 * PT_PER_MM;
  const bodyLine = (l: Line) => l.xMin > MARGIN.left - 2 && l.yMax - l.yMin > 12 && l.yMax - l.yMin < 22 && !upper(l.text);
  for (let p = 0; p + 1 < pages.length; p++) {
    const here = pages[p]!.filter((l) => l.xMin < MARGIN.left + 20 * PT_PER_MM);
    const next = pages[p + 1]!.filter((l) => l.xMin < MARGIN.left + 20 * PT_PER_MM);
    const last = here[here.length - 1];
    const top = next[0];
    if (!last || !top || !bodyLine(last) || !bodyLine(top)) continue;
    const justified = (l: Line) => l.xMax > MARGIN.right - 2;
    const startsParagraph = (l: Line) => Math.abs(l.xMin - indentX) < 2;
    if (startsParagraph(last) && justified(last) && !startsParagraph(top)) add('widow-orphan', p + 1, `orphan: "${last.text.slice(0, 40)}…" alone at the foot`);
    const after = next[1];
    const endsParagraph = !after || startsParagraph(after) || after.yMin - top.yMax > 6;
    if (!startsParagraph(top) && justified(last) && endsParagraph && !justified(top)) add('widow-orphan', p + 2, `widow: "${top.text.slice(0, 40)}" alone at the head`);
  }

  // 8. Two signatures: names on one line.
  if (vm.chuKyDoi && vm.chuKyDoi.trai.hoTen && vm.chuKyDoi.phai.hoTen) {
    const t = [...all].reverse().find((l) => squash(l.text) === squash(vm.chuKyDoi!.trai.hoTen));
    const r = [...all].reverse().find((l) => squash(l.text) === squash(vm.chuKyDoi!.phai.hoTen));
    if (t && r && (t.page !== r.page || Math.abs(t.yMax - r.yMax) > 1)) add('names', r.page, `"${t.text}" and "${r.text}" ${(Math.abs(t.yMax - r.yMax)).toFixed(1)} pt apart`);
  }
  return out;
}

/** Rules drawn between the top of page 1 and the line after the trích yếu. */
export function headerRules(pdf: string, first: readonly Line[], vm: DocumentVM): Rule[] {
  const ty = squash(vm.trichYeu).split(' ');
  const lastWord = ty[ty.length - 1]!;
  const tyEnd = first.find((l) => l.yMax > 100 && l.text.endsWith(lastWord));
  const limit = (tyEnd?.yMax ?? 300) + 8 * PT_PER_MM;
  return horizontalRules(pageBitmap(pdf, 1), 8).filter((r) => r.y1 < limit);
}

// ------------------------------------------------------------------ tables

interface Cell {
  x0: number;
  x1: number;
  y0: number;
  y1: number;
  lines: string[];
  words: Word[];
}

function isFigureText(t: string): boolean {
  return /^[\d\s.,:%/()+\-–]+$/u.test(t) && /\d/u.test(t);
}

/** Cells of the bordered tables of a page: between consecutive vertical borders and horizontal rules. */
function tableCells(pdf: string, page: number, lines: readonly Line[]): { cells: Cell[]; headerTops: number[] } {
  const bm = pageBitmap(pdf, page, 150);
  const hs = horizontalRules(bm, 20, 0).map((r) => ({ y: (r.y0 + r.y1) / 2, x0: r.x0, x1: r.x1 }));
  // Taller than any glyph (a 13 pt letter with its marks stays under 5 mm), shorter than any row.
  const vs = verticalRules(bm, 5.5);
  const cells: Cell[] = [];
  const headerTops: number[] = [];
  const ys = [...new Set(hs.map((r) => Math.round(r.y * 2) / 2))].sort((a, b) => a - b);
  for (let i = 0; i + 1 < ys.length; i++) {
    const top = ys[i]!;
    const bottom = ys[i + 1]!;
    const borders = vs.filter((v) => v.y0 <= top + 2 && v.y1 >= bottom - 2).map((v) => v.x).sort((a, b) => a - b);
    if (borders.length < 2) continue;
    // The first row after a gap in the table's rules is its (repeated) header.
    if (i === 0 || !vs.some((v) => v.y0 <= ys[i - 1]! + 2 && v.y1 >= top - 2)) headerTops.push(top);
    for (let c = 0; c + 1 < borders.length; c++) {
      const x0 = borders[c]!;
      const x1 = borders[c + 1]!;
      if (x1 - x0 < 3) continue;
      // By its centre: a word too wide for its column overflows it (Chromium) rather than being split (an office suite).
      const words = lines.flatMap((l) => l.words).filter((w) => (w.xMin + w.xMax) / 2 > x0 && (w.xMin + w.xMax) / 2 < x1 && (w.yMin + w.yMax) / 2 > top && (w.yMin + w.yMax) / 2 < bottom);
      if (!words.length) continue;
      const rows: Word[][] = [];
      for (const w of words.sort((a, b) => a.yMax - b.yMax || a.xMin - b.xMin)) {
        const row = rows.find((r) => Math.abs(r[0]!.yMax - w.yMax) < 2);
        if (row) row.push(w);
        else rows.push([w]);
      }
      cells.push({ x0, x1, y0: top, y1: bottom, words, lines: rows.map((r) => r.sort((a, b) => a.xMin - b.xMin).map((w) => w.text).join(' ')) });
    }
  }
  return { cells, headerTops };
}

function tableDefects(pdf: string, pages: readonly (readonly Line[])[], vm: DocumentVM): Defect[] {
  const bangs = [...(vm.phan ?? []).map((p) => p.bang), vm.phuLuc?.bang].filter((b): b is NonNullable<typeof b> => Boolean(b && b.dong.length));
  if (!bangs.length) return [];
  const headers = new Set(bangs.flatMap((b) => b.cot.map(squash)));
  const texts = new Set(bangs.flatMap((b) => b.dong.flatMap((d) => d.o.map(squash))));
  const out: Defect[] = [];
  for (const [pi, lines] of pages.entries()) {
    const { cells, headerTops } = tableCells(pdf, pi + 1, lines);
    for (const c of cells) {
      const joined = squash(c.lines.join(' '));
      const isHeader = headerTops.some((t) => Math.abs(t - c.y0) < 1) && !texts.has(joined) || headers.has(joined) && !texts.has(joined);
      const known = isHeader ? headers : texts;
      // Broken inside a word: the lines read as a known text once the spaces at the breaks are taken away.
      const solid = (t: string) => t.replace(/[\s\u00A0]+/gu, '');
      if (!known.has(joined) && c.lines.length > 1 && [...known].some((k) => solid(k) === solid(joined))) {
        out.push({ kind: 'table', page: pi + 1, detail: `word split in a cell: "${c.lines.join(' / ')}"` });
      }
      if (isFigureText(joined) && c.lines.length > 1) out.push({ kind: 'table', page: pi + 1, detail: `figure wrapped: "${c.lines.join(' / ')}"` });
      if (c.words.some((w) => w.xMax > c.x1 + 0.5 || w.xMin < c.x0 - 0.5)) out.push({ kind: 'table', page: pi + 1, detail: `text overflows its column: "${c.lines.join(' / ')}"` });
      if (isHeader && c.lines.length >= 3 && c.lines.length > Math.ceil(wordsCount(joined) / 2)) out.push({ kind: 'table', page: pi + 1, detail: `header crushed: "${c.lines.join(' / ')}"` });
      if (isHeader && c.lines.some((l) => /\([^)]*$/u.test(l))) out.push({ kind: 'table', page: pi + 1, detail: `parenthesis torn: "${c.lines.join(' / ')}"` });
    }
  }
  return out;
}

// ------------------------------------------------------------------ DOCX (as LibreOffice lays it out) against PDF

/** Page counts, the line each page starts with, and the rules of page 1 of the two outputs of one input. */
export function compareOutputs(pdf: string, lo: string, vm: DocumentVM): Defect[] {
  const a = pdfLines(pdf);
  const b = pdfLines(lo);
  const out: Defect[] = [];
  if (a.length !== b.length) out.push({ kind: 'page-count', page: 0, detail: `PDF ${a.length} pages, DOCX ${b.length}` });
  for (let p = 1; p < Math.min(a.length, b.length); p++) {
    const fa = a[p]![0]?.text ?? '';
    const fb = b[p]![0]?.text ?? '';
    if (squash(fa) !== squash(fb)) out.push({ kind: 'page-break', page: p + 1, detail: `PDF page ${p + 1} starts "${fa.slice(0, 50)}", DOCX "${fb.slice(0, 50)}"` });
  }
  const ra = headerRules(pdf, a[0] ?? [], vm);
  const rb = headerRules(lo, b[0] ?? [], vm);
  if (ra.length !== rb.length) out.push({ kind: 'rule-mismatch', page: 1, detail: `PDF ${ra.length} rules, DOCX ${rb.length}` });
  for (const r of ra) {
    const len = (r.x1 - r.x0) / PT_PER_MM;
    const m = rb.find((x) => Math.abs((x.x0 + x.x1) / 2 - (r.x0 + r.x1) / 2) < 2 * PT_PER_MM && Math.abs(x.y0 - r.y0) < 3 * PT_PER_MM);
    if (!m) out.push({ kind: 'rule-mismatch', page: 1, detail: `rule of ${len.toFixed(1)} mm at y ${(r.y0 / PT_PER_MM).toFixed(1)} mm has no match in the DOCX` });
    else {
      const dl = Math.abs((m.x1 - m.x0) / PT_PER_MM - len);
      const dx = Math.abs((m.x0 + m.x1) / 2 - (r.x0 + r.x1) / 2) / PT_PER_MM;
      const dy = Math.abs(m.y0 - r.y0) / PT_PER_MM;
      if (dl > 0.5 || dx > 0.5 || dy > 1) out.push({ kind: 'rule-mismatch', page: 1, detail: `rule of ${len.toFixed(1)} mm: DOCX ${(dl).toFixed(2)} mm longer/shorter, ${dx.toFixed(2)} mm aside, ${dy.toFixed(2)} mm lower/higher` });
    }
  }
  return out;
}
