// Inputs of the nomination documents: tờ trình, biên bản họp Hội đồng, báo cáo thành tích, and the whole hồ sơ.
import { z } from 'zod';
import { REGULATIONS } from '../config/regulations';
import { label, onlyFor } from './labels';
import { blockSchema, canCuSchema, checkNesting, coQuanSchema, documentFields, luuSchema, ngay, nguoiKySchema, noiNhanSchema, richText, text, CUSTOM } from './common';
import { parseNgay } from '../viewmodel/dates';

export const AWARD_KEYS = Object.keys(REGULATIONS.khenThuong).filter((k) => !k.startsWith('$')) as [string, ...string[]];

const AWARD_NAMES = Object.fromEntries(AWARD_KEYS.map((k) => [k, REGULATIONS.khenThuong[k]!.ten]));

export const doiTuongSchema = label(z.enum(['tap-the', 'ca-nhan']), 'Đối tượng', 'Subject', { vi: '"tap-the" (tập thể) hoặc "ca-nhan" (cá nhân).', en: '"tap-the" (collective) or "ca-nhan" (individual).' }, { enumVi: { 'tap-the': 'Tập thể', 'ca-nhan': 'Cá nhân' } });
export const khenThuongSchema = label(z.enum(AWARD_KEYS), 'Danh hiệu/hình thức khen thưởng', 'Title or award', { vi: `Một trong: ${AWARD_KEYS.join(', ')}.`, en: `One of: ${AWARD_KEYS.join(', ')}.` }, { enumVi: AWARD_NAMES });

/**
 * Loại hình khen thưởng of a Bằng khen or Giấy khen (Luật 06/2022 Điều 8 [P]): for a campaign (the default of a
 * dossier about a phong trào) or for performance of duties (công trạng). It picks the report form (§4.1–4.4).
 */
export const loaiHinhSchema = label(
  z.enum(['phong-trao', 'cong-trang']),
  'Loại hình khen thưởng', 'Kind of award',
  {
    vi: '"phong-trao" (khen thưởng phong trào thi đua, theo đợt hoặc chuyên đề; mặc định) hoặc "cong-trang" (khen thưởng thành tích thực hiện nhiệm vụ). Chỉ dùng cho Bằng khen, Giấy khen; quyết định mẫu báo cáo thành tích.',
    en: '"phong-trao" (an award for a campaign, by round or thematic; the default) or "cong-trang" (an award for performance of duties). For Bằng khen and Giấy khen only; it picks the report form.',
  },
  { enumVi: { 'phong-trao': 'Khen thưởng phong trào thi đua', 'cong-trang': 'Khen thưởng công trạng' } },
);

/** The date of the award decision, expected or known: it prices the award (§5.4). */
export const ngayQuyetDinhSchema = label(
  z.string().trim().refine((s) => parseNgay(s) !== undefined, { params: { code: CUSTOM.date } }),
  'Ngày quyết định khen thưởng', 'Award decision date',
  {
    vi: 'Ngày ký (hoặc dự kiến ký) quyết định khen thưởng, ví dụ 05/12/2025 (trong tệp JSON: "2025-12-05"): hệ số và mức lương cơ sở của tiền thưởng lấy theo ngày này. Bỏ trống: lấy theo ngày tờ trình.',
    en: 'The date the award decision is (or is expected to be) signed, YEAR-MONTH-DAY: the award money takes the coefficients and lương cơ sở in force then. Omitted: the proposal’s date.',
  },
  { widget: 'date' },
);

/** The header of an achievement report: the unit it is about (or the person's unit) under its superior (§4.2.2). */
export const donViBaoCaoSchema = label(
  z.strictObject({ chuQuan: coQuanSchema.shape.chuQuan, ten: coQuanSchema.shape.ten }),
  'Đơn vị báo cáo (đầu báo cáo)', 'Reporting unit (report header)',
  {
    vi: 'Đơn vị cấp trên và đơn vị báo cáo, in ở đầu báo cáo. Bỏ trống: tập thể đứng dưới đơn vị của mình (hoặc cơ quan chủ quản của hồ sơ); cá nhân lấy đơn vị công tác.',
    en: 'The superior ("chuQuan") and the reporting unit ("ten"). Omitted: a collective stands under its unit (or the dossier’s governing body); an individual takes their unit.',
  },
);

