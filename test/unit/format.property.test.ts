// Properties of the formatting rules over generated values: date lines, số ký hiệu, numbers and money in words (read
// back to the number), money rounding, nơi nhận punctuation, text folding and file-name stems, legacy round trips.
import fs from 'node:fs';
import fc from 'fast-check';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { daysInMonth, dongDiaDanhNgay, isoNgay, ngayNgan, parseNgay } from '../../src/viewmodel/dates';
import { dongSoKyHieu, SO_KY_HIEU_RE, ABBREVIATION_RE } from '../../src/viewmodel/so-ky-hieu';
import { dinhDangSo, docSo, soTienBangChu } from '../../src/viewmodel/so-thanh-chu';
import { dongNoiNhan, kinhGui } from '../../src/viewmodel/noi-nhan';
import { asciiStem, foldTone, inHoa, stripEndPunctuation } from '../../src/viewmodel/text';
import { decodeTcvn3, decodeVni, encodeTcvn3, encodeVni } from '../../src/schema/legacy';
import { VIETNAMESE_MARKED_LETTERS } from '../../src/schema/legacy-tables';
import { isVietnameseSyllable } from '../../src/schema/syllable';
import { ROOT } from '../../src/paths';

const RUNS = { numRuns: 300 };
const leap = (y: number) => (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
const ymd = fc.record({ nam: fc.integer({ min: 1945, max: 2100 }), thang: fc.integer({ min: 1, max: 12 }), ngay: fc.integer({ min: 1, max: 31 }) });
const validDate = ymd.filter((d) => d.ngay <= [31, leap(d.nam) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.thang - 1]!);
const pad = (n: number) => String(n).padStart(2, '0');

describe('dates (§1.6)', () => {
  it('a real date parses back to itself and prints with the decree’s leading zeros', () => {
    fc.assert(fc.property(validDate, fc.constantFrom('Hà Nội', 'Hoàng Mai', 'Hành Minh'), (d, place) => {
      const iso = `${d.nam}-${pad(d.thang)}-${pad(d.ngay)}`;
      expect(parseNgay(iso)).toEqual(d);
      expect(isoNgay(d)).toBe(iso);
      const line = dongDiaDanhNgay(place, d);
      const m = /^(.+), ngày (\d{2}) tháng (\d{1,2}) năm (\d{4})$/u.exec(line)!;
      expect(m[1]).toBe(place);
      expect(Number(m[2])).toBe(d.ngay);
      expect(m[3]).toBe(d.thang <= 2 ? `0${d.thang}` : String(d.thang));
      expect(Number(m[4])).toBe(d.nam);
      expect(ngayNgan(d)).toBe(`${pad(d.ngay)}/${d.thang <= 2 ? `0${d.thang}` : d.thang}/${d.nam}`);
    }), RUNS);
  });

  it('a day past the end of its month is refused, and the month length follows the Gregorian leap rule', () => {
    fc.assert(fc.property(ymd, (d) => {
      const len = [31, leap(d.nam) ? 29 : 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][d.thang - 1]!;
      expect(daysInMonth(d.nam, d.thang)).toBe(len);
      const parsed = parseNgay(`${d.nam}-${pad(d.thang)}-${pad(d.ngay)}`);
      expect(parsed === undefined).toBe(d.ngay > len);
    }), RUNS);
  });

  it('anything that is not YYYY-MM-DD or YYYY-MM is refused', () => {
    fc.assert(fc.property(fc.string({ maxLength: 12 }), (s) => {
      fc.pre(!/^\d{4}-\d{2}(-\d{2})?$/.test(s));
      expect(parseNgay(s)).toBeUndefined();
    }), RUNS);
  });
});

const abbreviation = fc.tuple(fc.constantFrom(...'ABCDĐGHKLMNPQSTUVX'), fc.string({ unit: fc.constantFrom(...'ABCDĐGHKLNPTUVXabcdđ0123456789'), maxLength: 8 })).map(([a, b]) => a + b);

describe('số ký hiệu (§1.5)', () => {
  it('matches the regulations’ pattern and reads back to the number', () => {
    fc.assert(fc.property(fc.integer({ min: 1, max: 99_999 }), fc.constantFrom('KH', 'TTr', 'BB', 'BC', 'PD'), abbreviation, (n, type, issuer) => {
      expect(ABBREVIATION_RE.test(issuer)).toBe(true);
      const line = dongSoKyHieu(n, [type, issuer]);
      expect(line).toMatch(SO_KY_HIEU_RE);
      const num = /^Số: (\d+)\//.exec(line)![1]!;
      expect(Number(num)).toBe(n);
      expect(num.length).toBe(n < 10 ? 2 : String(n).length);
      expect(line.endsWith(`/${type}-${issuer}`)).toBe(true);
    }), RUNS);
  });
});

/** Reads Vietnamese number words back to the number: the inverse the words must have. */
function readNumber(words: string[]): number {
  const scale = (name: string, factor: number): number | undefined => {
    const at = words.lastIndexOf(name);
    if (at < 0) return undefined;
    return readNumber(words.slice(0, at)) * factor + readNumber(words.slice(at + 1));
  };
  if (words.length === 0) return 0;
  for (const [name, factor] of [['tỷ', 1e9], ['triệu', 1e6], ['nghìn', 1e3]] as const) {
    const v = scale(name, factor);
    if (v !== undefined) return v;
  }
  const DIGIT: Record<string, number> = { không: 0, một: 1, mốt: 1, hai: 2, ba: 3, bốn: 4, tư: 4, năm: 5, lăm: 5, sáu: 6, bảy: 7, tám: 8, chín: 9 };
  let n = 0;
  let i = 0;
  if (words[1] === 'trăm') {
    n += DIGIT[words[0]!]! * 100;
    i = 2;
  }
  if (words[i] === 'linh') return n + DIGIT[words[i + 1]!]!;
  if (words[i] === 'mười') {
    n += 10;
    i++;
  } else if (words[i + 1] === 'mươi') {
    n += DIGIT[words[i]!]! * 10;
    i += 2;
  }
  if (i < words.length) n += DIGIT[words[i]!]!;
  if (i + 1 < words.length) throw new Error(`unread words: ${words.slice(i + 1).join(' ')}`);
  return n;
}

describe('numbers and money in words', () => {
  const amount = fc.oneof(fc.integer({ min: 0, max: 10_000 }), fc.integer({ min: 0, max: 2_000_000_000 }), fc.integer({ min: 0, max: Number.MAX_SAFE_INTEGER }));
  it('read back to the same number, with the euphonic forms only where they belong', () => {
    fc.assert(fc.property(amount, (n) => {
      const words = docSo(n).split(' ');
      expect(readNumber(words)).toBe(n);
      words.forEach((w, i) => {
        if (w === 'mốt' || w === 'tư') expect(words[i - 1], docSo(n)).toBe('mươi');
        if (w === 'lăm') expect(['mươi', 'mười'], docSo(n)).toContain(words[i - 1]);
      });
      expect(docSo(n).startsWith('không') && n !== 0).toBe(false);
    }), RUNS);
  });

  it('in figures: dots between thousands, nothing else', () => {
    fc.assert(fc.property(amount, (n) => {
      const s = dinhDangSo(n);
      expect(s.replace(/\./g, '')).toBe(String(n));
      expect(s).toMatch(/^\d{1,3}(\.\d{3})*$/);
    }), RUNS);
  });

  it('an amount in words starts with a capital and ends with "đồng"', () => {
    fc.assert(fc.property(amount, (n) => {
      const s = soTienBangChu(n);
      expect(s.endsWith(' đồng')).toBe(true);
      expect(s.charAt(0)).toBe(s.charAt(0).toLocaleUpperCase('vi-VN'));
      expect(s.toLocaleLowerCase('vi-VN')).toBe(`${docSo(n)} đồng`);
    }), RUNS);
  });
});

const line = fc.string({ unit: fc.constantFrom(...'Sở Nội vụ Ban TĐKT phường 12 (để b/cáo)-–;.,: '), minLength: 1, maxLength: 40 }).filter((s) => /[^\s;,.:]/.test(s));

describe('nơi nhận and kính gửi (§1.8)', () => {
  it('every line starts with "- " and ends with ";", the last ("Lưu") with "."', () => {
    fc.assert(fc.property(fc.array(fc.record({ ten: line, mucDich: fc.option(fc.constantFrom('để b/cáo', '(để t/hiện)', 'để biết'), { nil: undefined }) }), { maxLength: 12 }), fc.boolean(), (entries, nhuTren) => {
      const lines = dongNoiNhan(entries, { donVi: ['PNV'] }, { nhuTren });
      expect(lines).toHaveLength(entries.length + 1 + (nhuTren ? 1 : 0));
      lines.slice(0, -1).forEach((l) => expect(l).toMatch(/^- .*[^;.,:\s];$/su));
      expect(lines[lines.length - 1]).toBe('- Lưu: VT, PNV.');
      // Typing the punctuation yourself changes nothing.
      expect(dongNoiNhan(entries.map((e) => ({ ...e, ten: `${e.ten};` })), { donVi: ['PNV'] }, { nhuTren })).toEqual(lines);
    }), RUNS);
  });

  it('one recipient on the line of "Kính gửi:", several as "-" lines ending ";" then "."', () => {
    fc.assert(fc.property(fc.array(line, { minLength: 1, maxLength: 8 }), (names) => {
      const k = kinhGui(names);
      if (names.length === 1) expect(k.motDong).toBe(stripEndPunctuation(names[0]!));
      else {
        expect(k.nhieuDong).toHaveLength(names.length);
        k.nhieuDong!.forEach((l, i) => expect(l.endsWith(i === names.length - 1 ? '.' : ';')).toBe(true));
      }
    }), RUNS);
  });
});

const vietnamese = fc.string({ unit: fc.constantFrom(...VIETNAMESE_MARKED_LETTERS, ...VIETNAMESE_MARKED_LETTERS.map((l) => l.toUpperCase()), ...'abcdeghiklmnopqrstuvxyBCDGHKLMNPQRSTVX  ,.-0123456789'), maxLength: 60 });
/** Words of the examples. */
const EXAMPLE_WORDS = [...new Set(fg.sync('data/**/*.json', { cwd: ROOT, absolute: true })
  .flatMap((f) => fs.readFileSync(f, 'utf8').normalize('NFC').toLocaleLowerCase('vi-VN').match(/\p{L}+/gu) ?? [])
  .filter(isVietnameseSyllable))];
/** Running text (each word lower case or Title case) or a heading in capitals. */
const words = fc.oneof(
  fc.array(fc.tuple(fc.constantFrom(...EXAMPLE_WORDS), fc.boolean()), { maxLength: 12 })
    .map((ws) => ws.map(([w, title]) => (title ? w.charAt(0).toLocaleUpperCase('vi-VN') + w.slice(1) : w)).join(' ')),
  fc.array(fc.constantFrom(...EXAMPLE_WORDS), { maxLength: 12 }).map((ws) => ws.join(' ').toLocaleUpperCase('vi-VN')),
);

describe('text folding (§7)', () => {
  it('tone folding is idempotent, keeps the length and ignores the normal form', () => {
    fc.assert(fc.property(words, (s) => {
      const f = foldTone(s);
      expect(foldTone(f)).toBe(f);
      expect(f.length).toBe(s.normalize('NFC').length);
      expect(foldTone(s.normalize('NFD'))).toBe(f);
      expect(foldTone(inHoa(s))).toBe(inHoa(f));
    }), RUNS);
  });

  it('capitals of any text are capitals of its NFC form, and lower back to it for Vietnamese letters', () => {
    fc.assert(fc.property(vietnamese, (s) => {
      expect(inHoa(s.normalize('NFD'))).toBe(inHoa(s));
      expect(inHoa(s).toLocaleLowerCase('vi-VN')).toBe(s.normalize('NFC').toLocaleLowerCase('vi-VN'));
    }), RUNS);
  });

  it('a file-name stem is short, ASCII, has no separator, does not start with a dot and is stable', () => {
    fc.assert(fc.property(fc.oneof(fc.string({ maxLength: 200 }), vietnamese, fc.constantFrom('..', '../../etc/passwd', 'a/b\\c', '.hidden', '-x', 'CON', '')), (s) => {
      const stem = asciiStem(s);
      expect(stem).toMatch(/^[A-Za-z0-9_][A-Za-z0-9._-]*$/);
      expect(stem.length).toBeLessThanOrEqual(120);
      expect(asciiStem(stem)).toBe(stem);
    }), RUNS);
  });

  it('VNI encodes then decodes to the same text', () => {
    fc.assert(fc.property(vietnamese, (s) => {
      const nfc = s.normalize('NFC');
      expect(decodeVni(encodeVni(nfc))).toBe(nfc);
    }), RUNS);
  });

  it('TCVN3 encodes then decodes to the same running text or heading (its lower-case bytes carry no case)', () => {
    expect(EXAMPLE_WORDS.length).toBeGreaterThan(500);
    fc.assert(fc.property(words, (s) => {
      expect(decodeTcvn3(encodeTcvn3(s))).toBe(s);
    }), RUNS);
  });
});
