// Legacy encodings (regulations §7.4): the tables against the system's own converter, full round trips of real
// sentences, text in capitals, mixed text refused, and no ordinary Vietnamese, English or number ever flagged.
import fs from 'node:fs';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { TCVN3, VIETNAMESE_MARKED_LETTERS, vniOf } from '../../src/schema/legacy-tables';
import { decodeTcvn3, decodeVni, detectLegacy, encodeTcvn3, encodeVni } from '../../src/schema/legacy';
import { isVietnameseSyllable } from '../../src/schema/syllable';
import { prepare } from '../../src/pipeline/prepare';
import { ROOT } from '../../src/paths';
import { needSeeds, needTool, SEEDS_DIR } from '../needs';

/** Sentences of administrative and everyday Vietnamese; together they hold every letter and every tone. */
const SENTENCES = [
  'Cộng hòa xã hội chủ nghĩa Việt Nam',
  'Độc lập - Tự do - Hạnh phúc',
  'Ủy ban nhân dân quận Hoàng Mai',
  'Hội đồng Thi đua, khen thưởng thành phố Hà Nội',
  'Tổ chức phong trào thi đua “Đẩy mạnh cải cách hành chính” giai đoạn 2021-2025',
  'Căn cứ Luật Thi đua, khen thưởng ngày 15 tháng 6 năm 2022',
  'Nơi nhận: Sở Nội vụ (để báo cáo); Lưu: VT, PNV.',
  'Kịp thời biểu dương, khen thưởng những tập thể, cá nhân có thành tích xuất sắc',
  'Người ước thuở khuỷu tay quyết tâm giữ gìn truyền thống',
  'Bộ phận Một cửa giải quyết 100% hồ sơ đúng hạn, không để tồn đọng',
  'Chiến sĩ thi đua cơ sở, Lao động tiên tiến, Giấy khen của Chủ tịch',
  'Trường Tiểu học Ngô Quyền tuyển sinh lớp Một năm học mới',
  'Đắc Lắc, Buôn Ma Thuột, Hạ Long, Huế, Quy Nhơn, Phan Thiết, Cà Mau',
  'Nguyễn Thị Hằng, Trần Văn Phước, Lê Thị Thủy, Phạm Ngọc Ánh, Vũ Đức Thắng',
  'Sự nghiệp công nghiệp hóa, hiện đại hóa đất nước',
  'Ngoằn ngoèo, khúc khuỷu, loằng ngoằng, quýnh quáng, nguệch ngoạc',
  'Mỗi người dân đều có quyền và nghĩa vụ bảo vệ Tổ quốc',
  'Thửa ruộng ướt sũng sau trận mưa rào, con trâu ngủ dưới gốc đa',
  'Ông bà ta thường nói: uống nước nhớ nguồn, ăn quả nhớ kẻ trồng cây',
  'Chị Hương ở Đà Nẵng gửi thư cho em Ngữ ở Ninh Bình',
  'Những người ấy đã ẩn mình trong rừng sâu, chịu đựng gian khổ',
  'Yểu điệu thục nữ, quân tử hảo cầu; ỷ thế hiếp người là điều đáng chê',
  'Ỷ Lan, Ỳ Hồ, Ỹ, Ỵ, Ý Yên, Ấn Độ, Ẩn, Ẫn, Ậu, Ắc, Ằn, Ẳng, Ẵm, Ặc',
  'Ếch, Ềnh, Ểnh, Ễnh ương, Ệch, Ỉa, Ĩnh, Ị, Ọ, Ỏ, Ố, Ồ, Ổ, Ỗ, Ộ, Ớ, Ờ, Ở, Ỡ, Ợ',
  'Ụ, Ủ, Ũ, Ứ, Ừ, Ử, Ữ, Ự, Ạ, Ả, Ã, Ẹ, Ẻ, Ẽ, Ì, Í, Ò, Ó, Õ, Ù, Ú, Ý, Ỳ',
  'Đường Điện Biên Phủ, phường Điện Biên, quận Ba Đình',
  'ỦY BAN NHÂN DÂN TỈNH QUẢNG NGÃI',
  'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM',
  'KẾ HOẠCH TỔ CHỨC PHONG TRÀO THI ĐUA',
  'Thực hiện tốt công tác phòng, chống dịch bệnh; bảo đảm an sinh xã hội',
  'Kỷ luật, kỷ cương hành chính được giữ vững; cải thiện chỉ số hài lòng',
  'Xuân Hạ Thu Đông, sông Hồng, núi Tản, biển Đông, đảo Lý Sơn',
  'Em bé đi khám sức khỏe, học không kém ai',
];