/** "2021-12-10T08:00": a meeting time in Vietnam local time. */
export const thoiDiem = (vi: string, en: string) =>
  label(
    z.string().trim().refine((s) => parseThoiDiem(s) !== undefined, { params: { code: CUSTOM.date } }),
    vi, en, { vi: 'Ngày và giờ (24 giờ), ví dụ ngày 10/12/2021 lúc 08:00; trong tệp JSON viết "2021-12-10T08:00".', en: 'Date and time (24-hour), e.g. 10/12/2021 at 08:00; in a JSON file "2021-12-10T08:00".' },
    { widget: 'datetime' },
  );

export interface ThoiDiem {
  nam: number;
  thang: number;
  ngay: number;
  gio: number;
  phut: number;
}

export function parseThoiDiem(s: string): ThoiDiem | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})$/.exec(s);
  if (!m) return undefined;
  const [nam, thang, ngay, gio, phut] = m.slice(1).map(Number) as [number, number, number, number, number];
  if (thang < 1 || thang > 12 || ngay < 1 || ngay > new Date(Date.UTC(nam, thang, 0)).getUTCDate() || gio > 23 || phut > 59 || nam < 1945 || nam > 2100) return undefined;
  return { nam, thang, ngay, gio, phut };
}

const phongTraoSchema = label(
  z.strictObject({
    ten: text('Tên phong trào thi đua', 'Campaign name', { vi: 'Không có dấu ngoặc kép.', en: 'Without quotes.' }, 500),
    tuNam: label(z.number().int().min(1945).max(2100), 'Từ năm', 'From year').optional(),
    denNam: label(z.number().int().min(1945).max(2100), 'Đến năm', 'To year').optional(),
    keHoach: text('Văn bản phát động/kế hoạch', 'Launching plan', { vi: 'Ví dụ "Kế hoạch số 47/KH-HĐTĐKT ngày 09/6/2021 của Hội đồng Thi đua, khen thưởng quận Hoàng Mai".', en: 'E.g. the plan that launched the campaign.' }, 500).optional(),
    chiTieu: label(
      z.array(z.strictObject({
        khenThuong: khenThuongSchema,
        tapThe: label(z.number().int().min(0).max(10_000), 'Số tập thể tối đa', 'Most collectives').optional(),
        caNhan: label(z.number().int().min(0).max(10_000), 'Số cá nhân tối đa', 'Most individuals').optional(),
      })).max(50),
      'Chỉ tiêu khen thưởng', 'Award quotas',
    ).optional(),
  }),
  'Phong trào thi đua', 'Campaign',
);

/** One nominee as a line of a list (tờ trình danh sách, biên bản vote table). */
export const deCuDongSchema = z.strictObject({
  doiTuong: doiTuongSchema,
  ten: text('Tên tập thể hoặc họ và tên cá nhân', 'Collective or person', undefined, 300),
  chucVu: text('Chức vụ', 'Position', undefined, 200).optional(),
  donVi: text('Đơn vị', 'Unit', undefined, 300).optional(),
  khenThuong: khenThuongSchema,
});

const thanhVienSchema = z.strictObject({
  hoTen: text('Họ và tên thành viên', 'Member', undefined, 100),
  chucVu: text('Chức vụ trong Hội đồng', 'Council position', { vi: 'Ví dụ "Chủ tịch Hội đồng", "Ủy viên".', en: 'E.g. "Chủ tịch Hội đồng", "Ủy viên".' }, 300),
});

const vangMatSchema = z.strictObject({
  hoTen: text('Họ và tên thành viên vắng mặt', 'Absent member', undefined, 100),
  lyDo: text('Lý do vắng mặt', 'Reason for absence', undefined, 300),
  yKienBangVanBan: label(z.boolean(), 'Có ý kiến bằng văn bản', 'Gave a written opinion'),
});

const phieuSchema = label(
  z.strictObject({
    phatRa: label(z.number().int().min(0), 'Số phiếu phát ra', 'Ballots issued'),
    thuVao: label(z.number().int().min(0), 'Số phiếu thu vào', 'Ballots returned'),
    hopLe: label(z.number().int().min(0), 'Số phiếu hợp lệ', 'Valid ballots'),
  }),
  'Phiếu bầu', 'Ballots',
);

const nguoiNhan = label(z.array(text('Kính gửi', 'To', { vi: 'Ví dụ "Chủ tịch Ủy ban nhân dân quận Hoàng Mai".', en: 'E.g. the grantor.' }, 300)).min(1).max(20), 'Kính gửi', 'Addressed to');

