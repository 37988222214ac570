// The hồ sơ: one input gives the biên bản, the tờ trình (only nominees who passed the vote) and one report each,
// so names, counts, dates and votes cannot disagree; and the rules that tie them together (§5.2, §5.4, §6.1).
import type { Context, DossierResult, FormSettings } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { inForce } from '../config/regulations';
import { parseThoiDiem, type BaoCaoInput, type BienBanInput, type HoSoInput, type ToTrinhInput } from '../schema/nomination';
import { isoNgay, ngayNgan, parseNgay } from './dates';
import { lines } from './header';
import { bieuQuyet, phanTram, tienThuong } from './khen-thuong';
import { award, baoCaoViewModel, bienBanRules, bienBanViewModel, pad2, tenPhongTrao, toTrinhViewModel } from './nomination';
import { reroot, type Origins } from './origin';
import { asciiStem } from './text';

/** Where the fields of the derived biên bản come from in the hồ sơ. */
const BIEN_BAN_ORIGINS: Origins = [
  ['$.coQuan', '$.coQuan'],
  ['$.coQuan.vietTat', '$.hoiDong.vietTat'],
  ['$.so', '$.cuocHop.so'],
  ['$.tenHoiDong', '$.hoiDong.ten'],
  ['$.veViec', '$.phongTrao.ten'],
  ['$.thanhVien', '$.hoiDong.thanhVien'],
  ['$.bieuQuyet', '$.deCu'],
  ...(['batDau', 'ketThuc', 'diaDiem', 'vangMat', 'chuTri', 'thuKy', 'noiDung', 'phieu'] as const).map((k) => [`$.${k}`, `$.cuocHop.${k}`] as const),
];

/** Where the fields of the derived tờ trình come from: its own part of the hồ sơ, the shared parts, the nominees who passed. */
function toTrinhOrigins(input: HoSoInput, passedIndex: number[]): Origins {
  const own = (['so', 'ngay', 'kinhGui', 'noiNhan', 'luu', 'nguoiKy'] as const).map((k) => [`$.${k}`, `$.toTrinh.${k}`] as const);
  const shared = (['coQuan', 'diaDanh', 'capKhenThuong', 'phongTrao', 'tinhTien'] as const).map((k) => [`$.${k}`, `$.${k}`] as const);
  const canCu = (input.toTrinh.canCu ?? []).map((_, k) => [`$.canCu[${k}]`, `$.toTrinh.canCu[${k}]`] as const);
  return [
    ...own, ...shared, ...canCu,
    // The căn cứ added last cites the meeting; the trích yếu is made from the campaign's name.
    [`$.canCu[${canCu.length}]`, '$.cuocHop.batDau'],
    ['$.trichYeu', '$.phongTrao.ten'],
    ['$.danhSach', '$.deCu'],
    ...passedIndex.map((i, j) => [`$.danhSach[${j}]`, `$.deCu[${i}]`] as const),
  ];
}

/** Where the fields of nominee i's report come from: the nominee, its report body, and the dossier's shared parts. */
function baoCaoOrigins(input: HoSoInput, i: number): Origins {
  return [
    ['$', `$.deCu[${i}].baoCao`],
    ...(['coQuan', 'diaDanh', 'phongTrao'] as const).map((k) => [`$.${k}`, `$.${k}`] as const),
    ...(['doiTuong', 'ten', 'chucVu', 'khenThuong'] as const).map((k) => [`$.${k}`, `$.deCu[${i}].${k}`] as const),
    ['$.ngay', input.deCu[i]!.baoCao.ngay === undefined ? '$.cuocHop.batDau' : `$.deCu[${i}].baoCao.ngay`],
  ];
}

