// Award money of the nominees of a tờ trình (regulations §5.4): each amount, the total, the lương cơ sở it rests on, and
// the warnings: no money on record, or money resting on a value the spec could not confirm ([U]).
import type { Context } from '../forms/types';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { inForce, type KhenThuongDef } from '../config/regulations';
import { tienThuong, type DoiTuong, type GiaTriChuaXacNhan, type TienThuong } from './khen-thuong';
import { ngayIn } from './names';
import { award, tenDoiTuong } from './nomination';
import { dinhDangSo } from './so-thanh-chu';

/** "1.5" → "1,5": a decimal as Vietnamese documents write it. */
const soThapPhan = (n: number) => String(n).replace('.', ',');

interface ChuaXacNhanNhom {
  u: GiaTriChuaXacNhan;
  a: KhenThuongDef;
  capXa: boolean;
  heSo: Map<DoiTuong, number>;
  ten: string[];
}

/** What an unconfirmed value is, for the warning: "hệ số của Giấy khen của Chủ tịch … cấp xã (0,15 cho cá nhân)". */
function moTaChuaXacNhan(n: ChuaXacNhanNhom, iso: string, ctx: Context): { vi: string; en: string } {
  const decree = inForce(ctx.regulations.legalProfiles, iso).decreeShort;
  if (n.u.loai === 'lamTron') {
    const buoc = dinhDangSo(ctx.regulations.lamTronTien.buoc);
    return { vi: `việc làm tròn lên bội số ${buoc} đồng thời kỳ ${decree}`, en: `rounding up to a multiple of ${buoc} đồng in the period of ${decree}` };
  }
  const cap = n.capXa ? { vi: ' của Chủ tịch Ủy ban nhân dân cấp xã', en: ' of a commune chairman' } : { vi: '', en: '' };
  const hs = [...n.heSo].sort(([x], [y]) => x.localeCompare(y, 'en'));
  return {
    vi: `hệ số của ${n.a.ten}${cap.vi} (${hs.map(([dt, h]) => `${soThapPhan(h)} cho ${tenDoiTuong(dt)}`).join(', ')}) thời kỳ ${decree}`,
    en: `the coefficient of ${n.a.ten}${cap.en} (${hs.map(([dt, h]) => `${h} for ${dt === 'tap-the' ? 'a collective' : 'an individual'}`).join(', ')}) in the period of ${decree}`,
  };
}

export interface TienThuongDanhSach {
  /** One amount per nominee, undefined where none is on record. */
  tien: (TienThuong | undefined)[];
  tongTien: number;
  /** The lương cơ sở of the amounts (all are priced on one date), undefined when there is none. */
  luongCoSo: number | undefined;
  issues: Issue[];
}

/**
 * Prices every nominee on `iso`, the decision's date (§5.4); `capXa` when the grantor chairs a commune. Issues are at
 * the list's paths ("$.danhSach[i]", "$.tinhTien"); one warning per unconfirmed value names everyone it touches.
 */
export function tienThuongDanhSach(
  danhSach: readonly { doiTuong: DoiTuong; ten: string; khenThuong: string }[], iso: string, capXa: boolean, ctx: Context,
): TienThuongDanhSach {
  const issues: Issue[] = [];
  const unconfirmed = new Map<string, ChuaXacNhanNhom>();
  let tongTien = 0;
  const tien = danhSach.map((d, i) => {
    const a = award(ctx, d.khenThuong);
    const t = tienThuong(a, d.doiTuong, iso, ctx.regulations, { capXa });
    if (!t) {
      issues.push(makeIssue('rule.no_money', { ten: d.ten, khenThuong: a.ten, doiTuong: tenDoiTuong(d.doiTuong), ngay: ngayIn(iso) }, { source: ctx.source, path: `$.danhSach[${i}]` }));
      return undefined;
    }
    for (const u of t.chuaXacNhan) {
      // One value of the configuration, one warning: a coefficient entry covers both subjects of its award.
      const key = u.loai === 'heSo' ? `${d.khenThuong}|${u.tag}` : u.tag;
      const entry: ChuaXacNhanNhom = unconfirmed.get(key) ?? { u, a, capXa: capXa && Boolean(a.heSoCapXa), heSo: new Map(), ten: [] };
      entry.heSo.set(d.doiTuong, t.heSo);
      entry.ten.push(d.ten);
      unconfirmed.set(key, entry);
    }
    tongTien += t.soTien;
    return t;
  });
  for (const nhom of unconfirmed.values()) {
    const giaTri = moTaChuaXacNhan(nhom, iso, ctx);
    issues.push(makeIssue('rule.unconfirmed_value', { ten: nhom.ten.join(', '), giaTriVi: giaTri.vi, giaTriEn: giaTri.en, muc: '§5.4' }, { source: ctx.source, path: '$.tinhTien' }));
  }
  return { tien, tongTien, luongCoSo: tien.find((t) => t)?.luongCoSo, issues };
}