/** Tờ trình on its own (NĐ 30 PL III Mẫu 1.4; NĐ 98/152 Mẫu 01). */
export const toTrinhSchema = z.strictObject({
  ...documentFields,
  kinhGui: nguoiNhan,
  canCu: canCuSchema.optional(),
  capKhenThuong: text('Cấp khen thưởng', 'Grantor', { vi: 'Người có thẩm quyền, ví dụ "Chủ tịch Ủy ban nhân dân quận Hoàng Mai".', en: 'E.g. "Chủ tịch Ủy ban nhân dân quận Hoàng Mai".' }, 300),
  phongTrao: phongTraoSchema.optional(),
  danhSach: label(z.array(deCuDongSchema).min(1).max(5_000), 'Danh sách đề nghị', 'Nominees'),
  noiDung: label(z.array(blockSchema).max(200), 'Nội dung thêm', 'Further content').optional(),
  ketLuan: label(z.array(richText('Đoạn kết', 'Closing paragraph')).max(20), 'Kết luận', 'Closing').optional(),
  tinhTien: label(z.boolean(), 'Tính tiền thưởng', 'Compute award money').optional(),
  ngayQuyetDinh: ngayQuyetDinhSchema.optional(),
}).superRefine((v, ctx) => checkNesting(v.noiDung ?? [], ctx, ['noiDung']));

/** Biên bản họp Hội đồng Thi đua – Khen thưởng on its own (NĐ 30 PL III Mẫu 1.9). */
export const bienBanSchema = z.strictObject({
  $schema: z.string().optional(),
  form: z.string(),
  coQuan: coQuanSchema,
  so: documentFields.so,
  tenHoiDong: text('Tên Hội đồng', 'Council', { vi: 'Ví dụ "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai".', en: 'E.g. "Hội đồng Thi đua - Khen thưởng quận Hoàng Mai".' }, 300),
  veViec: text('Nội dung xét', 'Purpose of the meeting', { vi: 'Ví dụ "xét khen thưởng phong trào thi đua … năm 2021".', en: 'What the meeting considered.' }, 500),
  batDau: thoiDiem('Thời gian bắt đầu', 'Start time'),
  ketThuc: thoiDiem('Thời gian kết thúc', 'End time'),
  diaDiem: text('Địa điểm', 'Place', undefined, 300),
  thanhVien: label(z.array(thanhVienSchema).min(1).max(200), 'Thành viên Hội đồng', 'Council members'),
  vangMat: label(z.array(vangMatSchema).max(200), 'Thành viên vắng mặt', 'Absent members').optional(),
  chuTri: text('Chủ trì (chủ tọa)', 'Chair', { vi: 'Họ tên một thành viên Hội đồng.', en: 'Name of a council member.' }, 100),
  thuKy: text('Thư ký', 'Secretary', { vi: 'Họ tên người ghi biên bản.', en: 'Who took the minutes.' }, 100),
  noiDung: label(z.array(blockSchema).max(200), 'Diễn biến cuộc họp', 'Proceedings').optional(),
  phieu: phieuSchema.optional(),
  bieuQuyet: label(z.array(deCuDongSchema.extend({ phieuDongY: label(z.number().int().min(0), 'Số phiếu đồng ý', 'Votes in favour') })).min(1).max(5_000), 'Kết quả biểu quyết', 'Votes'),
  ketLuan: label(z.array(richText('Kết luận', 'Conclusion')).max(20), 'Kết luận', 'Conclusion').optional(),
  noiNhan: label(z.array(noiNhanSchema).max(1_000), 'Nơi nhận', 'Recipients').optional(),
}).superRefine((v, ctx) => checkNesting(v.noiDung ?? [], ctx, ['noiDung']));

const quyetDinhDong = z.strictObject({
  nam: label(z.number().int().min(1945).max(2100), 'Năm', 'Year'),
  ten: text('Danh hiệu/hình thức', 'Title or award', undefined, 300),
  quyetDinh: text('Số, ngày quyết định; cơ quan ban hành', 'Decision and issuer', undefined, 500),
});

