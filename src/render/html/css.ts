// The print stylesheet, written from the same design tokens as the OOXML, so DOCX and PDF follow one table.
import { TOKENS, textWidthMm, type BlockName } from '../tokens';

function font(name: BlockName): string {
  const s = TOKENS.blocks[name];
  return `font-size:${s.size}pt;font-weight:${s.bold ? 700 : 400};font-style:${s.italic ? 'italic' : 'normal'};`;
}

export function printCss(): string {
  const p = TOKENS.page;
  const families = [TOKENS.font.family, ...TOKENS.font.fallbacks].map((f) => `"${f}"`).join(', ');
  const W = textWidthMm();
  const leftW = W * TOKENS.header.leftShare;
  const sigLeft = W * TOKENS.signature.leftShare;
  const b = TOKENS.body;
  const heading = (k: keyof typeof TOKENS.headings) => {
    const h = TOKENS.headings[k];
    return `.p-${k}{font-weight:${h.bold ? 700 : 400};font-style:${h.italic ? 'italic' : 'normal'};text-indent:${h.indent ? b.firstLineIndentMm : 0}mm;}`;
  };
  return [
    `@page{size:${p.widthMm}mm ${p.heightMm}mm;margin:${p.marginTopMm}mm ${p.marginRightMm}mm ${p.marginBottomMm}mm ${p.marginLeftMm}mm;}`,
    `html,body{margin:0;padding:0;color:#000;background:#fff;font-family:${families}, serif;${font('body')}}`,
    `*{box-sizing:border-box;}`,
    `.page{width:${W}mm;}`,
    `table.hdr,table.ftr{width:${W}mm;border-collapse:collapse;table-layout:fixed;}`,
    `table.hdr td,table.ftr td{padding:0;vertical-align:top;text-align:center;}`,
    `table.hdr col.l{width:${leftW}mm;} table.hdr col.r{width:${W - leftW}mm;}`,
    `table.ftr col.l{width:${sigLeft}mm;} table.ftr col.r{width:${W - sigLeft}mm;}`,
    `.line{display:block;margin:0;line-height:1.15;}`,
    `.chuQuan{${font('chuQuan')}} .banHanh{${font('banHanh')}} .quocHieu{${font('quocHieu')}} .tieuNgu{${font('tieuNgu')}}`,
    `.soKyHieu{${font('soKyHieu')}padding-top:6pt;} .diaDanhNgay{${font('diaDanhNgay')}padding-top:6pt;}`,
    // Rules: an inline-block shrinks to its text, so a child's percentage width is a share of the text's length.
    `.shrink{display:inline-block;max-width:100%;}`,
    `.rule{border-top:1px solid #000;margin:1pt auto 0 auto;height:0;}`,
    `.rule-agency{width:${TOKENS.header.agencyRuleShare * 100}%;} .rule-full{width:100%;} .rule-trichYeu{width:${TOKENS.header.trichYeuRuleShare * 100}%;}`,
    `.tenLoai{${font('tenLoai')}text-align:center;margin:18pt 0 0 0;page-break-after:avoid;}`,
    `.trichYeu{${font('trichYeu')}text-align:center;margin:0 0 6pt 0;page-break-after:avoid;}`,
    `.kinhGui{${font('kinhGui')}margin:0 0 ${b.spaceAfterPt}pt 0;} .kinhGui.one{text-align:center;}`,
    // The label's width minus its colon sets where the dashes start, so they stand under the colon (§1.8).
    `.kinhGui.many{display:grid;grid-template-columns:max-content 1fr;margin-left:${W * 0.2}mm;} .kinhGui.many .lbl{grid-column:1;grid-row:1;margin-right:-0.28em;} .kinhGui.many .item{grid-column:2;}`,
    `p.doan{margin:0 0 ${b.spaceAfterPt}pt 0;text-align:justify;line-height:${b.lineSpacing};orphans:2;widows:2;}`,
    `.p-canCu{${font('canCu')}text-indent:${b.firstLineIndentMm}mm;}`,
    ...(Object.keys(TOKENS.headings) as (keyof typeof TOKENS.headings)[]).map(heading),
    `.p-muc,.p-khoan,.p-tieuKhoan{page-break-after:avoid;}`,
    `.b{font-weight:700;} .i{font-style:italic;}`,
    `table.ftr{margin-top:12pt;page-break-inside:avoid;}`,
    `table.ftr td.l{text-align:left;}`,
    `.nhanNoiNhan{${font('nhanNoiNhan')}} .noiNhan{${font('noiNhan')}line-height:1.15;}`,
    `.quyenHan{${font('quyenHan')}} .chucVuKhac{${font('chucVuKhac')}} .hoTen{${font('hoTen')}}`,
    `.kySpace{height:${TOKENS.signature.signatureSpaceMm}mm;position:relative;}`,
    // The signature-space mark covers its box exactly; absolutely placed, it moves nothing and is never painted.
    `a.oKy{position:absolute;left:0;top:0;width:100%;height:100%;display:block;}`,
    `.oKyPhuLuc{height:${TOKENS.signature.appendixSlotHeightMm}mm;position:relative;}`,
    `.ghiChuKy{${font('ghiChuKy')}}`,
    `.dongMau{${font('dongMau')}text-align:right;margin-bottom:6pt;}`,
    `table.doi td{width:50%;}`,
    `.noiNhanRieng{margin-top:12pt;page-break-inside:avoid;}`,
    `table.bang{width:${W}mm;border-collapse:collapse;margin:0 0 6pt 0;${font('bang')}}`,
    `table.bang th,table.bang td{border:0.75pt solid #000;padding:2pt 4pt;vertical-align:top;text-align:left;}`,
    `table.bang th{font-weight:700;text-align:center;} table.bang td:first-child{text-align:center;} table.bang tr.nhom td{font-weight:700;text-align:left;}`,
    `table.bang thead{display:table-header-group;} table.bang tr{page-break-inside:avoid;}`,
    `.phuLucNhan{${font('phuLucNhan')}text-align:center;} .phuLucTieuDe{${font('phuLucTieuDe')}text-align:center;}`,
    `.phuLucKemTheo{${font('phuLucKemTheo')}text-align:center;margin-bottom:12pt;}`,
  ].join('\n');
}