const ALL_LETTERS = VIETNAMESE_MARKED_LETTERS.flatMap((l) => [l, l.toUpperCase()]);

describe('the tables', () => {
  it('cover every Vietnamese letter with a diacritic, in both encodings', () => {
    expect(VIETNAMESE_MARKED_LETTERS).toHaveLength(67);
    for (const l of VIETNAMESE_MARKED_LETTERS) expect(TCVN3[l], l).toBeDefined();
    for (const l of ALL_LETTERS) expect(vniOf(l), l).toBeDefined();
    expect(new Set(Object.values(TCVN3)).size).toBe(Object.keys(TCVN3).length);
  });

  it.runIf(needTool('iconv', 'the TCVN3 comparison with iconv (test/unit/legacy.test.ts)'))('agree byte for byte with the system converter for TCVN 5712 (VN3 part)', () => {
    const letters = Object.keys(TCVN3);
    const bytes = Buffer.from(letters.map((l) => TCVN3[l]).join('\n'), 'latin1');
    const viaIconv = execFileSync('iconv', ['-f', 'TCVN5712-1', '-t', 'UTF-8'], { input: bytes }).toString('utf8').normalize('NFC');
    expect(viaIconv.split('\n')).toEqual(letters);
  });

  it('give the VNI spellings of the regulations (§7.4)', () => {
    expect(['á', 'à', 'ả', 'ã', 'ạ', 'ă', 'â'].map((l) => vniOf(l))).toEqual(['aù', 'aø', 'aû', 'aõ', 'aï', 'aê', 'aâ']);
    expect(encodeVni('Cộng hòa xã hội chủ nghĩa Việt Nam')).toBe('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam');
    expect(encodeTcvn3('Cộng hoà xã hội chủ nghĩa Việt Nam')).toBe('Céng hoµ x· héi chñ nghÜa ViÖt Nam');
  });
});

describe('round trips', () => {
  it('the sentences hold every letter and tone', () => {
    const seen = new Set([...SENTENCES.join(' ')]);
    for (const l of VIETNAMESE_MARKED_LETTERS) expect(seen.has(l) || seen.has(l.toUpperCase()), l).toBe(true);
  });

  it.each(SENTENCES)('TCVN3: %s', (s) => {
    const legacy = encodeTcvn3(s);
    expect(legacy).not.toBe(s);
    const verdict = detectLegacy(legacy);
    expect(verdict).toMatchObject({ kind: 'converted', encoding: 'tcvn3', text: s });
  });

  it.each(SENTENCES)('VNI: %s', (s) => {
    const legacy = encodeVni(s);
    expect(legacy).not.toBe(s);
    expect(detectLegacy(legacy)).toMatchObject({ kind: 'converted', encoding: 'vni', text: s });
  });

  it('every letter alone, in both encodings and both cases', () => {
    for (const l of ALL_LETTERS) {
      expect(decodeTcvn3(encodeTcvn3(l)), l).toBe(l);
      expect(decodeVni(encodeVni(l)), l).toBe(l);
    }
  });

  it('TCVN3 in a capitals-only font (.VnTimeH), where the bytes of lower-case letters draw capitals', () => {
    const hFont = (s: string) => encodeTcvn3(s.toLocaleLowerCase('vi-VN')).replace(/[a-z]/g, (c) => c.toUpperCase());
    for (const s of SENTENCES.filter((x) => x === x.toLocaleUpperCase('vi-VN') && /[A-Z]{2}/.test(x))) {
      expect(detectLegacy(hFont(s)), s).toMatchObject({ kind: 'converted', text: s });
    }
    expect(decodeTcvn3('CéNG HßA X· HéI CHñ NGHÜA VIÖT NAM')).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    // One capital word inside normal text keeps its own case.
    expect(decodeTcvn3('Tr­êng THCS Ng« QuyÒn')).toBe('Trường THCS Ngô Quyền');
  });

  it('the examples of the issue', () => {
    expect(detectLegacy('Céng hoµ x· héi chñ nghÜa ViÖt Nam')).toMatchObject({ kind: 'converted', encoding: 'tcvn3', text: 'Cộng hoà xã hội chủ nghĩa Việt Nam' });
    expect(detectLegacy('Coäng hoøa xaõ hoäi chuû nghóa Vieät Nam')).toMatchObject({ kind: 'converted', encoding: 'vni', text: 'Cộng hòa xã hội chủ nghĩa Việt Nam' });
  });
});

