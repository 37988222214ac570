// The national header (regulations §1.4 ô 1–4): agency lines in capitals, Quốc hiệu, Tiêu ngữ, số ký hiệu, place and date.
import { inHoa } from './text';
import type { HeaderVM } from './types';

/** Emitted with the old tone placement, as in the decree's own text (§7.3). */
export const QUOC_HIEU = 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM';
/** ASCII hyphen with a space on each side (§1.4 ô 1, §7.5). */
export const TIEU_NGU = 'Độc lập - Tự do - Hạnh phúc';

export function lines(v: string | string[] | undefined): string[] {
  if (v === undefined) return [];
  return Array.isArray(v) ? v : [v];
}

export function header(coQuan: { chuQuan?: string | string[]; ten: string | string[] }, soKyHieu: string, diaDanhNgay: string): HeaderVM {
  return {
    chuQuan: lines(coQuan.chuQuan).map(inHoa),
    banHanh: lines(coQuan.ten).map(inHoa),
    quocHieu: QUOC_HIEU,
    tieuNgu: TIEU_NGU,
    soKyHieu,
    diaDanhNgay,
  };
}
