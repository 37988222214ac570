// The regulated blocks drawn in OOXML, one definition each: header (ô 1–4), title (ô 5a), Kính gửi (ô 9a),
// body paragraphs (ô 6) and the footer with Nơi nhận (ô 9b) and the signature (ô 7a–7c).
import type { Run } from '../../viewmodel/rich-text';
import type { OKyVM } from '../../viewmodel/ky-so';
import type { BangVM, ChuKyDoiVM, DocumentVM, HeaderVM, KinhGuiVM, ParagraphVM, PhuLucVM } from '../../viewmodel/types';
import { sectPr } from './base';
import { measureMm, style, textWidthMm, TOKENS } from '../tokens';
import { bookmark, borderedTable, para, rule, run, styledPara, table } from './ooxml';

const W = textWidthMm();

/** Ô 1–4 as a borderless two-column table; "Số" and the date share a row so they share a baseline (§1.4, §10). */
export function dauVanBan(h: HeaderVM): string {
  const leftW = W * TOKENS.header.leftShare;
  const rightW = W - leftW;
  const chuQuan = style('chuQuan');
  const banHanh = style('banHanh');
  const longestAgency = Math.max(0, ...h.banHanh.map((l) => measureMm(l, banHanh.size, banHanh.bold)));
  const left =
    h.chuQuan.map((l) => styledPara(l, chuQuan, { align: 'center' })).join('') +
    h.banHanh.map((l) => styledPara(l, banHanh, { align: 'center' })).join('') +
    // Rule under the issuing body: 1/3–1/2 of the name's length (§1.4 ô 2).
    rule(Math.min(longestAgency, leftW) * TOKENS.header.agencyRuleShare, leftW);
  const tieuNgu = style('tieuNgu');
  const right =
    styledPara(h.quocHieu, style('quocHieu'), { align: 'center' }) +
    styledPara(h.tieuNgu, tieuNgu, { align: 'center' }) +
    // Rule under the Tiêu ngữ: as long as its text (§1.4 ô 1).
    rule(Math.min(measureMm(h.tieuNgu, tieuNgu.size, tieuNgu.bold), rightW), rightW);
  const so = styledPara(h.soKyHieu, style('soKyHieu'), { align: 'center', beforePt: 6 });
  const date = h.diaDanhNgay ? styledPara(h.diaDanhNgay, style('diaDanhNgay'), { align: 'center', beforePt: 6 }) : '';
  return table([leftW, rightW], [[left, right], [so, date]]);
}

/** Ô 5a: type name and trích yếu, centred, bold, with a short rule below (§1.4 ô 5a). */
export function tenLoaiTrichYeu(tenLoai: string, trichYeu: string): string {
  const t = style('trichYeu');
  const len = Math.min(measureMm(trichYeu, t.size, t.bold), W);
  return (
    styledPara(tenLoai, style('tenLoai'), { align: 'center', beforePt: 18, keepNext: true }) +
    styledPara(trichYeu, t, { align: 'center', keepNext: true }) +
    rule(len * TOKENS.header.trichYeuRuleShare, W) +
    para('', { exactPt: 6 })
  );
}

/** Ô 9a: "Kính gửi:" on one line, or dashed lines aligned under the colon (§1.8). */
export function kinhGui(list: readonly KinhGuiVM[]): string {
  const s = style('kinhGui');
  return list
    .map((k) => {
      if (k.motDong) return para(run(`${k.nhan} ${k.motDong}`, s), { align: 'center', afterPt: 6 });
      const labelMm = measureMm(k.nhan.replace(/:$/, ''), s.size, s.bold);
      const start = W * 0.2;
      return (
        para(run(k.nhan, s), { leftMm: start, afterPt: 0 }) +
        k.nhieuDong.map((l, i) => para(run(l, s), { leftMm: start + labelMm, afterPt: i === k.nhieuDong.length - 1 ? 6 : 0 })).join('')
      );
    })
    .join('');
}

function runsXml(runs: readonly Run[], base: { size: number; bold: boolean; italic: boolean }): string {
  return runs
    .map((r) => run(r.text, { size: base.size, bold: base.bold || r.cls.includes('b'), italic: base.italic || r.cls.includes('i') }))
    .join('');
}

/** Body and căn cứ paragraphs: justified, first-line indent, ≥ 6 pt after, line spacing 1–1.5 (§1.4 ô 6). */
export function doanVan(paragraphs: readonly ParagraphVM[]): string {
  const body = TOKENS.body;
  return paragraphs
    .map((p) => {
      const isCanCu = p.kieu === 'canCu';
      const base = isCanCu ? style('canCu') : style('body');
      const h = isCanCu ? { bold: false, italic: true, indent: true } : TOKENS.headings[p.kieu as keyof typeof TOKENS.headings] ?? TOKENS.headings.doan;
      const fmt = { size: base.size, bold: h.bold, italic: h.italic || base.italic };
      const label = p.nhan ? run(`${p.nhan} `, fmt) : '';
      return para(label + runsXml(p.runs, fmt), {
        align: 'both',
        firstLineMm: h.indent ? body.firstLineIndentMm : 0,
        afterPt: body.spaceAfterPt,
        line: body.lineSpacing,
        keepNext: p.kieu === 'muc' || p.kieu === 'khoan' || p.kieu === 'tieuKhoan',
      });
    })
    .join('');
}