export function hoSoDocuments(input: HoSoInput, _settings: FormSettings, ctx: Context, settingsOf: (id: string) => FormSettings): DossierResult {
  const issues: Issue[] = [];
  const src = ctx.source;
  const start = parseThoiDiem(input.cuocHop.batDau)!;
  const meetingIso = `${start.nam}-${pad2(start.thang)}-${pad2(start.ngay)}`;
  const toTrinhDate = parseNgay(input.toTrinh.ngay)!;
  const toTrinhIso = isoNgay(toTrinhDate);
  const total = input.hoiDong.thanhVien.length;

  // Every nominee is checked before anything is drawn.
  input.deCu.forEach((d, i) => {
    const a = award(ctx, d.khenThuong);
    const hs = inForce(a.heSo, toTrinhIso);
    if ((d.doiTuong === 'ca-nhan' ? hs.caNhan : hs.tapThe) === undefined) {
      issues.push(makeIssue('rule.award_subject', { khenThuong: a.ten, doiTuong: d.doiTuong === 'ca-nhan' ? 'cá nhân' : 'tập thể', ten: d.ten }, { source: src, path: `$.deCu[${i}].khenThuong` }));
    }
  });
  if (toTrinhIso < meetingIso) {
    issues.push(makeIssue('rule.date_order', { toTrinh: input.toTrinh.ngay, cuocHop: meetingIso }, { source: src, path: '$.toTrinh.ngay' }));
  }
  const cap = ctx.regulations.capHuyen;
  if (toTrinhIso >= cap.tuNgay) {
    const re = new RegExp(`(^|\\s)(${cap.tu.join('|')})(\\s|$)`, 'iu');
    for (const name of [...lines(input.coQuan.chuQuan), ...lines(input.coQuan.ten)]) {
      if (re.test(name)) issues.push(makeIssue('rule.district_abolished', { ten: name }, { source: src, path: '$.coQuan' }));
    }
  }

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
    bieuQuyet: input.deCu.map(({ baoCao: _b, ...d }) => d),
  };
  issues.push(...reroot(bienBanRules(bienBanInput, ctx), BIEN_BAN_ORIGINS, '$.cuocHop'));

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
  const toTrinhInput: ToTrinhInput = {
    form: 'to-trinh',
    coQuan: input.coQuan,
    so: input.toTrinh.so,
    diaDanh: input.diaDanh,
    ngay: input.toTrinh.ngay,
    trichYeu: `Đề nghị tặng thưởng cho ${[soTapThe ? `${pad2(soTapThe)} tập thể` : '', soCaNhan ? `${pad2(soCaNhan)} cá nhân` : ''].filter(Boolean).join(' và ')} đã có thành tích trong phong trào thi đua “${input.phongTrao.ten}”`,
    kinhGui: input.toTrinh.kinhGui,
    canCu: [
      ...(input.toTrinh.canCu ?? []),
      `Căn cứ Biên bản họp ${input.hoiDong.ten} ngày ${ngayNgan(start)}`,
    ],
    capKhenThuong: input.capKhenThuong,
    phongTrao: input.phongTrao,
    danhSach: passed.map(({ baoCao: _b, phieuDongY: _p, ...d }) => d),
    noiNhan: input.toTrinh.noiNhan,
    luu: input.toTrinh.luu,
    nguoiKy: input.toTrinh.nguoiKy,
    tinhTien: input.tinhTien,
  };
  const toTrinh = toTrinhViewModel(toTrinhInput, settingsOf('to-trinh'), ctx);
  const reports = passed.map((d) => {
    const i = input.deCu.indexOf(d);
    const baoCaoInput: BaoCaoInput = {
      form: 'bao-cao-thanh-tich',
      coQuan: input.coQuan,
      diaDanh: input.diaDanh,
      doiTuong: d.doiTuong,
      ten: d.ten,
      chucVu: d.chucVu,
      khenThuong: d.khenThuong,
      phongTrao: input.phongTrao,
      ...d.baoCao,
      ngay: d.baoCao.ngay ?? meetingIso,
    };
    const r = baoCaoViewModel(baoCaoInput, settingsOf('bao-cao-thanh-tich'), { ...ctx });
    return { d, i, r };
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
  const money = input.tinhTien
    ? passed.map((d) => ({ ten: d.ten, soTien: tienThuong(award(ctx, d.khenThuong), d.doiTuong, toTrinhIso, ctx.regulations)?.soTien ?? null }))
    : undefined;
  const manifest = {
    coQuan: coQuanTen,
    phongTrao: input.phongTrao.ten,
    cuocHop: input.cuocHop.batDau,
    toTrinh: { soKyHieu: toTrinh.vm.header.soKyHieu, ngay: input.toTrinh.ngay },
    thanhVienHoiDong: total,
    tapThe: soTapThe,
    caNhan: soCaNhan,
    bieuQuyet: input.deCu.map((d, i) => ({ ten: d.ten, khenThuong: d.khenThuong, phieuDongY: d.phieuDongY, tyLe: phanTram(votes[i]!.phanNghin), dat: votes[i]!.dat })),
    ...(money ? { tienThuong: money, tongTien: money.reduce((n, m) => n + (m.soTien ?? 0), 0) } : {}),
  };
  return {
    documents,
    issues: [
      ...issues,
      ...reroot(bienBan.issues, BIEN_BAN_ORIGINS, '$.cuocHop'),
      ...reroot(toTrinh.issues, toTrinhOrigins(input, passed.map((d) => input.deCu.indexOf(d))), '$.toTrinh'),
      ...reports.flatMap(({ r, i }) => reroot(r.issues, baoCaoOrigins(input, i), `$.deCu[${i}]`)),
    ],
    manifest,
  };
}
