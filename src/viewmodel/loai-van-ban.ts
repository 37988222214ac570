// Type names and abbreviations of administrative documents (regulations §2, NĐ 30/2020 PL III Mục I) [P].
import regulations from '../../config/regulations.json' with { type: 'json' };

/** Abbreviations are case-sensitive as listed (TTr, QyĐ, CTr, TrS). */
export const LOAI_VAN_BAN: Readonly<Record<string, string>> = {
  NQ: 'NGHỊ QUYẾT', QĐ: 'QUYẾT ĐỊNH', CT: 'CHỈ THỊ', QC: 'QUY CHẾ', QyĐ: 'QUY ĐỊNH', TC: 'THÔNG CÁO',
  TB: 'THÔNG BÁO', HD: 'HƯỚNG DẪN', CTr: 'CHƯƠNG TRÌNH', KH: 'KẾ HOẠCH', PA: 'PHƯƠNG ÁN', ĐA: 'ĐỀ ÁN',
  DA: 'DỰ ÁN', BC: 'BÁO CÁO', BB: 'BIÊN BẢN', TTr: 'TỜ TRÌNH', HĐ: 'HỢP ĐỒNG', CĐ: 'CÔNG ĐIỆN',
  BGN: 'BẢN GHI NHỚ', BTT: 'BẢN THỎA THUẬN', GUQ: 'GIẤY ỦY QUYỀN', GM: 'GIẤY MỜI', GGT: 'GIẤY GIỚI THIỆU',
  GNP: 'GIẤY NGHỈ PHÉP', PG: 'PHIẾU GỬI', PC: 'PHIẾU CHUYỂN', PB: 'PHIẾU BÁO', SY: 'BẢN SAO Y',
  TrS: 'BẢN TRÍCH SAO', SL: 'BẢN SAO LỤC',
};

/** Type name (IN HOA) of an abbreviation, from the decree's table or, failing that, from configuration. */
export function tenLoai(abbr: string): string {
  const extra = (regulations.documentTypes as Record<string, { tenLoai?: string }>)[abbr];
  const name = LOAI_VAN_BAN[abbr] ?? extra?.tenLoai;
  if (!name) throw new Error(`Unknown document type abbreviation ${abbr}`);
  return name;
}
