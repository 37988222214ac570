// The nomination dossier: vote thresholds and money (regulations §5.2, §5.4, §9), the rules that tie the documents
// together, agreement between them, and the merged PDF with one bookmark per document.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDict, PDFDocument, PDFHexString, PDFName, PDFRef, PDFString } from 'pdf-lib';
import { REGULATIONS } from '../src/config/regulations';
import { bieuQuyet, phanTram, tienThuong } from '../src/viewmodel/khen-thuong';
import { prepare } from '../src/pipeline/prepare';
import { ROOT } from '../src/paths';
import { pathIn, pdfInfo, pdfText, renderAll, squash, tmpDir } from './helpers';

const award = (k: string) => REGULATIONS.khenThuong[k]!;
const HOANG_MAI = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-hoang-mai-2021.json'), 'utf8'));
const XA = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-xa-2025.json'), 'utf8'));

describe('vote thresholds on all council members (§5.2, §9)', () => {
  it.each([
    ['chien-si-thi-dua-tinh', 15, 13, false, '86,7%'],
    ['chien-si-thi-dua-co-so', 9, 8, true, '88,9%'],
    ['chien-si-thi-dua-co-so', 9, 7, false, '77,8%'],
    ['chien-si-thi-dua-tinh', 9, 8, false, '88,9%'],
    ['chien-si-thi-dua-tinh', 9, 9, true, '100%'],
    ['co-thi-dua-tinh', 10, 8, true, '80%'],
    ['giay-khen', 9, 5, true, '55,6%'],
    ['giay-khen', 10, 5, false, '50%'],
  ])('%s: %i members, %i in favour → %s', (key, total, votes, dat, share) => {
    const r = bieuQuyet(votes, total, award(key), REGULATIONS);
    expect(r.dat).toBe(dat);
    expect(phanTram(r.phanNghin)).toBe(share);
  });
  it('needs 9 of 9 for a 90 % title (8.1 rounds up)', () => {
    expect(bieuQuyet(9, 9, award('chien-si-thi-dua-tinh'), REGULATIONS).toiThieu).toBe(9);
  });
});

describe('award money (§5.4, §9)', () => {
  it.each([
    ['lao-dong-tien-tien', 'ca-nhan', '2024-08-01', 702_000, 710_000],
    ['chien-si-thi-dua-co-so', 'ca-nhan', '2024-08-01', 2_340_000, 2_340_000],
    ['bang-khen-tinh', 'ca-nhan', '2025-08-01', 3_510_000, 3_510_000],
    ['tap-the-lao-dong-tien-tien', 'tap-the', '2025-08-01', 1_872_000, 1_880_000],
    ['bang-khen-tinh', 'ca-nhan', '2024-08-01', 2_340_000, 2_340_000],
    ['lao-dong-tien-tien', 'ca-nhan', '2021-12-13', 447_000, 450_000],
    ['giay-khen', 'tap-the', '2023-07-01', 1_080_000, 1_080_000],
  ] as const)('%s for a %s on %s: %i → %i', (key, who, date, raw, rounded) => {
    const t = tienThuong(award(key), who, date, REGULATIONS)!;
    expect(t.tho).toBe(raw);
    expect(t.soTien).toBe(rounded);
  });
  it('has no amount for a subject the award is not given to', () => {
    expect(tienThuong(award('lao-dong-tien-tien'), 'tap-the', '2024-08-01', REGULATIONS)).toBeUndefined();
  });
});

async function issuesOf(input: unknown) {
  const p = await prepare(input, 'ho-so.json');
  return p.issues.map((i) => ({ code: i.code, path: i.path, severity: i.severity }));
}
const mutate = (base: any, fn: (d: any) => void) => {
  const d = structuredClone(base);
  fn(d);
  return d;
};

