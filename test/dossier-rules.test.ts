// The law of the hồ sơ, checked all the way: one dossier (or form) per rule, each with the code, the path in the
// input and the message a council secretary reads; the expectations are written by hand from regulations §1.6, §1.7,
// §4, §5.2, §5.4 and §6.1, never taken from the functions under test.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { prepare } from '../src/pipeline/prepare';
import { loadForm } from '../src/forms/registry';
import { REGULATIONS } from '../src/config/regulations';
import { baoCaoViewModel } from '../src/viewmodel/bao-cao';
import { checkTemplateDir } from '../src/maintain/check';
import { ROOT, TEMPLATES_DIR } from '../src/paths';
import type { DocumentVM } from '../src/viewmodel/types';
import { tmpDir } from './helpers';

const read = (f: string) => JSON.parse(fs.readFileSync(path.join(ROOT, f), 'utf8'));
const XA = read('data/nominations/ho-so-xa-2025.json');
const HOANG_MAI = read('data/nominations/ho-so-hoang-mai-2021.json');
const TO_TRINH = read('test/fixtures/to-trinh.json');
const BAO_CAO = read('test/fixtures/bao-cao-thanh-tich.json');
const BIEN_BAN = read('test/fixtures/bien-ban.json');
const KE_HOACH = read('test/fixtures/minimal-ke-hoach.json');

const mutate = (base: any, fn: (d: any) => void) => {
  const d = structuredClone(base);
  fn(d);
  return d;
};
const text = (vm: DocumentVM) => JSON.stringify(vm);
const HUYEN = 'thuộc thời kỳ chính quyền địa phương hai cấp: từ 01/7/2025 không còn cấp huyện.';

interface Row {
  name: string;
  base: any;
  fn: (d: any) => void;
  code: string;
  path: string;
  severity: 'error' | 'warning';
  vi: string;
}

