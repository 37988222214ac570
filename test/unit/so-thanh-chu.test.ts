// Tables for amounts in words and figures, including the awkward spots of Vietnamese number reading.
import { describe, expect, it } from 'vitest';
import { dinhDangSo, docSo, soTienBangChu } from '../../src/viewmodel/so-thanh-chu';

describe('docSo', () => {
  it.each<[number, string]>([
    [0, 'không'],
    [1, 'một'],
    [2, 'hai'],
    [3, 'ba'],
    [4, 'bốn'],
    [5, 'năm'],
    [6, 'sáu'],
    [7, 'bảy'],
    [8, 'tám'],
    [9, 'chín'],
    [10, 'mười'],
    [11, 'mười một'],
    [14, 'mười bốn'],
    [15, 'mười lăm'],
    [20, 'hai mươi'],
    [21, 'hai mươi mốt'],
    [24, 'hai mươi tư'],
    [25, 'hai mươi lăm'],
    [54, 'năm mươi tư'],
    [100, 'một trăm'],
    [101, 'một trăm linh một'],
    [104, 'một trăm linh bốn'],
    [105, 'một trăm linh năm'],
    [110, 'một trăm mười'],
    [111, 'một trăm mười một'],
    [115, 'một trăm mười lăm'],
    [999, 'chín trăm chín mươi chín'],
    [1000, 'một nghìn'],
    [1001, 'một nghìn không trăm linh một'],
    [1005, 'một nghìn không trăm linh năm'],
    [1010, 'một nghìn không trăm mười'],
    [1100, 'một nghìn một trăm'],
    [10000, 'mười nghìn'],
    [702000, 'bảy trăm linh hai nghìn'],
    [710000, 'bảy trăm mười nghìn'],
    [1880000, 'một triệu tám trăm tám mươi nghìn'],
    [2000000, 'hai triệu'],
    [2000500, 'hai triệu năm trăm'],
    [2000005, 'hai triệu không trăm linh năm'],
    [2340000, 'hai triệu ba trăm bốn mươi nghìn'],
    [3510000, 'ba triệu năm trăm mười nghìn'],
    [12345678, 'mười hai triệu ba trăm bốn mươi lăm nghìn sáu trăm bảy mươi tám'],
    [1000000000, 'một tỷ'],
    [1000000001, 'một tỷ không trăm linh một'],
    [1021000000, 'một tỷ không trăm hai mươi mốt triệu'],
    [1e12, 'một nghìn tỷ'],
    [1000000000005, 'một nghìn tỷ không trăm linh năm'],
  ])('%i → %s', (n, words) => {
    expect(docSo(n)).toBe(words);
  });

  it.each([-1, 0.5, 1.5, -0.5, NaN, Infinity, Number.MAX_SAFE_INTEGER + 1])('throws RangeError for %s', (n) => {
    expect(() => docSo(n)).toThrow(RangeError);
  });
});

describe('soTienBangChu', () => {
  it.each<[number, string]>([
    [0, 'Không đồng'],
    [710000, 'Bảy trăm mười nghìn đồng'],
    [2340000, 'Hai triệu ba trăm bốn mươi nghìn đồng'],
    [1000000001, 'Một tỷ không trăm linh một đồng'],
  ])('%i → %s', (n, words) => {
    expect(soTienBangChu(n)).toBe(words);
  });

  it('throws RangeError for a negative amount', () => {
    expect(() => soTienBangChu(-5)).toThrow(RangeError);
  });
});

describe('dinhDangSo', () => {
  it.each<[number, string]>([
    [0, '0'],
    [999, '999'],
    [1000, '1.000'],
    [710000, '710.000'],
    [2340000, '2.340.000'],
    [1e12, '1.000.000.000.000'],
  ])('%i → %s', (n, figures) => {
    expect(dinhDangSo(n)).toBe(figures);
  });

  it.each([-1, 2.5])('throws RangeError for %s', (n) => {
    expect(() => dinhDangSo(n)).toThrow(RangeError);
  });
});
