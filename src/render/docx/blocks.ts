// The regulated blocks drawn in OOXML, one definition each: header (ô 1–4), title (ô 5a), Kính gửi (ô 9a),
// body paragraphs (ô 6) and the footer with Nơi nhận (ô 9b) and the signature (ô 7a–7c). Lines, widths and keeps come
// laid out in the view model; every paragraph has an exact pitch, as the CSS has, so the pages break alike.
import type { Run } from '../../viewmodel/rich-text';
import type { OKyVM } from '../../viewmodel/ky-so';
import type { BangVM, ChuKyDoiVM, DocumentVM, HeaderVM, KinhGuiVM, ParagraphVM, PhuLucVM } from '../../viewmodel/types';
import { sectPr } from './base';
import { blockPitchPt, measureMm, pitchPt, signatureSpacePt, style, textWidthMm, TOKENS } from '../tokens';
import { bookmark, borderedTable, lineBreak, para, rule, run, spacer, styledPara, table } from './ooxml';

const W = textWidthMm();

/** Ô 1–4 as a borderless two-column table; "Số" and the date share a row so they share a baseline (§1.4, §10). */
export function dauVanBan(h: HeaderVM): string {
  const leftW = h.doRongTraiMm;
  const rightW = h.doRongPhaiMm;
  const left =
    h.chuQuan.map((l) => styledPara(l, 'chuQuan', { align: 'center' })).join('') +
    h.banHanh.map((l) => styledPara(l, 'banHanh', { align: 'center' })).join('') +
    // Rule under the issuing body: 1/3–1/2 of the name's length (§1.4 ô 2).
    rule(h.gachCoQuanMm, leftW);
  const right =
    styledPara(h.quocHieu, 'quocHieu', { align: 'center' }) +
    styledPara(h.tieuNgu, 'tieuNgu', { align: 'center' }) +
    // Rule under the Tiêu ngữ: as long as its text (§1.4 ô 1).
    rule(h.gachTieuNguMm, rightW);
  const so = styledPara(h.soKyHieu, 'soKyHieu', { align: 'center', beforePt: 6 });
  const date = h.diaDanhNgay ? styledPara(h.diaDanhNgay, 'diaDanhNgay', { align: 'center', beforePt: 6 }) : '';
  if (Math.abs(h.doRongSoMm - leftW) < 0.01) return table([leftW, rightW], [[left, right], [so, date]]);
  // A date line longer than the Quốc hiệu takes room from the số's row only, not from the agency's.
  return table([h.doRongSoMm, leftW - h.doRongSoMm, rightW], [[{ xml: left, span: 2 }, right], [so, { xml: date, span: 2 }]]);
}

/** Ô 5a: type name and trích yếu on the lines the view model broke, centred, bold, with a short rule below (§1.4 ô 5a). */
export function tenLoaiTrichYeu(vm: Pick<DocumentVM, 'tenLoai' | 'trichYeuDong' | 'gachTrichYeuMm'>): string {
  const t = style('trichYeu');
  const lines = vm.trichYeuDong.map((l, i) => (i > 0 ? lineBreak(t) : '') + run(l, t)).join('');
  return (
    styledPara(vm.tenLoai, 'tenLoai', { align: 'center', beforePt: 18, keepNext: true }) +
    para(lines, { align: 'center', exactPt: pitchPt(t.size), keepNext: true, styleOf: 'trichYeu' }) +
    rule(vm.gachTrichYeuMm, W, { afterPt: TOKENS.body.spaceAfterPt })
  );
}

/** Ô 9a: "Kính gửi:" on one line, or dashed lines aligned under the colon (§1.8). */
export function kinhGui(list: readonly KinhGuiVM[]): string {
  const s = style('kinhGui');
  const exactPt = blockPitchPt('kinhGui');
  return list
    .map((k) => {
      if (k.motDong) return para(run(`${k.nhan} ${k.motDong}`, s), { align: 'center', afterPt: 6, exactPt, styleOf: 'kinhGui' });
      const labelMm = measureMm(k.nhan.replace(/:$/, ''), s.size, s.bold);
      const start = W * 0.2;
      return (
        para(run(k.nhan, s), { leftMm: start, afterPt: 0, exactPt, styleOf: 'kinhGui' }) +
        k.nhieuDong.map((l, i) => para(run(l, s), { leftMm: start + labelMm, afterPt: i === k.nhieuDong.length - 1 ? 6 : 0, exactPt, styleOf: 'kinhGui' })).join('')
      );
    })
    .join('');
}

