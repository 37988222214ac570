// The fully formatted view model that both renderers read: every regulated string is final here.
import type { Run } from './rich-text';
import type { ChuKyVM } from './chu-ky';
import type { OKyVM } from './ky-so';

export type ParagraphKind = 'muc' | 'khoan' | 'tieuKhoan' | 'diem' | 'khoanThuong' | 'doan' | 'gach' | 'cong' | 'canCu';

export interface ParagraphVM {
  kieu: ParagraphKind;
  /** Label printed before the text: "I.", "1.", "1.1.", "a)", "-", "+", or "". */
  nhan: string;
  runs: Run[];
}

export interface HeaderVM {
  /** Ô 2, governing body, capitals, regular; [] when absent. */
  chuQuan: string[];
  /** Ô 2, issuing body, capitals, bold. */
  banHanh: string[];
  quocHieu: string;
  tieuNgu: string;
  /** Ô 3. */
  soKyHieu: string;
  /** Ô 4; "" for documents without a date line (biên bản). */
  diaDanhNgay: string;
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
  /** Relative column widths, summing to 1. */
  doRong: number[];
  /** Rows; a row with one cell is a group heading spanning the table ("I. Tập thể"). */
  dong: { o: string[]; nhom: boolean }[];
}

/** One signature of a two-signature footer (biên bản, báo cáo thành tích). */
export interface ChuKyDoiVM {
  /** Caption lines in capitals, e.g. ["THƯ KÝ"]. */
  tieuDe: string[];
  /** Italic note under the caption, e.g. "(Ký, ghi rõ họ và tên)", or "". */
  ghiChu: string;
  hoTen: string;
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
