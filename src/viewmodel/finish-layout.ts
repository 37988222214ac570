// The last step of every form's view model: the line breaks and keeps a văn thư would set by hand, decided once here so
// that DOCX and PDF draw the same lines and break pages in the same places.
import { breakBalanced, breakBlock } from '../layout/break-lines';
import { countLines } from '../layout/paragraph';
import { bindParentheses, cellPadMm, fitColumns } from '../layout/table';
import { blockPitchPt, measureStyled, signatureSpacePt, style, textWidthMm, TOKENS, vpt } from '../layout/tokens';
import { datNeo, neoBen, neoMotNguoi, neoPhuLuc } from './ky-so';
import type { Run } from './rich-text';
import type { BangVM, ChuKyDoiVM, DocumentVM, ParagraphVM } from './types';

const mm2 = (v: number) => Math.round(v * 100) / 100;

/** Width of the signature column of the one-signer footer (ô 7a–7b). */
export function signatureColumnMm(): number {
  return textWidthMm() * (1 - TOKENS.signature.leftShare);
}

/**
 * An upper-case heading ("V. NHÂN RỘNG ĐIỂN HÌNH …") broken into balanced lines: its first line starts after the
 * indent and the label, the others at the margin (regulations §1.4.1 B).
 */
export function breakHeading(p: ParagraphVM): ParagraphVM {
  if (p.runs.some((r) => r.br)) return p;
  const body = style('body');
  const s = { ...body, bold: TOKENS.headings.muc.bold };
  const W = textWidthMm();
  const label = p.nhan ? measureStyled(`${p.nhan} `, s) : 0;
  const first = W - (TOKENS.headings.muc.indent ? TOKENS.body.firstLineIndentMm : 0) - label;
  const text = p.runs.map((r) => r.text).join('');
  const broken = breakBalanced(text, { widthsMm: [first, W], style: s });
  if (broken.lines.length < 2) return p;
  // Character offsets where the second and later lines start, in the joined text.
  const offsets: number[] = [];
  let pos = 0;
  for (const t of broken.tokens) {
    const i = text.indexOf(t, pos);
    offsets.push(i);
    pos = i + t.length;
  }
  const pending = broken.starts.slice(1).map((s) => offsets[s]!);
  const runs: Run[] = [];
  let offset = 0;
  for (const r of p.runs) {
    let rest = r.text;
    let base = offset;
    while (pending.length && pending[0]! < base + rest.length) {
      const c = pending.shift()!;
      if (c > base) runs.push({ text: rest.slice(0, c - base), cls: r.cls });
      // The space before the break stays at the end of the line above, so the text reads the same without breaks.
      runs.push({ text: '', cls: '', br: true });
      rest = rest.slice(c - base);
      base = c;
    }
    if (rest) runs.push({ text: rest, cls: r.cls });
    offset += r.text.length;
  }
  return { ...p, runs };
}

function lineCount(p: ParagraphVM, atMost = Infinity): number {
  const kind = p.kieu === 'canCu' ? { bold: false, italic: true, indent: true } : TOKENS.headings[p.kieu as keyof typeof TOKENS.headings] ?? TOKENS.headings.doan;
  const base = { ...style(p.kieu === 'canCu' ? 'canCu' : 'body'), bold: kind.bold, italic: kind.italic || (p.kieu === 'canCu') };
  const segments = [
    ...(p.nhan ? [{ text: `${p.nhan} ` }] : []),
    ...p.runs.filter((r) => !r.br).map((r) => ({ text: r.text, bold: r.cls.includes('b'), italic: r.cls.includes('i') })),
  ];
  const breaks = p.runs.filter((r) => r.br).length;
  return countLines(segments, base, textWidthMm(), kind.indent ? TOKENS.body.firstLineIndentMm : 0, atMost) + breaks;
}

/** Lines of a two-signature footer side: captions, note, then the space that lines the two names up (item 7b). */
function sideHeightPt(k: ChuKyDoiVM): number {
  return k.tieuDe.length * blockPitchPt('quyenHan') + (k.ghiChu ? blockPitchPt('ghiChuKy') : 0);
}

