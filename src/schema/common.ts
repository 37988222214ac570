// Shared input parts of every form: agency, number, place and date, căn cứ, nơi nhận, signer, rich text and nested content.
import { z } from 'zod';
import { label } from './labels';
import { ABBREVIATION_RE } from '../viewmodel/so-ky-hieu';
import { parseNgay } from '../viewmodel/dates';
import { signerProblems } from '../viewmodel/chu-ky';
import { MAX_HEADING_DEPTH } from '../viewmodel/numbering';

/** Custom issue codes raised by refinements; the mapper turns them into catalogue entries. */
export const CUSTOM = { date: 'schema.date_invalid', abbr: 'schema.abbreviation', signer: 'schema.signer', nesting: 'schema.nesting' } as const;

export const MAX_TEXT = 20_000;

/** A non-empty line of text. */
export const text = (vi: string, en: string, help?: { vi: string; en: string }, max = 2_000) =>
  label(z.string().trim().min(1).max(max), vi, en, help);

/** A paragraph with the inline markup **đậm** and *nghiêng*. */
export const richText = (vi: string, en: string, help?: { vi: string; en: string }) =>
  label(z.string().trim().min(1).max(MAX_TEXT), vi, en, help ?? {
    vi: 'Đoạn văn; in đậm bằng **…**, in nghiêng bằng *…*.',
    en: 'A paragraph; bold with **…**, italic with *…*.',
  });

export const abbreviation = (vi: string, en: string) =>
  label(
    z.string().trim().min(1).max(30).refine((s) => ABBREVIATION_RE.test(s), { params: { code: CUSTOM.abbr } }),
    vi, en, { vi: 'Chữ in hoa viết liền, ví dụ "UBND", "HĐTĐKT".', en: 'Capitals without spaces, e.g. "UBND", "HĐTĐKT".' },
  );

export const ngay = (vi: string, en: string) =>
  label(
    z.string().trim().refine((s) => parseNgay(s) !== undefined, { params: { code: CUSTOM.date } }),
    vi, en, { vi: 'Ngày/tháng/năm, ví dụ 09/6/2021; để trống ngày: 3/2022. Trong tệp JSON viết "2021-06-09", "2022-03".', en: 'Day/month/year, e.g. 09/6/2021; day left blank: 3/2022. In a JSON file "2021-06-09", "2022-03".' },
    { widget: 'date' },
  );

export const coQuanSchema = label(
  z.strictObject({
    chuQuan: label(
      z.union([text('Dòng cơ quan chủ quản', 'Governing body line'), z.array(text('Dòng cơ quan chủ quản', 'Governing body line')).min(1).max(3)]),
      'Cơ quan chủ quản trực tiếp', 'Direct governing body',
      { vi: 'Có thể viết tắt, ví dụ "UBND quận Hoàng Mai"; bỏ trống nếu không có.', en: 'May be abbreviated, e.g. "UBND quận Hoàng Mai"; omit if none.' },
    ).optional(),
    ten: label(
      z.union([text('Dòng tên cơ quan', 'Agency name line'), z.array(text('Dòng tên cơ quan', 'Agency name line')).min(1).max(4)]),
      'Tên cơ quan ban hành', 'Issuing agency',
      { vi: 'Tên chính thức, viết thường, ví dụ "Ủy ban nhân dân xã Hành Minh"; muốn in thành hai dòng thì mỗi dòng một ô ("+ Thêm dòng"; trong tệp JSON là danh sách các dòng).', en: 'Official name in normal case, e.g. "Ủy ban nhân dân xã Hành Minh"; to print it on two lines give one line per box ("+ Thêm dòng"; a list of lines in a JSON file).' },
    ),
    vietTat: abbreviation('Chữ viết tắt của cơ quan ban hành', 'Issuing agency abbreviation'),
  }),
  'Cơ quan', 'Agency',
);

