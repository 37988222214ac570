// The hồ sơ: one input gives the biên bản, the tờ trình (only nominees who passed the vote) and one report each,
// so names, counts, dates and votes cannot disagree; and the rules that tie them together (§4, §5.2, §5.4, §6.1).
// Every issue names the path of the field in the hồ sơ input, never a path of a derived document.
import type { Context, DossierResult, FormSettings } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { inForce, type KhenThuongDef } from '../config/regulations';
import { parseThoiDiem, type BaoCaoInput, type BienBanInput, type HoSoInput, type ToTrinhInput } from '../schema/nomination';
import { baoCaoViewModel, chonMau, loaiBaoCao, loaiHinhIssues, type BaoCaoStructure } from './bao-cao';
import { isoNgay, ngayNgan, parseNgay } from './dates';
import { lines } from './header';
import { bieuQuyet, capKhenThuongXa, ngayTinhTien, phanTram, tienThuong } from './khen-thuong';
import { districtIssues, namedLines, ngayGo, ngayIn, ngayTrichDan, nguoiKyNames, personNameIssues, placeNameIssues, type Named } from './names';
import { award, bienBanRules, bienBanViewModel, demDoiTuong, pad2, tenKhenThuong, tenPhongTrao, toTrinhViewModel } from './nomination';
import { asciiStem } from './text';

type DeCu = HoSoInput['deCu'][number];

