// Award money and council votes against the law's own numbers (regulations §5.2, §5.4, §9), written here by hand:
// a change of a coefficient, of lương cơ sở or of a threshold in config/regulations.json turns these red.
import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { REGULATIONS } from '../../src/config/regulations';
import { bieuQuyet, phanTram, tienThuong, type DoiTuong } from '../../src/viewmodel/khen-thuong';

const award = (k: string) => REGULATIONS.khenThuong[k]!;

describe('§9 vectors', () => {
  it.each([
    ['LĐTT at lương cơ sở 2.340.000: 702.000 raw, 710.000 rounded up', 'lao-dong-tien-tien', 'ca-nhan', '2024-08-01', 702_000, 710_000],
    ['CSTĐCS at lương cơ sở 2.340.000', 'chien-si-thi-dua-co-so', 'ca-nhan', '2024-08-01', 2_340_000, 2_340_000],
    ['Bằng khen tỉnh (individual) decided 2025-08-01: 1,5 × 2.340.000', 'bang-khen-tinh', 'ca-nhan', '2025-08-01', 3_510_000, 3_510_000],
  ] as const)('%s', (_name, key, who, date, raw, rounded) => {
    const t = tienThuong(award(key), who, date, REGULATIONS)!;
    expect([t.tho, t.soTien]).toEqual([raw, rounded]);
  });

  it.each([
    ['CSTĐ tỉnh, council of 15, 13 in favour: 86,7 % < 90 %, not approved', 'chien-si-thi-dua-tinh', 15, 13, false, '86,7%'],
    ['CSTĐCS, council of 9, 8 in favour: 88,9 % ≥ 80 %, approved', 'chien-si-thi-dua-co-so', 9, 8, true, '88,9%'],
  ] as const)('%s', (_name, key, total, votes, dat, share) => {
    const r = bieuQuyet(votes, total, award(key), REGULATIONS);
    expect([r.dat, phanTram(r.phanNghin)]).toEqual([dat, share]);
  });
});

/** Lương cơ sở by effective date, as §5.4 lists it. */
const LUONG_CO_SO: [string, number][] = [['2018-07-01', 1_390_000], ['2019-07-01', 1_490_000], ['2023-07-01', 1_800_000], ['2024-07-01', 2_340_000]];

/** Coefficients as §5.4's tables give them, in tenths, by the decree in force ([from, tenths]). */
const HE_SO: Record<string, Partial<Record<DoiTuong, [string, number][]>>> = {
  'chien-si-thi-dua-toan-quoc': { 'ca-nhan': [['1900-01-01', 45]] },
  'chien-si-thi-dua-tinh': { 'ca-nhan': [['1900-01-01', 30]] },
  'chien-si-thi-dua-co-so': { 'ca-nhan': [['1900-01-01', 10]] },
  'lao-dong-tien-tien': { 'ca-nhan': [['1900-01-01', 3]] },
  'tap-the-lao-dong-xuat-sac': { 'tap-the': [['1900-01-01', 15]] },
  'tap-the-lao-dong-tien-tien': { 'tap-the': [['1900-01-01', 8]] },
  'co-thi-dua-tinh': { 'tap-the': [['1900-01-01', 80]] },
  'co-thi-dua-chinh-phu': { 'tap-the': [['1900-01-01', 120]] },
  'bang-khen-thu-tuong': { 'ca-nhan': [['1900-01-01', 35]], 'tap-the': [['1900-01-01', 70]] },
  'bang-khen-tinh': { 'ca-nhan': [['1900-01-01', 10], ['2025-07-01', 15]], 'tap-the': [['1900-01-01', 20], ['2025-07-01', 30]] },
};

const at = <T,>(dated: [string, T][], iso: string) => dated.filter(([from]) => from <= iso).at(-1)?.[1];

describe('award money, a second statement of §5.4', () => {
  // coefficient (tenths) × lương cơ sở / 10, then up to the next 10.000 đồng: whole numbers only, no floating point.
  const expected = (tenths: number, luong: number) => Math.ceil((tenths * luong) / 10 / 10_000) * 10_000;

  it('every award of §5.4 on any date from 01/7/2019 gives the spec’s coefficient × the lương cơ sở then in force', () => {
    const cases = Object.entries(HE_SO).flatMap(([key, bySubject]) => Object.keys(bySubject).map((who) => [key, who as DoiTuong] as const));
    const date = fc.integer({ min: Date.UTC(2019, 6, 1), max: Date.UTC(2030, 11, 31) }).map((ms) => new Date(ms).toISOString().slice(0, 10));
    fc.assert(fc.property(fc.constantFrom(...cases), date, ([key, who], iso) => {
      const tenths = at(HE_SO[key]![who]!, iso)!;
      const luong = at(LUONG_CO_SO, iso)!;
      expect(tienThuong(award(key), who, iso, REGULATIONS)?.soTien, `${key} ${who} ${iso}`).toBe(expected(tenths, luong));
    }), { numRuns: 500 });
  });

  it('is taken at each change of lương cơ sở, on the day itself and the day before', () => {
    for (const [from, luong] of LUONG_CO_SO.slice(1)) {
      const before = new Date(Date.parse(`${from}T00:00:00Z`) - 86_400_000).toISOString().slice(0, 10);
      const prev = at(LUONG_CO_SO, before)!;
      expect(tienThuong(award('chien-si-thi-dua-co-so'), 'ca-nhan', from, REGULATIONS)!.soTien).toBe(luong);
      expect(tienThuong(award('chien-si-thi-dua-co-so'), 'ca-nhan', before, REGULATIONS)!.soTien).toBe(prev);
    }
  });
});

describe('council votes, a second statement of §5.2', () => {
  /** Thresholds of §5.2 as a share of all members; awards without one need more than half. */
  const NGUONG: Record<string, number> = { 'chien-si-thi-dua-toan-quoc': 90, 'chien-si-thi-dua-tinh': 90, 'chien-si-thi-dua-co-so': 80, 'co-thi-dua-tinh': 80, 'co-thi-dua-chinh-phu': 80 };

  it('passes exactly when the votes reach the threshold of all members, counted in whole votes', () => {
    fc.assert(fc.property(fc.constantFrom(...Object.keys(HE_SO)), fc.integer({ min: 1, max: 60 }), fc.nat(60), (key, total, v) => {
      const votes = Math.min(v, total);
      const t = NGUONG[key];
      // The smallest passing count, found by counting up rather than by a formula.
      let need = 0;
      while (t !== undefined ? need * 100 < t * total : need * 2 <= total) need++;
      const r = bieuQuyet(votes, total, award(key), REGULATIONS);
      expect(r.dat, `${key} ${votes}/${total}`).toBe(votes >= need);
      expect(r.toiThieu).toBe(need);
    }), { numRuns: 1000 });
  });
});
