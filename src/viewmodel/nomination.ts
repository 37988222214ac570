// View models of the nomination documents: tờ trình (Mẫu 1.4 + Mẫu 01) and biên bản (Mẫu 1.9), with the rules of each
// form used on its own; the báo cáo thành tích is in bao-cao.ts.
import type { Context, FormSettings } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import type { KhenThuongDef } from '../config/regulations';
import type { BienBanInput, ThoiDiem, ToTrinhInput } from '../schema/nomination';
import { parseThoiDiem } from '../schema/nomination';
import type { BlockIn } from '../schema/common';
import { RunParser, canCuParagraphs, closeBody } from './body';
import { BLANK, isoNgay, ngay2, ngayDayDu, ngayNgan, parseNgay, thangVanBan } from './dates';
import { documentViewModel } from './document';
import { finishLayout } from './finish-layout';
import { signatureSpacePt } from '../layout/tokens';
import { lines } from './header';
import { bieuQuyet, capKhenThuongXa, ngayTinhTien, phanTram, type DoiTuong } from './khen-thuong';
import { tienThuongDanhSach } from './tien-thuong';
import { districtIssues, namedLines, ngayGo, nguoiKyNames, personNameIssues, placeNameIssues, type Named } from './names';
import { oKyChuKy, oKyPhuLuc } from './ky-so';
import { kinhGui } from './noi-nhan';
import { dinhDangSo, soTienBangChu } from './so-thanh-chu';
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

export const plain = (text: string, kieu: ParagraphVM['kieu'] = 'doan', nhan = ''): ParagraphVM => ({ kieu, nhan, runs: [{ text, cls: '' }] });

export function tenDoiTuong(doiTuong: DoiTuong): string {
  return doiTuong === 'tap-the' ? 'tập thể' : 'cá nhân';
}

/** "01 tập thể và 05 cá nhân", "05 cá nhân": a group with nobody in it is left out of counts and sentences. */
export function demDoiTuong(tapThe: number, caNhan: number, noi = ' và '): string {
  return [tapThe ? `${pad2(tapThe)} tập thể` : '', caNhan ? `${pad2(caNhan)} cá nhân` : ''].filter(Boolean).join(noi);
}

/** `danh hiệu “Lao động tiên tiến”` or `Giấy khen`, as a proposal names what it asks for. */
export function tenKhenThuong(a: KhenThuongDef): string {
  return a.loai === 'danh-hieu' ? `danh hiệu “${a.ten}”` : a.ten;
}

