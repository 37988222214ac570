// Tables for the regulated strings (regulations §1.5–§1.8, §1.4.1, §7) including the vectors of §9.
import { describe, expect, it } from 'vitest';
import { BLANK, dongDiaDanhNgay, ngayNgan, parseNgay } from '../../src/viewmodel/dates';
import { dongSoKyHieu, SO_KY_HIEU_RE } from '../../src/viewmodel/so-ky-hieu';
import { dongLuu, dongNoiNhan, kinhGui } from '../../src/viewmodel/noi-nhan';
import { chuKy, signerProblems } from '../../src/viewmodel/chu-ky';
import { diemLetter, headingLabel, roman } from '../../src/viewmodel/numbering';
import { parseRichText } from '../../src/viewmodel/rich-text';
import { asciiStem, foldTone, inHoa } from '../../src/viewmodel/text';
import { QUOC_HIEU, TIEU_NGU } from '../../src/viewmodel/header';
import { tenLoai } from '../../src/viewmodel/loai-van-ban';
import { measureMm } from '../../src/render/tokens';
import { inForce, REGULATIONS } from '../../src/config/regulations';
import { districtIssues, ngayTrichDan, personNameIssues, placeNameIssues } from '../../src/viewmodel/names';
import { capKhenThuongXa, ngayTinhTien, tienThuong } from '../../src/viewmodel/khen-thuong';