describe('unsure or not legacy', () => {
  it('refuses to guess when legacy words are mixed with Unicode Vietnamese', () => {
    const v = detectLegacy('Phòng Nội vụ và Phßng Tµi chÝnh quËn');
    expect(v).toMatchObject({ kind: 'unsure', encoding: 'tcvn3' });
    expect(v.kind === 'unsure' && v.words.map((w) => w.to)).toEqual(['Phòng', 'Tài', 'chính', 'quận']);
    expect(detectLegacy('Ủy ban nhân dân chuû trì, phoái hôïp')).toMatchObject({ kind: 'unsure', encoding: 'vni' });
  });

  it.each([
    'Hello world', 'The quick brown fox jumps over the lazy dog.', 'COVID-19', '2021-06-09', '1.490.000 đồng', '47/KH-HĐTĐKT',
    'café, naïve, Müller, São Paulo, Zürich, señor, Straße, Ångström, façade, jalapeño',
    'hệ số 1,0 × mức lương cơ sở', '½ số phiếu', '© 2024 UBND', 'Phong trào «Thi đua yêu nước»', 'x·y plane', 'Tọa độ x·y',
    '§ 3 Điều 5', 'Giá: 10 € hoặc 12 $', 'hoà, hòa, thuý, thúy, khoá, khóa, quý, gì, giữ, gìn, của, quá',
    'và có là mà tôi bé cô bà ý ở', 'Ý kiến', 'Á hậu, Ô tô, Ê-đê',
  ])('leaves alone: %s', (s) => {
    expect(detectLegacy(s)).toEqual({ kind: 'none' });
  });

  const strings = (v: unknown): string[] =>
    typeof v === 'string' ? [v] : Array.isArray(v) ? v.flatMap(strings) : v && typeof v === 'object' ? Object.values(v).flatMap(strings) : [];

  it('never flags a string of the examples or the fixtures', () => {
    const files = fg.sync(['data/**/*.json', 'test/fixtures/*.json'], { cwd: ROOT, absolute: true });
    const texts = files.flatMap((f) => strings(JSON.parse(fs.readFileSync(f, 'utf8'))));
    expect(texts.length).toBeGreaterThan(500);
    const flagged = texts.filter((t) => detectLegacy(t.normalize('NFC')).kind !== 'none');
    expect(flagged).toEqual([]);
  });

  it.runIf(needSeeds('legacy detection over the seed documents (test/unit/legacy.test.ts)'))('never flags a line of the seeds', () => {
    const texts = fs.readdirSync(SEEDS_DIR).filter((f) => f.endsWith('.txt')).flatMap((f) => fs.readFileSync(path.join(SEEDS_DIR, f), 'utf8').split('\n'));
    expect(texts.length).toBeGreaterThan(200);
    const flagged = texts.filter((t) => detectLegacy(t.normalize('NFC')).kind !== 'none');
    expect(flagged).toEqual([]);
  });

  it('reads the words of the examples as Vietnamese syllables', () => {
    const files = fg.sync('data/**/*.json', { cwd: ROOT, absolute: true });
    const words = files.flatMap((f) => strings(JSON.parse(fs.readFileSync(f, 'utf8')))).flatMap((t) => t.normalize('NFC').match(/\p{L}+/gu) ?? []);
    const vietnamese = words.filter((w) => /[^\x00-\x7F]/.test(w));
    const rejected = [...new Set(vietnamese.filter((w) => !isVietnameseSyllable(w)))];
    // Abbreviations without a vowel (HĐTĐKT) and Tây Nguyên place names ending in k (Đắk Lắk) are not syllables.
    const abbreviation = (w: string) => !/[aeiouy]/.test(w.normalize('NFD').toLowerCase());
    expect(rejected.filter((w) => !abbreviation(w) && !/k$/i.test(w))).toEqual([]);
    expect(vietnamese.length).toBeGreaterThan(1000);
  });
});