/** "08 giờ 00 ngày 10/12/2021": a meeting time in a message. */
export function gioNgan(t: ThoiDiem): string {
  return `${ngay2(t.gio)} giờ ${ngay2(t.phut)} ngày ${ngayNgan(t)}`;
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
  // The award is priced on the decision's date, expected or known; the tờ trình's own date stands in for it (§5.4).
  const isoTien = ngayTinhTien(input.ngayQuyetDinh ? parseNgay(input.ngayQuyetDinh) : undefined, iso).iso;
  const thucHien = input.phongTrao?.keHoach ? `Thực hiện ${input.phongTrao.keHoach} về việc tổ chức phong trào thi đua ${phongTrao}; ` : '';
  noiDung.push(
    plain(`${thucHien}${thucHien ? 'căn cứ' : 'Căn cứ'} thành tích đạt được${phongTrao ? ` trong phong trào thi đua ${phongTrao}` : ''} và kết quả bình xét thi đua, khen thưởng, ${coQuan} kính trình ${input.capKhenThuong} xem xét, tặng:`),
  );
  for (const [key, g] of groups) {
    noiDung.push(plain(`${tenKhenThuong(award(ctx, key))} cho ${demDoiTuong(g.tapThe, g.caNhan)};`, 'gach', '-'));
  }
  const last = noiDung[noiDung.length - 1]!;
  last.runs[0]!.text = last.runs[0]!.text.replace(/;$/, '.');
  const tong = { tapThe: input.danhSach.filter((d) => d.doiTuong === 'tap-the').length, caNhan: input.danhSach.filter((d) => d.doiTuong === 'ca-nhan').length };
  noiDung.push(plain(`Tổng số: ${demDoiTuong(tong.tapThe, tong.caNhan, ', ')} (có danh sách kèm theo).`));

  const { tien, tongTien, luongCoSo, issues: tienIssues } = input.tinhTien
    ? tienThuongDanhSach(input.danhSach, isoTien, capKhenThuongXa(input.capKhenThuong, ctx.regulations), ctx)
    : { tien: input.danhSach.map(() => undefined), tongTien: 0, luongCoSo: undefined, issues: [] };
  issues.push(...tienIssues);
  if (input.tinhTien) {
    noiDung.push(plain(`Tổng số tiền thưởng: ${dinhDangSo(tongTien)} đồng (bằng chữ: ${soTienBangChu(tongTien)})${luongCoSo ? `, tính theo mức lương cơ sở ${dinhDangSo(luongCoSo)} đồng` : ''}.`));
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
      // In the tờ trình's own file the Văn thư signs the document only (PL I II.8.b, III.1.d; §3).
      oKy: [],
    },
  };
  if (date.ngay === undefined) vm.phuLuc!.kemTheo = vm.phuLuc!.kemTheo.replace(/ngày \d+\//, `ngày ${'\u00A0'.repeat(4)}/`);
  if (ctx.phuLucRieng) {
    // Filed on its own, the appendix gets the organisation's signature on its first page (PL I II.8.b, III.1.d; §3),
    // and as an electronic appendix it leaves the number and date of its reference line unfilled (PL I III.1.c;
    // §1.4): the signature's information line carries them.
    vm.phuLuc!.oKy = [oKyPhuLuc(base.header.soKyHieu, vm.phuLuc!.nhan || vm.phuLuc!.tieuDe[0]!)];
    vm.phuLuc!.kemTheo = `(Kèm theo Tờ trình số ${BLANK}/${base.header.soKyHieu.replace(/^Số: [^/]*\//u, '')} ngày ${BLANK} của ${coQuan})`;
  }
  return { vm: finishLayout(vm), issues: [...issues, ...parser.issues] };
}

/** The rules of a tờ trình on its own: the decision's date, names in full and without titles, the two-tier reform. */
export function toTrinhRules(input: ToTrinhInput, ctx: Context): Issue[] {
  const iso = isoNgay(parseNgay(input.ngay)!);
  const issues: Issue[] = [];
  if (input.ngayQuyetDinh && ngayTinhTien(parseNgay(input.ngayQuyetDinh), iso).truocToTrinh) {
    issues.push(makeIssue('rule.decision_date', { quyetDinh: ngayGo(input.ngayQuyetDinh), toTrinh: ngayGo(input.ngay) }, { source: ctx.source, path: '$.ngayQuyetDinh' }));
  }
  issues.push(...placeNameIssues(input.diaDanh, '$.diaDanh', ctx));
  issues.push(...personNameIssues([
    { path: '$.nguoiKy.hoTen', text: input.nguoiKy.hoTen },
    ...input.danhSach.flatMap((d, i) => (d.doiTuong === 'ca-nhan' ? [{ path: `$.danhSach[${i}].ten`, text: d.ten }] : [])),
  ], ctx));
  const named: Named[] = [
    ...namedLines(input.coQuan.chuQuan, '$.coQuan.chuQuan'),
    ...namedLines(input.coQuan.ten, '$.coQuan.ten'),
    { path: '$.capKhenThuong', text: input.capKhenThuong },
    ...input.kinhGui.map((text, i) => ({ path: `$.kinhGui[${i}]`, text })),
    ...input.noiNhan.map((n, i) => ({ path: `$.noiNhan[${i}].ten`, text: n.ten })),
    ...nguoiKyNames(input.nguoiKy, '$.nguoiKy'),
    ...input.danhSach.flatMap((d, i) => (d.donVi ? [{ path: `$.danhSach[${i}].donVi`, text: d.donVi }] : [])),
  ];
  issues.push(...districtIssues(named, iso, ctx));
  return issues;
}

