// The readers of src/readers/ against the formatters they invert (regulations §1.4.1, §1.5, §1.6, §1.7, §1.8):
// formatting what was read gives the line back, and reading what was formatted gives the input back.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { docChuKy, docDiaDanhNgay, docNhan, docNoiNhan, docSoKyHieu, diemIndex, fromRoman } from '../../src/readers/regulated';
import { emptyViewModel } from '../../src/maintain/check';
import { chuKy, type NguoiKyIn } from '../../src/viewmodel/chu-ky';
import { finishLayout } from '../../src/viewmodel/finish-layout';
import { daysInMonth, dongDiaDanhNgay, parseNgay } from '../../src/viewmodel/dates';
import { dongNoiNhan } from '../../src/viewmodel/noi-nhan';
import { diemLetter, headingLabel, roman } from '../../src/viewmodel/numbering';
import { dongSoKyHieu } from '../../src/viewmodel/so-ky-hieu';

const RUNS = { numRuns: 300 };
const place = fc.constantFrom('Hà Nội', 'Thành phố Hồ Chí Minh', 'Hoàng Mai', 'Đắk Lắk', 'Hữu Lũng', 'Huế');
const date = fc.record({ nam: fc.integer({ min: 1945, max: 2100 }), thang: fc.integer({ min: 1, max: 12 }), d: fc.integer({ min: 1, max: 31 }) })
  .map(({ nam, thang, d }) => ({ nam, thang, ngay: Math.min(d, daysInMonth(nam, thang)) }));
const iso = (x: { nam: number; thang: number; ngay?: number }) => `${x.nam}-${String(x.thang).padStart(2, '0')}${x.ngay ? `-${String(x.ngay).padStart(2, '0')}` : ''}`;

describe('place-and-date line', () => {
  it('reads back what is formatted, blank day included', () => {
    fc.assert(fc.property(place, date, fc.boolean(), (p, d, blank) => {
      const value = blank ? { nam: d.nam, thang: d.thang } : d;
      expect(docDiaDanhNgay(dongDiaDanhNgay(p, value))).toEqual({ diaDanh: p, ngay: iso(value) });
    }), RUNS);
  });
  it.each([
    ['Hà Nội, ngày 5 tháng 1 năm 2020', { diaDanh: 'Hà Nội', ngay: '2020-01-05' }],
    ['Hữu Lũng, ngày    tháng 3 năm 2022', { diaDanh: 'Hữu Lũng', ngay: '2022-03' }],
    ['Hành Minh, ngày ... tháng 02 năm 2024', { diaDanh: 'Hành Minh', ngay: '2024-02' }],
    ['Hà Nội, ngày 30 tháng 02 năm 2024', undefined],
    ['Hà Nội ngày 05 tháng 01 năm 2020', undefined],
  ])('%s', (line, want) => {
    expect(docDiaDanhNgay(line)).toEqual(want);
    if (want) expect(parseNgay(want.ngay)).toBeDefined();
  });
});

describe('số ký hiệu', () => {
  const group = fc.constantFrom('KH', 'TTr', 'BB', 'BC', 'UBND', 'HĐTĐKT', 'SNV', 'PNV', 'VX', 'BTĐKT');
  it('reads back what is formatted, blank number included', () => {
    fc.assert(fc.property(fc.option(fc.integer({ min: 1, max: 9999 }), { nil: undefined }), fc.array(group, { minLength: 2, maxLength: 3 }), (so, groups) => {
      expect(docSoKyHieu(dongSoKyHieu(so, groups))).toEqual(so === undefined ? { kyHieu: groups } : { so, kyHieu: groups });
    }), RUNS);
  });
  it.each([
    ['215/KH-UBND', { so: 215, kyHieu: ['KH', 'UBND'] }],
    ['Số: 47/KH - HĐTĐKT', { so: 47, kyHieu: ['KH', 'HĐTĐKT'] }],
    ['Số:       /PD-UBND', { kyHieu: ['PD', 'UBND'] }],
    ['Số: 0/KH-UBND', undefined],
    ['Số: 12/kh-ubnd', undefined],
  ])('%s', (line, want) => {
    expect(docSoKyHieu(line)).toEqual(want);
  });
});

