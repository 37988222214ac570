// View models of the nomination documents: tờ trình (Mẫu 1.4 + Mẫu 01), biên bản (Mẫu 1.9), báo cáo thành tích (§4.2).
import type { Context, FormSettings } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { inForce, type KhenThuongDef } from '../config/regulations';
import type { BaoCaoInput, BienBanInput, ThoiDiem, ToTrinhInput } from '../schema/nomination';
import { parseThoiDiem } from '../schema/nomination';
import type { BlockIn } from '../schema/common';
import { RunParser, canCuParagraphs, closeBody } from './body';
import { isoNgay, ngay2, ngayDayDu, parseNgay, thangVanBan } from './dates';
import { documentViewModel } from './document';
import { finishLayout } from './finish-layout';
import { signatureSpacePt } from '../layout/tokens';
import { lines } from './header';
import { bieuQuyet, phanTram, tienThuong, type DoiTuong } from './khen-thuong';
import { kinhGui } from './noi-nhan';
import { dinhDangSo, soTienBangChu } from './so-thanh-chu';
import { inHoa } from './text';
import type { BangVM, DocumentVM, ParagraphVM } from './types';

export const pad2 = (n: number) => (n < 10 ? `0${n}` : String(n));

export function award(ctx: Context, key: string): KhenThuongDef {
  const a = ctx.regulations.khenThuong[key];
  if (!a) throw new Error(`unknown award ${key}`);
  return a;
}

/** "“Đẩy mạnh cải cách hành chính” giai đoạn 2021 - 2025" or "… năm 2022". */
export function tenPhongTrao(p: { ten: string; tuNam?: number; denNam?: number } | undefined): string {
  if (!p) return '';
  const ky = p.tuNam && p.denNam && p.tuNam !== p.denNam ? ` giai đoạn ${p.tuNam} - ${p.denNam}` : p.tuNam || p.denNam ? ` năm ${p.denNam ?? p.tuNam}` : '';
  return `“${p.ten.replace(/^[“"]|[”"]$/g, '')}”${ky}`;
}

const plain = (text: string, kieu: ParagraphVM['kieu'] = 'doan', nhan = ''): ParagraphVM => ({ kieu, nhan, runs: [{ text, cls: '' }] });

function tenDoiTuong(doiTuong: DoiTuong): string {
  return doiTuong === 'tap-the' ? 'tập thể' : 'cá nhân';
}

export interface DanhSachDong {
  doiTuong: DoiTuong;
  ten: string;
  chucVu?: string;
  donVi?: string;
  khenThuong: string;
}

function chucVuDonVi(d: { chucVu?: string; donVi?: string }): string {
  return [d.chucVu, d.donVi].filter(Boolean).join(', ');
}

// ---------------------------------------------------------------- tờ trình

