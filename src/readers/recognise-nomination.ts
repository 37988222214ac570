// The recogniser of the nomination documents (tờ trình, biên bản họp Hội đồng, báo cáo thành tích): the sentences
// vanban and the decrees' forms print around the facts are read back into the facts, the tables into their lists.
import { inForce, REGULATIONS } from '../config/regulations';
import type { BlockIn } from '../schema/common';
import type { BaoCaoStructure } from '../viewmodel/bao-cao';
import { awardOf, plain as plainText } from './nominees';
import { docNoiNhan } from './regulated';
import { fold, isUpper, readClosing, readTrichYeu, recogniseBody, type Header, type Line, type Unplaced } from './recognise';

/** Forms this module reads; the campaign documents are read by recognise.ts itself. */
export const NOMINATION_FORMS = ['to-trinh', 'bien-ban', 'bao-cao-thanh-tich'];

type Obj = Record<string, unknown>;
type Kind = 'tap-the' | 'ca-nhan';

export interface NominationOptions {
  /** The báo cáo's structure (templates/bao-cao-thanh-tich/form.json "cauTruc"): its labels are what is read. */
  baoCao?: BaoCaoStructure;
}

export function recogniseNomination(form: string, lines: readonly Line[], head: Header, unplaced: Unplaced[], opts: NominationOptions): Obj {
  const ctx = new Reader(lines, head.next, unplaced);
  if (form === 'to-trinh') return { ...head.input, ...toTrinh(ctx, head.input) };
  if (form === 'bien-ban') return { ...head.input, ...bienBan(ctx, head.input) };
  if (!opts.baoCao) throw new Error('recognise: the báo cáo needs its structure (templates/bao-cao-thanh-tich/form.json)');
  return { ...head.input, ...baoCao(ctx, head.input, opts.baoCao, head.dongMau) };
}

/** A cursor over the lines after the tên loại. */
class Reader {
  constructor(readonly lines: readonly Line[], public i: number, readonly unplaced: Unplaced[]) {}

  get line(): Line | undefined {
    return this.lines[this.i];
  }

  /** The index of the first line at or after the cursor that matches, or -1. */
  find(test: (l: Line) => boolean, from = this.i): number {
    for (let k = from; k < this.lines.length; k++) if (test(this.lines[k]!)) return k;
    return -1;
  }

  /** Takes the current line when it matches, with its groups. */
  take(re: RegExp): RegExpExecArray | undefined {
    const l = this.line;
    const m = l && !l.rows ? re.exec(l.text) : null;
    if (!m) return undefined;
    this.i++;
    return m;
  }

  unplace(l: Line, vi: string, en: string): void {
    this.unplaced.push({ index: l.index, text: l.rows ? l.rows.map((r) => r.join(' | ')).join(' / ') : l.text, why: { vi, en } });
  }
}

/** "đi công tác;" → "đi công tác": the end punctuation a list line carries. */
const bare = (s: string) => s.replace(/\s*(\.\/\.|[;.,:])\s*$/u, '').trim();

/** The award a printed name stands for: its exact name first, then as a clerk's list would write it. */
function awardNamed(text: string, kind?: Kind): string | undefined {
  const p = plainText(text);
  const exact = Object.keys(REGULATIONS.khenThuong).find((k) => !k.startsWith('$') && plainText(REGULATIONS.khenThuong[k]!.ten) === p);
  return exact ?? awardOf(text, kind);
}

/** Awards given to one kind only: the subject they imply. */
function kindOfAward(key: string): Kind | undefined {
  if (key.startsWith('tap-the-') || key.startsWith('co-thi-dua')) return 'tap-the';
  if (key.startsWith('chien-si-') || key === 'lao-dong-tien-tien') return 'ca-nhan';
  return undefined;
}

/** Words that open the name of a body, never of a person. */
const ORG_WORDS = /^(PHONG|BAN|BO|TRUNG|DOAN|HOI|TO|TRUONG|UY|UBND|CONG|CHI|DOI|KHOI|VAN|TRAM|XA|PHUONG|THI|HUYEN|QUAN|TINH|SO|CUC|VIEN|BENH|NHA|LIEN|TONG|KHU|AP|THON|BAN|CAC|TAP)\b/;