describe('heading labels', () => {
  it('roman numerals and điểm letters invert their formatters', () => {
    for (let n = 1; n < 4000; n++) expect(fromRoman(roman(n))).toBe(n);
    for (let i = 0; i < 60; i++) expect(diemIndex(diemLetter(i))).toBe(i);
    expect(fromRoman('IIII')).toBeUndefined();
    expect(diemIndex('f')).toBeUndefined();
  });
  it('reads every label the body prints, with the text after it', () => {
    fc.assert(fc.property(fc.integer({ min: 0, max: 4 }), fc.integer({ min: 0, max: 30 }), fc.integer({ min: 0, max: 9 }), fc.integer({ min: 0, max: 9 }), (depth, i, parent, parent2) => {
      const label = headingLabel(depth, i, [0, parent, parent2]);
      const read = docNhan(`${label} Nội dung thi đua`)!;
      expect(read.text).toBe('Nội dung thi đua');
      const want = [
        { kieu: 'muc', so: i + 1 },
        { kieu: 'khoan', so: i + 1 },
        { kieu: 'tieuKhoan', so: [parent + 1, i + 1] },
        { kieu: 'tieuKhoan', so: [parent + 1, parent2 + 1, i + 1] },
        { kieu: 'diem', so: i },
      ][depth];
      expect(read.nhan).toEqual(want);
    }), RUNS);
    // The numbered items 1) 2) 3) the body prints for "soThuTu".
    fc.assert(fc.property(fc.integer({ min: 1, max: 99 }), (n) => {
      expect(docNhan(`${n}) Tiêu chí`)).toEqual({ nhan: { kieu: 'soThuTu', so: n }, text: 'Tiêu chí' });
    }), RUNS);
  });
  it.each([
    ['3.1.1. Khen thưởng hằng năm', { kieu: 'tieuKhoan', so: [3, 1, 1] }, 'Khen thưởng hằng năm'],
    ['2) Tiêu chí thứ hai', { kieu: 'soThuTu', so: 2 }, 'Tiêu chí thứ hai'],
    ['- Gạch đầu dòng', { kieu: 'gach' }, 'Gạch đầu dòng'],
    ['+ Ý nhỏ', { kieu: 'cong' }, 'Ý nhỏ'],
    ['đ) Điểm đ', { kieu: 'diem', so: 4 }, 'Điểm đ'],
  ])('%s', (p, nhan, text) => {
    expect(docNhan(p)).toEqual({ nhan, text });
  });
  it('leaves a paragraph without a label alone', () => {
    expect(docNhan('Năm 2021, Bộ phận đã tiếp nhận 21.386 hồ sơ.')).toBeUndefined();
    expect(docNhan('Việt Nam là một nước')).toBeUndefined();
  });
});

describe('Nơi nhận', () => {
  const name = fc.constantFrom('Ban TĐKT Thành phố', 'TT Quận ủy', 'UBND các phường', 'Sở Nội vụ', 'Cổng TTĐT Quận');
  it('reads back recipients, Như trên and Lưu', () => {
    fc.assert(fc.property(
      fc.array(fc.record({ ten: name, mucDich: fc.option(fc.constantFrom('để b/cáo', 'để t/hiện'), { nil: undefined }) }), { maxLength: 8 }),
      fc.boolean(), fc.option(fc.array(fc.constantFrom('PNV', 'VP'), { maxLength: 2 }), { nil: undefined }), fc.option(fc.integer({ min: 1, max: 20 }), { nil: undefined }),
      (entries, nhuTren, donVi, soBan) => {
        const luu = { ...(donVi?.length ? { donVi } : {}), ...(soBan !== undefined ? { soBan } : {}) };
        const read = docNoiNhan(['Nơi nhận:', ...dongNoiNhan(entries, luu, { nhuTren })]);
        expect(read.nhuTren).toBe(nhuTren);
        expect(read.noiNhan).toEqual(entries.map((e) => (e.mucDich ? e : { ten: e.ten })));
        expect(read.luu).toEqual(luu);
      },
    ), RUNS);
  });
});