export function toTrinhViewModel(input: ToTrinhInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const parser = new RunParser(ctx.source);
  const issues: Issue[] = [];
  const date = parseNgay(input.ngay)!;
  const iso = isoNgay(date);
  const base = documentViewModel(input, settings, ctx, { nhuTren: true });
  const coQuan = lines(input.coQuan.ten).join(' ');
  const groups = new Map<string, { tapThe: number; caNhan: number }>();
  for (const d of input.danhSach) {
    const g = groups.get(d.khenThuong) ?? { tapThe: 0, caNhan: 0 };
    if (d.doiTuong === 'tap-the') g.tapThe++;
    else g.caNhan++;
    groups.set(d.khenThuong, g);
  }
  const noiDung: ParagraphVM[] = [];
  const phongTrao = tenPhongTrao(input.phongTrao);
  const thucHien = input.phongTrao?.keHoach ? `Thực hiện ${input.phongTrao.keHoach} về việc tổ chức phong trào thi đua ${phongTrao}; ` : '';
  noiDung.push(
    plain(`${thucHien}${thucHien ? 'căn cứ' : 'Căn cứ'} thành tích đạt được${phongTrao ? ` trong phong trào thi đua ${phongTrao}` : ''} và kết quả bình xét thi đua, khen thưởng, ${coQuan} kính trình ${input.capKhenThuong} xem xét, tặng:`),
  );
  for (const [key, g] of groups) {
    const parts = [g.tapThe ? `${pad2(g.tapThe)} tập thể` : '', g.caNhan ? `${pad2(g.caNhan)} cá nhân` : ''].filter(Boolean).join(' và ');
    const a = award(ctx, key);
    const ten = a.loai === 'danh-hieu' ? `danh hiệu “${a.ten}”` : a.ten;
    noiDung.push(plain(`${ten} cho ${parts};`, 'gach', '-'));
  }
  const last = noiDung[noiDung.length - 1]!;
  last.runs[0]!.text = last.runs[0]!.text.replace(/;$/, '.');
  const tong = { tapThe: input.danhSach.filter((d) => d.doiTuong === 'tap-the').length, caNhan: input.danhSach.filter((d) => d.doiTuong === 'ca-nhan').length };
  noiDung.push(plain(`Tổng số: ${pad2(tong.tapThe)} tập thể, ${pad2(tong.caNhan)} cá nhân (có danh sách kèm theo).`));

  let tongTien = 0;
  const tien = input.danhSach.map((d) => {
    if (!input.tinhTien) return undefined;
    const t = tienThuong(award(ctx, d.khenThuong), d.doiTuong, iso, ctx.regulations);
    if (!t) {
      issues.push(makeIssue('rule.no_money', { ten: d.ten, khenThuong: award(ctx, d.khenThuong).ten, doiTuong: tenDoiTuong(d.doiTuong) }, { source: ctx.source, path: `$.danhSach[${input.danhSach.indexOf(d)}]` }));
      return undefined;
    }
    tongTien += t.soTien;
    return t;
  });
  if (input.tinhTien) {
    noiDung.push(plain(`Tổng số tiền thưởng: ${dinhDangSo(tongTien)} đồng (bằng chữ: ${soTienBangChu(tongTien)}).`));
  }
  noiDung.push(...parser.blocks((input.noiDung ?? []) as BlockIn[], ['noiDung']));
  const ketLuanText = input.ketLuan?.length ? input.ketLuan : [`Kính trình ${input.capKhenThuong} xem xét, quyết định.`];
  const ketLuan = closeBody(parser.paragraphs(ketLuanText, ['ketLuan']));

  const cot = ['STT', 'Tên tập thể, họ và tên cá nhân', 'Chức vụ, đơn vị', 'Hình thức khen thưởng', ...(input.tinhTien ? ['Số tiền (đồng)'] : [])];
  // Column widths are fitted to the cells by finishLayout.
  const bang: BangVM = { cot, doRong: [], dong: [] };
  const nhom: [DoiTuong, string][] = [['tap-the', 'TẬP THỂ'], ['ca-nhan', 'CÁ NHÂN']];
  let roman = 0;
  for (const [dt, title] of nhom) {
    const rows = input.danhSach.map((d, i) => ({ d, t: tien[i] })).filter((x) => x.d.doiTuong === dt);
    if (rows.length === 0) continue;
    roman++;
    bang.dong.push({ o: [`${roman === 1 ? 'I' : 'II'}. ${title} (${pad2(rows.length)})`], nhom: true });
    rows.forEach((x, i) =>
      bang.dong.push({ o: [String(i + 1), x.d.ten, chucVuDonVi(x.d), award(ctx, x.d.khenThuong).ten, ...(input.tinhTien ? [x.t ? dinhDangSo(x.t.soTien) : '-'] : [])], nhom: false }),
    );
  }
  if (input.tinhTien) bang.dong.push({ o: ['', 'Tổng cộng', '', '', dinhDangSo(tongTien)], nhom: false });

  const vm: DocumentVM = {
    ...base,
    kinhGui: [{ nhan: 'Kính gửi:', motDong: '', nhieuDong: [], ...kinhGui(input.kinhGui) }],
    canCu: canCuParagraphs(parser, input.canCu, ['canCu']).map((p) => ({ ...p, kieu: 'doan' as const })),
    moDau: [],
    noiDung,
    ketLuan,
    phuLuc: {
      nhan: 'Phụ lục',
      tieuDe: ['DANH SÁCH', 'TẬP THỂ, CÁ NHÂN ĐỀ NGHỊ KHEN THƯỞNG'],
      kemTheo: `(Kèm theo Tờ trình ${base.header.soKyHieu.replace(/^Số: /, 'số ')} ngày ${ngay2(date.ngay ?? 1)}/${thangVanBan(date.thang)}/${date.nam} của ${coQuan})`,
      bang,
      ghiChu: [],
    },
  };
  if (date.ngay === undefined) vm.phuLuc!.kemTheo = vm.phuLuc!.kemTheo.replace(/ngày \d+\//, `ngày ${'\u00A0'.repeat(4)}/`);
  return { vm: finishLayout(vm), issues: [...issues, ...parser.issues] };
}

// ---------------------------------------------------------------- biên bản

export function gioPhut(t: ThoiDiem): string {
  return `${ngay2(t.gio)} giờ ${ngay2(t.phut)}, ${ngayDayDu(t)}`;
}

export function bienBanRules(input: BienBanInput, ctx: Context): Issue[] {
  const issues: Issue[] = [];
  const src = ctx.source;
  const members = new Set(input.thanhVien.map((m) => m.hoTen));
  const start = parseThoiDiem(input.batDau)!;
  const end = parseThoiDiem(input.ketThuc)!;
  const key = (t: ThoiDiem) => ((((t.nam * 100 + t.thang) * 100 + t.ngay) * 100 + t.gio) * 100) + t.phut;
  if (key(end) <= key(start)) issues.push(makeIssue('rule.time_order', { batDau: input.batDau, ketThuc: input.ketThuc }, { source: src, path: '$.ketThuc' }));
  const check = (name: string, path: string) => {
    if (!members.has(name)) issues.push(makeIssue('rule.not_member', { hoTen: name }, { source: src, path }));
  };
  check(input.chuTri, '$.chuTri');
  (input.vangMat ?? []).forEach((v, i) => check(v.hoTen, `$.vangMat[${i}].hoTen`));
  if (input.vangMat?.some((v) => v.hoTen === input.chuTri)) issues.push(makeIssue('rule.chair_absent', { hoTen: input.chuTri }, { source: src, path: '$.chuTri' }));
  const total = input.thanhVien.length;
  input.bieuQuyet.forEach((b, i) => {
    if (b.phieuDongY > total) issues.push(makeIssue('rule.votes_exceed', { ten: b.ten, phieu: b.phieuDongY, tong: total }, { source: src, path: `$.bieuQuyet[${i}].phieuDongY` }));
  });
  if (input.phieu) {
    const p = input.phieu;
    if (p.phatRa > total || p.thuVao > p.phatRa || p.hopLe > p.thuVao) issues.push(makeIssue('rule.ballots', { phatRa: p.phatRa, thuVao: p.thuVao, hopLe: p.hopLe, tong: total }, { source: src, path: '$.phieu' }));
  }
  return issues;
}

export function bienBanViewModel(input: BienBanInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const issues = bienBanRules(input, ctx);
  const parser = new RunParser(ctx.source);
  const start = parseThoiDiem(input.batDau)!;
  const end = parseThoiDiem(input.ketThuc)!;
  const base = documentViewModel(
    {
      coQuan: input.coQuan, so: input.so, diaDanh: '-', ngay: isoNgay(start), trichYeu: `Họp ${input.tenHoiDong} ${input.veViec}`,
      noiNhan: input.noiNhan ?? [], nguoiKy: { chucVu: 'Chủ tọa', hoTen: input.chuTri },
    },
    settings, ctx, { dateLine: false, luuThem: ['Hồ sơ'] },
  );
  const total = input.thanhVien.length;
  const vang = input.vangMat ?? [];
  const vangTen = new Set(vang.map((v) => v.hoTen));
  const member = (name: string) => input.thanhVien.find((m) => m.hoTen === name);
  const noiDung: ParagraphVM[] = [
    plain(`Thời gian bắt đầu: ${gioPhut(start)}.`),
    plain(`Địa điểm: ${input.diaDiem}.`),
    plain(`Thành phần tham dự: ${input.tenHoiDong} có ${pad2(total)} thành viên; có mặt ${pad2(total - vang.length)} thành viên, vắng mặt ${pad2(vang.length)} thành viên.`),
    ...input.thanhVien.filter((m) => !vangTen.has(m.hoTen)).map((m) => plain(`${m.hoTen}, ${m.chucVu};`, 'gach', '-')),
  ];
  if (vang.length) {
    noiDung.push(plain('Vắng mặt:'));
    for (const v of vang) {
      const m = member(v.hoTen);
      noiDung.push(plain(`${v.hoTen}${m ? `, ${m.chucVu}` : ''} (lý do: ${v.lyDo}; ${v.yKienBangVanBan ? 'có ý kiến bằng văn bản' : 'không có ý kiến bằng văn bản'});`, 'gach', '-'));
    }
  }
  const chu = member(input.chuTri);
  noiDung.push(plain(`Chủ trì (chủ tọa): ${input.chuTri}${chu ? `, ${chu.chucVu}` : ''}.`));
  const thuKy = member(input.thuKy);
  noiDung.push(plain(`Thư ký (người ghi biên bản): ${input.thuKy}${thuKy ? `, ${thuKy.chucVu}` : ''}.`));
  noiDung.push(plain('Nội dung (theo diễn biến cuộc họp):'));
  noiDung.push(...parser.blocks((input.noiDung ?? []) as BlockIn[], ['noiDung']));
  if (input.phieu) noiDung.push(plain(`Số phiếu phát ra: ${pad2(input.phieu.phatRa)}; số phiếu thu vào: ${pad2(input.phieu.thuVao)}; số phiếu hợp lệ: ${pad2(input.phieu.hopLe)}.`));
  noiDung.push(plain(`Kết quả biểu quyết (tỷ lệ tính trên tổng số ${pad2(total)} thành viên Hội đồng):`));

  const bang: BangVM = {
    cot: ['STT', 'Tên tập thể, họ và tên cá nhân', 'Chức vụ, đơn vị', 'Danh hiệu, hình thức đề nghị', 'Số phiếu đồng ý', 'Tỷ lệ', 'Kết quả'],
    doRong: [],
    dong: input.bieuQuyet.map((b, i) => {
      const a = award(ctx, b.khenThuong);
      const r = bieuQuyet(b.phieuDongY, total, a, ctx.regulations);
      return { o: [String(i + 1), b.ten, chucVuDonVi(b), a.ten, `${pad2(b.phieuDongY)}/${pad2(total)}`, phanTram(r.phanNghin), r.dat ? `Đạt (${r.quyTac})` : `Không đạt (cần ${r.quyTac})`], nhom: false };
    }),
  };
  const dat = input.bieuQuyet.filter((b) => bieuQuyet(b.phieuDongY, total, award(ctx, b.khenThuong), ctx.regulations).dat);
  const ketLuan: ParagraphVM[] = [
    plain(`Kết luận: Hội đồng thống nhất đề nghị khen thưởng ${pad2(dat.filter((d) => d.doiTuong === 'tap-the').length)} tập thể và ${pad2(dat.filter((d) => d.doiTuong === 'ca-nhan').length)} cá nhân đạt tỷ lệ phiếu đồng ý theo quy định.`),
    ...parser.paragraphs(input.ketLuan, ['ketLuan']),
    plain(`Cuộc họp kết thúc vào ${gioPhut(end)}./.`),
  ];
  const vm: DocumentVM = {
    ...base,
    canCu: [],
    moDau: [],
    noiDung,
    ketLuan: [],
    phan: [{ doan: [], bang }, { doan: ketLuan, bang: null }],
    chuKyDoi: {
      trai: { tieuDe: ['THƯ KÝ'], ghiChu: '', hoTen: input.thuKy, khoangKyPt: signatureSpacePt() },
      phai: { tieuDe: ['CHỦ TỌA'], ghiChu: '', hoTen: input.chuTri, khoangKyPt: signatureSpacePt() },
    },
  };
  return { vm: finishLayout(vm), issues: [...issues, ...parser.issues] };
}

// ---------------------------------------------------------------- báo cáo thành tích

export interface BaoCaoStructure {
  mau: Record<string, { dongMau: string; tag: string }>;
  tieuDe: { dong1: string; deNghi: string; phongTrao: string };
  bienThe: Record<DoiTuong, {
    phamVi: string;
    nhanTen: string;
    muc: [string, string, string];
    soLuoc: { khoa: string; nhan: string }[];
    doanSoLuoc: { khoa: string; tieuDe: string }[];
    bangTruoc: { danhHieu: string; khenThuong: string; cot: [string, string, string] };
    trai: { tieuDe: string[]; ghiChu: string };
    phai: { tieuDe: string[]; ghiChu: string };
  }>;
}

export function baoCaoViewModel(input: BaoCaoInput, settings: FormSettings & { cauTruc?: BaoCaoStructure }, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const cfg = settings.cauTruc;
  if (!cfg) throw new Error('templates/bao-cao-thanh-tich/form.json lacks "cauTruc"');
  const parser = new RunParser(ctx.source);
  const date = parseNgay(input.ngay)!;
  const profile = inForce(ctx.regulations.legalProfiles, isoNgay(date));
  const mau = cfg.mau[profile.id];
  if (!mau) throw new Error(`form.json: no "mau" for legal profile ${profile.id}`);
  const v = cfg.bienThe[input.doiTuong];
  const a = award(ctx, input.khenThuong);
  const base = documentViewModel(
    // A report has no nơi nhận and signs with chuKyDoi; the shared parts still give header and metadata.
    { coQuan: input.coQuan, diaDanh: input.diaDanh, ngay: input.ngay, trichYeu: `${cfg.tieuDe.deNghi} ${inHoa(a.ten)}`, noiNhan: [], nguoiKy: { chucVu: '-', hoTen: input.nguoiBaoCao } },
    settings, ctx,
  );
  const soLuoc = input.soLuoc ?? {};
  const profileLines: BlockIn[] = [
    ...v.soLuoc.flatMap((f) => {
      const val = (soLuoc as Record<string, unknown>)[f.khoa];
      return typeof val === 'string' ? [{ gach: `${f.nhan}: ${val}` }] : [];
    }),
    ...v.doanSoLuoc.flatMap((f) => {
      const val = (soLuoc as Record<string, unknown>)[f.khoa];
      return Array.isArray(val) && val.length ? [{ tieuDe: f.tieuDe, noiDung: val as string[] }] : [];
    }),
  ];
  const blocks: BlockIn[] = [
    { tieuDe: v.muc[0], noiDung: profileLines.length ? profileLines : undefined } as BlockIn,
    { tieuDe: v.muc[1], noiDung: input.thanhTich as BlockIn[] },
  ];
  const body = parser.blocks(blocks, ['thanhTich']);
  const table = (rows: { nam: number; ten: string; quyetDinh: string }[] | undefined): BangVM | null =>
    rows?.length ? { cot: [...v.bangTruoc.cot], doRong: [], dong: rows.map((r) => ({ o: [String(r.nam), r.ten, r.quyetDinh], nhom: false })) } : null;
  // Section III follows I and II; its two sub-headings each carry a table.
  const muc3: ParagraphVM[] = [
    { kieu: 'muc', nhan: 'III.', runs: [{ text: inHoa(v.muc[2]), cls: '' }] },
    { kieu: 'khoan', nhan: '1.', runs: [{ text: v.bangTruoc.danhHieu, cls: '' }] },
  ];
  const khen: ParagraphVM = { kieu: 'khoan', nhan: '2.', runs: [{ text: v.bangTruoc.khenThuong, cls: '' }] };
  const none = (s: string) => plain(`Chưa có ${s.toLocaleLowerCase('vi-VN')}.`);
  const danhHieu = table(input.danhHieuTruoc);
  const khenTruoc = table(input.khenThuongTruoc);
  const vm: DocumentVM = {
    ...base,
    header: { ...base.header, soKyHieu: '' },
    tenLoai: cfg.tieuDe.dong1,
    trichYeu: `${cfg.tieuDe.deNghi} ${inHoa(a.ten)}`,
    dongMau: mau.dongMau,
    canCu: [],
    moDau: [
      plain(`${cfg.tieuDe.phongTrao} ${tenPhongTrao(input.phongTrao)}`),
      { kieu: 'doan', nhan: '', runs: [{ text: v.phamVi, cls: 'i' }] },
      { kieu: 'doan', nhan: '', runs: [{ text: `${v.nhanTen}: `, cls: '' }, { text: input.ten, cls: 'b' }, ...(input.chucVu ? [{ text: `, ${input.chucVu}`, cls: '' }] : [])] },
    ],
    noiDung: body,
    ketLuan: [],
    phan: [
      { doan: [muc3[0]!, muc3[1]!, ...(danhHieu ? [] : [none(v.bangTruoc.danhHieu)])], bang: danhHieu },
      { doan: [khen, ...(khenTruoc ? [] : [none(v.bangTruoc.khenThuong)])], bang: khenTruoc },
    ],
    chuKyDoi: {
      trai: { tieuDe: v.trai.tieuDe, ghiChu: v.trai.ghiChu, hoTen: input.xacNhan ?? '', khoangKyPt: signatureSpacePt() },
      phai: { tieuDe: v.phai.tieuDe, ghiChu: v.phai.ghiChu, hoTen: input.nguoiBaoCao, khoangKyPt: signatureSpacePt() },
    },
    noiNhan: { nhan: '', dong: [] },
  };
  vm.meta.subject = `Báo cáo thành tích ${input.ten}`;
  vm.meta.keywords = [cfg.tieuDe.dong1, a.ten, input.phongTrao.ten];
  vm.meta.title = `Báo cáo thành tích đề nghị tặng ${a.ten}: ${input.ten}`;
  return { vm: finishLayout(vm), issues: parser.issues };
}

