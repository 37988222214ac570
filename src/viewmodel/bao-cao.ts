// View model of the báo cáo thành tích (§4): its form chosen by legal period × award kind × subject, its structure
// read from templates/bao-cao-thanh-tich/form.json, its header the reporting unit under its superior.
import type { Context, FormSettings } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { inForce, type KhenThuongDef } from '../config/regulations';
import type { BaoCaoInput } from '../schema/nomination';
import type { BlockIn } from '../schema/common';
import { neoBen, oKyChuKy } from './ky-so';
import { reroot } from './origin';
import { RunParser } from './body';
import { isoNgay, parseNgay } from './dates';
import { documentViewModel } from './document';
import { finishLayout } from './finish-layout';
import { signatureSpacePt } from '../layout/tokens';
import type { DoiTuong } from './khen-thuong';
import { districtIssues, namedLines, personNameIssues, placeNameIssues } from './names';
import { award, plain, tenPhongTrao } from './nomination';
import { inHoa } from './text';
import type { BangVM, DocumentVM, ParagraphVM } from './types';

/**
 * What a report is for, which picks its form in every period (§4.1–4.4): an emulation title of the year
 * ("danh-hieu"), an award for a campaign by round or theme ("phong-trao"), or an award for performance of duties
 * ("cong-trang"; Luật 06/2022 Điều 8 [P]).
 */
export type LoaiBaoCao = 'danh-hieu' | 'phong-trao' | 'cong-trang';

export interface DongMau {
  dongMau: string;
  tag: string;
}

export interface BaoCaoStructure {
  /** Legal profile id → kind → subject → the form line. */
  mau: Record<string, Record<LoaiBaoCao, Record<DoiTuong, DongMau>>>;
  /** Awards with a form of their own in a period (NĐ 152: Cờ thi đua của Chính phủ, Chiến sĩ thi đua toàn quốc). */
  mauTheoKhenThuong?: Record<string, Record<string, Partial<Record<DoiTuong, DongMau>>>>;
  tieuDe: { dong1: string; deNghi: string; phongTrao: string };
  bienThe: Record<DoiTuong, {
    nhanTen: string;
    muc: [string, string, string];
    soLuoc: { khoa: string; nhan: string }[];
    doanSoLuoc: { khoa: string; tieuDe: string }[];
    bangTruoc: { danhHieu: string; khenThuong: string; cot: [string, string, string] };
    trai: { tieuDe: string[]; ghiChu: string; dongDau: boolean };
    phai: { tieuDe: string[]; ghiChu: string; dongDau: boolean };
  }>;
}

/** A title is reported as a title; a Bằng khen or Giấy khen as its kind says, a campaign's by default. */
export function loaiBaoCao(a: KhenThuongDef, loaiHinh: 'phong-trao' | 'cong-trang' | undefined): LoaiBaoCao {
  return a.loai === 'danh-hieu' ? 'danh-hieu' : loaiHinh ?? 'phong-trao';
}

/** The form line of a report: the award's own form in that period if it has one, else by kind and subject. */
export function chonMau(cfg: BaoCaoStructure, profileId: string, khenThuong: string, loai: LoaiBaoCao, doiTuong: DoiTuong): DongMau {
  const own = cfg.mauTheoKhenThuong?.[khenThuong]?.[profileId]?.[doiTuong];
  if (own) return own;
  const m = cfg.mau[profileId]?.[loai]?.[doiTuong];
  // templates check validates form.json; reaching this means it was edited after the check.
  if (!m) throw new Error(`templates/bao-cao-thanh-tich/form.json: no "mau" for ${profileId} / ${loai} / ${doiTuong}`);
  return m;
}

const LOAI: LoaiBaoCao[] = ['danh-hieu', 'phong-trao', 'cong-trang'];
const DOI_TUONG: DoiTuong[] = ['tap-the', 'ca-nhan'];

/**
 * The places of form.json ("$.cauTruc.mau.nd152-2025.phong-trao.ca-nhan") where a form line is missing: every legal
 * period of config/regulations.json needs one for each kind and subject, so no report is left without its form.
 */
export function missingReportForms(cauTruc: unknown, profileIds: readonly string[]): string[] {
  const mau = (cauTruc as { mau?: Record<string, Record<string, Record<string, { dongMau?: unknown }>>> } | undefined)?.mau;
  const missing: string[] = [];
  for (const id of profileIds) {
    for (const loai of LOAI) {
      for (const dt of DOI_TUONG) {
        const m = mau?.[id]?.[loai]?.[dt]?.dongMau;
        if (typeof m !== 'string' || m.trim() === '') missing.push(`$.cauTruc.mau.${id}.${loai}.${dt}.dongMau`);
      }
    }
  }
  return missing;
}

/** The slots of one side of a report's footer: the lines printed around its space, and a seal if its caption asks. */
function oKyBen(c: { tieuDe: string[]; ghiChu: string; dongDau: boolean }, hoTen: string, ben: 'Trai' | 'Phai') {
  const neo = neoBen({ ...c, hoTen });
  return oKyChuKy(neo.tren, neo.duoi, hoTen, { ben, dongDau: c.dongDau });
}

