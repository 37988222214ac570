// The national header (regulations §1.4 ô 1–4): agency lines in capitals, Quốc hiệu, Tiêu ngữ, số ký hiệu, place and date,
// with the columns, the agency's line breaks and the rule lengths laid out from the measured text (§1.3, §10).
import { layoutHeader } from '../layout/header';
import { inHoa } from './text';
import type { HeaderVM } from './types';

/** Emitted with the old tone placement, as in the decree's own text (§7.3). */
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** ASCII hyphen with a space on each side (§1.4 ô 1, §7.5). */
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export function lines(v: string | readonly string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? [...v] : [v as string];
}

export function header(coQuan: { chuQuan?: string | string[]; ten: string | string[] }, soKyHieu: string, diaDanhNgay: string): HeaderVM {
  const layout = layoutHeader({
    chuQuan: lines(coQuan.chuQuan).map(inHoa),
    banHanh: lines(coQuan.ten).map(inHoa),
    quocHieu: QUOC_HIEU,
    tieuNgu: TIEU_NGU,
    soKyHieu,
    diaDanhNgay,
  });
  return {
    chuQuan: layout.chuQuan,
    banHanh: layout.banHanh,
    quocHieu: QUOC_HIEU,
    tieuNgu: TIEU_NGU,
    soKyHieu,
    diaDanhNgay,
    doRongTraiMm: layout.doRongTraiMm,
    doRongPhaiMm: layout.doRongPhaiMm,
    doRongSoMm: layout.doRongSoMm,
    doRongNgayMm: layout.doRongNgayMm,
    gachCoQuanMm: layout.gachCoQuanMm,
    gachTieuNguMm: layout.gachTieuNguMm,
  };
}
