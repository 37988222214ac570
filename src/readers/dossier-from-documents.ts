// A hồ sơ put together from its documents read one by one: the tờ trình gives the unit, the campaign and the proposal,
// the biên bản the council, the meeting and every nominee with their votes, each báo cáo thành tích its nominee's
// report. What the dossier prints by itself (the căn cứ of the biên bản, the meeting's purpose) is not kept twice.
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import type { ImportedDocument } from './import-document';
import { plain } from './nominees';

type Obj = Record<string, any>;

export interface Assembled {
  input: Obj;
  issues: Issue[];
}

/** `parts` in any order; each must have been read as a tờ trình, a biên bản or a báo cáo thành tích. */
export function assembleDossier(parts: readonly { source: string; doc: ImportedDocument }[]): Assembled {
  const issues: Issue[] = [];
  const of = (form: string) => parts.filter((p) => p.doc.form === form && p.doc.input);
  const [toTrinh, ...moreToTrinh] = of('to-trinh');
  const [bienBan, ...moreBienBan] = of('bien-ban');
  for (const extra of [...moreToTrinh, ...moreBienBan]) {
    issues.push(makeIssue('import.dossier_part', { file: extra.source, whyVi: 'hồ sơ chỉ có một tờ trình và một biên bản', whyEn: 'a dossier has one proposal and one set of minutes' }, { source: extra.source }));
  }
  for (const p of parts.filter((x) => !['to-trinh', 'bien-ban', 'bao-cao-thanh-tich'].includes(x.doc.form ?? ''))) {
    issues.push(makeIssue('import.dossier_part', { file: p.source, whyVi: 'không phải tờ trình, biên bản hay báo cáo thành tích', whyEn: 'not a proposal, minutes or achievement report' }, { source: p.source }));
  }
  const tt: Obj = toTrinh?.doc.input ?? {};
  const bb: Obj = bienBan?.doc.input ?? {};
  const input: Obj = { form: 'ho-so-khen-thuong' };
  if (tt.coQuan) input.coQuan = tt.coQuan;
  else if (bb.coQuan) input.coQuan = { ...bb.coQuan, vietTat: undefined };
  if (tt.diaDanh) input.diaDanh = tt.diaDanh;
  if (tt.phongTrao) input.phongTrao = tt.phongTrao;
  if (tt.capKhenThuong) input.capKhenThuong = tt.capKhenThuong;

  if (bienBan) {
    input.hoiDong = { ten: bb.tenHoiDong, ...(bb.coQuan?.vietTat ? { vietTat: bb.coQuan.vietTat } : {}), thanhVien: bb.thanhVien ?? [] };
    input.cuocHop = {
      ...(bb.so !== undefined ? { so: bb.so } : {}),
      batDau: bb.batDau, ketThuc: bb.ketThuc, diaDiem: bb.diaDiem, chuTri: bb.chuTri, thuKy: bb.thuKy,
      ...(bb.vangMat ? { vangMat: bb.vangMat } : {}),
      ...(bb.phieu ? { phieu: bb.phieu } : {}),
      ...(bb.noiDung ? { noiDung: bb.noiDung } : {}),
    };
  }
  if (toTrinh) {
    // The dossier adds "Căn cứ Biên bản họp <council> ngày …" to the tờ trình's căn cứ itself.
    const council = plain(`Căn cứ Biên bản họp ${bb.tenHoiDong ?? ''}`);
    const canCu = (tt.canCu as string[] | undefined)?.filter((c) => !(bb.tenHoiDong && plain(c).startsWith(council)));
    input.toTrinh = {
      ...(tt.so !== undefined ? { so: tt.so } : {}),
      ngay: tt.ngay,
      ...(tt.trichYeu ? { trichYeu: tt.trichYeu } : {}),
      kinhGui: tt.kinhGui,
      ...(canCu?.length ? { canCu } : {}),
      noiNhan: tt.noiNhan ?? [],
      ...(tt.luu ? { luu: tt.luu } : {}),
      nguoiKy: tt.nguoiKy,
    };
    if (tt.tinhTien) input.tinhTien = true;
  }

  // Every nominee the council voted on, in the biên bản's order; without a biên bản, those the tờ trình lists.
  const nominees: Obj[] = bienBan
    ? (bb.bieuQuyet ?? []).map((d: Obj) => ({ ...d }))
    : (tt.danhSach ?? []).map((d: Obj) => ({ ...d }));
  const byName = new Map(nominees.map((d) => [plain(String(d.ten)), d]));
  for (const r of of('bao-cao-thanh-tich')) {
    const rep: Obj = r.doc.input!;
    const d = byName.get(plain(String(rep.ten ?? '')));
    if (!d) {
      issues.push(makeIssue('import.dossier_part', { file: r.source, whyVi: `báo cáo của «${rep.ten}», người/tập thể không có trong biên bản hay tờ trình`, whyEn: `a report on "${rep.ten}", who is not among the nominees` }, { source: r.source }));
      continue;
    }
    const { coQuan, ngay, soLuoc, thanhTich, danhHieuTruoc, khenThuongTruoc, nguoiBaoCao, xacNhan, loaiHinh, chucVu } = rep;
    d.baoCao = {
      ...(coQuan ? { coQuan: { ...(coQuan.chuQuan ? { chuQuan: coQuan.chuQuan } : {}), ten: coQuan.ten } } : {}),
      ...(ngay ? { ngay } : {}),
      ...(soLuoc ? { soLuoc } : {}),
      thanhTich,
      ...(danhHieuTruoc ? { danhHieuTruoc } : {}),
      ...(khenThuongTruoc ? { khenThuongTruoc } : {}),
      nguoiBaoCao,
      ...(xacNhan ? { xacNhan } : {}),
    };
    if (loaiHinh) d.loaiHinh = loaiHinh;
    // The report prints the position whole; the list's "Chức vụ, đơn vị" cell was split at its first comma, so the
    // report's position decides where the unit starts.
    if (chucVu) {
      const cell = [d.chucVu, d.donVi].filter(Boolean).join(', ');
      d.chucVu = chucVu;
      if (cell === chucVu) delete d.donVi;
      else if (cell.startsWith(`${chucVu}, `)) d.donVi = cell.slice(chucVu.length + 2);
    }
    // The report says who the nominee is: a collective or a person.
    if (rep.doiTuong) d.doiTuong = rep.doiTuong;
  }
  input.deCu = nominees;
  return { input, issues };
}