describe('rules of the dossier', () => {
  it('refuses a nominee below the threshold with a clear message, and leaves them out', async () => {
    const p = await prepare(HOANG_MAI, 'ho-so.json');
    const i = HOANG_MAI.deCu.findIndex((d: any) => d.khenThuong === 'chien-si-thi-dua-co-so');
    const refused = p.issues.find((x) => x.code === 'rule.vote_below_threshold')!;
    expect(refused).toMatchObject({ severity: 'warning', path: `$.deCu[${i}].phieuDongY` });
    expect(refused.message.vi).toContain(HOANG_MAI.deCu[i].ten);
    expect(refused.message.vi).toContain('77,8%');
    expect(refused.message.en).toContain('≥ 80%');
    const names = p.documents.map((d) => JSON.stringify(d.vm));
    expect(names[0]).not.toContain(HOANG_MAI.deCu[i].ten);
    expect(names[1]).toContain(HOANG_MAI.deCu[i].ten);
    expect(p.documents.filter((d) => d.title.startsWith('Báo cáo')).map((d) => d.title)).not.toContain(`Báo cáo thành tích: ${HOANG_MAI.deCu[i].ten}`);
  });

  it('makes the tờ trình and biên bản of a nominee whose report is not written yet, and names that report as missing', async () => {
    const input = mutate(XA, (d) => { delete d.deCu[1].baoCao; });
    const p = await prepare(input, 'ho-so.json');
    const missing = p.issues.filter((x) => x.code === 'rule.report_missing');
    expect(missing).toHaveLength(1);
    expect(missing[0]).toMatchObject({ severity: 'warning', path: '$.deCu[1].baoCao' });
    expect(missing[0]!.message.vi).toContain(XA.deCu[1].ten);
    expect(p.issues.filter((x) => x.severity === 'error')).toEqual([]);
    const titles = p.documents.map((d) => d.title);
    expect(titles).toHaveLength(XA.deCu.length + 1);
    expect(titles).not.toContain(`Báo cáo thành tích: ${XA.deCu[1].ten}`);
    expect(JSON.stringify(p.documents[0]!.vm)).toContain(XA.deCu[1].ten);
    expect(p.dossier!.manifest.chuaCoBaoCao).toEqual([XA.deCu[1].ten]);
  });

  it('asks no report of a nominee the council did not pass', async () => {
    const i = HOANG_MAI.deCu.findIndex((d: any) => d.ten === 'Đặng Quốc Việt');
    const p = await prepare(mutate(HOANG_MAI, (d) => { delete d.deCu[i].baoCao; }), 'ho-so.json');
    expect(p.issues.map((x) => x.code)).not.toContain('rule.report_missing');
  });

  it.each<[string, any, (d: any) => void, string, string, string]>([
    ['proposal dated before the meeting', HOANG_MAI, (d) => { d.toTrinh.ngay = '2021-12-09'; }, 'rule.date_order', '$.toTrinh.ngay', 'error'],
    ['meeting ending before it starts', HOANG_MAI, (d) => { d.cuocHop.ketThuc = '2021-12-10T07:00'; }, 'rule.time_order', '$.cuocHop.ketThuc', 'error'],
    ['chair who is not a member', HOANG_MAI, (d) => { d.cuocHop.chuTri = 'Người Lạ'; }, 'rule.not_member', '$.cuocHop.chuTri', 'error'],
    ['more votes than members', HOANG_MAI, (d) => { d.deCu[0].phieuDongY = 12; }, 'rule.votes_exceed', '$.deCu[0].phieuDongY', 'error'],
    ['campaign quota exceeded', HOANG_MAI, (d) => { d.phongTrao.chiTieu = [{ khenThuong: 'giay-khen', caNhan: 1 }]; }, 'rule.quota_exceeded', '$.phongTrao.chiTieu[0]', 'error'],
    ['nobody passes', HOANG_MAI, (d) => { for (const x of d.deCu) x.phieuDongY = 1; }, 'rule.none_passed', '$.deCu', 'error'],
    ['an individual title for a collective', XA, (d) => { d.deCu[0].khenThuong = 'lao-dong-tien-tien'; }, 'rule.award_subject', '$.deCu[0].khenThuong', 'error'],
    ['a district-level issuer after 01/7/2025', XA, (d) => { d.coQuan.chuQuan = 'UBND huyện Gia Viễn'; }, 'rule.district_abolished', '$.coQuan.chuQuan', 'warning'],
  ])('%s', async (_n, base, fn, code, p, severity) => {
    expect(await issuesOf(mutate(base, fn))).toContainEqual({ code, path: p, severity });
  });

  it('does not flag a district before 01/7/2025', async () => {
    expect((await issuesOf(HOANG_MAI)).map((i) => i.code)).not.toContain('rule.district_abolished');
  });
});