/** The form "to-trinh" on its own: its rules, then its view model. */
export function toTrinhDocument(input: ToTrinhInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const r = toTrinhViewModel(input, settings, ctx);
  return { vm: r.vm, issues: [...toTrinhRules(input, ctx), ...r.issues] };
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
  if (key(end) <= key(start)) issues.push(makeIssue('rule.time_order', { batDau: gioNgan(start), ketThuc: gioNgan(end) }, { source: src, path: '$.ketThuc' }));
  const check = (name: string, path: string) => {
    if (!members.has(name)) issues.push(makeIssue('rule.not_member', { hoTen: name }, { source: src, path }));
  };
  check(input.chuTri, '$.chuTri');
  (input.vangMat ?? []).forEach((v, i) => check(v.hoTen, `$.vangMat[${i}].hoTen`));
  if (input.vangMat?.some((v) => v.hoTen === input.chuTri)) issues.push(makeIssue('rule.chair_absent', { hoTen: input.chuTri }, { source: src, path: '$.chuTri' }));
  const total = input.thanhVien.length;
  const { coMat, yKien } = thamDu(input);
  // §5.2: the members present receive ballots; an absent member votes only by a written opinion, counted apart.
  if (input.phieu) {
    const p = input.phieu;
    const chain: [keyof typeof p, { vi: string; en: string }, number, { vi: string; en: string }][] = [
      ['phatRa', { vi: 'Số phiếu phát ra', en: 'Ballots issued' }, coMat, { vi: 'số thành viên có mặt', en: 'the members present' }],
      ['thuVao', { vi: 'Số phiếu thu vào', en: 'Ballots returned' }, p.phatRa, { vi: 'số phiếu phát ra', en: 'the ballots issued' }],
      ['hopLe', { vi: 'Số phiếu hợp lệ', en: 'Valid ballots' }, p.thuVao, { vi: 'số phiếu thu vào', en: 'the ballots returned' }],
    ];
    for (const [k, nhan, gioiHan, gioiHanNhan] of chain) {
      if (p[k] > gioiHan) {
        issues.push(makeIssue('rule.ballots', { nhanVi: nhan.vi, nhanEn: nhan.en, so: pad2(p[k]), gioiHanVi: gioiHanNhan.vi, gioiHanEn: gioiHanNhan.en, gioiHan: pad2(gioiHan) }, { source: src, path: `$.phieu.${k}` }));
      }
    }
  }
  // Votes in favour come from the valid ballots (or, with no count of ballots, the members present) and the written opinions.
  const coSo = input.phieu ? input.phieu.hopLe : coMat;
  const toiDa = coSo + yKien;
  const viet = {
    vi: `${pad2(coSo)} ${input.phieu ? 'phiếu hợp lệ' : 'thành viên có mặt'}${yKien ? ` và ${pad2(yKien)} ý kiến bằng văn bản của thành viên vắng mặt` : ''}`,
    en: `${pad2(coSo)} ${input.phieu ? 'valid ballots' : 'members present'}${yKien ? ` and ${pad2(yKien)} written opinions of absent members` : ''}`,
  };
  input.bieuQuyet.forEach((b, i) => {
    const path = `$.bieuQuyet[${i}].phieuDongY`;
    if (b.phieuDongY > total) issues.push(makeIssue('rule.votes_exceed', { ten: b.ten, phieu: b.phieuDongY, tong: total }, { source: src, path }));
    else if (b.phieuDongY > toiDa) issues.push(makeIssue('rule.votes_exceed_ballots', { ten: b.ten, phieu: pad2(b.phieuDongY), coSoVi: viet.vi, coSoEn: viet.en, toiDa: pad2(toiDa) }, { source: src, path }));
  });
  return issues;
}

/** Members present, and absent members who sent a written opinion (each absent member counted once). */
export function thamDu(input: Pick<BienBanInput, 'thanhVien' | 'vangMat'>): { coMat: number; yKien: number } {
  const members = new Set(input.thanhVien.map((m) => m.hoTen));
  const vang = new Map((input.vangMat ?? []).filter((v) => members.has(v.hoTen)).map((v) => [v.hoTen, v.yKienBangVanBan]));
  return { coMat: input.thanhVien.length - vang.size, yKien: [...vang.values()].filter(Boolean).length };
}