/** A nominee's kind from its name when the table does not say: a person's name is a few capitalised words. */
function kindOfName(name: string): Kind {
  const words = name.trim().split(/\s+/u);
  const person = words.length >= 2 && words.length <= 5 && words.every((w) => /^\p{Lu}\p{Ll}*$/u.test(w)) && !ORG_WORDS.test(fold(name));
  return person ? 'ca-nhan' : 'tap-the';
}

/** "Chuyên viên, Phòng Nội vụ" → position and unit; a single part is the position of a person, the unit of a body. */
function chucVuDonVi(cell: string, kind: Kind): { chucVu?: string; donVi?: string } {
  const s = cell.trim();
  if (!s || s === '-') return {};
  const comma = s.indexOf(', ');
  if (comma < 0) return kind === 'ca-nhan' ? { chucVu: s } : { donVi: s };
  return { chucVu: s.slice(0, comma), donVi: s.slice(comma + 2) };
}

/** “Đẩy mạnh cải cách hành chính” năm 2024 | giai đoạn 2021 - 2025 → the campaign's name and years. */
export function docPhongTrao(s: string): { ten: string; tuNam?: number; denNam?: number } | undefined {
  const m = /[“"]([^”"]+)[”"](?:\s+năm\s+(\d{4})|\s+giai đoạn\s+(\d{4})\s*[-–]\s*(\d{4}))?/u.exec(s);
  if (!m) return undefined;
  if (m[2]) return { ten: m[1]!, tuNam: Number(m[2]) };
  if (m[3]) return { ten: m[1]!, tuNam: Number(m[3]), denNam: Number(m[4]) };
  return { ten: m[1]! };
}

/** "14 giờ 00, ngày 05 tháng 12 năm 2025" → "2025-12-05T14:00". */
function docThoiDiem(s: string): string | undefined {
  const m = /(\d{1,2})\s*giờ\s*(\d{1,2})(?:\s*phút)?,?\s*ngày\s*(\d{1,2})\s*tháng\s*(\d{1,2})\s*năm\s*(\d{4})/u.exec(s);
  if (!m) return undefined;
  const p2 = (x: string) => x.padStart(2, '0');
  return `${m[5]}-${p2(m[4]!)}-${p2(m[3]!)}T${p2(m[1]!)}:${p2(m[2]!)}`;
}

/**
 * The agency's name as the header prints it (upper case, on its lines) in the case the body writes it ("… Phòng Nội
 * vụ kính trình …"), line by line; the header's own when the two are not the same words.
 */
function inCaseOf(ten: string | string[], body: string): string | string[] {
  const lines = Array.isArray(ten) ? ten : [ten];
  const words = body.split(/\s+/u);
  if (fold(lines.join(' ')) !== fold(body) || words.length !== lines.join(' ').split(/\s+/u).length) return ten;
  let at = 0;
  const out = lines.map((l) => {
    const n = l.split(/\s+/u).length;
    const part = words.slice(at, at + n).join(' ');
    at += n;
    return part;
  });
  return Array.isArray(ten) ? out : out[0]!;
}

/** The body between two points as blocks: paragraphs before the first heading stand as blocks of their own. */
function blocksOf(lines: readonly Line[]): BlockIn[] {
  const r = recogniseBody(lines.filter((l) => !l.rows).map((l) => l.text));
  return [...r.moDau, ...r.noiDung, ...r.ketLuan];
}

/** The data rows of a table: its header row (STT / Năm) dropped. */
const dataRows = (l: Line) => (l.rows ?? []).slice(1);

// ---------------------------------------------------------------- tờ trình

/** The sentence a tờ trình opens its body with (src/viewmodel/nomination.ts). */
const MO_DAU_TO_TRINH =
  /^(?:Thực hiện (.+?) về việc tổ chức phong trào thi đua .+?; căn cứ|Căn cứ) thành tích đạt được(?: trong phong trào thi đua (.+?))? và kết quả bình xét thi đua, khen thưởng, (.+?) kính trình (.+?) xem xét, tặng:$/u;