describe('in the validation stage', () => {
  const base = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), 'utf8'));

  it('converts a TCVN3 field with a warning that names the path and shows the result', async () => {
    const p = await prepare({ ...base, trichYeu: encodeTcvn3('Tổ chức phong trào thi đua yêu nước') }, 'x.json');
    const w = p.issues.find((i) => i.code === 'input.legacy_encoding')!;
    expect(w).toMatchObject({ severity: 'warning', path: '$.trichYeu' });
    expect(w.message.vi).toContain('"Tổ chức phong trào thi đua yêu nước"');
    expect(w.message.vi).toContain('Trích yếu nội dung');
    expect(w.message.en).toContain('TCVN3 (ABC)');
    expect(p.vm!.trichYeu).toBe('Tổ chức phong trào thi đua yêu nước');
  });

  it('converts a VNI name in a nested field', async () => {
    const p = await prepare({ ...base, nguoiKy: { ...base.nguoiKy, hoTen: encodeVni('Nguyễn Thị Thủy') } }, 'x.json');
    expect(p.issues).toMatchObject([{ code: 'input.legacy_encoding', path: '$.nguoiKy.hoTen', severity: 'warning' }]);
    expect(p.issues[0]!.message.en).toContain('VNI');
    expect(p.vm!.chuKy.hoTen).toBe('Nguyễn Thị Thủy');
  });

  it('refuses a field that mixes the two, with the words it suspects', async () => {
    const p = await prepare({ ...base, noiNhan: [{ ten: 'Phòng Nội vụ và Phßng Tµi chÝnh' }] }, 'x.json');
    expect(p.issues).toMatchObject([{ code: 'input.legacy_encoding_unsure', path: '$.noiNhan[0].ten', severity: 'error' }]);
    expect(p.issues[0]!.message.vi).toContain('"Phßng" → "Phòng"');
    expect(p.documents).toEqual([]);
  });
});

describe('long text', () => {
  // Only the outcome is asserted here; how long detection takes is measured by the benchmark, not by a test.
  it('reads a field of the longest allowed size in any encoding, and leaves longer text unread', () => {
    const s = 'Tổ chức phong trào thi đua yêu nước trên địa bàn quận. '.repeat(360);
    expect(detectLegacy(s)).toEqual({ kind: 'none' });
    expect(detectLegacy(encodeTcvn3(s))).toMatchObject({ kind: 'converted', text: s });
    const vni = encodeVni(s).slice(0, 20_000);
    expect(detectLegacy(vni)).toMatchObject({ kind: 'converted', text: decodeVni(vni) });
    // A 1 MB paragraph is refused as too long by the schema: it is not read word by word.
    expect(detectLegacy(encodeTcvn3(s.repeat(50)))).toEqual({ kind: 'none' });
  });
});