/** The names a biên bản checks: the chair, secretary and members without titles; no district level after the reform. */
export function bienBanNameIssues(input: BienBanInput, ctx: Context): Issue[] {
  const start = parseThoiDiem(input.batDau)!;
  // The chair and the absent are members (rule.not_member), so a title there is reported once, on the member.
  const members = new Set(input.thanhVien.map((m) => m.hoTen));
  const persons: Named[] = [
    ...input.thanhVien.map((m, i) => ({ path: `$.thanhVien[${i}].hoTen`, text: m.hoTen })),
    ...(members.has(input.thuKy) ? [] : [{ path: '$.thuKy', text: input.thuKy }]),
    ...input.bieuQuyet.flatMap((b, i) => (b.doiTuong === 'ca-nhan' ? [{ path: `$.bieuQuyet[${i}].ten`, text: b.ten }] : [])),
  ];
  const named: Named[] = [
    ...namedLines(input.coQuan.chuQuan, '$.coQuan.chuQuan'),
    ...namedLines(input.coQuan.ten, '$.coQuan.ten'),
    { path: '$.tenHoiDong', text: input.tenHoiDong },
    ...(input.noiNhan ?? []).map((n, i) => ({ path: `$.noiNhan[${i}].ten`, text: n.ten })),
    ...input.bieuQuyet.flatMap((b, i) => (b.donVi ? [{ path: `$.bieuQuyet[${i}].donVi`, text: b.donVi }] : [])),
  ];
  return [...personNameIssues(persons, ctx), ...districtIssues(named, isoNgay(start), ctx)];
}

/** The form "bien-ban" on its own: its rules, then its view model. */
export function bienBanDocument(input: BienBanInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const r = bienBanViewModel(input, settings, ctx);
  return { vm: r.vm, issues: [...bienBanRules(input, ctx), ...bienBanNameIssues(input, ctx), ...r.issues] };
}

export function bienBanViewModel(input: BienBanInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
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
    plain(`Thành phần tham dự: ${input.tenHoiDong} có ${pad2(total)} thành viên; có mặt ${pad2(total - vang.length)} thành viên${vang.length ? `, vắng mặt ${pad2(vang.length)} thành viên` : ''}.`),
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
  const yKien = thamDu(input).yKien;
  if (input.phieu) {
    noiDung.push(plain(`Số phiếu phát ra: ${pad2(input.phieu.phatRa)}; số phiếu thu vào: ${pad2(input.phieu.thuVao)}; số phiếu hợp lệ: ${pad2(input.phieu.hopLe)}${yKien ? `; số ý kiến bằng văn bản của thành viên vắng mặt: ${pad2(yKien)}` : ''}.`));
  }
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
  const datDem = demDoiTuong(dat.filter((d) => d.doiTuong === 'tap-the').length, dat.filter((d) => d.doiTuong === 'ca-nhan').length);
  const ketLuan: ParagraphVM[] = [
    plain(datDem
      ? `Kết luận: Hội đồng thống nhất đề nghị khen thưởng ${datDem} đạt tỷ lệ phiếu đồng ý theo quy định.`
      : 'Kết luận: Không có tập thể, cá nhân nào đạt tỷ lệ phiếu đồng ý theo quy định.'),
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
    // Signed in the two-signature footer; the chairman's side carries the seal or digital signature (PL III Mẫu 1.9).
    chuKy: { ...base.chuKy, oKy: [] },
    chuKyDoi: {
      trai: { tieuDe: ['THƯ KÝ'], ghiChu: '', hoTen: input.thuKy, khoangKyPt: signatureSpacePt(), oKy: oKyChuKy('THƯ KÝ', input.thuKy, input.thuKy, { ben: 'Trai', dongDau: false }) },
      phai: { tieuDe: ['CHỦ TỌA'], ghiChu: '', hoTen: input.chuTri, khoangKyPt: signatureSpacePt(), oKy: oKyChuKy('CHỦ TỌA', input.chuTri, input.chuTri, { ben: 'Phai', dongDau: true }) },
    },
  };
  return { vm: finishLayout(vm), issues: parser.issues };
}