describe('signature lines', () => {
  const signers: NguoiKyIn[] = [
    { thayMat: 'Ủy ban nhân dân', chucVu: 'Chủ tịch', hoTen: 'Đoàn Tấn Sỹ' },
    { thayMat: 'Hội đồng thi đua khen thưởng', chucVu: 'Chủ tịch', chucVuKhac: 'Chủ tịch Ủy ban nhân dân', hoTen: 'Nguyễn Minh Tâm' },
    { hinhThuc: 'KT.', thuTruong: 'Chủ tịch', chucVu: 'Phó Chủ tịch', hoTen: 'Lê Văn B' },
    { thayMat: 'Ủy ban nhân dân', hinhThuc: 'KT.', thuTruong: 'Chủ tịch', chucVu: 'Phó Chủ tịch', hoTen: 'Trần Thị C' },
    { hinhThuc: 'Q.', thuTruong: 'Giám đốc', hoTen: 'Phạm D' },
    { hinhThuc: 'TL.', thuTruong: 'Chủ tịch', chucVu: 'Chánh Văn phòng', hoTen: 'Vũ E' },
    { chucVu: 'Chủ tịch', hoTen: 'Bùi Quốc Khánh' },
  ];
  it.each(signers.map((s) => [s.hoTen, s] as const))('%s: read back from the printed lines, and printed again the same', (_n, s) => {
    const vm = chuKy(s);
    const lines = [...vm.quyenHan, ...vm.chucVuKhac, vm.hoTen];
    const read = docChuKy(lines, { coChucVuKhac: vm.chucVuKhac.length > 0 })!;
    expect(chuKy(read)).toEqual(vm);
    // Capitals are lost in print (all lines but the name are upper case): the fields come back in sentence case.
    const lower = (k: NguoiKyIn) => JSON.parse(JSON.stringify(k).toLocaleLowerCase('vi-VN'));
    expect(lower(read)).toEqual(lower(s));
  });

  // As printed, the layout breaks a long title over several lines of the signature column (a clerk's own lines kept):
  // the lines are read back into titles that the layout sets on the same lines.
  const printed = (s: NguoiKyIn) => finishLayout({ ...emptyViewModel('ke-hoach'), chuKy: chuKy(s) }).chuKy;
  const long: NguoiKyIn[] = [
    ...signers,
    { thayMat: 'Hội đồng Thi đua - Khen thưởng phường Nguyễn Thái Bình', chucVu: 'Chủ tịch', chucVuKhac: 'Chủ tịch Ủy ban nhân dân phường Nguyễn Thái Bình', hoTen: 'Trần Văn Hùng' },
    { thayMat: 'Ban Thường vụ Đảng ủy phường Nguyễn Thái Bình', hinhThuc: 'KT.', thuTruong: 'Bí thư Đảng ủy phường', chucVu: 'Phó Bí thư Thường trực Đảng ủy', hoTen: 'Lê Thị Hoa' },
    { thayMat: ['Hội đồng Thi đua -', 'Khen thưởng'], chucVu: 'Chủ tịch', hoTen: 'Đỗ Văn Minh' },
    { hinhThuc: 'Q.', thuTruong: 'Giám đốc Trung tâm Phục vụ hành chính công tỉnh Đắk Lắk', hoTen: 'Y Bhim' },
  ];
  it('breaks some of them over several lines', () => {
    expect(long.filter((s) => printed(s).quyenHan.length > chuKy(s).quyenHan.length).length).toBeGreaterThanOrEqual(3);
    expect(long.some((s) => printed(s).chucVuKhac.length > 1)).toBe(true);
  });
  it.each(long.map((s) => [s.hoTen, s] as const))('%s: read back from the lines as laid out, and laid out again the same', (_n, s) => {
    const vm = printed(s);
    const read = docChuKy([...vm.quyenHan, ...vm.chucVuKhac, vm.hoTen], { dong7b: vm.chucVuKhac.length })!;
    expect(read).toBeDefined();
    const again = printed(read);
    expect([again.quyenHan, again.chucVuKhac, again.hoTen]).toEqual([vm.quyenHan, vm.chucVuKhac, vm.hoTen]);
    // Each title comes back in its own field.
    expect(Object.keys(read).sort()).toEqual(Object.keys(s).sort());
  });
});