describe('place-and-date line (§1.6, §9)', () => {
  it.each([
    ['Hà Nội', '2020-01-05', 'Hà Nội, ngày 05 tháng 01 năm 2020'],
    ['Thành phố Hồ Chí Minh', '2019-06-29', 'Thành phố Hồ Chí Minh, ngày 29 tháng 6 năm 2019'],
    ['Hà Nội', '2020-03-05', 'Hà Nội, ngày 05 tháng 3 năm 2020'],
    ['Bắc Ninh', '2025-02-09', 'Bắc Ninh, ngày 09 tháng 02 năm 2025'],
    ['Đắk Lắk', '2025-12-10', 'Đắk Lắk, ngày 10 tháng 12 năm 2025'],
    ['Hoàng Mai', '2021-06-09', 'Hoàng Mai, ngày 09 tháng 6 năm 2021'],
    ['Hành Minh', '2024-02-21', 'Hành Minh, ngày 21 tháng 02 năm 2024'],
    ['Huế', '2024-11-30', 'Huế, ngày 30 tháng 11 năm 2024'],
  ])('%s %s → %s', (place, iso, expected) => {
    expect(dongDiaDanhNgay(place, parseNgay(iso)!)).toBe(expected);
  });

  it('matches the regex of §1.6 for every day of a leap year', () => {
    const re = /^(?<place>[^,]+), ngày (?<d>0[1-9]|[12][0-9]|3[01]) tháng (?<m>0[12]|[3-9]|1[0-2]) năm (?<y>[0-9]{4})$/u;
    for (let m = 1; m <= 12; m++) {
      for (let d = 1; d <= 31; d++) {
        const parsed = parseNgay(`2024-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);
        if (!parsed) continue;
        expect(dongDiaDanhNgay('Hà Nội', parsed)).toMatch(re);
      }
    }
  });

  it('leaves a blank day for handwriting (seed phat-dong-huu-lung-2022)', () => {
    expect(dongDiaDanhNgay('Hữu Lũng', parseNgay('2022-03')!)).toBe(`Hữu Lũng, ngày ${BLANK} tháng 3 năm 2022`);
  });

  it.each(['2022-02-30', '2023-02-29', '2021-13-01', '2021-00-10', '2021-6-9', '09/06/2021', '2021-06-31', '1800-01-01'])(
    'refuses the impossible or malformed date %s',
    (s) => expect(parseNgay(s)).toBeUndefined(),
  );

  it('accepts 29 February of a leap year', () => expect(parseNgay('2024-02-29')).toEqual({ nam: 2024, thang: 2, ngay: 29 }));

  it('writes short references with the same leading zeros', () => {
    expect(ngayNgan({ nam: 2021, thang: 4, ngay: 20 })).toBe('20/4/2021');
    expect(ngayNgan({ nam: 2022, thang: 2, ngay: 21 })).toBe('21/02/2022');
  });
});

describe('số ký hiệu (§1.5, §2, §9)', () => {
  it.each([
    [5, ['TTr', 'SNV'], 'Số: 05/TTr-SNV'],
    [15, ['QĐ', 'BNV'], 'Số: 15/QĐ-BNV'],
    [12, ['UBND', 'VX'], 'Số: 12/UBND-VX'],
    [5, ['SY', 'UBND'], 'Số: 05/SY-UBND'],
    [47, ['KH', 'HĐTĐKT'], 'Số: 47/KH-HĐTĐKT'],
    [1, ['KH', 'HĐTĐKT'], 'Số: 01/KH-HĐTĐKT'],
    [9, ['BB', 'HĐTĐKT'], 'Số: 09/BB-HĐTĐKT'],
    [10, ['BC', 'UBND'], 'Số: 10/BC-UBND'],
    [1034, ['QĐ', 'UBND'], 'Số: 1034/QĐ-UBND'],
  ])('%i %j → %s', (so, groups, expected) => {
    const line = dongSoKyHieu(so, groups);
    expect(line).toBe(expected);
    expect(line).toMatch(SO_KY_HIEU_RE);
  });

  it('keeps a gap for a number filled in at registration', () => {
    expect(dongSoKyHieu(undefined, ['PD', 'UBND'])).toBe(`Số: ${BLANK}/PD-UBND`);
  });

  it.each([
    ['KH', 'KẾ HOẠCH'], ['BB', 'BIÊN BẢN'], ['BC', 'BÁO CÁO'], ['TB', 'THÔNG BÁO'], ['TTr', 'TỜ TRÌNH'], ['QĐ', 'QUYẾT ĐỊNH'], ['PD', 'PHÁT ĐỘNG'],
  ])('type abbreviation %s is %s', (abbr, name) => expect(tenLoai(abbr)).toBe(name));

  it('keeps the case-sensitive abbreviations of PL III', () => {
    expect(() => tenLoai('TTR')).toThrow();
    expect(tenLoai('QyĐ')).toBe('QUY ĐỊNH');
  });
});

describe('nơi nhận and kính gửi (§1.4 ô 9b, §1.8, §9)', () => {
  it('ends every line with ";" and the Lưu line with "."', () => {
    expect(dongNoiNhan([{ ten: 'Sở Nội vụ' }, { ten: 'Ban TĐKT Thành phố;', mucDich: '(để b/cáo)' }], { donVi: ['PNV'] })).toEqual([
      '- Sở Nội vụ;',
      '- Ban TĐKT Thành phố (để b/cáo);',
      '- Lưu: VT, PNV.',
    ]);
  });
  it('§9: drafting unit VP, no copy count → "- Lưu: VT, VP."', () => {
    expect(dongNoiNhan([], { donVi: ['VP'] })).toEqual(['- Lưu: VT, VP.']);
  });
  it('writes "Lưu: VT" alone when no unit is given, and the copy count last', () => {
    expect(dongLuu(undefined)).toBe('Lưu: VT');
    expect(dongLuu({ donVi: ['TCCB'], soBan: 2 })).toBe('Lưu: VT, TCCB, 02b');
  });
  it('starts with "- Như trên;" for documents that have a Kính gửi block', () => {
    expect(dongNoiNhan([{ ten: 'Sở Nội vụ' }], undefined, { nhuTren: true })).toEqual(['- Như trên;', '- Sở Nội vụ;', '- Lưu: VT.']);
  });
  it('puts one recipient on the label line and several as dashed lines', () => {
    expect(kinhGui(['Bộ Nội vụ'])).toEqual({ motDong: 'Bộ Nội vụ' });
    expect(kinhGui(['Chủ tịch UBND tỉnh;', 'Sở Nội vụ'])).toEqual({ nhieuDong: ['- Chủ tịch UBND tỉnh;', '- Sở Nội vụ.'] });
  });
});

describe('signature block (§1.7)', () => {
  it.each([
    [{ thayMat: 'Ủy ban nhân dân', chucVu: 'Chủ tịch', hoTen: 'Nguyễn Văn A' }, ['TM. ỦY BAN NHÂN DÂN', 'CHỦ TỊCH']],
    [{ hinhThuc: 'KT.' as const, thuTruong: 'Bộ trưởng', chucVu: 'Thứ trưởng', hoTen: 'Trần Văn B' }, ['KT. BỘ TRƯỞNG', 'THỨ TRƯỞNG']],
    [{ hinhThuc: 'TL.' as const, thuTruong: 'Bộ trưởng', chucVu: 'Chánh Văn phòng', hoTen: 'C' }, ['TL. BỘ TRƯỞNG', 'CHÁNH VĂN PHÒNG']],
    [{ hinhThuc: 'TUQ.' as const, thuTruong: 'Chủ tịch', chucVu: 'Giám đốc Sở Nội vụ', hoTen: 'D' }, ['TUQ. CHỦ TỊCH', 'GIÁM ĐỐC SỞ NỘI VỤ']],
    [{ hinhThuc: 'Q.' as const, thuTruong: 'Giám đốc', hoTen: 'E' }, ['Q. GIÁM ĐỐC']],
    [{ thayMat: 'Ủy ban nhân dân', hinhThuc: 'KT.' as const, thuTruong: 'Chủ tịch', chucVu: 'Phó Chủ tịch', hoTen: 'F' }, ['TM. ỦY BAN NHÂN DÂN', 'KT. CHỦ TỊCH', 'PHÓ CHỦ TỊCH']],
    [{ chucVu: 'Chủ tịch', hoTen: 'Bùi Quốc Khánh' }, ['CHỦ TỊCH']],
  ])('%j', (input, lines) => {
    expect(signerProblems(input)).toEqual([]);
    expect(chuKy(input).quyenHan).toEqual(lines);
    expect(chuKy(input).hoTen).toBe(input.hoTen);
  });
  it('refuses KT. without the head’s title or the signer’s position', () => {
    expect(signerProblems({ hinhThuc: 'KT.', hoTen: 'A' })).toHaveLength(2);
    expect(signerProblems({ thuTruong: 'Chủ tịch', chucVu: 'x', hoTen: 'A' })).toHaveLength(1);
  });
});

describe('heading labels (§1.4.1)', () => {
  it('numbers Roman, Arabic, decimal, three-part decimal under it, then Vietnamese letters', () => {
    expect([1, 2, 3, 4, 5, 6, 7, 9, 14, 40].map(roman)).toEqual(['I', 'II', 'III', 'IV', 'V', 'VI', 'VII', 'IX', 'XIV', 'XL']);
    expect(headingLabel(0, 6, [6])).toBe('VII.');
    expect(headingLabel(1, 2, [0, 2])).toBe('3.');
    expect(headingLabel(2, 1, [2, 2, 1])).toBe('3.2.');
    // "3.1.1. Khen thưởng hằng năm" as plans number it, under 3.1.
    expect(headingLabel(3, 0, [2, 2, 0, 0])).toBe('3.1.1.');
    expect(headingLabel(3, 4, [0, 1, 2, 4])).toBe('2.3.5.');
    expect(headingLabel(4, 4, [0, 0, 0, 0, 4])).toBe('đ)');
    expect(headingLabel(4, 5, [0, 0, 0, 0, 5])).toBe('e)');
  });
  it('has no f, j, w, z and puts đ after d', () => {
    const letters = Array.from({ length: 23 }, (_, i) => diemLetter(i)).join('');
    expect(letters).toBe('abcdđeghiklmnopqrstuvxy');
    expect(diemLetter(23)).toBe('aa');
  });
});

describe('inline markup', () => {
  it('parses bold, italic and escapes', () => {
    expect(parseRichText('trước **15 ngày** và *nghiêng* \\*').runs).toEqual([
      { text: 'trước ', cls: '' }, { text: '15 ngày', cls: 'b' }, { text: ' và ', cls: '' }, { text: 'nghiêng', cls: 'i' }, { text: ' *', cls: '' },
    ]);
  });
  it('prints an unclosed marker as typed and reports it', () => {
    const r = parseRichText('5 * 3 = 15');
    expect(r.runs.map((x) => x.text).join('')).toBe('5 * 3 = 15');
    expect(r.problems).toEqual([{ marker: '*' }]);
  });
  it('never interprets HTML or template tags', () => {
    const src = '<b>x</b> {{y}} {@z} <w:p/>';
    expect(parseRichText(src).runs).toEqual([{ text: src, cls: '' }]);
  });
});

describe('text (§7)', () => {
  it('§9: the Quốc hiệu in NFD normalises to the emitted NFC string; the new tone placement folds to it', () => {
    const nfd = QUOC_HIEU.normalize('NFD');
    expect(nfd).not.toBe(QUOC_HIEU);
    expect(nfd.normalize('NFC')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    expect(foldTone('CỘNG HOÀ XÃ HỘI CHỦ NGHĨA VIỆT NAM')).toBe(QUOC_HIEU);
    expect(foldTone('Uỷ ban nhân dân')).toBe('Ủy ban nhân dân');
  });
  it('upper-cases Vietnamese letters', () => {
    expect(inHoa('ủy ban nhân dân xã hành minh')).toBe('ỦY BAN NHÂN DÂN XÃ HÀNH MINH');
    expect(inHoa('đảng')).toBe('ĐẢNG');
  });
  it('writes the Tiêu ngữ with ASCII hyphens spaced on both sides', () => {
    expect(TIEU_NGU).toBe('Độc lập - Tự do - Hạnh phúc');
    expect(TIEU_NGU).not.toMatch(/[–—]/);
  });
  it('folds file names to ASCII with Đ mapped', () => {
    expect(asciiStem('Kế hoạch Đống Đa 2021')).toBe('Ke-hoach-Dong-Da-2021');
    expect(asciiStem('../../etc/passwd')).toBe('etc-passwd');
  });
  it('measures Times New Roman text widths', () => {
    // Bold 13 pt Tiêu ngữ is about 60 mm wide in Times New Roman.
    const w = measureMm(TIEU_NGU, 13, true);
    expect(w).toBeGreaterThan(55);
    expect(w).toBeLessThan(66);
  });
});

describe('dated configuration (§0)', () => {
  it.each([
    ['2021-06-09', 'nd91-2017'], ['2023-12-31', 'nd91-2017'], ['2024-01-01', 'nd98-2023'], ['2025-06-30', 'nd98-2023'], ['2025-07-01', 'nd152-2025'],
  ])('%s → %s', (date, id) => expect(inForce(REGULATIONS.legalProfiles, date).id).toBe(id));
});

describe('names in full, without titles, and no district after the reform (§1.6, §1.7, §6.1)', () => {
  const ctx = { regulations: REGULATIONS, timeZone: 'Asia/Ho_Chi_Minh' as const };
  it.each([
    ['TP. Hồ Chí Minh', 'TP.', 'Thành phố Hồ Chí Minh'],
    ['TP.HCM', 'TP.', 'Thành phố Hồ Chí Minh'],
    ['Tp. Huế', 'Tp.', 'Thành phố Huế'],
    ['Q. Hoàng Mai', 'Q.', 'Quận Hoàng Mai'],
    ['TX. Sơn Tây', 'TX.', 'Thị xã Sơn Tây'],
  ])('place name %s: "%s" → write "%s"', (value, abbr, full) => {
    const [i] = placeNameIssues(value, '$.diaDanh', ctx);
    expect(i).toMatchObject({ code: 'rule.place_abbreviated', severity: 'warning', path: '$.diaDanh' });
    expect(i!.message.vi).toContain(`"${abbr}"`);
    expect(i!.hint!.vi).toContain(`Viết "${full}"`);
  });
  it.each(['Thành phố Hồ Chí Minh', 'Hà Nội', 'Quận 1', 'Phường Điện Biên Phủ', 'Hoàng Mai'])('takes the place name %s as written', (value) => {
    expect(placeNameIssues(value, '$.diaDanh', ctx)).toEqual([]);
  });
  it.each([
    ['TS. Nguyễn Văn A', 'TS.', 'Nguyễn Văn A'],
    ['TS Nguyễn Văn A', 'TS', 'Nguyễn Văn A'],
    ['PGS.TS. Trần Thị B', 'PGS.TS.', 'Trần Thị B'],
    ['ThS. Lê C', 'ThS.', 'Lê C'],
    ['Tiến sĩ Phạm D', 'Tiến sĩ', 'Phạm D'],
    ['Đồng chí Hoàng E', 'Đồng chí', 'Hoàng E'],
  ])('name %s: "%s" before it → write "%s"', (value, title, name) => {
    const [i] = personNameIssues([{ path: '$.nguoiKy.hoTen', text: value }], ctx);
    expect(i).toMatchObject({ code: 'rule.title_in_name', severity: 'warning', path: '$.nguoiKy.hoTen' });
    expect(i!.message.vi).toContain(`có "${title}" đứng trước`);
    expect(i!.hint!.vi).toContain(`Viết "${name}"`);
  });
  it.each(['Nguyễn Văn A', 'Tạ Sơn', 'Bác Thị Sư', 'Cù Thị Nhân', 'Thạch Sanh'])('takes the name %s as written', (value) => {
    expect(personNameIssues([{ path: '$.x', text: value }], ctx)).toEqual([]);
  });
  it('flags huyện, quận and thị xã only in documents dated from 01/7/2025', () => {
    const names = [{ path: '$.a', text: 'UBND huyện Gia Viễn' }, { path: '$.b', text: 'Quận 1' }, { path: '$.c', text: 'Ban TĐKT thị xã Tam Điệp' }, { path: '$.d', text: 'UBND xã Gia Tân' }];
    expect(districtIssues(names, '2025-06-30', ctx)).toEqual([]);
    expect(districtIssues(names, '2025-07-01', ctx).map((i) => i.path)).toEqual(['$.a', '$.b', '$.c']);
    expect(districtIssues(names, '2025-09-14', ctx)[0]!.message.vi).toContain('văn bản ngày 14/9/2025');
  });
  it.each([
    ['Kế hoạch số 16/KH-UBND ngày 21/7/2025 của Ủy ban nhân dân xã Gia Tân', '2025-07-21'],
    ['Kế hoạch số 47/KH-HĐTĐKT ngày 09/6/2021', '2021-06-09'],
    ['Kế hoạch số 5/KH-UBND ngày 05 tháng 3 năm 2024', '2024-03-05'],
    ['Kế hoạch số 5/KH-UBND', undefined],
    ['Kế hoạch ngày 31/02/2025', undefined],
  ])('reads the date of a cited document: %s → %s', (s, iso) => expect(ngayTrichDan(s)).toBe(iso));
});

describe('the date that prices an award (§5.4)', () => {
  it.each([
    [undefined, '2024-06-30', '2024-06-30', false],
    [{ nam: 2024, thang: 7, ngay: 15 }, '2024-06-30', '2024-07-15', false],
    [{ nam: 2024, thang: 6, ngay: 1 }, '2024-06-30', '2024-06-01', true],
    [{ nam: 2024, thang: 7 }, '2024-06-30', '2024-07-01', false],
    [{ nam: 2024, thang: 6 }, '2024-06-20', '2024-06-20', false],
    [{ nam: 2024, thang: 5 }, '2024-06-20', '2024-06-20', true],
  ])('decision %j, tờ trình %s → priced on %s, early: %s', (qd, toTrinh, iso, early) => {
    expect(ngayTinhTien(qd, toTrinh)).toEqual({ iso, truocToTrinh: early });
  });
});

describe('the commune chairman’s Giấy khen (§5.3, §5.4)', () => {
  it.each([
    ['Chủ tịch Ủy ban nhân dân xã Gia Tân', true],
    ['Chủ tịch Ủy ban nhân dân phường Định Công', true],
    ['Chủ tịch UBND đặc khu Phú Quốc', true],
    ['Chủ tịch Ủy ban nhân dân quận Hoàng Mai', false],
    ['Chủ tịch Ủy ban nhân dân thị xã Sơn Tây', false],
    ['Giám đốc Sở Nội vụ', false],
  ])('%s is at commune level: %s', (cap, xa) => expect(capKhenThuongXa(cap, REGULATIONS)).toBe(xa));
  it('takes 0,15 × lương cơ sở for an individual, rounded up, and says both values are unconfirmed in 2025', () => {
    const t = tienThuong(REGULATIONS.khenThuong['giay-khen']!, 'ca-nhan', '2025-08-01', REGULATIONS, { capXa: true })!;
    expect([t.heSo, t.tho, t.soTien]).toEqual([0.15, 351_000, 360_000]);
    expect(t.chuaXacNhan.map((u) => u.loai)).toEqual(['heSo', 'lamTron']);
  });
  it('keeps 0,3 for a district chairman’s Giấy khen of 2021 (NĐ 91, sourced); only that period’s rounding is unconfirmed', () => {
    const t = tienThuong(REGULATIONS.khenThuong['giay-khen']!, 'ca-nhan', '2021-12-13', REGULATIONS, { capXa: false })!;
    expect([t.heSo, t.tho, t.soTien, t.chuaXacNhan.map((u) => u.loai)]).toEqual([0.3, 447_000, 450_000, ['lamTron']]);
  });
  it('warns of nothing when rounding changes nothing and the values are sourced (Chiến sĩ thi đua cơ sở, 2025)', () => {
    const t = tienThuong(REGULATIONS.khenThuong['chien-si-thi-dua-co-so']!, 'ca-nhan', '2025-08-01', REGULATIONS)!;
    expect([t.soTien, t.chuaXacNhan]).toEqual([2_340_000, []]);
  });
});