function runsXml(runs: readonly Run[], base: { size: number; bold: boolean; italic: boolean }): string {
  return runs
    .map((r) => (r.br ? lineBreak(base) : run(r.text, { size: base.size, bold: base.bold || r.cls.includes('b'), italic: base.italic || r.cls.includes('i') })))
    .join('');
}

/**
 * Body and căn cứ paragraphs: justified, first-line indent, ≥ 6 pt after, line spacing 1–1.5 (§1.4 ô 6), no widow or
 * orphan line; headings keep with what follows. A heading the layout broke is set flush left, since an office suite
 * stretches a justified line that ends in a break.
 */
export function doanVan(paragraphs: readonly ParagraphVM[]): string {
  const body = TOKENS.body;
  return paragraphs
    .map((p) => {
      const isCanCu = p.kieu === 'canCu';
      const base = isCanCu ? style('canCu') : style('body');
      const h = isCanCu ? { bold: false, italic: true, indent: true } : TOKENS.headings[p.kieu as keyof typeof TOKENS.headings] ?? TOKENS.headings.doan;
      const fmt = { size: base.size, bold: h.bold, italic: h.italic || base.italic };
      const label = p.nhan ? run(`${p.nhan} `, fmt) : '';
      const keep = p.kieu === 'muc' || p.kieu === 'khoan' || p.kieu === 'tieuKhoan' || Boolean(p.giuVoiSau);
      return para(label + runsXml(p.runs, fmt), {
        align: p.runs.some((r) => r.br) ? 'left' : 'both',
        firstLineMm: h.indent ? body.firstLineIndentMm : 0,
        afterPt: body.spaceAfterPt,
        exactPt: blockPitchPt(isCanCu ? 'canCu' : 'body'),
        widowControl: true,
        // A paragraph kept with the next one moves whole in an office suite; said outright, Word does the same.
        keepLines: p.khongTach || keep,
        keepNext: keep,
        styleOf: isCanCu ? 'canCu' : (p.kieu as Exclude<typeof p.kieu, 'canCu'>),
      });
    })
    .join('');
}

/** The space above a footer: the body's last paragraph has its own space after, which the CSS margins collapse into it. */
function footerGap(): string {
  return spacer(TOKENS.signature.gapAbovePt - TOKENS.body.spaceAfterPt, { keepNext: true });
}

/**
 * The paragraph an office suite needs after a table that ends the document: one twip high, so that a signature
 * ending at the foot of a page does not push it onto a blank page of its own (the PDF has no such paragraph).
 */
export function endOfFooter(): string {
  return spacer(0.05);
}

/**
 * The empty paragraph left for signing by hand or by image (ô 7c, 8), as tall as the PDF's (`heightPt`), holding one
 * bookmark per signature slot under the PDF field's name: invisible on the page, it lets a program find the place
 * (§3.1). Bookmark ids only need to be unique in the document: each signature block takes its own ten.
 */
function khoangKy(slots: readonly OKyVM[], firstId: number, heightPt: number): string {
  return para(slots.map((s, i) => bookmark(firstId + i, s.truong)).join(''), { exactPt: heightPt, keepNext: true, styleOf: 'choKy' });
}

/** Ô 9b and 7a–7c in one borderless row: "Nơi nhận:" level with the first authority line (§1.4, §10). */
export function cuoiVanBan(vm: Pick<DocumentVM, 'noiNhan' | 'chuKy'>): string {
  const leftW = W * TOKENS.signature.leftShare;
  const rightW = W - leftW;
  const left = styledPara(vm.noiNhan.nhan, 'nhanNoiNhan') + vm.noiNhan.dong.map((l) => styledPara(l, 'noiNhan')).join('');
  const k = vm.chuKy;
  const right =
    k.quyenHan.map((l) => styledPara(l, 'quyenHan', { align: 'center', keepNext: true })).join('') +
    khoangKy(k.oKy, 100, signatureSpacePt()) +
    k.chucVuKhac.map((l) => styledPara(l, 'chucVuKhac', { align: 'center', keepNext: true })).join('') +
    styledPara(k.hoTen, 'hoTen', { align: 'center' });
  return footerGap() + table([leftW, rightW], [[left, right]], { cantSplit: true }) + endOfFooter();
}

/**
 * A bordered table of the body; a one-cell row is a bold group heading across all columns. The header row repeats on
 * every page; no row splits; a table kept with what follows keeps its last row there.
 */