export const noiNhanSchema = label(
  z.strictObject({
    ten: text('Tên nơi nhận', 'Recipient', { vi: 'Ví dụ "Sở Nội vụ"; không cần dấu "-" và ";".', en: 'E.g. "Sở Nội vụ"; no "-" or ";" needed.' }, 500),
    mucDich: text('Mục đích gửi', 'Purpose', { vi: 'Ví dụ "để b/cáo", "để t/hiện".', en: 'E.g. "để b/cáo", "để t/hiện".' }, 100).optional(),
  }),
  'Nơi nhận', 'Recipient',
);

export const luuSchema = label(
  z.strictObject({
    donVi: z.array(abbreviation('Đơn vị soạn thảo', 'Drafting unit')).max(5).optional(),
    soBan: label(z.number().int().min(1).max(999), 'Số bản lưu', 'Copies kept').optional(),
  }),
  'Lưu', 'File copy',
);

/** A title as one string, which vanban breaks to its column, or as the lines a clerk wants (at most three). */
const lineOrLines = (vi: string, en: string, line: { vi: string; en: string }, help: { vi: string; en: string }) =>
  label(z.union([text(vi, en, undefined, 200), z.array(text(line.vi, line.en, undefined, 200)).min(1).max(3)]), vi, en, help);

export const nguoiKySchema = label(
  z.strictObject({
    thayMat: lineOrLines('Thay mặt (TM.) tập thể', 'On behalf of (TM.)', { vi: 'Dòng tên tập thể', en: 'Collective body line' }, { vi: 'Tên tập thể lãnh đạo, ví dụ "Ủy ban nhân dân"; hoặc danh sách các dòng.', en: 'The collective body, e.g. "Ủy ban nhân dân"; or a list of lines.' }).optional(),
    hinhThuc: label(z.enum(['KT.', 'TL.', 'TUQ.', 'Q.']), 'Hình thức ký', 'Signing authority').optional(),
    thuTruong: lineOrLines('Chức danh thủ trưởng', 'Head’s title', { vi: 'Dòng chức danh thủ trưởng', en: 'Head’s title line' }, { vi: 'Sau KT./TL./TUQ./Q., ví dụ "Chủ tịch"; hoặc danh sách các dòng.', en: 'After KT./TL./TUQ./Q., e.g. "Chủ tịch"; or a list of lines.' }).optional(),
    chucVu: lineOrLines('Chức vụ người ký', 'Signer’s position', { vi: 'Dòng chức vụ người ký', en: 'Signer’s position line' }, { vi: 'Ví dụ "Chủ tịch", "Phó Chủ tịch"; hoặc danh sách các dòng.', en: 'E.g. "Chủ tịch", "Phó Chủ tịch"; or a list of lines.' }).optional(),
    chucVuKhac: lineOrLines('Chức vụ khác (ô 7b)', 'Other position (box 7b)', { vi: 'Dòng chức vụ khác', en: 'Other position line' }, { vi: 'Ví dụ "Chủ tịch Ủy ban nhân dân quận"; hoặc danh sách các dòng.', en: 'E.g. "Chủ tịch Ủy ban nhân dân quận"; or a list of lines.' }).optional(),
    hoTen: text('Họ và tên người ký', 'Signer’s full name', { vi: 'Không ghi học hàm, học vị.', en: 'No academic titles.' }, 100),
  }).superRefine((k, ctx) => {
    for (const reason of signerProblems(k)) {
      ctx.addIssue({ code: 'custom', message: reason.en, params: { code: CUSTOM.signer, reasonVi: reason.vi, reasonEn: reason.en } });
    }
  }),
  'Người ký', 'Signer',
);

export const canCuSchema = label(
  z.array(richText('Căn cứ', 'Legal basis')).max(30),
  'Căn cứ', 'Legal bases',
  { vi: 'Mỗi căn cứ một dòng; dấu ";" và "." cuối dòng do vanban tự thêm.', en: 'One basis per line; vanban adds the ";" and "." at line ends.' },
);

/**
 * Nested body content (§1.4.1 B): a paragraph; a "-" item with "+" sub-items; a numbered heading with a title
 * ("tieuDe", bold); a numbered item without a title ("khoan", upright); a lettered point ("diem": a), b) …).
 */