describe('one source, documents that agree', () => {
  // Who passed, worked out by hand from §5.2: Đặng Quốc Việt's 7 of 9 (77,8 %) is under the 80 % of CSTĐCS; every
  // Giấy khen and Lao động tiên tiến vote here is over half, and Ngô Thanh Tùng's 8 of 9 (88,9 %) reaches 80 %.
  it.each([
    ['Hoàng Mai', HOANG_MAI, ['Đặng Quốc Việt']],
    ['xã', XA, []],
  ] as const)('%s: names, counts and votes agree across tờ trình, biên bản and reports', async (_n, input, refused) => {
    const p = await prepare(input, 'ho-so.json');
    const [toTrinh, bienBan, ...reports] = p.documents;
    const members = input.hoiDong.thanhVien.length;
    const passed = input.deCu.filter((d: any) => !(refused as readonly string[]).includes(d.ten));
    expect(passed.length).toBe(input.deCu.length - refused.length);
    const listed = toTrinh!.vm.phuLuc!.bang.dong.filter((r) => !r.nhom && r.o[1] !== 'Tổng cộng').map((r) => r.o[1]);
    expect(listed.sort()).toEqual(passed.map((d: any) => d.ten).sort());
    expect(reports.map((r) => r.title.replace('Báo cáo thành tích: ', '')).sort()).toEqual(passed.map((d: any) => d.ten).sort());
    const tapThe = passed.filter((d: any) => d.doiTuong === 'tap-the').length;
    const caNhan = passed.filter((d: any) => d.doiTuong === 'ca-nhan').length;
    const pad = (n: number) => String(n).padStart(2, '0');
    const text = JSON.stringify(toTrinh!.vm.noiDung);
    expect(text).toContain(`Tổng số: ${pad(tapThe)} tập thể, ${pad(caNhan)} cá nhân`);
    const votes = bienBan!.vm.phan![0]!.bang!.dong;
    expect(votes.map((r) => r.o[1])).toEqual(input.deCu.map((d: any) => d.ten));
    expect(votes.map((r) => r.o[4])).toEqual(input.deCu.map((d: any) => `${pad(d.phieuDongY)}/${pad(members)}`));
    expect(JSON.stringify(toTrinh!.vm.canCu)).toContain(`Căn cứ Biên bản họp ${input.hoiDong.ten}`);
    expect(p.dossier!.manifest).toMatchObject({ tapThe, caNhan, thanhVienHoiDong: members });
  });

  it('adds up the money in words (xã, NĐ 152 period)', async () => {
    const p = await prepare(XA, 'ho-so.json');
    const total = (p.dossier!.manifest as { tongTien: number }).tongTien;
    // TTLĐTT 0,8 × 2.340.000 → 1.880.000; CSTĐCS 2.340.000; 2 × LĐTT 710.000; 2 × Giấy khen of the commune
    // chairman 0,15 × 2.340.000 = 351.000 → 360.000 (§5.4).
    expect(total).toBe(6_360_000);
    expect(JSON.stringify(p.documents[0]!.vm.noiDung)).toContain('Tổng số tiền thưởng: 6.360.000 đồng (bằng chữ: Sáu triệu ba trăm sáu mươi nghìn đồng), tính theo mức lương cơ sở 2.340.000 đồng.');
  });

  it('names the legal form of the report by the date (NĐ 91 in 2021, NĐ 152 after 01/7/2025)', async () => {
    const a = await prepare(HOANG_MAI, 'a.json');
    const b = await prepare(XA, 'b.json');
    expect(a.documents[2]!.vm.dongMau).toContain('91/2017/NĐ-CP');
    expect(b.documents[2]!.vm.dongMau).toContain('152/2025/NĐ-CP');
  });
});

describe('the written dossier', () => {
  it('writes every document, a manifest and a merged PDF with one bookmark per document', async () => {
    const out = tmpDir('dossier');
    const report = await renderAll(['data/nominations/ho-so-hoang-mai-2021.json'], out);
    expect(report.summary).toMatchObject({ written: 1, invalid: 0, failed: 0 });
    const dir = path.join(out, 'ho-so-hoang-mai-2021');
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const docs: { tieuDe: string; tep: string[]; soTrang: number }[] = manifest.taiLieu;
    expect(docs.length).toBe(2 + 5);
    for (const d of docs) for (const f of d.tep) expect(fs.existsSync(path.join(dir, f)), f).toBe(true);

    const merged = path.join(dir, 'ho-so.pdf');
    const total = docs.reduce((n, d) => n + d.soTrang, 0);
    expect(Number(pdfInfo(merged).Pages)).toBe(total);
    for (const d of docs) {
      const pdf = d.tep.find((f) => f.endsWith('.pdf'))!;
      expect(Number(pdfInfo(path.join(dir, pdf)).Pages)).toBe(d.soTrang);
    }
    const doc = await PDFDocument.load(fs.readFileSync(merged), { updateMetadata: false });
    const outlines = doc.catalog.lookup(PDFName.of('Outlines'), PDFDict);
    expect(outlines.get(PDFName.of('Count'))?.toString()).toBe(String(docs.length));
    const titles: string[] = [];
    const starts: number[] = [];
    const pageRefs = doc.getPages().map((p) => p.ref.toString());
    let item = outlines.get(PDFName.of('First')) as PDFRef | undefined;
    while (item) {
      const dict = doc.context.lookup(item, PDFDict);
      const t = dict.get(PDFName.of('Title'));
      titles.push(t instanceof PDFHexString || t instanceof PDFString ? t.decodeText() : '');
      const dest = dict.lookup(PDFName.of('Dest')) as unknown as { get(i: number): PDFRef };
      starts.push(pageRefs.indexOf(dest.get(0).toString()));
      item = dict.get(PDFName.of('Next')) as PDFRef | undefined;
    }
    expect(titles).toEqual(docs.map((d) => d.tieuDe));
    let page = 0;
    docs.forEach((d, i) => {
      expect(starts[i]).toBe(page);
      page += d.soTrang;
    });
    expect(squash(pdfText(merged, { page: 1 }))).toContain('TỜ TRÌNH');
    expect(squash(pdfText(merged, { page: starts[1]! + 1 }))).toContain('BIÊN BẢN');
    expect(String(doc.catalog.get(PDFName.of('PageMode')))).toBe('/UseOutlines');
  });
});

