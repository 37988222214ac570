// The print stylesheet, written from the same design tokens as the OOXML, so DOCX and PDF follow one table: every
// block has the DOCX's exact line pitch in pt, every vertical space the DOCX's, and the fonts no kerning (as Word).
import { blockPitchPt, MM_PER_PT, pitchPt, ruleGapPt, signatureSpacePt, TOKENS, textWidthMm, vpt, type BlockName } from '../tokens';

function font(name: BlockName): string {
  const s = TOKENS.blocks[name];
  return `font-size:${s.size}pt;font-weight:${s.bold ? 700 : 400};font-style:${s.italic ? 'italic' : 'normal'};line-height:${blockPitchPt(name)}pt;`;
}

export function printCss(): string {
  const p = TOKENS.page;
  const families = [TOKENS.font.family, ...TOKENS.font.fallbacks].map((f) => `"${f}"`).join(', ');
  const W = textWidthMm();
  const sigLeft = W * TOKENS.signature.leftShare;
  const b = TOKENS.body;
  const r = TOKENS.rule;
  const t = TOKENS.table;
  const heading = (k: keyof typeof TOKENS.headings) => {
    const h = TOKENS.headings[k];
    return `.p-${k}{font-weight:${h.bold ? 700 : 400};font-style:${h.italic ? 'italic' : 'normal'};text-indent:${h.indent ? b.firstLineIndentMm : 0}mm;}`;
  };
  // The footer's space above it: a margin that collapses with the body's last space after, as the DOCX adds the two.
  const footerGap = TOKENS.signature.gapAbovePt;
  return [
    `@page{size:${p.widthMm}mm ${p.heightMm}mm;margin:${p.marginTopMm}mm ${p.marginRightMm}mm ${p.marginBottomMm + TOKENS.layout.printBottomExtraMm}mm ${p.marginLeftMm}mm;}`,
    `html,body{margin:0;padding:0;color:#000;background:#fff;font-family:${families}, serif;${font('body')}font-kerning:none;font-variant-ligatures:none;}`,
    `*{box-sizing:border-box;}`,
    `.page{width:${W}mm;}`,
    `table.hdr,table.ftr{width:${W}mm;border-collapse:collapse;table-layout:fixed;}`,
    `table.hdr td,table.ftr td{padding:0;vertical-align:top;text-align:center;}`,
    `table.ftr col.l{width:${sigLeft}mm;} table.ftr col.r{width:${W - sigLeft}mm;}`,
    `.line{display:block;margin:0;}`,
    `.chuQuan{${font('chuQuan')}} .banHanh{${font('banHanh')}} .quocHieu{${font('quocHieu')}} .tieuNgu{${font('tieuNgu')}}`,
    `table.hdr td.soKyHieu{${font('soKyHieu')}padding-top:6pt;} table.hdr td.diaDanhNgay{${font('diaDanhNgay')}padding-top:6pt;}`,
    // A rule is the foot of an empty box as high as its gap under the text, as the DOCX draws it; its length is given.
    `.rule{box-sizing:content-box;height:${ruleGapPt()}pt;border-bottom:${r.weightPt}pt solid #000;margin:0 auto;line-height:0;font-size:0;}`,
    `.tenLoai{${font('tenLoai')}text-align:center;margin:18pt 0 0 0;break-after:avoid;}`,
    `.trichYeu{${font('trichYeu')}text-align:center;margin:0;break-after:avoid;}`,
    `.rule-trichYeu{margin-bottom:${b.spaceAfterPt}pt;}`,
    `.kinhGui{${font('kinhGui')}margin:0 0 ${b.spaceAfterPt}pt 0;} .kinhGui.one{text-align:center;}`,
    // The label's width minus its colon sets where the dashes start, so they stand under the colon (§1.8).
    `.kinhGui.many{display:grid;grid-template-columns:max-content 1fr;margin-left:${W * 0.2}mm;} .kinhGui.many .lbl{grid-column:1;grid-row:1;margin-right:-0.28em;} .kinhGui.many .item{grid-column:2;}`,
    `p.doan{margin:0 0 ${b.spaceAfterPt}pt 0;text-align:justify;line-height:${blockPitchPt('body')}pt;orphans:2;widows:2;}`,
    `p.p-canCu{${font('canCu')}text-indent:${b.firstLineIndentMm}mm;}`,
    ...(Object.keys(TOKENS.headings) as (keyof typeof TOKENS.headings)[]).map(heading),
    // Headings keep with what follows; so do a table's caption and the body's last lines before the signature. An
    // office suite moves a paragraph kept with the next one whole, so the PDF does too.
    `.p-muc,.p-khoan,.p-tieuKhoan,p.giu{break-after:avoid;break-inside:avoid;} p.nguyen{break-inside:avoid;}`,
    `.b{font-weight:700;} .i{font-style:italic;}`,
    `table.ftr{margin-top:${footerGap}pt;break-inside:avoid;} .sauBang+table.ftr{margin-top:${footerGap - b.spaceAfterPt}pt;}`,
    `table.ftr td.l{text-align:left;}`,
    `.nhanNoiNhan{${font('nhanNoiNhan')}} .noiNhan{${font('noiNhan')}}`,
    `.quyenHan{${font('quyenHan')}} .chucVuKhac{${font('chucVuKhac')}} .hoTen{${font('hoTen')}}`,
    `.kySpace{height:${signatureSpacePt()}pt;position:relative;}`,
    // The signature-space mark covers its box exactly; absolutely placed, it moves nothing and is never painted.
    `a.oKy{position:absolute;left:0;top:0;width:100%;height:100%;display:block;}`,
    `.oKyPhuLuc{height:${vpt(TOKENS.signature.appendixSlotHeightMm / MM_PER_PT)}pt;position:relative;}`,
    `.ghiChuKy{${font('ghiChuKy')}}`,
    `.dongMau{${font('dongMau')}text-align:right;margin-bottom:6pt;}`,
    `table.doi td{width:50%;}`,
    // A biên bản's Nơi nhận under its two signatures: never on a page of its own.
    `.noiNhanRieng{margin-top:${footerGap}pt;break-inside:avoid;break-before:avoid;}`,
    `table.bang{width:${W}mm;border-collapse:collapse;table-layout:fixed;margin:0;${font('bang')}}`,
    `table.bang th,table.bang td{border:${t.rulePt}pt solid #000;padding:${t.cellPadVertPt}pt ${t.cellPadPt}pt;vertical-align:top;text-align:left;line-height:${pitchPt(TOKENS.blocks.bang.size)}pt;}`,
    `table.bang th{font-weight:700;text-align:center;} table.bang td:first-child{text-align:center;} table.bang tr.nhom td{font-weight:700;text-align:left;}`,
    `table.bang thead{display:table-header-group;} table.bang tr{break-inside:avoid;}`,
    // The space after a table is a box of its own, as the DOCX's empty paragraph, so both move to a new page alike.
    `.sauBang{height:${b.spaceAfterPt}pt;} table.bang.giu,.sauBang.giu{break-after:avoid;}`,
    `.phuLucNhan{${font('phuLucNhan')}text-align:center;} .phuLucTieuDe{${font('phuLucTieuDe')}text-align:center;}`,
    `.phuLucKemTheo{${font('phuLucKemTheo')}text-align:center;margin-bottom:12pt;}`,
  ].join('\n');
}