export type BlockIn =
  | string
  | { gach: string; cong?: string[] }
  | { tieuDe: string; noiDung?: BlockIn[] }
  | { khoan: string; noiDung?: BlockIn[] }
  | { diem: string; noiDung?: BlockIn[] }
  | { soThuTu: string; noiDung?: BlockIn[] };

export const gachSchema = z.strictObject({
  gach: richText('Ý gạch đầu dòng (-)', 'Dash item (-)'),
  cong: z.array(richText('Ý dấu cộng (+)', 'Plus item (+)')).max(200).optional(),
});

const NO_NUMBER = { vi: 'Không gõ số thứ tự: vanban tự đánh I., 1., 1.1., a).', en: 'Do not type the number: vanban numbers I., 1., 1.1., a).' };

export const blockSchema: z.ZodType<BlockIn> = label(
  z.union([
    richText('Đoạn văn', 'Paragraph'),
    gachSchema,
    z.strictObject({
      tieuDe: richText('Tiêu đề mục', 'Heading', NO_NUMBER),
      get noiDung() {
        return z.array(blockSchema).max(500).optional();
      },
    }),
    z.strictObject({
      khoan: richText('Khoản (đoạn có số, không tiêu đề)', 'Numbered paragraph', NO_NUMBER),
      get noiDung() {
        return z.array(blockSchema).max(500).optional();
      },
    }),
    z.strictObject({
      diem: richText('Điểm a), b), c)', 'Lettered point', NO_NUMBER),
      get noiDung() {
        return z.array(blockSchema).max(500).optional();
      },
    }),
    z.strictObject({
      soThuTu: richText('Ý đánh số 1), 2), 3)', 'Numbered item 1), 2), 3)', { vi: 'Không gõ số: vanban tự đánh 1), 2), 3).', en: 'Do not type the number: vanban numbers 1), 2), 3).' }),
      get noiDung() {
        return z.array(blockSchema).max(500).optional();
      },
    }),
  ]),
  'Khối nội dung', 'Content block',
  {
    vi: 'Một chuỗi (đoạn văn), {"gach": …, "cong": […]}, {"tieuDe": …, "noiDung": […]}, {"khoan": …} hoặc {"diem": …}.',
    en: 'A string (paragraph), {"gach": …, "cong": […]}, {"tieuDe": …, "noiDung": […]}, {"khoan": …} or {"diem": …}.',
  },
);

/** Fields every document shares; each form extends this. */
export const documentFields = {
  $schema: z.string().optional(),
  form: z.string(),
  coQuan: coQuanSchema,
  so: label(z.number().int().min(1).max(99_999), 'Số văn bản', 'Document number', { vi: 'Số thứ tự trong năm; bỏ trống để văn thư điền khi đăng ký.', en: 'Number within the year; omit to leave it for registration.' }).optional(),
  diaDanh: text('Địa danh', 'Place name', { vi: 'Tên đơn vị hành chính nơi cơ quan đóng trụ sở, ví dụ "Hoàng Mai".', en: 'Administrative unit of the head office, e.g. "Hoàng Mai".' }, 100),
  ngay: ngay('Ngày ban hành', 'Date of issue'),
  trichYeu: text('Trích yếu nội dung', 'Subject line', { vi: 'Viết thường, không dấu chấm cuối.', en: 'Normal case, no final full stop.' }, 1_000),
  noiNhan: label(z.array(noiNhanSchema).max(10_000), 'Nơi nhận', 'Recipients'),
  luu: luuSchema.optional(),
  nguoiKy: nguoiKySchema,
};

/** Reports headings nested deeper than I. / 1. / 1.1. / a) (§1.4.1). */
export function checkNesting(blocks: readonly BlockIn[], ctx: z.RefinementCtx, path: PropertyKey[], depth = 0): void {
  blocks.forEach((b, i) => {
    if (typeof b === 'object' && 'noiDung' in b) {
      if (depth >= MAX_HEADING_DEPTH) {
        ctx.addIssue({ code: 'custom', path: [...path, i], message: 'nested too deep', params: { code: CUSTOM.nesting, max: MAX_HEADING_DEPTH } });
      } else if (b.noiDung) {
        checkNesting(b.noiDung, ctx, [...path, i, 'noiDung'], depth + 1);
      }
    }
  });
}
