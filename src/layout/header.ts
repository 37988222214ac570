// The two columns of the national header sized from the measured text (regulations §1.3, §10): the Quốc hiệu, the
// Tiêu ngữ and the date line each hold on one line; the agency column takes what its name needs within what is left.
import { breakBlock } from './break-lines';
import { measureStyled, style, textWidthMm, TOKENS } from './tokens';

export interface HeaderText {
  /** Governing body and issuing body lines as given (one string is one line to break, a clerk's list is kept). */
  chuQuan: readonly string[];
  banHanh: readonly string[];
  quocHieu: string;
  tieuNgu: string;
  soKyHieu: string;
  diaDanhNgay: string;
}

export interface HeaderLayout {
  chuQuan: string[];
  banHanh: string[];
  /** Row of ô 2 and ô 1: the agency column and the Quốc hiệu column. */
  doRongTraiMm: number;
  doRongPhaiMm: number;
  /**
   * Row of ô 3 and ô 4: the số column, the same as the agency's unless a long date line (Thành phố Hồ Chí Minh …)
   * needs more than the Quốc hiệu; the agency's row then keeps its width and only the date's row gives way.
   */
  doRongSoMm: number;
  doRongNgayMm: number;
  /** Rule under the issuing body, 1/3–1/2 of its longest line (§1.4 ô 2). */
  gachCoQuanMm: number;
  /** Rule under the Tiêu ngữ, as long as its text (§1.4 ô 1). */
  gachTieuNguMm: number;
}

const mm2 = (v: number) => Math.round(v * 100) / 100;

export function layoutHeader(h: HeaderText): HeaderLayout {
  const W = textWidthMm();
  const t = TOKENS.header;
  const pad = t.columnPadMm;
  const titleNeed = Math.max(measureStyled(h.quocHieu, style('quocHieu')), measureStyled(h.tieuNgu, style('tieuNgu'))) + pad;
  const dateNeed = (h.diaDanhNgay ? measureStyled(h.diaDanhNgay, style('diaDanhNgay')) : 0) + pad;
  const soNeed = measureStyled(h.soKyHieu, style('soKyHieu')) + pad;
  const leftDefault = W * t.leftShare;
  const leftMax = W - titleNeed;
  const soMax = Math.max(soNeed, W - dateNeed);
  const leftMin = Math.min(leftMax, Math.max(W * t.minLeftShare, soNeed));
  // The decree's share first; a wider agency column only where it spares a torn phrase or a line, and a date row
  // narrower than the agency's only where the agency could not be set whole otherwise.
  let best: { cost: number; left: number; so: number; chuQuan: string[]; banHanh: string[] } | undefined;
  const candidates = new Set<number>([Math.min(leftDefault, leftMax)]);
  for (let l = Math.ceil(leftMin); l <= leftMax; l += 1) candidates.add(l);
  candidates.add(leftMax);
  candidates.add(Math.min(soMax, leftMax));
  for (const left of [...candidates].filter((l) => l >= leftMin && l <= leftMax)) {
    const cq = breakBlock(h.chuQuan, { widthsMm: [left], style: style('chuQuan') });
    const bh = breakBlock(h.banHanh, { widthsMm: [left], style: style('banHanh') });
    const so = Math.min(left, soMax);
    const split = left - so > 0.01 ? t.splitRowsCost + (left - so) * t.widenCostPerMm : 0;
    const cost = cq.cost + bh.cost + Math.abs(left - leftDefault) * t.widenCostPerMm + split;
    if (!best || cost < best.cost - 1e-9) best = { cost, left, so, chuQuan: cq.lines, banHanh: bh.lines };
  }
  const chosen = best!;
  const longest = Math.max(0, ...chosen.banHanh.map((l) => measureStyled(l, style('banHanh'))));
  return {
    chuQuan: chosen.chuQuan,
    banHanh: chosen.banHanh,
    doRongTraiMm: mm2(chosen.left),
    doRongPhaiMm: mm2(W - chosen.left),
    doRongSoMm: mm2(chosen.so),
    doRongNgayMm: mm2(W - chosen.so),
    gachCoQuanMm: mm2(Math.min(longest, chosen.left) * t.agencyRuleShare),
    gachTieuNguMm: mm2(measureStyled(h.tieuNgu, style('tieuNgu'))),
  };
}