function toTrinh(r: Reader, head: Obj): Obj {
  const out: Obj = {};
  const ty = readTrichYeu(r.lines, r.i);
  r.i = ty.next;
  if (ty.trichYeu) out.trichYeu = ty.trichYeu;

  // Kính gửi: one recipient on its line, or a list of "- …;" lines under it.
  const kg = r.take(/^Kính gửi\s*:?\s*(.*)$/u);
  if (kg) {
    const list: string[] = [];
    if (kg[1]) list.push(bare(kg[1]));
    else {
      while (r.line && !r.line.rows && /^[-–•]\s/u.test(r.line.text)) list.push(bare(r.lines[r.i++]!.text.replace(/^[-–•]\s*/u, '')));
      if (!list.length && r.line && !r.line.rows && !/^Căn cứ/u.test(r.line.text)) list.push(bare(r.lines[r.i++]!.text));
    }
    out.kinhGui = list;
  }
  const canCu: string[] = [];
  while (r.line && /^Căn cứ/u.test(r.line.text) && !MO_DAU_TO_TRINH.test(r.line.text)) canCu.push(bare(r.lines[r.i++]!.text));
  if (canCu.length) out.canCu = canCu;

  const mo = r.take(MO_DAU_TO_TRINH);
  if (mo) {
    out.capKhenThuong = mo[4];
    if (head.coQuan) (head.coQuan as Obj).ten = inCaseOf((head.coQuan as Obj).ten as string | string[], mo[3]!);
    const pt = mo[2] ? docPhongTrao(mo[2]) : undefined;
    if (pt) out.phongTrao = { ...pt, ...(mo[1] ? { keHoach: mo[1] } : {}) };
  }
  // The award lines and the totals are computed from the list: read past them.
  while (r.take(/^[-–•]\s.+ cho \d+ (tập thể|cá nhân)/u));
  r.take(/^Tổng số:/u);
  if (r.take(/^Tổng số tiền thưởng:/u)) out.tinhTien = true;

  const noiNhan = r.find((l) => /^Nơi nhận\s*:?/u.test(l.text));
  const appendix = r.find((l) => !!l.rows || /^(Phụ lục|DANH SÁCH)$/u.test(l.text), noiNhan < 0 ? r.i : noiNhan);
  const bodyEnd = noiNhan >= 0 ? noiNhan : appendix >= 0 ? appendix : r.lines.length;
  const body = r.lines.slice(r.i, bodyEnd);
  // The last paragraph closes the body; vanban's own closing ("Kính trình … xem xét, quyết định.") is not kept.
  const last = body.length ? body[body.length - 1]! : undefined;
  if (last && !last.rows) {
    const closing = last.text.replace(/\s*\.\/\.\s*$/u, '.');
    if (closing !== `Kính trình ${String(out.capKhenThuong)} xem xét, quyết định.`) out.ketLuan = [closing];
    body.pop();
  }
  const noiDung = blocksOf(body);
  if (noiDung.length) out.noiDung = noiDung;
  if (noiNhan >= 0) Object.assign(out, readClosing(r.lines.slice(noiNhan, appendix >= 0 ? appendix : undefined), r.unplaced));

  // The appendix: its table lists the nominees under "I. TẬP THỂ" and "II. CÁ NHÂN".
  const table = r.lines.find((l, k) => k >= (appendix >= 0 ? appendix : r.lines.length) && l.rows);
  if (table) {
    const danhSach: Obj[] = [];
    let kind: Kind | undefined;
    if (/SỐ TIỀN/u.test((table.rows![0] ?? []).join(' ').toLocaleUpperCase('vi-VN'))) out.tinhTien = true;
    for (const row of dataRows(table)) {
      const cells = row.filter((c) => c !== '');
      const group = /^(?:[IVX]+\.\s*)?(TẬP THỂ|CÁ NHÂN)\b/u.exec(cells[0] ?? '');
      if (group && cells.length === 1) {
        kind = group[1] === 'TẬP THỂ' ? 'tap-the' : 'ca-nhan';
        continue;
      }
      if (/^Tổng cộng$/u.test(row[1] ?? '') || !/^\d+$/.test(row[0] ?? '')) continue;
      const k = kind ?? kindOfName(row[1] ?? '');
      const khenThuong = awardNamed(row[3] ?? '', k);
      if (!khenThuong) {
        r.unplace(table, `không nhận ra hình thức khen thưởng "${row[3] ?? ''}"`, `award "${row[3] ?? ''}" not recognised`);
        continue;
      }
      danhSach.push({ doiTuong: k, ten: row[1], ...chucVuDonVi(row[2] ?? '', k), khenThuong });
    }
    out.danhSach = danhSach;
  }
  return out;
}

