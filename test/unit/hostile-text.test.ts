// Characters that break files are refused with their path; invisible marks are removed with a warning; text that is
// merely unusual (emoji, tags, HTML, URLs) passes unchanged.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { prepare } from '../../src/pipeline/prepare';
import { normaliseInput } from '../../src/schema/validate';

const base = JSON.parse(fs.readFileSync(new URL('../fixtures/minimal-ke-hoach.json', import.meta.url), 'utf8'));
const withTrichYeu = (trichYeu: string) => prepare({ ...base, trichYeu }, 'x.json');

describe('refused: characters no document may hold', () => {
  it.each([
    ['NUL', 'a\u0000b', 'U+0000'], ['BEL', 'a\u0007b', 'U+0007'], ['DEL', 'a\u007Fb', 'U+007F'], ['C1 NEL', 'a\u0085b', 'U+0085'],
    ['C1 from cp1252', 'a\u0093b', 'U+0093'], ['U+FFFE', 'a\uFFFEb', 'U+FFFE'], ['U+FFFF', 'a\uFFFFb', 'U+FFFF'],
    ['noncharacter U+FDD0', 'a\uFDD0b', 'U+FDD0'], ['noncharacter U+1FFFE', 'a\u{1FFFE}b', 'U+1FFFE'],
    ['lone high surrogate', 'a\uD800b', 'U+D800'], ['lone low surrogate', 'a\uDC00b', 'U+DC00'],
  ])('%s', async (_n, text, char) => {
    const p = await withTrichYeu(text);
    expect(p.issues).toMatchObject([{ code: 'input.invalid_char', path: '$.trichYeu', severity: 'error' }]);
    expect(p.issues[0]!.message.en).toContain(char);
    expect(p.issues[0]!.message.vi).toContain('Trích yếu nội dung');
    expect(p.documents).toEqual([]);
  });
});

describe('removed with a warning: invisible marks', () => {
  it.each([
    ['right-to-left override', 'Tổ chức\u202E phong trào'], ['left-to-right mark', 'Tổ chức\u200E phong trào'],
    ['first-strong isolate', 'Tổ chức \u2068phong\u2069 trào'], ['zero-width space', 'Tổ chức phong\u200B trào'],
    ['zero-width non-joiner', 'Tổ chức phong\u200C trào'], ['word joiner', 'Tổ chức\u2060 phong trào'],
    ['byte-order mark inside text', 'Tổ chức \uFEFFphong trào'], ['stray zero-width joiner', 'Tổ chức\u200D phong trào'],
  ])('%s', async (_n, text) => {
    const p = await withTrichYeu(text);
    expect(p.issues).toMatchObject([{ code: 'input.invisible_char', path: '$.trichYeu', severity: 'warning' }]);
    expect(p.vm!.trichYeu).toBe('Tổ chức phong trào');
  });

  it('keeps the joiner inside an emoji sequence', async () => {
    const family = '\u{1F468}\u200D\u{1F469}\u200D\u{1F467}';
    const p = await withTrichYeu(`Gia đình ${family}`);
    expect(p.issues).toEqual([]);
    expect(p.vm!.trichYeu).toBe(`Gia đình ${family}`);
  });

  it('counts every field in one warning', async () => {
    const p = await prepare({ ...base, trichYeu: 'a\u200Bb', diaDanh: 'Hoàng\u200E Mai' }, 'x.json');
    expect(p.issues).toHaveLength(1);
    expect(p.issues[0]!.message.en).toContain('(+1)');
  });
});

describe('kept as typed', () => {
  it.each(['{x} {{x}} {@x} {#x}{/x} <w:p>', '<script>alert(1)</script> <b>đậm</b> &amp;', 'http://127.0.0.1/x file:///etc/passwd', 'Chúc mừng 🎉👍🏽 ✅', '../../etc/passwd C:\\Windows\\x'])('%s', async (text) => {
    const p = await withTrichYeu(text);
    expect(p.issues).toEqual([]);
    expect(p.vm!.trichYeu).toBe(text);
  });
});

describe('every code point, one at a time', () => {
  it('refuses exactly the controls, noncharacters, lone surrogates and U+FFFD, and removes exactly the invisible marks', () => {
    const refused = (cp: number) =>
      cp <= 0x08 || cp === 0x0b || cp === 0x0c || (cp >= 0x0e && cp <= 0x1f) || (cp >= 0x7f && cp <= 0x9f) || cp === 0xfffd ||
      (cp >= 0xfdd0 && cp <= 0xfdef) || (cp & 0xfffe) === 0xfffe || (cp >= 0xd800 && cp <= 0xdfff);
    const invisible = new Set([0x061c, 0x180e, 0x200b, 0x200c, 0x200d, 0x200e, 0x200f, 0x202a, 0x202b, 0x202c, 0x202d, 0x202e, 0x2060, 0x2061, 0x2062, 0x2063, 0x2064, 0x2066, 0x2067, 0x2068, 0x2069, 0xfeff]);
    // Every code point of the first plane, and in each other plane its first letter-free point and its two noncharacters.
    const points = Array.from({ length: 0x10000 }, (_, i) => i);
    for (let plane = 1; plane <= 0x10; plane++) points.push(plane * 0x10000, plane * 0x10000 + 0xfffe, plane * 0x10000 + 0xffff);
    const text = (cp: number) => ` ${cp >= 0xd800 && cp <= 0xdfff ? String.fromCharCode(cp) : String.fromCodePoint(cp)} `;
    const { issues } = normaliseInput(points.map(text));
    const bad = new Set(issues.filter((i) => i.code === 'input.invalid_char').map((i) => points[Number(/\[(\d+)\]/.exec(i.path!)![1])]));
    expect([...bad].sort((a, b) => a! - b!)).toEqual(points.filter(refused));
    const removed = issues.find((i) => i.code === 'input.invisible_char')!;
    const named = [...removed.message.en.matchAll(/U\+([0-9A-F]{4,6})/g)].map((m) => parseInt(m[1]!, 16));
    expect(new Set(named)).toEqual(invisible);
  });
});