/**
 * The empty paragraph left for signing by hand or by image (ô 7c, 8), as tall as the PDF's, holding one bookmark per
 * signature slot under the PDF field's name: invisible on the page, it lets a program find the place (§3.1).
 * Bookmark ids only need to be unique in the document: each signature block takes its own ten.
 */
function khoangKy(slots: readonly OKyVM[], firstId: number): string {
  return para(slots.map((s, i) => bookmark(firstId + i, s.truong)).join(''), { exactPt: (TOKENS.signature.signatureSpaceMm / 25.4) * 72, keepNext: true });
}

/** Ô 9b and 7a–7c in one borderless row: "Nơi nhận:" level with the first authority line (§1.4, §10). */
export function cuoiVanBan(vm: Pick<DocumentVM, 'noiNhan' | 'chuKy'>): string {
  const leftW = W * TOKENS.signature.leftShare;
  const rightW = W - leftW;
  const nhan = style('nhanNoiNhan');
  const dong = style('noiNhan');
  const left = styledPara(vm.noiNhan.nhan, nhan) + vm.noiNhan.dong.map((l) => styledPara(l, dong)).join('');
  const q = style('quyenHan');
  const k = vm.chuKy;
  const right =
    k.quyenHan.map((l) => styledPara(l, q, { align: 'center', keepNext: true })).join('') +
    khoangKy(k.oKy, 100) +
    (k.chucVuKhac ? styledPara(k.chucVuKhac, style('chucVuKhac'), { align: 'center', keepNext: true }) : '') +
    styledPara(k.hoTen, style('hoTen'), { align: 'center' });
  return para('', { exactPt: 12, keepNext: true }) + table([leftW, rightW], [[left, right]], { cantSplit: true });
}

/** A bordered table of the body; a one-cell row is a bold group heading across all columns. */
export function bang(b: BangVM | undefined): string {
  if (!b || b.dong.length === 0) return '';
  const s = style('bang');
  const widths = b.doRong.map((r) => r * W);
  const cell = (text: string, o: { bold?: boolean; align?: 'left' | 'center' } = {}) => para(run(text, { size: s.size, bold: o.bold }), { align: o.align ?? 'left', beforePt: 2, afterPt: 2 });
  const rows = [
    b.cot.map((c) => cell(c, { bold: true, align: 'center' })),
    ...b.dong.map((d) => (d.nhom ? [cell(d.o[0] ?? '', { bold: true })] : d.o.map((o, i) => cell(o, { align: i === 0 ? 'center' : 'left' })))),
  ];
  return borderedTable(widths, rows) + para('', { exactPt: 6 });
}

/** Two signatures side by side (biên bản: THƯ KÝ left, CHỦ TỌA right, PL III Mẫu 1.9). */
export function chuKyDoi(trai: ChuKyDoiVM, phai: ChuKyDoiVM): string {
  const q = style('quyenHan');
  const side = (k: ChuKyDoiVM, firstId: number) =>
    k.tieuDe.map((l) => styledPara(l, q, { align: 'center', keepNext: true })).join('') +
    (k.ghiChu ? styledPara(k.ghiChu, style('ghiChuKy'), { align: 'center', keepNext: true }) : '') +
    khoangKy(k.oKy, firstId) +
    styledPara(k.hoTen, style('hoTen'), { align: 'center' });
  return para('', { exactPt: 12, keepNext: true }) + table([W / 2, W / 2], [[side(trai, 100), side(phai, 110)]], { cantSplit: true });
}

/** Nơi nhận alone, for documents whose signatures are drawn by another block. */
export function noiNhanRieng(noiNhan: DocumentVM['noiNhan']): string {
  if (noiNhan.dong.length === 0) return '';
  return para('', { exactPt: 12 }) + styledPara(noiNhan.nhan, style('nhanNoiNhan')) + noiNhan.dong.map((l) => styledPara(l, style('noiNhan'))).join('');
}

/** An appendix: new section restarting page numbers at 1, "Phụ lục" title, italic reference line, table. */
export function phuLuc(p: PhuLucVM | undefined): string {
  if (!p) return '';
  const t = style('phuLucTieuDe');
  return (
    para('', { sectPr: sectPr() }) +
    (p.nhan ? styledPara(p.nhan, style('phuLucNhan'), { align: 'center' }) : '') +
    p.tieuDe.map((l) => styledPara(l, t, { align: 'center' })).join('') +
    styledPara(p.kemTheo, style('phuLucKemTheo'), { align: 'center', afterPt: 12 }) +
    bang(p.bang) +
    doanVan(p.ghiChu)
  );
}

/** The small italic line naming the legal form above the header of a báo cáo (e.g. "Mẫu số 07 …"). */
export function dongMau(text: string): string {
  return text ? styledPara(text, style('dongMau'), { align: 'right', afterPt: 6 }) : '';
}