/** Paths of the derived biên bản input, mapped back to the dossier's own. */
function fromBienBan(path: string): string {
  return path
    .replace(/^\$\.bieuQuyet\[/, '$.deCu[')
    .replace(/^\$\.(chuTri|thuKy|vangMat|ketThuc|batDau|phieu|noiDung|diaDiem|so)(?=[.[]|$)/, '$.cuocHop.$1')
    .replace(/^\$\.thanhVien/, '$.hoiDong.thanhVien')
    .replace(/^\$\.tenHoiDong/, '$.hoiDong.ten');
}

/** Paths of the derived tờ trình input: its list holds only the nominees who passed; its last căn cứ is the biên bản. */
function fromToTrinh(path: string, passed: number[], canCu: number): string {
  return path
    .replace(/^\$\.danhSach\[(\d+)\]/, (_m, k: string) => `$.deCu[${passed[Number(k)]}]`)
    .replace(/^\$\.canCu\[(\d+)\]/, (m, j: string) => (Number(j) < canCu ? `$.toTrinh.canCu[${j}]` : '$.hoiDong.ten'))
    .replace(/^\$\.(so|ngay|trichYeu|kinhGui|noiNhan|luu|nguoiKy)(?=[.[]|$)/, '$.toTrinh.$1');
}

/** Paths of a derived report: the nominee's own fields, the rest from its "baoCao". */
function fromBaoCao(path: string, i: number): string {
  if (/^\$\.(phongTrao|diaDanh)(?=[.[]|$)/.test(path)) return path;
  if (/^\$\.(ten|chucVu|doiTuong|khenThuong|loaiHinh)(?=[.[]|$)/.test(path)) return path.replace(/^\$\./, `$.deCu[${i}].`);
  return path.replace(/^\$\./, `$.deCu[${i}].baoCao.`);
}

/** Issues of a derived document at the hồ sơ's paths, also where a message names the field by its path. */
function mapped(issues: readonly Issue[], f: (p: string) => string): Issue[] {
  return issues.map((x) => {
    if (!x.path) return x;
    const to = f(x.path);
    const swap = (s: string) => s.split(x.path!).join(to);
    return { ...x, path: to, message: { vi: swap(x.message.vi), en: swap(x.message.en) }, ...(x.hint ? { hint: { vi: swap(x.hint.vi), en: swap(x.hint.en) } } : {}) };
  });
}

/**
 * The header of a nominee's report (§4.2.2, "ĐƠN VỊ CẤP TRÊN" over the reporting unit): as given, else a collective
 * under its unit (or the authority the proposing body belongs to), an individual under nothing, headed by their unit.
 */
function donViBaoCao(d: DeCu, input: HoSoInput): { chuQuan?: string | string[]; ten: string | string[] } {
  if (d.baoCao?.coQuan) return d.baoCao.coQuan;
  const capTren = input.coQuan.chuQuan ?? input.coQuan.ten;
  if (d.doiTuong === 'tap-the') return { chuQuan: d.donVi ? dongUyBan(d.donVi) : capTren, ten: d.ten };
  return { ten: d.donVi ? dongUyBan(d.donVi) : capTren };
}

/** "Ủy ban nhân dân xã Gia Tân" on two lines, as a People's Committee heads its documents (§6.2 [X]). */
function dongUyBan(ten: string): string | string[] {
  const m = /^(Ủy ban nhân dân|Uỷ ban nhân dân)\s+(.+)$/u.exec(ten);
  return m ? [m[1]!, m[2]!] : ten;
}

/**
 * The default trích yếu names what is proposed and to whom (§5.1): "Đề nghị <cấp khen thưởng> tặng danh hiệu thi
 * đua và Giấy khen cho 01 tập thể và 05 cá nhân đã có thành tích trong phong trào thi đua “…” năm 2025".
 */
function trichYeuMacDinh(input: HoSoInput, passed: DeCu[], ctx: Context): string {
  const awards = [...new Set(passed.map((d) => d.khenThuong))].map((k) => award(ctx, k));
  const titles = awards.filter((a) => a.loai === 'danh-hieu');
  const forms = awards.filter((a) => a.loai !== 'danh-hieu');
  const named = [...(titles.length === 1 ? [tenKhenThuong(titles[0]!)] : titles.length ? ['danh hiệu thi đua'] : []), ...forms.map((a: KhenThuongDef) => a.ten)];
  const what = named.length > 1 ? `${named.slice(0, -1).join(', ')} và ${named[named.length - 1]}` : named[0];
  const dem = demDoiTuong(passed.filter((d) => d.doiTuong === 'tap-the').length, passed.filter((d) => d.doiTuong === 'ca-nhan').length);
  return `Đề nghị ${input.capKhenThuong} tặng ${what} cho ${dem} đã có thành tích trong phong trào thi đua ${tenPhongTrao(input.phongTrao)}`;
}

/** Names in full and without titles, and no district level in a document dated from the reform (§1.6, §1.7, §6.1). */
function nameIssues(input: HoSoInput, toTrinhIso: string, meetingIso: string, ctx: Context): Issue[] {
  const members = new Set(input.hoiDong.thanhVien.map((m) => m.hoTen));
  const persons: Named[] = [
    ...input.hoiDong.thanhVien.map((m, i) => ({ path: `$.hoiDong.thanhVien[${i}].hoTen`, text: m.hoTen })),
    ...(members.has(input.cuocHop.thuKy) ? [] : [{ path: '$.cuocHop.thuKy', text: input.cuocHop.thuKy }]),
    { path: '$.toTrinh.nguoiKy.hoTen', text: input.toTrinh.nguoiKy.hoTen },
    ...input.deCu.flatMap((d, i) => [
      ...(d.doiTuong === 'ca-nhan' ? [{ path: `$.deCu[${i}].ten`, text: d.ten }] : []),
      ...(d.baoCao ? [{ path: `$.deCu[${i}].baoCao.nguoiBaoCao`, text: d.baoCao.nguoiBaoCao }] : []),
      ...(d.baoCao?.xacNhan ? [{ path: `$.deCu[${i}].baoCao.xacNhan`, text: d.baoCao.xacNhan }] : []),
    ]),
  ];
  // The tờ trình (the latest of the tờ trình and the biên bản) prints the proposing body, the council and the units.
  const inToTrinh: Named[] = [
    ...namedLines(input.coQuan.chuQuan, '$.coQuan.chuQuan'),
    ...namedLines(input.coQuan.ten, '$.coQuan.ten'),
    { path: '$.capKhenThuong', text: input.capKhenThuong },
    { path: '$.hoiDong.ten', text: input.hoiDong.ten },
    ...input.toTrinh.kinhGui.map((text, i) => ({ path: `$.toTrinh.kinhGui[${i}]`, text })),
    ...input.toTrinh.noiNhan.map((n, i) => ({ path: `$.toTrinh.noiNhan[${i}].ten`, text: n.ten })),
    ...nguoiKyNames(input.toTrinh.nguoiKy, '$.toTrinh.nguoiKy'),
    ...input.deCu.flatMap((d, i) => (d.donVi ? [{ path: `$.deCu[${i}].donVi`, text: d.donVi }] : [])),
  ];
  const keHoach = input.phongTrao.keHoach;
  const keHoachIso = keHoach ? ngayTrichDan(keHoach) : undefined;
  return [
    ...placeNameIssues(input.diaDanh, '$.diaDanh', ctx),
    ...personNameIssues(persons, ctx),
    ...districtIssues(inToTrinh, toTrinhIso > meetingIso ? toTrinhIso : meetingIso, ctx),
    // The launching plan is a document of its own date.
    ...(keHoach && keHoachIso ? districtIssues([{ path: '$.phongTrao.keHoach', text: keHoach }], keHoachIso, ctx) : []),
    ...input.deCu.flatMap((d, i) => {
      const c = d.baoCao?.coQuan;
      if (!c || !d.baoCao) return [];
      const iso = d.baoCao.ngay ? isoNgay(parseNgay(d.baoCao.ngay)!) : meetingIso;
      return districtIssues([...namedLines(c.chuQuan, `$.deCu[${i}].baoCao.coQuan.chuQuan`), ...namedLines(c.ten, `$.deCu[${i}].baoCao.coQuan.ten`)], iso, ctx);
    }),
  ];
}

export function hoSoDocuments(input: HoSoInput, _settings: FormSettings, ctx: Context, settingsOf: (id: string) => FormSettings): DossierResult {
  const issues: Issue[] = [];
  const src = ctx.source;
  const start = parseThoiDiem(input.cuocHop.batDau)!;
  const meetingIso = isoNgay(start);
  const toTrinhIso = isoNgay(parseNgay(input.toTrinh.ngay)!);
  // §5.4: money is priced on the award decision's date, expected or known; the tờ trình's date stands in for it.
  const tinhTienTheo = ngayTinhTien(input.ngayQuyetDinh ? parseNgay(input.ngayQuyetDinh) : undefined, toTrinhIso);
  const tienIso = tinhTienTheo.iso;
  const total = input.hoiDong.thanhVien.length;

  // Every nominee is checked before anything is drawn.
  input.deCu.forEach((d, i) => {
    const a = award(ctx, d.khenThuong);
    const hs = inForce(a.heSo, toTrinhIso);
    if ((d.doiTuong === 'ca-nhan' ? hs.caNhan : hs.tapThe) === undefined) {
      issues.push(makeIssue('rule.award_subject', { khenThuong: a.ten, doiTuong: d.doiTuong === 'ca-nhan' ? 'cá nhân' : 'tập thể', ten: d.ten }, { source: src, path: `$.deCu[${i}].khenThuong` }));
    }
    issues.push(...loaiHinhIssues(a, d.loaiHinh, `$.deCu[${i}].loaiHinh`, ctx));
  });
  if (toTrinhIso < meetingIso) {
    issues.push(makeIssue('rule.date_order', { toTrinh: ngayGo(input.toTrinh.ngay), cuocHop: ngayIn(meetingIso) }, { source: src, path: '$.toTrinh.ngay' }));
  }
  if (input.ngayQuyetDinh && tinhTienTheo.truocToTrinh) {
    issues.push(makeIssue('rule.decision_date', { quyetDinh: ngayGo(input.ngayQuyetDinh), toTrinh: ngayGo(input.toTrinh.ngay) }, { source: src, path: '$.ngayQuyetDinh' }));
  }
  issues.push(...nameIssues(input, toTrinhIso, meetingIso, ctx));

  const bienBanInput: BienBanInput = {
    form: 'bien-ban',
    coQuan: { chuQuan: input.coQuan.chuQuan, ten: input.coQuan.ten, vietTat: input.hoiDong.vietTat },
    so: input.cuocHop.so,
    tenHoiDong: input.hoiDong.ten,
    veViec: `xét đề nghị khen thưởng trong phong trào thi đua ${tenPhongTrao(input.phongTrao)}`,
    batDau: input.cuocHop.batDau,
    ketThuc: input.cuocHop.ketThuc,
    diaDiem: input.cuocHop.diaDiem,
    thanhVien: input.hoiDong.thanhVien,
    vangMat: input.cuocHop.vangMat,
    chuTri: input.cuocHop.chuTri,
    thuKy: input.cuocHop.thuKy,
    noiDung: input.cuocHop.noiDung,
    phieu: input.cuocHop.phieu,
    bieuQuyet: input.deCu.map(({ baoCao: _b, loaiHinh: _l, ...d }) => d),
  };
  issues.push(...mapped(bienBanRules(bienBanInput, ctx), fromBienBan));

  const votes = input.deCu.map((d) => bieuQuyet(d.phieuDongY, total, award(ctx, d.khenThuong), ctx.regulations));
  input.deCu.forEach((d, i) => {
    const r = votes[i]!;
    if (!r.dat) {
      issues.push(makeIssue('rule.vote_below_threshold', {
        ten: d.ten, khenThuong: award(ctx, d.khenThuong).ten, phieu: d.phieuDongY, tong: total, tyLe: phanTram(r.phanNghin), quyTac: r.quyTac, toiThieu: r.toiThieu,
      }, { source: src, path: `$.deCu[${i}].phieuDongY` }));
    }
  });
  const passed = input.deCu.filter((_, i) => votes[i]!.dat);
  const passedIndex = passed.map((d) => input.deCu.indexOf(d));
  if (passed.length === 0) issues.push(makeIssue('rule.none_passed', {}, { source: src, path: '$.deCu' }));
  for (const [q, qi] of (input.phongTrao.chiTieu ?? []).map((q, qi) => [q, qi] as const)) {
    for (const [dt, limit, label] of [['tap-the', q.tapThe, 'tập thể'], ['ca-nhan', q.caNhan, 'cá nhân']] as const) {
      const n = passed.filter((d) => d.khenThuong === q.khenThuong && d.doiTuong === dt).length;
      if (limit !== undefined && n > limit) {
        issues.push(makeIssue('rule.quota_exceeded', { soLuong: n, doiTuong: label, khenThuong: award(ctx, q.khenThuong).ten, toiDa: limit }, { source: src, path: `$.phongTrao.chiTieu[${qi}]` }));
      }
    }
  }
  if (issues.some((i) => i.severity === 'error')) return { documents: [], issues, manifest: {} };

  const bienBan = bienBanViewModel(bienBanInput, settingsOf('bien-ban'), ctx);
  const coQuanTen = lines(input.coQuan.ten).join(' ');
  const soTapThe = passed.filter((d) => d.doiTuong === 'tap-the').length;
  const soCaNhan = passed.filter((d) => d.doiTuong === 'ca-nhan').length;
  const canCu = input.toTrinh.canCu ?? [];
  const toTrinhInput: ToTrinhInput = {
    form: 'to-trinh',
    coQuan: input.coQuan,
    so: input.toTrinh.so,
    diaDanh: input.diaDanh,
    ngay: input.toTrinh.ngay,
    trichYeu: input.toTrinh.trichYeu ?? trichYeuMacDinh(input, passed, ctx),
    kinhGui: input.toTrinh.kinhGui,
    canCu: [...canCu, `Căn cứ Biên bản họp ${input.hoiDong.ten} ngày ${ngayNgan(start)}`],
    capKhenThuong: input.capKhenThuong,
    phongTrao: input.phongTrao,
    danhSach: passed.map(({ baoCao: _b, phieuDongY: _p, loaiHinh: _l, ...d }) => d),
    noiNhan: input.toTrinh.noiNhan,
    luu: input.toTrinh.luu,
    nguoiKy: input.toTrinh.nguoiKy,
    tinhTien: input.tinhTien,
    ngayQuyetDinh: input.ngayQuyetDinh,
  };
  const toTrinh = toTrinhViewModel(toTrinhInput, settingsOf('to-trinh'), ctx);
  const baoCaoSettings = settingsOf('bao-cao-thanh-tich') as FormSettings & { cauTruc: BaoCaoStructure };
  // A nominee who passed but whose report is not written yet is named; the other documents are still made.
  passed.forEach((d, k) => {
    if (!d.baoCao) issues.push(makeIssue('rule.report_missing', { ten: d.ten }, { source: src, path: `$.deCu[${passedIndex[k]}].baoCao` }));
  });
  const reports = passed.flatMap((d, k) => {
    const i = passedIndex[k]!;
    if (!d.baoCao) return [];
    const { coQuan: _c, ...noiDung } = d.baoCao;
    const baoCaoInput: BaoCaoInput = {
      form: 'bao-cao-thanh-tich',
      coQuan: { ...donViBaoCao(d, input), vietTat: input.coQuan.vietTat },
      diaDanh: input.diaDanh,
      doiTuong: d.doiTuong,
      ten: d.ten,
      chucVu: d.chucVu,
      khenThuong: d.khenThuong,
      loaiHinh: d.loaiHinh,
      phongTrao: input.phongTrao,
      ...noiDung,
      ngay: d.baoCao.ngay ?? meetingIso,
    };
    const r = baoCaoViewModel(baoCaoInput, baoCaoSettings, ctx);
    return [{ d, i, r, ngay: d.baoCao.ngay }];
  });

  const documents = [
    { formId: 'to-trinh', name: '01-to-trinh', title: `Tờ trình ${toTrinh.vm.header.soKyHieu.replace(/^Số: /, 'số ').replace(/\u00A0+/g, '…')}`, vm: toTrinh.vm },
    { formId: 'bien-ban', name: '02-bien-ban', title: `Biên bản họp ${input.hoiDong.ten}`, vm: bienBan.vm },
    ...reports.map(({ d, r }, k) => ({
      formId: 'bao-cao-thanh-tich',
      name: `${pad2(k + 3)}-bao-cao-${asciiStem(d.ten).toLowerCase()}`,
      title: `Báo cáo thành tích: ${d.ten}`,
      vm: r.vm,
    })),
  ];
  const capXa = capKhenThuongXa(input.capKhenThuong, ctx.regulations);
  const money = input.tinhTien
    ? passed.map((d) => {
      const t = tienThuong(award(ctx, d.khenThuong), d.doiTuong, tienIso, ctx.regulations, { capXa });
      return { ten: d.ten, heSo: t?.heSo ?? null, soTien: t?.soTien ?? null };
    })
    : undefined;
  const profileId = (iso: string) => inForce(ctx.regulations.legalProfiles, iso).id;
  const manifest = {
    coQuan: coQuanTen,
    phongTrao: input.phongTrao.ten,
    cuocHop: input.cuocHop.batDau,
    toTrinh: { soKyHieu: toTrinh.vm.header.soKyHieu, ngay: input.toTrinh.ngay },
    thanhVienHoiDong: total,
    tapThe: soTapThe,
    caNhan: soCaNhan,
    bieuQuyet: input.deCu.map((d, i) => ({ ten: d.ten, khenThuong: d.khenThuong, phieuDongY: d.phieuDongY, tyLe: phanTram(votes[i]!.phanNghin), dat: votes[i]!.dat })),
    baoCao: reports.map(({ d, ngay }) => {
      const a = award(ctx, d.khenThuong);
      const iso = ngay ? isoNgay(parseNgay(ngay)!) : meetingIso;
      return { ten: d.ten, mau: chonMau(baoCaoSettings.cauTruc, profileId(iso), d.khenThuong, loaiBaoCao(a, d.loaiHinh), d.doiTuong).dongMau };
    }),
    ...(passed.some((d) => !d.baoCao) ? { chuaCoBaoCao: passed.filter((d) => !d.baoCao).map((d) => d.ten) } : {}),
    ...(money ? {
      tinhTien: {
        ngay: tienIso,
        theo: input.ngayQuyetDinh ? 'ngayQuyetDinh' : 'toTrinh.ngay',
        luongCoSo: money.length && ctx.regulations.luongCoSo.values.some((v) => v.from <= tienIso) ? inForce(ctx.regulations.luongCoSo.values, tienIso).value : null,
      },
      tienThuong: money,
      tongTien: money.reduce((n, m) => n + (m.soTien ?? 0), 0),
    } : {}),
  };
  return {
    documents,
    issues: [
      ...issues,
      ...mapped(bienBan.issues, fromBienBan),
      ...mapped(toTrinh.issues, (p) => fromToTrinh(p, passedIndex, canCu.length)),
      ...reports.flatMap(({ r, i }) => mapped(r.issues, (p) => fromBaoCao(p, i))),
    ],
    manifest,
  };
}