// ---------------------------------------------------------------- biên bản

function bienBan(r: Reader, head: Obj): Obj {
  const out: Obj = {};
  // The biên bản prints no date line: the meeting's start gives its date.
  delete head.diaDanh;
  delete head.ngay;
  const ty = readTrichYeu(r.lines, r.i);
  r.i = ty.next;
  const start = r.take(/^Thời gian bắt đầu\s*:\s*(.+)$/u);
  if (start) out.batDau = docThoiDiem(start[1]!);
  const place = r.take(/^Địa điểm\s*:\s*(.+)$/u);
  if (place) out.diaDiem = bare(place[1]!);
  const tp = r.take(/^Thành phần tham dự\s*:\s*(.+?) có \d+ thành viên/u);
  if (tp) {
    out.tenHoiDong = tp[1];
    const trich = ty.trichYeu ?? '';
    const lead = `Họp ${tp[1]} `;
    if (trich.startsWith(lead)) out.veViec = trich.slice(lead.length);
  }
  const thanhVien: { hoTen: string; chucVu: string }[] = [];
  const member = (text: string) => {
    const s = bare(text.replace(/^[-–•]\s*/u, ''));
    const comma = s.indexOf(', ');
    return comma < 0 ? { hoTen: s, chucVu: '' } : { hoTen: s.slice(0, comma), chucVu: s.slice(comma + 2) };
  };
  while (r.line && !r.line.rows && /^[-–•]\s/u.test(r.line.text)) thanhVien.push(member(r.lines[r.i++]!.text));
  if (r.take(/^Vắng mặt\s*:?$/u)) {
    const vangMat: Obj[] = [];
    while (r.line && !r.line.rows && /^[-–•]\s/u.test(r.line.text)) {
      const m = /^(.*?)\s*\(lý do:\s*(.*);\s*(có|không có) ý kiến bằng văn bản\)$/u.exec(bare(r.lines[r.i++]!.text.replace(/^[-–•]\s*/u, '')));
      if (!m) {
        r.unplace(r.lines[r.i - 1]!, 'thành viên vắng mặt không đọc được', 'an absent member could not be read');
        continue;
      }
      const v = member(m[1]!);
      thanhVien.push(v);
      vangMat.push({ hoTen: v.hoTen, lyDo: m[2], yKienBangVanBan: m[3] === 'có' });
    }
    if (vangMat.length) out.vangMat = vangMat;
  }
  out.thanhVien = thanhVien;
  // "Nguyễn Văn An, Chủ tịch Hội đồng": the name of the member it prints with their position.
  const whoIs = (s: string) => thanhVien.find((m) => s === `${m.hoTen}, ${m.chucVu}` || s === m.hoTen)?.hoTen ?? member(s).hoTen;
  const chu = r.take(/^Chủ trì(?: \(chủ tọa\))?\s*:\s*(.+)$/u);
  if (chu) out.chuTri = whoIs(bare(chu[1]!));
  const tk = r.take(/^Thư ký(?: \(người ghi biên bản\))?\s*:\s*(.+)$/u);
  if (tk) out.thuKy = whoIs(bare(tk[1]!));
  r.take(/^Nội dung \(theo diễn biến cuộc họp\)\s*:?$/u);

  const votesAt = r.find((l) => /^(Số phiếu phát ra|Kết quả biểu quyết)/u.test(l.text) || !!l.rows);
  const noiDung = blocksOf(r.lines.slice(r.i, votesAt < 0 ? undefined : votesAt));
  if (noiDung.length) out.noiDung = noiDung;
  if (votesAt >= 0) r.i = votesAt;
  const ph = r.take(/^Số phiếu phát ra:\s*(\d+); số phiếu thu vào:\s*(\d+); số phiếu hợp lệ:\s*(\d+)/u);
  if (ph) out.phieu = { phatRa: Number(ph[1]), thuVao: Number(ph[2]), hopLe: Number(ph[3]) };
  r.take(/^Kết quả biểu quyết/u);
  if (r.line?.rows) {
    const table = r.lines[r.i++]!;
    out.bieuQuyet = dataRows(table).flatMap((row) => {
      const votes = /^(\d+)\s*\//u.exec(row[4] ?? '');
      const kind0 = kindOfName(row[1] ?? '');
      const khenThuong = awardNamed(row[3] ?? '', kind0);
      if (!votes || !khenThuong) {
        r.unplace(table, `dòng biểu quyết không đọc được: ${row.join(' | ')}`, `a vote row could not be read: ${row.join(' | ')}`);
        return [];
      }
      const k = kindOfAward(khenThuong) ?? kind0;
      return [{ doiTuong: k, ten: row[1], ...chucVuDonVi(row[2] ?? '', k), khenThuong, phieuDongY: Number(votes[1]) }];
    });
  }
  // The council's conclusion is computed from the votes; what follows it up to the closing time is the clerk's.
  r.take(/^Kết luận: (Hội đồng thống nhất đề nghị khen thưởng|Không có tập thể, cá nhân nào đạt)/u);
  const endAt = r.find((l) => /^Cuộc họp kết thúc vào/u.test(l.text));
  if (endAt >= 0) {
    const ketLuan = r.lines.slice(r.i, endAt).filter((l) => !l.rows).map((l) => l.text);
    if (ketLuan.length) out.ketLuan = ketLuan;
    out.ketThuc = docThoiDiem(r.lines[endAt]!.text);
    r.i = endAt + 1;
  }
  // The two signatures (THƯ KÝ, CHỦ TỌA) repeat the secretary and the chair; the Nơi nhận follows them.
  const nn = r.find((l) => /^Nơi nhận\s*:?/u.test(l.text));
  if (nn >= 0) {
    const read = docNoiNhan(r.lines.slice(nn + 1).map((l) => l.text));
    if (read.noiNhan.length) out.noiNhan = read.noiNhan;
    // "Hồ sơ" is added to the Lưu of every biên bản.
    const donVi = (read.luu?.donVi ?? []).filter((d) => d !== 'Hồ sơ');
    if (donVi.length || read.luu?.soBan) out.luu = { ...(donVi.length ? { donVi } : {}), ...(read.luu?.soBan ? { soBan: read.luu.soBan } : {}) };
  }
  return out;
}