describe('the three forms on their own', () => {
  const fixture = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', `${f}.json`), 'utf8'));
  it('tờ trình: Kính gửi several lines, counts, money, appendix with its reference line', async () => {
    const p = await prepare(fixture('to-trinh'), 't.json');
    // Giấy khen money of the NĐ 98 period rests on an unconfirmed coefficient (§5.4, §8.4).
    expect(p.issues.map((i) => [i.code, i.path, i.severity])).toEqual([['rule.unconfirmed_value', '$.tinhTien', 'warning']]);
    const vm = p.vm!;
    expect(vm.header.soKyHieu).toBe('Số: 05/TTr-PNV');
    expect(vm.kinhGui[0]!.nhieuDong).toEqual(['- Chủ tịch Ủy ban nhân dân quận Hoàng Mai;', '- Hội đồng Thi đua, khen thưởng quận.']);
    expect(vm.noiNhan.dong[0]).toBe('- Như trên;');
    expect(JSON.stringify(vm.noiDung)).toContain('Tổng số: 01 tập thể, 01 cá nhân');
    // 0,6 and 0,3 × 2.340.000 rounded up: 1.410.000 + 710.000.
    expect(JSON.stringify(vm.noiDung)).toContain('2.120.000 đồng');
    expect(vm.phuLuc!.kemTheo).toBe('(Kèm theo Tờ trình số 05/TTr-PNV ngày 20/12/2024 của Phòng Nội vụ)');
  });
  it('biên bản: no date line, THƯ KÝ left and CHỦ TỌA right, results per nominee', async () => {
    const p = await prepare(fixture('bien-ban'), 'b.json');
    expect(p.issues).toEqual([]);
    const vm = p.vm!;
    expect(vm.header.diaDanhNgay).toBe('');
    expect(vm.header.soKyHieu).toBe('Số: 02/BB-HĐTĐKT');
    expect(vm.chuKyDoi!.trai).toMatchObject({ tieuDe: ['THƯ KÝ'], hoTen: 'Trần Thị Bích' });
    expect(vm.chuKyDoi!.phai).toMatchObject({ tieuDe: ['CHỦ TỌA'], hoTen: 'Nguyễn Văn An' });
    // The words inside parentheses are bound by no-break spaces, so a narrow column never splits "(≥ 80%)".
    expect(vm.phan![0]!.bang!.dong.map((r) => r.o[6])).toEqual(['Đạt (≥\u00A080%)', 'Không đạt (cần\u00A0≥\u00A080%)']);
    expect(vm.noiNhan.dong).toEqual(['- Lưu: VT, Hồ sơ.']);
    expect(JSON.stringify(vm.phan)).toContain('Cuộc họp kết thúc vào 15 giờ 30, ngày 05 tháng 12 năm 2025./.');
  });
  it('báo cáo thành tích: NĐ 98 period picks its form line; the structure comes from form.json', async () => {
    const p = await prepare(fixture('bao-cao-thanh-tich'), 'r.json');
    expect(p.issues).toEqual([]);
    expect(p.vm!.dongMau).toContain('98/2023/NĐ-CP');
    expect(p.vm!.tenLoai).toBe('BÁO CÁO THÀNH TÍCH');
    expect(p.vm!.trichYeu).toBe('ĐỀ NGHỊ TẶNG GIẤY KHEN');
    expect(p.vm!.noiDung[0]!.runs[0]!.text).toBe('SƠ LƯỢC LÝ LỊCH');
    expect(p.vm!.chuKyDoi!.phai.tieuDe).toEqual(['NGƯỜI BÁO CÁO THÀNH TÍCH']);
  });
  it.each(['to-trinh', 'bien-ban', 'bao-cao-thanh-tich'])('%s renders to DOCX and PDF', async (f) => {
    const out = tmpDir(`alone-${f}`);
    const report = await runBatchOf(path.join(ROOT, 'test', 'fixtures', `${f}.json`), out);
    expect(report.summary).toMatchObject({ written: 1, failed: 0, invalid: 0 });
    expect(fs.readdirSync(out).filter((x) => x !== '.vanban').sort()).toEqual([`${f}.docx`, `${f}.pdf`, `${f}.signatures.json`]);
  });
});

