// The pure layout rules: balanced line breaking of upper-case blocks and trích yếu, header columns from the measured
// text, table columns from their cells, line pitches, and the line count that decides what keeps with the signature.
import { describe, expect, it } from 'vitest';
import { breakBalanced, breakBlock } from '../../src/layout/break-lines';
import { layoutHeader } from '../../src/layout/header';
import { countLines } from '../../src/layout/paragraph';
import { bindParentheses, fitColumns } from '../../src/layout/table';
import { measureMm, pitchPt, style, textWidthMm, TOKENS } from '../../src/layout/tokens';
import { QUOC_HIEU, TIEU_NGU } from '../../src/viewmodel/header';

const bold12 = { size: 12, bold: true, italic: false };
const regular12 = { size: 12, bold: false, italic: false };
const bold14 = { size: 14, bold: true, italic: false };
const lines = (text: string, widthMm: number, s = bold12) => breakBalanced(text, { widthsMm: [widthMm], style: s }).lines;

describe('upper-case blocks: balanced lines, phrases whole', () => {
  it.each([
    // [text, column mm, style, expected lines]
    ['HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG', 62, bold12, ['HỘI ĐỒNG THI ĐUA,', 'KHEN THƯỞNG']],
    ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 62, bold12, ['HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG']],
    ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG PHƯỜNG ĐỊNH CÔNG', 62, bold12, ['HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG', 'PHƯỜNG ĐỊNH CÔNG']],
    ['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 62, bold12, ['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH']],
    ['TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG TỈNH BÀ RỊA - VŨNG TÀU', 62, bold12, ['TRUNG TÂM PHỤC VỤ', 'HÀNH CHÍNH CÔNG', 'TỈNH BÀ RỊA - VŨNG TÀU']],
    ['TM. HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG', 90, bold14, ['TM. HỘI ĐỒNG', 'THI ĐUA - KHEN THƯỞNG']],
    ['TM. ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 90, bold14, ['TM. ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH']],
    ['XÁC NHẬN CỦA THỦ TRƯỞNG ĐƠN VỊ', 77, bold14, ['XÁC NHẬN CỦA', 'THỦ TRƯỞNG ĐƠN VỊ']],
    ['UBND QUẬN HOÀNG MAI', 62, regular12, ['UBND QUẬN HOÀNG MAI']],
  ] as const)('%s in %d mm', (text, width, s, expected) => {
    expect(lines(text, width, s)).toEqual(expected);
  });

  it('never leaves an authority prefix alone, nor a lone word where the block can be balanced', () => {
    for (const w of [50, 60, 70, 80]) {
      const got = lines('TM. ỦY BAN NHÂN DÂN TỈNH QUẢNG NINH', w, bold14);
      expect(got[0]!.split(' ').length, `${w} mm: ${got.join(' / ')}`).toBeGreaterThan(1);
      for (const l of got) expect(l.split(' ').length, `${w} mm: ${got.join(' / ')}`).toBeGreaterThan(1);
    }
  });

  it('sets every line within its width, as measured in Times New Roman', () => {
    const text = 'ĐOÀN THANH NIÊN CỘNG SẢN HỒ CHÍ MINH PHƯỜNG ĐỊNH CÔNG QUẬN HOÀNG MAI THÀNH PHỐ HÀ NỘI';
    for (const w of [50, 60, 77, 90]) for (const l of lines(text, w, bold14)) expect(measureMm(l, 14, true)).toBeLessThanOrEqual(w);
  });

  it('keeps the lines a clerk gave when they fit, and breaks only those that do not', () => {
    const given = ['TM. HỘI ĐỒNG THI ĐUA -', 'KHEN THƯỞNG'];
    expect(breakBlock(given, { widthsMm: [90], style: bold14 }).lines).toEqual(given);
    expect(breakBlock(['ỦY BAN NHÂN DÂN THÀNH PHỐ HỒ CHÍ MINH', 'SỞ NỘI VỤ'], { widthsMm: [62], style: bold12 }).lines).toEqual(['ỦY BAN NHÂN DÂN', 'THÀNH PHỐ HỒ CHÍ MINH', 'SỞ NỘI VỤ']);
  });

  it('gives a heading a narrower first line (indent and label) and the margin after', () => {
    const W = textWidthMm();
    const got = breakBalanced('NHÂN RỘNG ĐIỂN HÌNH TIÊN TIẾN VỀ CẢI CÁCH HÀNH CHÍNH TRONG CƠ QUAN NHÀ NƯỚC', { widthsMm: [W - 20, W], style: bold14 });
    expect(got.lines.length).toBe(2);
    expect(measureMm(got.lines[0]!, 14, true)).toBeLessThanOrEqual(W - 20);
    expect(got.lines.join(' ')).not.toMatch(/HÀNH$/);
  });
});

describe('trích yếu: broken between phrases, balanced', () => {
  const W = textWidthMm();
  it.each([
    ['Tổ chức phong trào thi đua “Đẩy mạnh cải cách hành chính” trên địa bàn quận Hoàng Mai giai đoạn 2021-2025', ['Tổ chức phong trào thi đua “Đẩy mạnh cải cách hành chính”', 'trên địa bàn quận Hoàng Mai giai đoạn 2021-2025']],
    ['Phát động phong trào thi đua thực hiện nhiệm vụ chính trị năm 2024 của Thanh tra tỉnh giai đoạn 2021 - 2025', ['Phát động phong trào thi đua thực hiện nhiệm vụ chính trị', 'năm 2024 của Thanh tra tỉnh giai đoạn 2021 - 2025']],
  ])('%s', (text, expected) => {
    expect(breakBalanced(text, { widthsMm: [W], style: style('trichYeu') }).lines).toEqual(expected);
  });

  it('never tears a name, a number from its word, or leaves a fragment', () => {
    const text = 'Đề nghị tặng Giấy khen cho các tập thể, cá nhân thuộc Trung tâm Phục vụ hành chính công tỉnh Thừa Thiên Huế đã có thành tích xuất sắc trong phong trào thi đua năm 2024';
    const got = breakBalanced(text, { widthsMm: [W], style: style('trichYeu') }).lines;
    const longest = Math.max(...got.map((l) => measureMm(l, 14, true)));
    for (let i = 0; i + 1 < got.length; i++) {
      const pair = `${got[i]!.split(' ').pop()} ${got[i + 1]!.split(' ')[0]}`;
      expect(pair).not.toMatch(/^(Thừa Thiên|Thiên Huế|năm 2024|Trung tâm|Phục vụ|hành chính|thi đua|Giấy khen|tập thể|cá nhân)$/);
    }
    for (const l of got) expect(measureMm(l, 14, true)).toBeGreaterThan(0.3 * longest);
  });

  it('breaks only at ordinary spaces: a no-break space holds', () => {
    const text = `Số:${'\u00A0'.repeat(8)}/KH-UBND về việc tổ chức phong trào thi đua trên địa bàn huyện Hữu Lũng năm 2022 và các năm tiếp theo`;
    const got = breakBalanced(text, { widthsMm: [100], style: style('trichYeu') }).lines;
    expect(got.join(' ')).toBe(text);
    expect(got[0]).toContain('Số:\u00A0');
  });
});

describe('header columns from the measured text (§1.3, §10)', () => {
  const base = { chuQuan: ['UBND QUẬN HOÀNG MAI'], banHanh: ['HỘI ĐỒNG THI ĐUA - KHEN THƯỞNG'], quocHieu: QUOC_HIEU, tieuNgu: TIEU_NGU, soKyHieu: 'Số: 47/KH-HĐTĐKT' };
  const W = textWidthMm();

  it('keeps the decree share when the agency fits it, with the rules 0.4 of the name and as long as the Tiêu ngữ', () => {
    const h = layoutHeader({ ...base, banHanh: ['PHÒNG NỘI VỤ'], diaDanhNgay: 'Hoàng Mai, ngày 09 tháng 6 năm 2021' });
    expect(h.doRongTraiMm).toBeCloseTo(W * TOKENS.header.leftShare, 1);
    expect(h.doRongSoMm).toBe(h.doRongTraiMm);
    expect(h.gachCoQuanMm).toBeCloseTo(measureMm('PHÒNG NỘI VỤ', 12, true) * 0.4, 1);
    expect(h.gachTieuNguMm).toBeCloseTo(measureMm(TIEU_NGU, 13, true), 1);
  });

  it('never lets the Quốc hiệu, the Tiêu ngữ or the date line wrap', () => {
    const date = 'Thành phố Hồ Chí Minh, ngày 05 tháng 4 năm 2022';
    const h = layoutHeader({ ...base, diaDanhNgay: date });
    expect(h.doRongNgayMm).toBeGreaterThanOrEqual(measureMm(date, 13, false, true));
    expect(h.doRongPhaiMm).toBeGreaterThanOrEqual(measureMm(QUOC_HIEU, 12, true));
    expect(h.doRongTraiMm + h.doRongPhaiMm).toBeCloseTo(W, 5);
    expect(h.doRongSoMm + h.doRongNgayMm).toBeCloseTo(W, 5);
  });

  it('gives the agency what it needs when a long date line would tear it, narrowing only the date row', () => {
    const h = layoutHeader({ ...base, chuQuan: ['ỦY BAN NHÂN DÂN PHƯỜNG NGUYỄN THÁI BÌNH'], diaDanhNgay: 'Thành phố Hồ Chí Minh, ngày 05 tháng 4 năm 2022' });
    expect(h.chuQuan).toEqual(['ỦY BAN NHÂN DÂN', 'PHƯỜNG NGUYỄN THÁI BÌNH']);
    expect(h.doRongTraiMm).toBeGreaterThan(h.doRongSoMm);
  });
});

describe('table columns from their cells', () => {
  const o = { widthMm: 155, header: { size: 13, bold: true, italic: false }, cell: { size: 13, bold: false, italic: false }, padMm: 1.7 };
  const cot = ['STT', 'Tên tập thể, họ và tên cá nhân', 'Chức vụ, đơn vị', 'Số phiếu đồng ý', 'Tỷ lệ', 'Kết quả'];
  const rows = [
    ['100', 'Bộ phận Tiếp nhận và trả kết quả giải quyết thủ tục hành chính phường Định Công', 'Công chức Văn phòng - Thống kê, Ủy ban nhân dân phường', '100/105', '95,2%', bindParentheses('Đạt (≥ 80%)')],
    ['101', 'Nguyễn Thị Lan', '', '07/105', '6,7%', bindParentheses('Không đạt (cần ≥ 80%)')],
  ];
  const widths = fitColumns(cot, rows, o).map((s) => s * 155);

  it('adds up to the text width', () => {
    expect(widths.reduce((a, b) => a + b, 0)).toBeCloseTo(155, 1);
  });

  it('fits every figure on one line and every header word whole, the header in at most two lines', () => {
    const inner = (c: number) => widths[c]! - 2 * o.padMm + 1e-3;
    for (const c of [0, 3, 4]) for (const r of rows) expect(measureMm(r[c]!, 13, false), `${cot[c]} ${r[c]}`).toBeLessThanOrEqual(inner(c));
    for (const [c, h] of cot.entries()) for (const w of h.split(' ')) expect(measureMm(w, 13, true), `${h}: ${w}`).toBeLessThanOrEqual(inner(c));
    expect(measureMm('Số phiếu', 13, true)).toBeLessThanOrEqual(inner(3));
    expect(measureMm('(≥\u00A080%)', 13, false)).toBeLessThanOrEqual(inner(5));
  });

  it('gives the room left to the long text columns', () => {
    expect(widths[1]!).toBeGreaterThan(widths[3]!);
    expect(widths[2]!).toBeGreaterThan(widths[4]!);
  });

  it('binds the words inside parentheses only', () => {
    expect(bindParentheses('Không đạt (cần ≥ 80%)')).toBe('Không đạt (cần\u00A0≥\u00A080%)');
  });
});

describe('line pitch: one value for DOCX (exact, in twips) and CSS (pt)', () => {
  it('is a whole number of CSS pixels (0.75 pt) and of twips, between single (1.15 em) and 1.5 lines for the body', () => {
    for (const size of [11, 12, 13, 14]) {
      const p = pitchPt(size);
      expect((p / 0.75) % 1).toBeCloseTo(0, 9);
      expect((p * 20) % 1).toBeCloseTo(0, 9);
      expect(Math.abs(p - size * 1.15)).toBeLessThanOrEqual(0.375);
    }
    const body = pitchPt(14, TOKENS.body.lineSpacing);
    expect(body).toBeGreaterThanOrEqual(14 * 1.15);
    expect(body).toBeLessThanOrEqual(14 * 1.15 * 1.5);
  });
});

describe('line count of a body paragraph', () => {
  const body = style('body');
  const W = textWidthMm();
  it('counts one line for a short paragraph, and for a long one no fewer lines than its width fills, one more at most', () => {
    expect(countLines([{ text: 'Đề nghị các đơn vị thực hiện.' }], body, W, 10)).toBe(1);
    const long = 'Trên đây là Kế hoạch tổ chức phong trào thi đua của Hội đồng Thi đua - Khen thưởng phường; đề nghị các cơ quan, đơn vị, tổ dân phố nghiêm túc triển khai thực hiện.';
    for (const n of [1, 2, 5]) {
      const text = Array(n).fill(long).join(' ');
      const filled = Math.ceil((10 + measureMm(text, 14, false)) / W);
      const got = countLines([{ text }], body, W, 10);
      expect(got).toBeGreaterThanOrEqual(filled);
      expect(got).toBeLessThanOrEqual(filled + 1);
    }
    expect(countLines([{ text: long, bold: true }], body, W, 10)).toBeGreaterThanOrEqual(countLines([{ text: long }], body, W, 10));
  });
});
