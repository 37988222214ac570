// The real documents in ../shared/seeds reproduced from data/: ≥ 95 % of each seed's words in the PDF, and the
// header, number, date, nơi nhận and signature exactly as issued.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { coverage, hasGappedLine, pdfText, renderAll, squash, tmpDir } from './helpers';
import { needSeeds, SEEDS_DIR } from './needs';

// The seeds sit beside the project (../shared/seeds), not in a clone: without them this file skips and says so.
const haveSeeds = needSeeds('the seed comparison (test/seeds.test.ts)');

interface Expectation {
  example: string;
  header: string[];
  soKyHieu: string;
  diaDanhNgay: string;
  noiNhan: string[];
  chuKy: string[];
}

// Written from the seeds themselves (not from the program), with the seeds' own typos mended:
// "Số: 47/KH - HĐTĐKT", "Lưu VT.", "Lưu:VT." and the stray "(đề B/cáo)" lines.
const SEEDS: Record<string, Expectation> = {
  'ke-hoach-hoang-mai-2021': {
    example: 'data/campaigns/ke-hoach-hoang-mai-2021.json',
    header: ['UBND QUẬN HOÀNG MAI', 'HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    soKyHieu: 'Số: 47/KH-HĐTĐKT',
    diaDanhNgay: 'Hoàng Mai, ngày 09 tháng 6 năm 2021',
    noiNhan: ['Nơi nhận:', '- Ban TĐKT Thành phố (để b/cáo);', '- TT Quận ủy (để b/cáo);', '- TT HĐND Quận (để b/cáo);', '- Lãnh đạo UBND Quận (để b/cáo);',
      '- Các phường, phòng, ban, ngành, đoàn thể thuộc Quận (để t/hiện);', '- Cổng TTĐT Quận (để t/hiện);', '- UBND các phường (để t/hiện);', '- Lưu: VT.'],
    chuKy: ['TM. HỘI ĐỒNG THI ĐUA KHEN THƯỞNG', 'CHỦ TỊCH', 'CHỦ TỊCH ỦY BAN NHÂN DÂN', 'Nguyễn Minh Tâm'],
  },
  'phat-dong-huu-lung-2022': {
    example: 'data/campaigns/phat-dong-huu-lung-2022.json',
    header: ['ỦY BAN NHÂN DÂN', 'HUYỆN HỮU LŨNG', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    soKyHieu: 'Số: /PD-UBND',
    diaDanhNgay: 'Hữu Lũng, ngày tháng 3 năm 2022',
    noiNhan: ['Nơi nhận:', '- Hội đồng TĐKT tỉnh;', '- Sở Nội vụ; Sở VH, TT và DL;', '- Ban TĐKT, Sở Nội vụ;', '- Thường trực Huyện ủy;', '- Thường trực HĐND huyện;',
      '- UBND các huyện: Văn Quan, Bình Gia, Bắc Sơn, Chi Lăng và TP Lạng Sơn;', '- Chủ tịch, các Phó Chủ tịch UBND huyện;', '- Thành viên Hội đồng TĐKT huyện;',
      '- Các cơ quan, tổ chức, đơn vị thuộc huyện;', '- UBND các xã, thị trấn;', '- Trang Thông tin điện tử của huyện;', '- Lưu: VT, PNV.'],
    chuKy: ['CHỦ TỊCH', 'Bùi Quốc Khánh'],
  },
  'ke-hoach-hanh-minh-2024': {
    example: 'data/campaigns/ke-hoach-hanh-minh-2024.json',
    header: ['ỦY BAN NHÂN DÂN', 'XÃ HÀNH MINH', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc'],
    soKyHieu: 'Số: /KH-UBND',
    diaDanhNgay: 'Hành Minh, ngày 21 tháng 02 năm 2024',
    noiNhan: ['Nơi nhận:', '- UBND huyện;', '- BTV Đảng ủy;', '- CT, PCT UBND;', '- UBMTTQ, các hội đoàn thể;', '- 4 thôn;', '- Toàn thể Cb, CC;', '- Lưu: VT.'],
    chuKy: ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH', 'Đoàn Tấn Sỹ'],
  },
};

describe.runIf(haveSeeds)('the seed documents', () => {
const out = tmpDir('seeds');

beforeAll(async () => {
  const report = await renderAll(Object.values(SEEDS).map((s) => s.example), out, ['pdf']);
  expect(report.summary.failed + report.summary.invalid).toBe(0);
});

it('has one example per seed', () => {
  const seeds = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).map((f) => f.slice(0, -4)).sort();
  expect(Object.keys(SEEDS).sort()).toEqual(seeds);
  for (const s of seeds) expect(fs.existsSync(path.join(ROOT, SEEDS[s]!.example))).toBe(true);
});

describe.each(Object.entries(SEEDS))('%s', (seed, e) => {
  const pdf = () => path.join(out, `${seed}.pdf`);
  const seedText = () => fs.readFileSync(path.join(SEEDS_DIR, `${seed}.txt`), 'utf8');

  it('holds at least 95 % of the seed’s words', () => {
    // Extraction marks (**, ##) and the heading numbers the seeds got wrong are not words of the document.
    const reference = seedText().replace(/[*#]+/g, ' ');
    expect(coverage(reference, pdfText(pdf()))).toBeGreaterThanOrEqual(0.95);
  });

  it('has the header, number and date exactly as issued', () => {
    const text = squash(pdfText(pdf()));
    const layout = pdfText(pdf(), { layout: true });
    for (const h of e.header) expect(text).toContain(h);
    expect(hasGappedLine(layout, e.soKyHieu), e.soKyHieu).toBe(true);
    expect(hasGappedLine(layout, e.diaDanhNgay), e.diaDanhNgay).toBe(true);
  });

  it('has the nơi nhận and the signature exactly as issued, in order', () => {
    const text = squash(pdfText(pdf()));
    let at = text.indexOf('Nơi nhận:');
    expect(at).toBeGreaterThan(0);
    for (const line of [...e.noiNhan, ...e.chuKy]) {
      const i = text.indexOf(line, at);
      expect(i, line).toBeGreaterThanOrEqual(at);
      at = i + line.length;
    }
    expect(text.slice(at).trim()).toBe('');
  });
});
});