const ROWS: Row[] = [
  // 1. Ballot arithmetic (§5.2): those who may vote are the members present and the absent who wrote.
  {
    name: 'an absent member without a written opinion, 8 ballots, a nominee with 9 votes',
    base: XA, fn: (d) => { d.cuocHop.vangMat[0].yKienBangVanBan = false; },
    code: 'rule.votes_exceed_ballots', path: '$.deCu[0].phieuDongY', severity: 'error',
    vi: 'Trung tâm Phục vụ hành chính công xã Gia Tân: 09 phiếu đồng ý nhiều hơn số người được biểu quyết: 08 phiếu hợp lệ (tối đa 08).',
  },
  {
    name: 'five valid ballots and seven votes in favour',
    base: XA, fn: (d) => { d.cuocHop.phieu.hopLe = 5; d.deCu[0].phieuDongY = 7; },
    code: 'rule.votes_exceed_ballots', path: '$.deCu[0].phieuDongY', severity: 'error',
    vi: 'Trung tâm Phục vụ hành chính công xã Gia Tân: 07 phiếu đồng ý nhiều hơn số người được biểu quyết: 05 phiếu hợp lệ và 01 ý kiến bằng văn bản của thành viên vắng mặt (tối đa 06).',
  },
  {
    name: 'no ballot count: votes against the members present and the written opinions',
    base: XA, fn: (d) => { delete d.cuocHop.phieu; d.cuocHop.vangMat[0].yKienBangVanBan = false; },
    code: 'rule.votes_exceed_ballots', path: '$.deCu[2].phieuDongY', severity: 'error',
    vi: 'Lã Thị Thu Hiền: 09 phiếu đồng ý nhiều hơn số người được biểu quyết: 08 thành viên có mặt (tối đa 08).',
  },
  {
    name: 'more ballots issued than members present',
    base: XA, fn: (d) => { d.cuocHop.phieu = { phatRa: 9, thuVao: 8, hopLe: 8 }; },
    code: 'rule.ballots', path: '$.cuocHop.phieu.phatRa', severity: 'error',
    vi: 'Số phiếu phát ra (09) nhiều hơn số thành viên có mặt (08).',
  },
  {
    name: 'more ballots returned than issued',
    base: XA, fn: (d) => { d.cuocHop.phieu = { phatRa: 7, thuVao: 8, hopLe: 7 }; },
    code: 'rule.ballots', path: '$.cuocHop.phieu.thuVao', severity: 'error',
    vi: 'Số phiếu thu vào (08) nhiều hơn số phiếu phát ra (07).',
  },
  {
    name: 'more valid ballots than returned',
    base: XA, fn: (d) => { d.cuocHop.phieu = { phatRa: 8, thuVao: 7, hopLe: 8 }; },
    code: 'rule.ballots', path: '$.cuocHop.phieu.hopLe', severity: 'error',
    vi: 'Số phiếu hợp lệ (08) nhiều hơn số phiếu thu vào (07).',
  },
  {
    name: 'the biên bản on its own: ballots at its own path',
    base: BIEN_BAN, fn: (d) => { d.phieu = { phatRa: 3, thuVao: 3, hopLe: 3 }; },
    code: 'rule.ballots', path: '$.phieu.phatRa', severity: 'error',
    vi: 'Số phiếu phát ra (03) nhiều hơn số thành viên có mặt (02).',
  },
  // 2. Two-tier local government (§6.1): every agency or level named in a document dated from 01/7/2025.
  {
    name: 'a district as the awarding level',
    base: XA, fn: (d) => { d.capKhenThuong = 'Chủ tịch Ủy ban nhân dân huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.capKhenThuong', severity: 'warning',
    vi: `"Chủ tịch Ủy ban nhân dân huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 24/11/2025 ${HUYEN}`,
  },
  {
    name: 'a district in "Kính gửi"',
    base: XA, fn: (d) => { d.toTrinh.kinhGui = ['Chủ tịch Ủy ban nhân dân xã Gia Tân', 'Phòng Nội vụ huyện Gia Viễn']; },
    code: 'rule.district_abolished', path: '$.toTrinh.kinhGui[1]', severity: 'warning',
    vi: `"Phòng Nội vụ huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 24/11/2025 ${HUYEN}`,
  },
  {
    name: 'a district in the nơi nhận',
    base: XA, fn: (d) => { d.toTrinh.noiNhan[1].ten = 'Ban Thi đua - Khen thưởng thị xã Tam Điệp'; },
    code: 'rule.district_abolished', path: '$.toTrinh.noiNhan[1].ten', severity: 'warning',
    vi: `"Ban Thi đua - Khen thưởng thị xã Tam Điệp" là cấp huyện, nhưng văn bản ngày 24/11/2025 ${HUYEN}`,
  },
  {
    name: 'a district issuing the launching plan after 01/7/2025',
    base: XA, fn: (d) => { d.phongTrao.keHoach = 'Kế hoạch số 16/KH-UBND ngày 21/7/2025 của Ủy ban nhân dân huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.phongTrao.keHoach', severity: 'warning',
    vi: `"Kế hoạch số 16/KH-UBND ngày 21/7/2025 của Ủy ban nhân dân huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 21/7/2025 ${HUYEN}`,
  },
  {
    name: 'a district as the proposing body’s governing body',
    base: XA, fn: (d) => { d.coQuan.chuQuan = 'UBND huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.coQuan.chuQuan', severity: 'warning',
    vi: `"UBND huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 24/11/2025 ${HUYEN}`,
  },
  {
    name: 'a district as a nominee’s unit',
    base: XA, fn: (d) => { d.deCu[1].donVi = 'Ủy ban nhân dân huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.deCu[1].donVi', severity: 'warning',
    vi: `"Ủy ban nhân dân huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 24/11/2025 ${HUYEN}`,
  },
  {
    name: 'a district heading a report, on the report’s own date',
    base: XA, fn: (d) => { d.deCu[1].baoCao.coQuan.chuQuan = 'UBND huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.deCu[1].baoCao.coQuan.chuQuan', severity: 'warning',
    vi: `"UBND huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 17/11/2025 ${HUYEN}`,
  },
  {
    name: 'the kế hoạch form: a district issuer after 01/7/2025',
    base: KE_HOACH, fn: (d) => { d.ngay = '2025-08-01'; d.coQuan.chuQuan = 'UBND huyện Gia Viễn'; },
    code: 'rule.district_abolished', path: '$.coQuan.chuQuan', severity: 'warning',
    vi: `"UBND huyện Gia Viễn" là cấp huyện, nhưng văn bản ngày 01/8/2025 ${HUYEN}`,
  },
  {
    name: 'the kế hoạch form: a district in the signer’s other position',
    base: KE_HOACH, fn: (d) => { d.ngay = '2025-08-01'; d.coQuan.chuQuan = 'UBND xã Gia Tân'; },
    code: 'rule.district_abolished', path: '$.nguoiKy.chucVuKhac', severity: 'warning',
    vi: `"Chủ tịch Ủy ban nhân dân quận" là cấp huyện, nhưng văn bản ngày 01/8/2025 ${HUYEN}`,
  },
  {
    name: 'the tờ trình form: a district grantor after 01/7/2025',
    base: TO_TRINH, fn: (d) => { d.ngay = '2025-07-10'; d.coQuan.chuQuan = 'UBND phường Hoàng Mai'; },
    code: 'rule.district_abolished', path: '$.capKhenThuong', severity: 'warning',
    vi: `"Chủ tịch Ủy ban nhân dân quận Hoàng Mai" là cấp huyện, nhưng văn bản ngày 10/7/2025 ${HUYEN}`,
  },
  {
    name: 'the biên bản form: a district in the agency after 01/7/2025',
    base: BIEN_BAN, fn: (d) => { d.coQuan.ten = ['Ủy ban nhân dân', 'huyện Yên Mỹ']; },
    code: 'rule.district_abolished', path: '$.coQuan.ten[1]', severity: 'warning',
    vi: `"huyện Yên Mỹ" là cấp huyện, nhưng văn bản ngày 05/12/2025 ${HUYEN}`,
  },
  // 3. The decision's date prices the award (§5.4).
  {
    name: 'a decision dated before the tờ trình',
    base: XA, fn: (d) => { d.ngayQuyetDinh = '2025-11-20'; },
    code: 'rule.decision_date', path: '$.ngayQuyetDinh', severity: 'error',
    vi: 'Ngày quyết định khen thưởng 20/11/2025 trước ngày tờ trình 24/11/2025.',
  },
  {
    name: 'a decision expected in a month before the tờ trình’s',
    base: XA, fn: (d) => { d.ngayQuyetDinh = '2025-10'; },
    code: 'rule.decision_date', path: '$.ngayQuyetDinh', severity: 'error',
    vi: 'Ngày quyết định khen thưởng tháng 10/2025 trước ngày tờ trình 24/11/2025.',
  },
  {
    name: 'the tờ trình form: a decision dated before it',
    base: TO_TRINH, fn: (d) => { d.ngayQuyetDinh = '2024-12-01'; },
    code: 'rule.decision_date', path: '$.ngayQuyetDinh', severity: 'error',
    vi: 'Ngày quyết định khen thưởng 01/12/2024 trước ngày tờ trình 20/12/2024.',
  },
  {
    name: 'the commune chairman’s Giấy khen, whose coefficient is unconfirmed',
    base: XA, fn: () => {},
    code: 'rule.unconfirmed_value', path: '$.tinhTien', severity: 'warning',
    vi: 'Tiền thưởng của Phạm Văn Hải, Đặng Thu Phương dựa trên hệ số của Giấy khen của Chủ tịch Ủy ban nhân dân cấp xã (0,15 cho cá nhân) thời kỳ Nghị định số 152/2025/NĐ-CP: giá trị này chưa được xác nhận từ văn bản quy định (regulations §5.4).',
  },
  {
    name: 'rounding up, unconfirmed for NĐ 152/2025',
    base: XA, fn: () => {},
    code: 'rule.unconfirmed_value', path: '$.tinhTien', severity: 'warning',
    vi: 'Tiền thưởng của Trung tâm Phục vụ hành chính công xã Gia Tân, Lã Thị Thu Hiền, Trương Văn Quý, Phạm Văn Hải, Đặng Thu Phương dựa trên việc làm tròn lên bội số 10.000 đồng thời kỳ Nghị định số 152/2025/NĐ-CP: giá trị này chưa được xác nhận từ văn bản quy định (regulations §5.4).',
  },
  {
    name: 'the tờ trình form: a Giấy khen of the NĐ 98 period, whose amount is unconfirmed',
    base: TO_TRINH, fn: () => {},
    code: 'rule.unconfirmed_value', path: '$.tinhTien', severity: 'warning',
    vi: 'Tiền thưởng của Bộ phận Một cửa phường Tân Mai, Lê Văn Bình dựa trên hệ số của Giấy khen (0,3 cho cá nhân, 0,6 cho tập thể) thời kỳ Nghị định số 98/2023/NĐ-CP: giá trị này chưa được xác nhận từ văn bản quy định (regulations §5.4).',
  },
  {
    name: 'no lương cơ sở on record on the decision’s date, at the nominee’s path in the hồ sơ',
    base: XA,
    fn: (d) => {
      d.cuocHop.batDau = '2017-11-20T14:00'; d.cuocHop.ketThuc = '2017-11-20T16:30'; d.toTrinh.ngay = '2017-11-24'; delete d.ngayQuyetDinh;
      for (const x of d.deCu) x.baoCao.ngay = '2017-11-17';
    },
    code: 'rule.no_money', path: '$.deCu[2]', severity: 'warning',
    vi: 'Không có mức tiền thưởng cho Lao động tiên tiến đối với cá nhân (Lã Thị Thu Hiền) vào ngày 24/11/2017.',
  },
  // 4. The report's form follows the award: a title on a danh hiệu thi đua is an error.
  {
    name: 'a kind of award given to a title',
    base: XA, fn: (d) => { d.deCu[1].loaiHinh = 'cong-trang'; },
    code: 'rule.award_kind', path: '$.deCu[1].loaiHinh', severity: 'error',
    vi: 'Chiến sĩ thi đua cơ sở là danh hiệu thi đua: "loaiHinh" chỉ dùng cho hình thức khen thưởng (Bằng khen, Giấy khen).',
  },
  {
    name: 'the báo cáo form: a kind of award given to a title',
    base: BAO_CAO, fn: (d) => { d.khenThuong = 'lao-dong-tien-tien'; d.loaiHinh = 'phong-trao'; },
    code: 'rule.award_kind', path: '$.loaiHinh', severity: 'error',
    vi: 'Lao động tiên tiến là danh hiệu thi đua: "loaiHinh" chỉ dùng cho hình thức khen thưởng (Bằng khen, Giấy khen).',
  },
  // 6. Names in full and without titles; dates in messages as documents print them.
  {
    name: 'an abbreviated place name',
    base: XA, fn: (d) => { d.diaDanh = 'TP. Hồ Chí Minh'; },
    code: 'rule.place_abbreviated', path: '$.diaDanh', severity: 'warning',
    vi: 'Địa danh "TP. Hồ Chí Minh" có chữ viết tắt "TP.": địa danh phải viết đầy đủ (NĐ 30, Phụ lục I, II.4.a).',
  },
  {
    name: 'the kế hoạch form: an abbreviated place name',
    base: KE_HOACH, fn: (d) => { d.diaDanh = 'TP.HCM'; },
    code: 'rule.place_abbreviated', path: '$.diaDanh', severity: 'warning',
    vi: 'Địa danh "TP.HCM" có chữ viết tắt "TP.": địa danh phải viết đầy đủ (NĐ 30, Phụ lục I, II.4.a).',
  },
  {
    name: 'a title before the signer’s name',
    base: XA, fn: (d) => { d.toTrinh.nguoiKy.hoTen = 'TS. Phạm Thị Hương'; },
    code: 'rule.title_in_name', path: '$.toTrinh.nguoiKy.hoTen', severity: 'warning',
    vi: 'Họ tên "TS. Phạm Thị Hương" có "TS." đứng trước: NĐ 30 không ghi học hàm, học vị, danh xưng trước họ tên (Phụ lục I, II.7).',
  },
  {
    name: 'titles before a council member’s name',
    base: XA, fn: (d) => { d.hoiDong.thanhVien[3].hoTen = 'PGS.TS. Lê Thị Hằng'; },
    code: 'rule.title_in_name', path: '$.hoiDong.thanhVien[3].hoTen', severity: 'warning',
    vi: 'Họ tên "PGS.TS. Lê Thị Hằng" có "PGS.TS." đứng trước: NĐ 30 không ghi học hàm, học vị, danh xưng trước họ tên (Phụ lục I, II.7).',
  },
  {
    name: 'the báo cáo form: a title in words before the reporter’s name',
    base: BAO_CAO, fn: (d) => { d.nguoiBaoCao = 'Thạc sĩ Lê Văn Bình'; },
    code: 'rule.title_in_name', path: '$.nguoiBaoCao', severity: 'warning',
    vi: 'Họ tên "Thạc sĩ Lê Văn Bình" có "Thạc sĩ" đứng trước: NĐ 30 không ghi học hàm, học vị, danh xưng trước họ tên (Phụ lục I, II.7).',
  },
  {
    name: 'the tờ trình dated before the meeting, in dates as documents print them',
    base: XA, fn: (d) => { d.toTrinh.ngay = '2025-11-19'; },
    code: 'rule.date_order', path: '$.toTrinh.ngay', severity: 'error',
    vi: 'Tờ trình ngày 19/11/2025 được lập trước cuộc họp Hội đồng ngày 20/11/2025.',
  },
  {
    name: 'a meeting that ends before it starts, in times as the biên bản prints them',
    base: XA, fn: (d) => { d.cuocHop.ketThuc = '2025-11-20T09:05'; },
    code: 'rule.time_order', path: '$.cuocHop.ketThuc', severity: 'error',
    vi: 'Cuộc họp kết thúc lúc 09 giờ 05 ngày 20/11/2025, không sau lúc bắt đầu 14 giờ 00 ngày 20/11/2025.',
  },
  // Issues of the documents a dossier derives name the field of the hồ sơ.
  {
    name: 'unclosed markup in the meeting’s proceedings',
    base: XA, fn: (d) => { d.cuocHop.noiDung[0] = 'Đồng chí **Nguyễn Văn Thành nêu mục đích.'; },
    code: 'schema.markup', path: '$.cuocHop.noiDung[0]', severity: 'warning',
    vi: 'Trường «$.cuocHop.noiDung[0]»: dấu "**" không có cặp đóng, được in nguyên văn.',
  },
  {
    name: 'unclosed markup in a căn cứ of the tờ trình',
    base: XA, fn: (d) => { d.toTrinh.canCu[1] = 'Căn cứ Luật Thi đua, khen thưởng *ngày 15 tháng 6 năm 2022'; },
    code: 'schema.markup', path: '$.toTrinh.canCu[1]', severity: 'warning',
    vi: 'Trường «$.toTrinh.canCu[1]»: dấu "*" không có cặp đóng, được in nguyên văn.',
  },
];

describe('each rule, one input: code, path and message', () => {
  it.each(ROWS.map((r) => [r.name, r] as const))('%s', async (_n, r) => {
    const p = await prepare(mutate(r.base, r.fn), 'x.json');
    const found = p.issues.filter((i) => i.code === r.code && i.path === r.path);
    expect(found.map((i) => i.message.vi), JSON.stringify(p.issues.map((i) => [i.code, i.path]))).toContain(r.vi);
    expect(found.find((i) => i.message.vi === r.vi)!.severity).toBe(r.severity);
    expect(found.find((i) => i.message.vi === r.vi)!.message.en.length).toBeGreaterThan(0);
    // Warnings never stop a document.
    if (r.severity === 'warning') expect(p.documents.length).toBeGreaterThan(0);
  });

  it('catalogues every rule code with a test here or in test/dossier.test.ts', async () => {
    const { CATALOGUE } = await import('../src/errors/catalogue');
    const tested = new Set([...ROWS.map((r) => r.code), 'rule.vote_below_threshold', 'rule.none_passed', 'rule.quota_exceeded', 'rule.not_member', 'rule.chair_absent', 'rule.votes_exceed', 'rule.award_subject', 'rule.district_abolished', 'rule.report_missing']);
    for (const code of Object.keys(CATALOGUE).filter((c) => c.startsWith('rule.'))) expect(tested, code).toContain(code);
  });
});

describe('what the rules leave alone', () => {
  it('gives the examples as they stand no error, and no district warning before 01/7/2025', async () => {
    for (const input of [XA, HOANG_MAI]) {
      const p = await prepare(structuredClone(input), 'x.json');
      expect(p.issues.filter((i) => i.severity === 'error')).toEqual([]);
      expect(p.issues.map((i) => i.code)).not.toContain('rule.district_abolished');
      expect(p.issues.map((i) => i.code)).not.toContain('rule.title_in_name');
      expect(p.issues.map((i) => i.code)).not.toContain('rule.place_abbreviated');
    }
  });
  it('takes "Thành phố Hồ Chí Minh", "Quận 1" before the reform and a name that only looks like a title', async () => {
    const p = await prepare(mutate(KE_HOACH, (d) => { d.diaDanh = 'Thành phố Hồ Chí Minh'; d.coQuan.chuQuan = 'UBND Quận 1'; d.nguoiKy.hoTen = 'Bác Thị Sư'; }), 'x.json');
    expect(p.issues).toEqual([]);
  });
  it('counts written opinions: 8 valid ballots and 1 written opinion allow 9 votes', async () => {
    const p = await prepare(structuredClone(XA), 'x.json');
    expect(p.issues.map((i) => i.code)).not.toContain('rule.votes_exceed_ballots');
    expect(text(p.documents[1]!.vm)).toContain('Số phiếu phát ra: 08; số phiếu thu vào: 08; số phiếu hợp lệ: 08; số ý kiến bằng văn bản của thành viên vắng mặt: 01.');
  });
});

describe('money on the decision’s date (§5.4)', () => {
  // A ward's tờ trình of 30/6/2024 for one Lao động tiên tiến: 0,3 × 1.800.000 = 540.000 on its own date;
  // decided on 15/7/2024, 0,3 × 2.340.000 = 702.000, rounded up to 710.000.
  const june = (ngayQuyetDinh?: string) => mutate(XA, (d) => {
    d.cuocHop.batDau = '2024-06-27T14:00'; d.cuocHop.ketThuc = '2024-06-27T16:30'; d.toTrinh.ngay = '2024-06-30';
    d.deCu = [d.deCu[2]];
    d.deCu[0].baoCao.ngay = '2024-06-25';
    if (ngayQuyetDinh) d.ngayQuyetDinh = ngayQuyetDinh;
    else delete d.ngayQuyetDinh;
  });
  it('takes the tờ trình’s date when no decision date is given', async () => {
    const p = await prepare(june(), 'x.json');
    expect(p.issues).toEqual([]);
    expect(text(p.documents[0]!.vm)).toContain('Tổng số tiền thưởng: 540.000 đồng (bằng chữ: Năm trăm bốn mươi nghìn đồng), tính theo mức lương cơ sở 1.800.000 đồng.');
    expect(p.dossier!.manifest).toMatchObject({ tinhTien: { ngay: '2024-06-30', theo: 'toTrinh.ngay', luongCoSo: 1_800_000 }, tongTien: 540_000 });
  });
  it('takes the decision’s date, expected or known, when given', async () => {
    const p = await prepare(june('2024-07-15'), 'x.json');
    expect(p.issues).toEqual([]);
    expect(text(p.documents[0]!.vm)).toContain('Tổng số tiền thưởng: 710.000 đồng (bằng chữ: Bảy trăm mười nghìn đồng), tính theo mức lương cơ sở 2.340.000 đồng.');
    expect(p.dossier!.manifest).toMatchObject({ tinhTien: { ngay: '2024-07-15', theo: 'ngayQuyetDinh', luongCoSo: 2_340_000 }, tongTien: 710_000 });
  });
  it('gives the commune chairman’s Giấy khen its own coefficient: 0,15 × 2.340.000 = 351.000 → 360.000', async () => {
    const p = await prepare(structuredClone(XA), 'x.json');
    const rows = p.documents[0]!.vm.phuLuc!.bang.dong.filter((r) => r.o[3] === 'Giấy khen').map((r) => r.o[4]);
    expect(rows).toEqual(['360.000', '360.000']);
    // 1.880.000 + 2.340.000 + 2 × 710.000 + 2 × 360.000
    expect(p.dossier!.manifest).toMatchObject({ tongTien: 6_360_000 });
  });
});

describe('the report’s form and header follow the award and its subject (§4)', () => {
  it.each([
    ['Trung tâm Phục vụ hành chính công xã Gia Tân', 'Mẫu số 04 - Nghị định số 152/2025/NĐ-CP'],
    ['Ngô Thanh Tùng', 'Mẫu số 05 - Nghị định số 152/2025/NĐ-CP'],
    ['Lã Thị Thu Hiền', 'Mẫu số 05 - Nghị định số 152/2025/NĐ-CP'],
    ['Phạm Văn Hải', 'Mẫu số 08 - Nghị định số 152/2025/NĐ-CP'],
  ])('xã, 2025: %s → %s', async (ten, mau) => {
    const p = await prepare(structuredClone(XA), 'x.json');
    expect(p.documents.find((d) => d.title === `Báo cáo thành tích: ${ten}`)!.vm.dongMau).toBe(mau);
  });
  it('a Giấy khen for performance of duties takes the individual form, not the thematic one', async () => {
    const p = await prepare(mutate(XA, (d) => { d.deCu[4].loaiHinh = 'cong-trang'; }), 'x.json');
    expect(p.documents.find((d) => d.title === 'Báo cáo thành tích: Phạm Văn Hải')!.vm.dongMau).toBe('Mẫu số 05 - Nghị định số 152/2025/NĐ-CP');
  });
  it.each([
    ['giay-khen', undefined, 'Mẫu số 08 - Nghị định số 98/2023/NĐ-CP'],
    ['chien-si-thi-dua-co-so', undefined, 'Mẫu số 03 - Nghị định số 98/2023/NĐ-CP'],
    ['giay-khen', 'cong-trang', 'Mẫu số 03 - Nghị định số 98/2023/NĐ-CP'],
  ])('the báo cáo form, 2024, an individual: %s (%s) → %s', async (khenThuong, loaiHinh, mau) => {
    const p = await prepare(mutate(BAO_CAO, (d) => { d.khenThuong = khenThuong; if (loaiHinh) d.loaiHinh = loaiHinh; }), 'x.json');
    expect(p.vm!.dongMau).toBe(mau);
  });
  it('the Hoàng Mai dossier of 2021: every report on Mẫu số 07 (campaign Giấy khen)', async () => {
    const p = await prepare(structuredClone(HOANG_MAI), 'x.json');
    const reports = p.documents.filter((d) => d.title.startsWith('Báo cáo'));
    expect(reports.length).toBe(5);
    for (const r of reports) expect(r.vm.dongMau).toBe('Mẫu số 07 - Nghị định số 91/2017/NĐ-CP');
  });
  it('reads the form line from form.json, so a maintainer corrects a number without code', async () => {
    const form = await loadForm('bao-cao-thanh-tich');
    const settings = structuredClone(form.settings) as any;
    settings.cauTruc.mau['nd98-2023']['phong-trao']['ca-nhan'].dongMau = 'Mẫu số 09 - Nghị định số 98/2023/NĐ-CP';
    const input = { ...BAO_CAO, loaiHinh: undefined };
    const ctx = { regulations: REGULATIONS, timeZone: 'Asia/Ho_Chi_Minh' as const };
    expect(baoCaoViewModel(input, settings, ctx).vm.dongMau).toBe('Mẫu số 09 - Nghị định số 98/2023/NĐ-CP');
  });
  it('templates check names a missing form line of form.json', async () => {
    const dir = path.join(tmpDir('report-forms'), 'bao-cao-thanh-tich');
    fs.cpSync(path.join(TEMPLATES_DIR, 'bao-cao-thanh-tich'), dir, { recursive: true });
    const json = JSON.parse(fs.readFileSync(path.join(dir, 'form.json'), 'utf8'));
    delete json.cauTruc.mau['nd152-2025']['cong-trang']['tap-the'];
    fs.writeFileSync(path.join(dir, 'form.json'), JSON.stringify(json));
    const issues = await checkTemplateDir(dir);
    expect(issues.map((i) => [i.code, i.template?.place])).toEqual([['template.form_json', '$.cauTruc.mau.nd152-2025.cong-trang.tap-the.dongMau']]);
  });
  it('heads each report with its unit under its superior, never with the council', async () => {
    const p = await prepare(structuredClone(XA), 'x.json');
    const header = (ten: string) => p.documents.find((d) => d.title === `Báo cáo thành tích: ${ten}`)!.vm.header;
    expect(header('Trung tâm Phục vụ hành chính công xã Gia Tân')).toMatchObject({ chuQuan: ['UBND XÃ GIA TÂN'], banHanh: ['TRUNG TÂM PHỤC VỤ', 'HÀNH CHÍNH CÔNG'] });
    expect(header('Ngô Thanh Tùng')).toMatchObject({ chuQuan: ['UBND XÃ GIA TÂN'], banHanh: ['PHÒNG VĂN HÓA - XÃ HỘI'] });
    expect(header('Lã Thị Thu Hiền')).toMatchObject({ chuQuan: [], banHanh: ['ỦY BAN NHÂN DÂN', 'XÃ GIA TÂN'] });
    // Without "coQuan", a collective stands under the body the proposing unit belongs to.
    const own = await prepare(mutate(XA, (d) => { delete d.deCu[0].baoCao.coQuan; }), 'x.json');
    // The header holds the lines as printed: the layout breaks the unit's name to the agency column.
    const ownHeader = own.documents.find((d) => d.title === 'Báo cáo thành tích: Trung tâm Phục vụ hành chính công xã Gia Tân')!.vm.header;
    expect(ownHeader).toMatchObject({ chuQuan: ['UBND XÃ GIA TÂN'], banHanh: ['TRUNG TÂM PHỤC VỤ', 'HÀNH CHÍNH CÔNG', 'XÃ GIA TÂN'] });
    expect(ownHeader.banHanh.join(' ')).toBe('TRUNG TÂM PHỤC VỤ HÀNH CHÍNH CÔNG XÃ GIA TÂN');
    for (const d of p.documents.filter((x) => x.title.startsWith('Báo cáo'))) expect(d.vm.header.banHanh.join(' ')).not.toContain('HỘI ĐỒNG');
  });
});

describe('no form guidance printed; empty groups left out (§4.2.2)', () => {
  it('prints no "(Mẫu báo cáo này áp dụng …)" in any report', async () => {
    const p = await prepare(structuredClone(XA), 'x.json');
    for (const d of p.documents) expect(text(d.vm)).not.toContain('Mẫu báo cáo này');
  });
  it('leaves a group with nobody out of the tờ trình’s count and the biên bản’s conclusion', async () => {
    const p = await prepare(mutate(XA, (d) => { d.deCu = d.deCu.slice(1); d.cuocHop.vangMat = []; d.cuocHop.phieu = { phatRa: 9, thuVao: 9, hopLe: 9 }; }), 'x.json');
    const [toTrinh, bienBan] = p.documents;
    expect(text(toTrinh!.vm)).toContain('Tổng số: 05 cá nhân (có danh sách kèm theo).');
    expect(toTrinh!.vm.trichYeu).toBe('Đề nghị Chủ tịch Ủy ban nhân dân xã Gia Tân tặng danh hiệu thi đua và Giấy khen cho 05 cá nhân đã có thành tích trong phong trào thi đua “Đẩy mạnh chuyển đổi số” năm 2025');
    expect(text(bienBan!.vm)).toContain('Kết luận: Hội đồng thống nhất đề nghị khen thưởng 05 cá nhân đạt tỷ lệ phiếu đồng ý theo quy định.');
    expect(text(bienBan!.vm)).toContain('có 09 thành viên; có mặt 09 thành viên.');
    for (const d of p.documents) expect(text(d.vm)).not.toMatch(/\b00 (tập thể|cá nhân|thành viên)/u);
  });
});

describe('the tờ trình’s trích yếu (§5.1)', () => {
  it('by default names the grantor, what is proposed and for how many', async () => {
    const p = await prepare(structuredClone(XA), 'x.json');
    expect(p.documents[0]!.vm.trichYeu).toBe('Đề nghị Chủ tịch Ủy ban nhân dân xã Gia Tân tặng danh hiệu thi đua và Giấy khen cho 01 tập thể và 05 cá nhân đã có thành tích trong phong trào thi đua “Đẩy mạnh chuyển đổi số” năm 2025');
    const hm = await prepare(structuredClone(HOANG_MAI), 'x.json');
    expect(hm.documents[0]!.vm.trichYeu).toBe('Đề nghị Chủ tịch Ủy ban nhân dân quận Hoàng Mai tặng Giấy khen cho 02 tập thể và 03 cá nhân đã có thành tích trong phong trào thi đua “Đẩy mạnh cải cách hành chính” năm 2021');
  });
  it('can be written by the secretary', async () => {
    const mine = 'Đề nghị Chủ tịch Ủy ban nhân dân xã Gia Tân khen thưởng tập thể, cá nhân có thành tích trong phong trào thi đua “Đẩy mạnh chuyển đổi số”';
    const p = await prepare(mutate(XA, (d) => { d.toTrinh.trichYeu = mine; }), 'x.json');
    expect(p.documents[0]!.vm.trichYeu).toBe(mine);
  });
});
