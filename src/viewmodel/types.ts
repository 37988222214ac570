// The fully formatted view model that both renderers read: every regulated string is final here.
import type { Run } from './rich-text';
import type { ChuKyVM } from './chu-ky';
import type { OKyVM } from './ky-so';

export type ParagraphKind = 'muc' | 'khoan' | 'tieuKhoan' | 'diem' | 'soThuTu' | 'khoanThuong' | 'doan' | 'gach' | 'cong' | 'canCu';

export interface ParagraphVM {
  kieu: ParagraphKind;
  /** Label printed before the text: "I.", "1.", "1.1.", "a)", "-", "+", or "". */
  nhan: string;
  runs: Run[];
  /** Kept on the page of what follows it: a table's caption, the last lines of the body before the signature. */
  giuVoiSau?: boolean;
  /**
   * Never split across pages: a paragraph of three lines or fewer, which no page can split leaving two lines on each
   * side. Said outright, because Chromium would leave a lone last line where an office suite moves the paragraph.
   */
  khongTach?: boolean;
}

export interface HeaderVM {
  /** Ô 2, governing body, capitals, regular, one item per printed line; [] when absent. */
  chuQuan: string[];
  /** Ô 2, issuing body, capitals, bold, one item per printed line. */
  banHanh: string[];
  quocHieu: string;
  tieuNgu: string;
  /** Ô 3. */
  soKyHieu: string;
  /** Ô 4; "" for documents without a date line (biên bản). */
  diaDanhNgay: string;
  /** Widths of the agency column and of the Quốc hiệu column, sized from the measured text. */
  doRongTraiMm: number;
  doRongPhaiMm: number;
  /** Widths of the số and date columns: those of the row above unless a long date line needs more room. */
  doRongSoMm: number;
  doRongNgayMm: number;
  /** Lengths of the rules under the issuing body and under the Tiêu ngữ. */
  gachCoQuanMm: number;
  gachTieuNguMm: number;
}

export interface KinhGuiVM {
  /** "Kính gửi:" */
  nhan: string;
  /** One recipient on the label's line, or "". */
  motDong: string;
  /** Several recipients, dashed, under the colon; [] when one. */
  nhieuDong: string[];
}

export interface DocumentMeta {
  title: string;
  author: string;
  subject: string;
  keywords: string[];
  language: 'vi-VN';
  /** ISO 8601 with the Vietnam offset, from the document date, never from the clock. */
  creationDate: string;
}

export interface DocumentVM {
  form: string;
  header: HeaderVM;
  tenLoai: string;
  trichYeu: string;
  /** The trích yếu as printed: balanced lines broken between phrases. */
  trichYeuDong: string[];
  /** Length of the rule under the trích yếu (§1.4 ô 5a). */
  gachTrichYeuMm: number;
  /** Empty list when the document has no "Kính gửi:" block. */
  kinhGui: KinhGuiVM[];
  canCu: ParagraphVM[];
  moDau: ParagraphVM[];
  noiDung: ParagraphVM[];
  ketLuan: ParagraphVM[];
  noiNhan: { nhan: string; dong: string[] };
  chuKy: ChuKyVM;
  meta: DocumentMeta;
  /** Sections of a report: paragraphs, each group optionally followed by a table (null when none). */
  phan?: { doan: ParagraphVM[]; bang: BangVM | null }[];
  /** A two-signature footer (biên bản, báo cáo thành tích). */
  chuKyDoi?: { trai: ChuKyDoiVM; phai: ChuKyDoiVM };
  phuLuc?: PhuLucVM;
  /** A small italic line above the header naming the legal form, e.g. "Mẫu số 07 …", or "". */
  dongMau?: string;
}

/** A bordered table in the body (lists, vote results, earlier awards); cells are final strings. */
export interface BangVM {
  /** Column headers. */
  cot: string[];
  /** Relative column widths, summing to 1, fitted to the content. */
  doRong: number[];
  /** Rows; a row with one cell is a group heading spanning the table ("I. Tập thể"). */
  dong: { o: string[]; nhom: boolean }[];
  /** Its last row is kept on the page of what follows (the signature). */
  giuVoiSau?: boolean;
}

/** One signature of a two-signature footer (biên bản, báo cáo thành tích). */
export interface ChuKyDoiVM {
  /** Caption lines in capitals, e.g. ["THƯ KÝ"]. */
  tieuDe: string[];
  /** Italic note under the caption, e.g. "(Ký, ghi rõ họ và tên)", or "". */
  ghiChu: string;
  hoTen: string;
  /** Height in pt of the space left for the signature, so that the two names stand on one line. */
  khoangKyPt: number;
  /** Where this signer (and the organisation, when the caption asks for a seal) sign digitally (§3.1). */
  oKy: OKyVM[];
}

/** An appendix on its own pages with its own page numbers (§1.4 Phụ lục, PL I III.1). */
export interface PhuLucVM {
  /** "Phụ lục", or "" when the attached list has no number. */
  nhan: string;
  tieuDe: string[];
  /** "(Kèm theo Tờ trình số … ngày … của …)". */
  kemTheo: string;
  bang: BangVM;
  ghiChu: ParagraphVM[];
  /** The organisation's signature when the appendix is filed on its own (§3, PL I II.8.b); [] when it is not. */
  oKy: OKyVM[];
}