/** The body of a báo cáo thành tích, shared by the form on its own and by each nominee of a hồ sơ. */
export const baoCaoNoiDung = {
  ngay: ngay('Ngày báo cáo', 'Report date').optional(),
  soLuoc: label(
    z.strictObject({
      ngaySinh: onlyFor(text('Ngày, tháng, năm sinh', 'Date of birth', undefined, 50), 'ca-nhan').optional(),
      gioiTinh: onlyFor(text('Giới tính', 'Sex', undefined, 20), 'ca-nhan').optional(),
      queQuan: onlyFor(text('Quê quán', 'Home town', undefined, 300), 'ca-nhan').optional(),
      noiO: onlyFor(text('Nơi thường trú', 'Residence', undefined, 300), 'ca-nhan').optional(),
      donVi: onlyFor(text('Đơn vị công tác', 'Unit', undefined, 300), 'ca-nhan').optional(),
      chucVu: onlyFor(text('Chức vụ (Đảng, chính quyền, đoàn thể)', 'Positions', undefined, 300), 'ca-nhan').optional(),
      trinhDo: onlyFor(text('Trình độ chuyên môn, lý luận chính trị', 'Qualifications', undefined, 300), 'ca-nhan').optional(),
      diaChi: onlyFor(text('Địa chỉ trụ sở', 'Head office address', undefined, 300), 'tap-the').optional(),
      dienThoai: onlyFor(text('Điện thoại', 'Phone', undefined, 50), 'tap-the').optional(),
      email: onlyFor(text('Thư điện tử', 'E-mail', undefined, 100), 'tap-the').optional(),
      dacDiem: onlyFor(label(z.array(richText('Đặc điểm, tình hình', 'Profile')).max(30), 'Đặc điểm, tình hình', 'Profile'), 'tap-the').optional(),
      chucNang: onlyFor(label(z.array(richText('Chức năng, nhiệm vụ', 'Functions and tasks')).max(30), 'Chức năng, nhiệm vụ', 'Functions and tasks'), 'tap-the').optional(),
    }),
    'Sơ lược', 'Profile',
  ).optional(),
  thanhTich: label(z.array(blockSchema).min(1).max(300), 'Thành tích đạt được', 'Achievements'),
  danhHieuTruoc: label(z.array(quyetDinhDong).max(50), 'Danh hiệu thi đua đã đạt', 'Earlier titles').optional(),
  khenThuongTruoc: label(z.array(quyetDinhDong).max(50), 'Hình thức khen thưởng đã nhận', 'Earlier awards').optional(),
  nguoiBaoCao: text('Người báo cáo / thủ trưởng đơn vị', 'Reporter or unit head', { vi: 'Họ và tên người ký báo cáo.', en: 'Who signs the report.' }, 100),
  xacNhan: text('Người xác nhận', 'Confirming person', { vi: 'Họ tên thủ trưởng xác nhận (để trống để ký tay).', en: 'Name of the confirming head (omit to sign by hand).' }, 100).optional(),
};

/** Báo cáo thành tích (NĐ 91/2017 Mẫu số 07 and its successors; §4.2) on its own. */
export const baoCaoSchema = z.strictObject({
  $schema: z.string().optional(),
  form: z.string(),
  // A report prints no số ký hiệu, so the abbreviation that would make one is not asked for.
  coQuan: label(z.strictObject({ ...coQuanSchema.shape, vietTat: coQuanSchema.shape.vietTat.optional() }), 'Đơn vị báo cáo (đầu báo cáo)', 'Reporting unit (report header)'),
  diaDanh: documentFields.diaDanh,
  doiTuong: doiTuongSchema,
  ten: text('Tên tập thể hoặc họ và tên', 'Collective or person', { vi: 'Ghi đầy đủ bằng chữ in thường, không viết tắt.', en: 'In full, normal case, no abbreviations.' }, 300),
  chucVu: text('Chức vụ', 'Position', undefined, 200).optional(),
  khenThuong: khenThuongSchema,
  loaiHinh: loaiHinhSchema.optional(),
  phongTrao: phongTraoSchema,
  ...baoCaoNoiDung,
  ngay: ngay('Ngày báo cáo', 'Report date'),
}).superRefine((v, ctx) => checkNesting(v.thanhTich, ctx, ['thanhTich']));