export function baoCaoViewModel(input: BaoCaoInput, settings: FormSettings & { cauTruc?: BaoCaoStructure }, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const cfg = settings.cauTruc;
  if (!cfg) throw new Error('templates/bao-cao-thanh-tich/form.json lacks "cauTruc"');
  const parser = new RunParser(ctx.source);
  const date = parseNgay(input.ngay)!;
  const profile = inForce(ctx.regulations.legalProfiles, isoNgay(date));
  const a = award(ctx, input.khenThuong);
  const mau = chonMau(cfg, profile.id, input.khenThuong, loaiBaoCao(a, input.loaiHinh), input.doiTuong);
  const v = cfg.bienThe[input.doiTuong];
  const base = documentViewModel(
    // A report has no nơi nhận and signs with chuKyDoi; the shared parts still give header and metadata.
    { coQuan: { ...input.coQuan, vietTat: input.coQuan.vietTat ?? '' }, diaDanh: input.diaDanh, ngay: input.ngay, trichYeu: `${cfg.tieuDe.deNghi} ${inHoa(a.ten)}`, noiNhan: [], nguoiKy: { chucVu: '-', hoTen: input.nguoiBaoCao } },
    settings, ctx,
  );
  const soLuoc = (input.soLuoc ?? {}) as Record<string, unknown>;
  // The body is built from the profile fields and the achievements; each line remembers its input field.
  const origins: [string, string][] = [['$.thanhTich[1].noiDung', '$.thanhTich']];
  const profileLines: BlockIn[] = [];
  const line = (block: BlockIn, khoa: string, part: string) => {
    origins.push([`$.thanhTich[0].noiDung[${profileLines.length}].${part}`, `$.soLuoc.${khoa}`]);
    profileLines.push(block);
  };
  for (const f of v.soLuoc) {
    const val = soLuoc[f.khoa];
    if (typeof val === 'string') line({ gach: `${f.nhan}: ${val}` }, f.khoa, 'gach');
  }
  for (const f of v.doanSoLuoc) {
    const val = soLuoc[f.khoa];
    if (Array.isArray(val) && val.length) line({ tieuDe: f.tieuDe, noiDung: val as string[] }, f.khoa, 'noiDung');
  }
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
      { kieu: 'doan', nhan: '', runs: [{ text: `${v.nhanTen}: `, cls: '' }, { text: input.ten, cls: 'b' }, ...(input.chucVu ? [{ text: `, ${input.chucVu}`, cls: '' }] : [])] },
    ],
    noiDung: body,
    ketLuan: [],
    phan: [
      { doan: [muc3[0]!, muc3[1]!, ...(danhHieu ? [] : [none(v.bangTruoc.danhHieu)])], bang: danhHieu },
      { doan: [khen, ...(khenTruoc ? [] : [none(v.bangTruoc.khenThuong)])], bang: khenTruoc },
    ],
    // Signed in the two-signature footer; form.json says which side seals.
    chuKy: { ...base.chuKy, oKy: [] },
    chuKyDoi: {
      trai: { tieuDe: v.trai.tieuDe, ghiChu: v.trai.ghiChu, hoTen: input.xacNhan ?? '', khoangKyPt: signatureSpacePt(), oKy: oKyBen(v.trai, input.xacNhan ?? '', 'Trai') },
      phai: { tieuDe: v.phai.tieuDe, ghiChu: v.phai.ghiChu, hoTen: input.nguoiBaoCao, khoangKyPt: signatureSpacePt(), oKy: oKyBen(v.phai, input.nguoiBaoCao, 'Phai') },
    },
    noiNhan: { nhan: '', dong: [] },
  };
  vm.meta.subject = `Báo cáo thành tích ${input.ten}`;
  vm.meta.keywords = [cfg.tieuDe.dong1, a.ten, input.phongTrao.ten];
  vm.meta.title = `Báo cáo thành tích đề nghị tặng ${a.ten}: ${input.ten}`;
  return { vm: finishLayout(vm), issues: reroot(parser.issues, origins, '$.thanhTich') };
}

/** "loaiHinh" belongs to a Bằng khen or Giấy khen; on a title it says nothing the title does not (rule.award_kind). */
export function loaiHinhIssues(a: KhenThuongDef, loaiHinh: string | undefined, path: string, ctx: Context): Issue[] {
  return a.loai === 'danh-hieu' && loaiHinh !== undefined ? [makeIssue('rule.award_kind', { khenThuong: a.ten }, { source: ctx.source, path })] : [];
}

/** The form "bao-cao-thanh-tich" on its own: its rules, then its view model. */
export function baoCaoDocument(input: BaoCaoInput, settings: FormSettings, ctx: Context): { vm: DocumentVM; issues: Issue[] } {
  const r = baoCaoViewModel(input, settings, ctx);
  const iso = isoNgay(parseNgay(input.ngay)!);
  const issues = [
    ...loaiHinhIssues(award(ctx, input.khenThuong), input.loaiHinh, '$.loaiHinh', ctx),
    ...placeNameIssues(input.diaDanh, '$.diaDanh', ctx),
    ...personNameIssues([
      ...(input.doiTuong === 'ca-nhan' ? [{ path: '$.ten', text: input.ten }] : []),
      { path: '$.nguoiBaoCao', text: input.nguoiBaoCao },
      ...(input.xacNhan ? [{ path: '$.xacNhan', text: input.xacNhan }] : []),
    ], ctx),
    ...districtIssues([...namedLines(input.coQuan.chuQuan, '$.coQuan.chuQuan'), ...namedLines(input.coQuan.ten, '$.coQuan.ten')], iso, ctx),
  ];
  return { vm: r.vm, issues: [...issues, ...r.issues] };
}
