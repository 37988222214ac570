// The parts every document shares in its view model: header, title, recipients, signature and PDF metadata.
import type { Context, FormSettings } from '../forms/types';
import { chuKy, type NguoiKyIn } from './chu-ky';
import { dongDiaDanhNgay, isoNgay, parseNgay } from './dates';
import { header, lines } from './header';
import { tenLoai } from './loai-van-ban';
import { dongNoiNhan, NHAN_NOI_NHAN, type LuuIn, type NoiNhanIn } from './noi-nhan';
import { dongSoKyHieu } from './so-ky-hieu';
import type { DocumentVM } from './types';

export interface DocumentInput {
  coQuan: { chuQuan?: string | string[]; ten: string | string[]; vietTat: string };
  so?: number;
  diaDanh: string;
  ngay: string;
  trichYeu: string;
  noiNhan: NoiNhanIn[];
  luu?: LuuIn;
  nguoiKy: NguoiKyIn;
}

export function documentViewModel(
  input: DocumentInput,
  settings: FormSettings,
  ctx: Context,
  opts: { dateLine?: boolean; nhuTren?: boolean; luuThem?: string[] } = {},
): Omit<DocumentVM, 'canCu' | 'moDau' | 'noiDung' | 'ketLuan'> {
  const date = parseNgay(input.ngay);
  if (!date) throw new Error(`invalid date passed validation: ${input.ngay}`);
  const soKyHieu = dongSoKyHieu(input.so, [settings.kyHieuLoai, input.coQuan.vietTat]);
  const type = tenLoai(settings.kyHieuLoai);
  const author = lines(input.coQuan.ten).join(' ');
  void ctx;
  return {
    form: settings.id,
    header: header(input.coQuan, soKyHieu, opts.dateLine === false ? '' : dongDiaDanhNgay(input.diaDanh, date)),
    tenLoai: type,
    trichYeu: input.trichYeu.replace(/[\s.]+$/u, ''),
    // Laid out by finishLayout once the form has its final trích yếu.
    trichYeuDong: [],
    gachTrichYeuMm: 0,
    kinhGui: [],
    noiNhan: { nhan: NHAN_NOI_NHAN, dong: dongNoiNhan(input.noiNhan, input.luu, { nhuTren: opts.nhuTren, luuThem: opts.luuThem }) },
    chuKy: chuKy(input.nguoiKy),
    meta: {
      title: input.trichYeu.replace(/[\s.]+$/u, ''),
      author,
      subject: `${type.charAt(0)}${type.slice(1).toLocaleLowerCase('vi-VN')} ${soKyHieu.replace(/^Số:\s*/u, 'số ').replace(/\u00A0+/gu, '…')}`,
      keywords: [type, settings.kyHieuLoai, input.coQuan.vietTat].filter(Boolean),
      language: 'vi-VN',
      creationDate: `${isoNgay(date)}T00:00:00+07:00`,
    },
  };
}