export function finishLayout(vm: DocumentVM): DocumentVM {
  const W = textWidthMm();
  const out: DocumentVM = { ...vm };

  // Ô 5a: the trích yếu on balanced lines broken between phrases, its rule 1/3–1/2 of the longest (§1.4 ô 5a).
  const ty = style('trichYeu');
  out.trichYeuDong = breakBalanced(vm.trichYeu, { widthsMm: [W], style: ty }).lines;
  out.gachTrichYeuMm = mm2(Math.max(0, ...out.trichYeuDong.map((l) => measureStyled(l, ty))) * TOKENS.header.trichYeuRuleShare);

  // Ô 7a–7b: authority lines and the other position broken to the signature column; a clerk's own lines are kept.
  const sig = { widthsMm: [signatureColumnMm()], style: style('quyenHan') };
  out.chuKy = { ...vm.chuKy, quyenHan: breakBlock(vm.chuKy.quyenHan, sig).lines, chucVuKhac: breakBlock(vm.chuKy.chucVuKhac, { ...sig, style: style('chucVuKhac') }).lines };
  // Each signature slot names the lines printed just above and below its space, so they are those of the broken lines.
  out.chuKy.oKy = datNeo(vm.chuKy.oKy, neoMotNguoi(out.chuKy));

  // Upper-case headings of the body.
  const heading = (list: ParagraphVM[]) => list.map((p) => (p.kieu === 'muc' ? breakHeading(p) : p));
  out.canCu = heading(vm.canCu);
  out.moDau = heading(vm.moDau);
  out.noiDung = heading(vm.noiDung);
  out.ketLuan = heading(vm.ketLuan);
  if (vm.phan) out.phan = vm.phan.map((p) => ({ doan: heading(p.doan), bang: p.bang ? fitTable(p.bang) : null }));

  // Two signatures side by side: captions broken to half the width, names on one line across both (PL III Mẫu 1.9).
  if (vm.chuKyDoi) {
    const half = { widthsMm: [W / 2], style: style('quyenHan') };
    const trai = { ...vm.chuKyDoi.trai, tieuDe: breakBlock(vm.chuKyDoi.trai.tieuDe, half).lines };
    const phai = { ...vm.chuKyDoi.phai, tieuDe: breakBlock(vm.chuKyDoi.phai.tieuDe, half).lines };
    const tallest = Math.max(sideHeightPt(trai), sideHeightPt(phai));
    const space = (k: ChuKyDoiVM) => vpt(signatureSpacePt() + tallest - sideHeightPt(k));
    const side = (k: ChuKyDoiVM): ChuKyDoiVM => ({ ...k, khoangKyPt: space(k), oKy: datNeo(k.oKy, neoBen(k)) });
    out.chuKyDoi = { trai: side(trai), phai: side(phai) };
  }

  if (vm.phuLuc) {
    const phuLuc = { ...vm.phuLuc, tieuDe: breakBlock(vm.phuLuc.tieuDe, { widthsMm: [W], style: style('phuLucTieuDe') }).lines, bang: fitTable(vm.phuLuc.bang) };
    out.phuLuc = { ...phuLuc, oKy: datNeo(phuLuc.oKy, neoPhuLuc(phuLuc)) };
  }

  keepTogether(out);
  unsplittable(out);
  return out;
}

/** Marks the body paragraphs too short to split with two lines on each page (widow and orphan control, §1.4 ô 6). */
function unsplittable(vm: DocumentVM): void {
  const mark = (list: ParagraphVM[]) => list.forEach((p, i) => {
    if (lineCount(p, 3) <= 3) list[i] = { ...p, khongTach: true };
  });
  for (const list of [vm.canCu, vm.moDau, vm.noiDung, vm.ketLuan, ...(vm.phan ?? []).map((p) => p.doan)]) mark(list);
}

/** Column widths from the cells (group rows span the table and do not count). */
function fitTable(b: BangVM): BangVM {
  const cell = style('bang');
  const dong = b.dong.map((d) => ({ ...d, o: d.o.map(bindParentheses) }));
  const rows = dong.filter((d) => !d.nhom).map((d) => d.o);
  return { ...b, dong, doRong: fitColumns(b.cot, rows, { widthMm: textWidthMm(), header: { ...cell, bold: true }, cell, padMm: cellPadMm() }) };
}

type Item = { p: ParagraphVM; list: ParagraphVM[]; at: number } | { bang: BangVM };

/**
 * Keeps (§1.4 ô 6 and ô 7 read as a văn thư does): a caption with its table, and the signature with at least the last
 * two lines of the body, so that no signed page can be detached from its text. Headings keep with what follows them in
 * the renderers, by their kind.
 */
function keepTogether(vm: DocumentVM): void {
  const items: Item[] = [];
  const add = (list: ParagraphVM[]) => list.forEach((p, at) => items.push({ p, list, at }));
  add(vm.canCu);
  add(vm.moDau);
  add(vm.noiDung);
  add(vm.ketLuan);
  for (const ph of vm.phan ?? []) {
    add(ph.doan);
    if (ph.bang && ph.bang.dong.length) items.push({ bang: ph.bang });
  }
  const keep = (item: Item) => {
    if ('bang' in item) item.bang.giuVoiSau = true;
    else item.list[item.at] = { ...item.p, giuVoiSau: true };
  };
  items.forEach((item, i) => {
    const next = items[i + 1];
    if (!next || 'bang' in item) return;
    // A caption keeps with its table, and a lead-in ending in ":" with the first item it announces.
    const text = item.p.runs.map((r) => r.text).join('').trim();
    if ('bang' in next || text.endsWith(':')) keep(item);
  });
  const last = items[items.length - 1];
  if (!last) return;
  keep(last);
  // A last paragraph of one line brings the line before it too.
  if (!('bang' in last) && lineCount(last.p, 2) < 2) {
    const before = items[items.length - 2];
    if (before) keep(before);
  }
}