async function runBatchOf(file: string, out: string) {
  const { runBatch } = await import('../src/pipeline/run');
  return runBatch([file], { outDir: out, formats: ['docx', 'pdf'] });
}

describe('wrong values in the dossier input give code and JSON path', () => {
  it.each<[string, (d: any) => void, string, string]>([
    ['meeting time without hour', (d) => { d.cuocHop.batDau = '2021-12-10'; }, 'schema.date_invalid', '$.cuocHop.batDau'],
    ['meeting at 25 o’clock', (d) => { d.cuocHop.ketThuc = '2021-12-10T25:00'; }, 'schema.date_invalid', '$.cuocHop.ketThuc'],
    ['unknown award', (d) => { d.deCu[0].khenThuong = 'bang-khen-xa'; }, 'schema.enum', '$.deCu[0].khenThuong'],
    ['unknown subject', (d) => { d.deCu[1].doiTuong = 'ho-gia-dinh'; }, 'schema.enum', '$.deCu[1].doiTuong'],
    ['negative votes', (d) => { d.deCu[0].phieuDongY = -1; }, 'schema.too_small', '$.deCu[0].phieuDongY'],
    ['report without achievements', (d) => { delete d.deCu[2].baoCao.thanhTich; }, 'schema.required', '$.deCu[2].baoCao.thanhTich'],
    ['misspelt report key', (d) => { d.deCu[2].baoCao.thanhTic = []; }, 'schema.unknown_key', '$.deCu[2].baoCao.thanhTic'],
    ['written opinion as text', (d) => { d.cuocHop.vangMat = [{ hoTen: 'x', lyDo: 'ốm', yKienBangVanBan: 'có' }]; }, 'schema.type', '$.cuocHop.vangMat[0].yKienBangVanBan'],
    ['empty council', (d) => { d.hoiDong.thanhVien = []; }, 'schema.empty', '$.hoiDong.thanhVien'],
    ['quota as text', (d) => { d.phongTrao.chiTieu = [{ khenThuong: 'giay-khen', caNhan: 'mười' }]; }, 'schema.type', '$.phongTrao.chiTieu[0].caNhan'],
    ['achievements nested too deep', (d) => {
      d.deCu[2].baoCao.thanhTich = [{ tieuDe: 'a', noiDung: [{ tieuDe: 'b', noiDung: [{ tieuDe: 'c', noiDung: [{ tieuDe: 'd', noiDung: [{ tieuDe: 'e', noiDung: ['x'] }] }] }] }] }];
    }, 'schema.nesting', '$.deCu[2].baoCao.thanhTich[0].noiDung[0].noiDung[0].noiDung[0].noiDung[0]'],
  ])('%s', async (_n, fn, code, p) => {
    expect(await issuesOf(mutate(HOANG_MAI, fn))).toContainEqual({ code, path: p, severity: 'error' });
  });
});

describe('issues of the derived documents point into the dossier input', () => {
  it('reports unclosed markup in the meeting and the tờ trình at the hồ sơ’s own paths', async () => {
    const input = mutate(HOANG_MAI, (d) => {
      d.cuocHop.noiDung[0] = '**Khai mạc cuộc họp';
      d.toTrinh.canCu[d.toTrinh.canCu.length - 1] = 'Căn cứ **Quyết định';
      d.deCu[0].baoCao.thanhTich[0] = 'Hoàn thành **xuất sắc';
    });
    const p = await prepare(input, 'x.json');
    const markup = p.issues.filter((i) => i.code === 'schema.markup').map((i) => i.path);
    const last = (input as any).toTrinh.canCu.length - 1;
    expect(markup).toEqual(expect.arrayContaining(['$.cuocHop.noiDung[0]', `$.toTrinh.canCu[${last}]`]));
    for (const i of p.issues) expect(pathIn(input, i.path!), `${i.code} at ${i.path}`).toBe(true);
  });
});