export function bang(b: BangVM | undefined): string {
  if (!b || b.dong.length === 0) return '';
  const s = style('bang');
  const t = TOKENS.table;
  const widths = b.doRong.map((r) => r * W);
  const last = b.dong.length - 1;
  const cell = (text: string, o: { bold?: boolean; align?: 'left' | 'center'; keepNext?: boolean } = {}) =>
    para(run(text, { size: s.size, bold: o.bold }), {
      align: o.align ?? 'left',
      beforePt: t.cellPadVertPt,
      afterPt: t.cellPadVertPt,
      exactPt: pitchPt(s.size),
      keepNext: o.keepNext,
      styleOf: o.bold ? 'bangTieuDe' : 'bang',
    });
  const rows = [
    b.cot.map((c) => cell(c, { bold: true, align: 'center', keepNext: true })),
    ...b.dong.map((d, r) => {
      const keepNext = r === last && Boolean(b.giuVoiSau);
      return d.nhom ? [cell(d.o[0] ?? '', { bold: true, keepNext: true })] : d.o.map((o, i) => cell(o, { align: i === 0 ? 'center' : 'left', keepNext }));
    }),
  ];
  return borderedTable(widths, rows) + spacer(TOKENS.body.spaceAfterPt, { keepNext: Boolean(b.giuVoiSau) });
}

/** One signature of a two-signature footer; the space under its captions lines its name up with the other's. */
function side(k: ChuKyDoiVM, firstId: number): string {
  return (
    k.tieuDe.map((l) => styledPara(l, 'quyenHan', { align: 'center', keepNext: true })).join('') +
    (k.ghiChu ? styledPara(k.ghiChu, 'ghiChuKy', { align: 'center', keepNext: true }) : '') +
    khoangKy(k.oKy, firstId, k.khoangKyPt) +
    styledPara(k.hoTen, 'hoTen', { align: 'center' })
  );
}

/** Two signatures side by side (biên bản: THƯ KÝ left, CHỦ TỌA right, PL III Mẫu 1.9). */
export function chuKyDoi(trai: ChuKyDoiVM, phai: ChuKyDoiVM): string {
  return footerGap() + table([W / 2, W / 2], [[side(trai, 100), side(phai, 110)]], { cantSplit: true }) + endOfFooter();
}

/** The paragraphs of a Nơi nhận set under other blocks: the space above it, the label, the lines. */
function noiNhanParas(noiNhan: DocumentVM['noiNhan']): string {
  const last = noiNhan.dong.length - 1;
  return (
    spacer(TOKENS.signature.gapAbovePt, { keepNext: true }) +
    styledPara(noiNhan.nhan, 'nhanNoiNhan', { keepNext: true }) +
    noiNhan.dong.map((l, i) => styledPara(l, 'noiNhan', { keepNext: i < last })).join('')
  );
}

/**
 * Two signatures with the Nơi nhận under them (a biên bản): one unsplittable row holding both, since an office suite
 * keeps no table with the paragraph after it, and the Nơi nhận must not start a page of its own. The PDF draws the
 * same two blocks one after the other and keeps them together (break-before: avoid).
 */
export function chuKyDoiVaNoiNhan(trai: ChuKyDoiVM, phai: ChuKyDoiVM, noiNhan: DocumentVM['noiNhan']): string {
  if (noiNhan.dong.length === 0) return chuKyDoi(trai, phai);
  const signatures = table([W / 2, W / 2], [[side(trai, 100), side(phai, 110)]], { cantSplit: true });
  return footerGap() + table([W], [[signatures + noiNhanParas(noiNhan)]], { cantSplit: true }) + endOfFooter();
}

/** Nơi nhận alone, for documents whose signatures are drawn by another block. */
export function noiNhanRieng(noiNhan: DocumentVM['noiNhan']): string {
  if (noiNhan.dong.length === 0) return '';
  return noiNhanParas(noiNhan);
}

/** An appendix: new section restarting page numbers at 1, "Phụ lục" title, italic reference line, table. */
export function phuLuc(p: PhuLucVM | undefined): string {
  if (!p) return '';
  return (
    spacer(0.05, { sectPr: sectPr() }) +
    (p.nhan ? styledPara(p.nhan, 'phuLucNhan', { align: 'center' }) : '') +
    p.tieuDe.map((l) => styledPara(l, 'phuLucTieuDe', { align: 'center' })).join('') +
    styledPara(p.kemTheo, 'phuLucKemTheo', { align: 'center', afterPt: 12 }) +
    bang(p.bang) +
    doanVan(p.ghiChu)
  );
}

/** The small italic line naming the legal form above the header of a báo cáo (e.g. "Mẫu số 07 …"). */
export function dongMau(text: string): string {
  return text ? styledPara(text, 'dongMau', { align: 'right', afterPt: 6 }) : '';
}