// ---------------------------------------------------------------- báo cáo thành tích

function baoCao(r: Reader, head: Obj, cfg: BaoCaoStructure, dongMau: string | undefined): Obj {
  const out: Obj = {};
  delete head.so;
  if (head.coQuan) delete (head.coQuan as Obj).vietTat;
  // "ĐỀ NGHỊ TẶNG CHIẾN SĨ THI ĐUA CƠ SỞ": the award.
  const deNghi = r.take(new RegExp(`^${cfg.tieuDe.deNghi}\\s+(.+)$`, 'u'));
  const tenAward = deNghi?.[1] ?? '';
  const pt = r.take(new RegExp(`^${cfg.tieuDe.phongTrao}\\s+(.+)$`, 'u'));
  if (pt) out.phongTrao = docPhongTrao(pt[1]!);
  let kind: Kind | undefined;
  for (const k of ['tap-the', 'ca-nhan'] as const) {
    const m = r.take(new RegExp(`^${cfg.bienThe[k].nhanTen}\\s*:\\s*(.+)$`, 'u'));
    if (!m) continue;
    kind = k;
    out.doiTuong = k;
    const s = m[1]!.trim();
    const comma = s.indexOf(', ');
    if (k === 'ca-nhan' && comma >= 0) {
      out.ten = s.slice(0, comma);
      out.chucVu = s.slice(comma + 2);
    } else out.ten = s;
  }
  const khenThuong = awardNamed(tenAward, kind);
  if (khenThuong) out.khenThuong = khenThuong;
  if (!kind) return out;
  const v = cfg.bienThe[kind];
  const mucAt = (n: number) => r.find((l) => !l.rows && fold(l.text.replace(/^[IVX]+\.\s*/u, '')) === fold(v.muc[n]!));

  // I. The profile: "- Nhãn: giá trị" lines, then the numbered paragraphs of a collective.
  const m1 = mucAt(0);
  const m2 = mucAt(1);
  const m3 = mucAt(2);
  if (m1 >= 0) {
    const soLuoc: Obj = {};
    const part = r.lines.slice(m1 + 1, m2 >= 0 ? m2 : undefined);
    let doan: string | undefined;
    for (const l of part) {
      const f = v.soLuoc.find((x) => l.text.startsWith(`- ${x.nhan}: `));
      if (f) {
        soLuoc[f.khoa] = l.text.slice(`- ${f.nhan}: `.length);
        doan = undefined;
        continue;
      }
      const d = v.doanSoLuoc.find((x) => fold(l.text.replace(/^\d+\.\s*/u, '')) === fold(x.tieuDe));
      if (d) {
        doan = d.khoa;
        soLuoc[doan] = [];
        continue;
      }
      if (doan) (soLuoc[doan] as string[]).push(l.text);
      else r.unplace(l, 'dòng ở phần sơ lược không nhận ra', 'a line of the profile not recognised');
    }
    if (Object.keys(soLuoc).length) out.soLuoc = soLuoc;
  }
  // II. The achievements, as a body.
  if (m2 >= 0) out.thanhTich = blocksOf(r.lines.slice(m2 + 1, m3 >= 0 ? m3 : undefined));
  // III. Earlier titles and awards: a table each, or "Chưa có …".
  if (m3 >= 0) {
    let at: 'danhHieuTruoc' | 'khenThuongTruoc' | undefined;
    let k = m3 + 1;
    for (; k < r.lines.length; k++) {
      const l = r.lines[k]!;
      if (l.rows) {
        if (at) {
          out[at] = dataRows(l).flatMap((row) => (/^\d{4}$/.test(row[0] ?? '') ? [{ nam: Number(row[0]), ten: row[1] ?? '', quyetDinh: row[2] ?? '' }] : []));
        }
        continue;
      }
      const t = fold(l.text.replace(/^\d+\.\s*/u, ''));
      if (t === fold(v.bangTruoc.danhHieu)) at = 'danhHieuTruoc';
      else if (t === fold(v.bangTruoc.khenThuong)) at = 'khenThuongTruoc';
      else if (/^Chưa có /u.test(l.text)) continue;
      else break;
    }
    // The footer: each side's caption, its note and the name below the space for signing.
    const footer = r.lines.slice(k);
    const names = footer.filter((l) => !isUpper(l.text) && !/^\(.*\)$/u.test(l.text));
    const leftCaption = footer.findIndex((l) => l.text === v.trai.tieuDe[0]);
    const rightCaption = footer.findIndex((l) => l.text === v.phai.tieuDe[0]);
    const nameBetween = (from: number, to: number) => names.find((n) => { const p = footer.indexOf(n); return p > from && (to < 0 || p < to); });
    const xacNhan = leftCaption >= 0 ? nameBetween(leftCaption, rightCaption) : undefined;
    const nguoi = rightCaption >= 0 ? nameBetween(rightCaption, -1) : undefined;
    if (xacNhan) out.xacNhan = xacNhan.text;
    if (nguoi) out.nguoiBaoCao = nguoi.text;
  }
  // A Bằng khen or Giấy khen for performance of duties has its own form line in each period.
  if (khenThuong && REGULATIONS.khenThuong[khenThuong]?.loai !== 'danh-hieu' && head.ngay && r.lines.length) {
    const profile = inForce(REGULATIONS.legalProfiles, String(head.ngay)).id;
    const congTrang = cfg.mau[profile]?.['cong-trang']?.[kind]?.dongMau;
    const phongTrao = cfg.mau[profile]?.['phong-trao']?.[kind]?.dongMau;
    if (congTrang && congTrang !== phongTrao && dongMau === congTrang) out.loaiHinh = 'cong-trang';
  }
  return out;
}