/** The whole hồ sơ: one source for the tờ trình, the biên bản and a report per nominee. */
export const hoSoSchema = z.strictObject({
  $schema: z.string().optional(),
  form: z.string(),
  coQuan: coQuanSchema,
  diaDanh: documentFields.diaDanh,
  phongTrao: phongTraoSchema,
  capKhenThuong: toTrinhSchema.shape.capKhenThuong,
  hoiDong: label(
    z.strictObject({
      ten: text('Tên Hội đồng', 'Council', undefined, 300),
      // The council's own abbreviation, in the ký hiệu of its biên bản: a label of its own, not the agency's.
      vietTat: label(documentFields.coQuan.shape.vietTat, 'Chữ viết tắt của Hội đồng (trong ký hiệu biên bản)', 'Council abbreviation (in the minutes’ ký hiệu)', { vi: 'Ví dụ "HĐTĐKT": biên bản in số "…/BB-HĐTĐKT".', en: 'E.g. "HĐTĐKT": the minutes are numbered "…/BB-HĐTĐKT".' }),
      thanhVien: label(z.array(thanhVienSchema).min(1).max(200), 'Thành viên Hội đồng', 'Council members'),
    }),
    'Hội đồng Thi đua - Khen thưởng', 'Council',
  ),
  cuocHop: label(
    z.strictObject({
      so: documentFields.so,
      batDau: thoiDiem('Thời gian bắt đầu', 'Start time'),
      ketThuc: thoiDiem('Thời gian kết thúc', 'End time'),
      diaDiem: text('Địa điểm', 'Place', undefined, 300),
      chuTri: text('Chủ trì (chủ tọa)', 'Chair', undefined, 100),
      thuKy: text('Thư ký', 'Secretary', undefined, 100),
      vangMat: label(z.array(vangMatSchema).max(200), 'Thành viên vắng mặt', 'Absent members').optional(),
      phieu: phieuSchema.optional(),
      noiDung: label(z.array(blockSchema).max(200), 'Diễn biến cuộc họp', 'Proceedings').optional(),
    }),
    'Cuộc họp xét khen thưởng', 'Council meeting',
  ),
  toTrinh: label(
    z.strictObject({
      so: documentFields.so,
      ngay: ngay('Ngày tờ trình', 'Date of the proposal'),
      trichYeu: text('Trích yếu tờ trình', 'Subject line of the proposal', {
        vi: 'Viết thường, không dấu chấm cuối. Bỏ trống: "Đề nghị <cấp khen thưởng> tặng <danh hiệu, hình thức> cho … tập thể, … cá nhân đã có thành tích trong phong trào thi đua …".',
        en: 'Normal case, no final full stop. Omitted: "Đề nghị <grantor> tặng <titles, awards> cho … tập thể, … cá nhân …" from the nominees who passed.',
      }, 1_000).optional(),
      kinhGui: nguoiNhan,
      canCu: canCuSchema.optional(),
      noiNhan: label(z.array(noiNhanSchema).max(1_000), 'Nơi nhận', 'Recipients'),
      luu: luuSchema.optional(),
      nguoiKy: nguoiKySchema,
    }),
    'Tờ trình', 'Proposal',
  ),
  deCu: label(
    z.array(deCuDongSchema.extend({
      loaiHinh: loaiHinhSchema.optional(),
      phieuDongY: label(z.number().int().min(0), 'Số phiếu đồng ý', 'Votes in favour'),
      // Left out until it is written: the tờ trình and the biên bản are made, and the report is asked for (rule.report_missing).
      baoCao: label(z.strictObject({ coQuan: donViBaoCaoSchema.optional(), ...baoCaoNoiDung }), 'Báo cáo thành tích', 'Achievement report').optional(),
    })).min(1).max(5_000),
    'Tập thể, cá nhân được đề nghị', 'Nominees',
  ),
  tinhTien: label(z.boolean(), 'Tính tiền thưởng', 'Compute award money').optional(),
  ngayQuyetDinh: ngayQuyetDinhSchema.optional(),
}).superRefine((v, ctx) => {
  // Every nested body of the dossier gets the same depth limit as a form's own body.
  checkNesting(v.cuocHop.noiDung ?? [], ctx, ['cuocHop', 'noiDung']);
  v.deCu.forEach((d, i) => checkNesting(d.baoCao?.thanhTich ?? [], ctx, ['deCu', i, 'baoCao', 'thanhTich']));
});

export type ToTrinhInput = z.infer<typeof toTrinhSchema>;
export type BienBanInput = z.infer<typeof bienBanSchema>;
export type BaoCaoInput = z.infer<typeof baoCaoSchema>;
export type HoSoInput = z.infer<typeof hoSoSchema>;
