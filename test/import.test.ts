// `vanban import`: the seeds as text and as DOCX, every campaign example read back from its own DOCX, Word's own
// list numbering, and hostile files refused with nothing written.
import { execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { BrowserPool, check, fromText, fromValue, render } from '../src/api';
import { ROOT } from '../src/paths';
import { readParagraphs } from '../src/readers/files';
import { importDocument } from '../src/readers/import-document';
import { recognise } from '../src/readers/recognise';
import { docxPart, docxText, EXAMPLES, pdfText, tmpDir, vanbanIn } from './helpers';
import { needSeeds, needTool, SEEDS_DIR } from './needs';

const dir = tmpDir('import');
const words = (s: string) => s.normalize('NFC').toLocaleLowerCase('vi-VN').match(/[\p{L}\p{N}]+/gu) ?? [];

/** Share of the reference's words found in the candidate in the same order (longest common subsequence). */
function inOrder(reference: string[], candidate: string[]): number {
  const prev = new Uint32Array(candidate.length + 1);
  const cur = new Uint32Array(candidate.length + 1);
  for (let i = 1; i <= reference.length; i++) {
    for (let j = 1; j <= candidate.length; j++) cur[j] = reference[i - 1] === candidate[j - 1] ? prev[j - 1]! + 1 : Math.max(prev[j]!, cur[j - 1]!);
    prev.set(cur);
  }
  return reference.length ? prev[candidate.length]! / reference.length : 1;
}

/** The lines of a DOCX body as a reader sees them. */
const docxLines = (file: string) =>
  docxText(docxPart(file, 'word/document.xml').replace(/<w:p[ >]/g, '\n$&').replace(/<w:br\/>/g, '\n'))
    .split('\n').map((l) => l.replace(/[\s\u00A0]+/gu, ' ').trim()).filter(Boolean);

/** Every example and every fixture of a form the recogniser reads; a dossier gives a DOCX per document. */
const ROUND_TRIP = [...EXAMPLES, ...['to-trinh', 'bien-ban', 'bao-cao-thanh-tich'].map((f) => `test/fixtures/${f}.json`)];

/**
 * Imports a DOCX vanban wrote (in-process, through the code `vanban import` runs: the command line itself is tested
 * below), checks the result is complete, renders it again and compares the text line by line.
 */
async function roundTrip(original: string, expectForm: string): Promise<void> {
  const imported = await importDocument(readParagraphs(original), original);
  expect(imported.issues.filter((i) => i.severity === 'error')).toEqual([]);
  expect(imported.issues.map((i) => i.code)).not.toContain('import.unplaced');
  expect(imported.ok).toBe(true);
  expect(imported.form).toBe(expectForm);
  const again = await check(fromValue(imported.input, original));
  expect(again.ok).toBe(true);
  const [docx2] = (await render(again, 'again', { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
  const copy = original.replace(/\.docx$/, '.again.docx');
  fs.writeFileSync(copy, docx2!.data);
  expect(docxLines(copy)).toEqual(docxLines(original));
}

describe('every example read back from its own DOCX', () => {
  it.each(ROUND_TRIP)('%s: each of its documents imports to an input that renders to the same text', async (example) => {
    const stem = path.basename(example, '.json');
    const file = await check(fromText(fs.readFileSync(path.join(ROOT, example), 'utf8'), example));
    const docs = (await render(file, stem, { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
    const form = (file.value as { form: string }).form;
    expect(docs.length).toBeGreaterThanOrEqual(form === 'ho-so-khen-thuong' ? 3 : 1);
    for (const doc of docs) {
      const original = path.join(dir, `${stem}--${path.basename(doc.file)}`);
      fs.writeFileSync(original, doc.data);
      // A dossier's documents come back as the forms that make each one on its own.
      const expected = form !== 'ho-so-khen-thuong' ? form : /to-trinh/.test(doc.file) ? 'to-trinh' : /bien-ban/.test(doc.file) ? 'bien-ban' : 'bao-cao-thanh-tich';
      await roundTrip(original, expected);
    }
  });
});

describe('a hồ sơ put together again from its own documents', () => {
  const DOSSIERS = EXAMPLES.filter((e) => /"form":\s*"ho-so-khen-thuong"/.test(fs.readFileSync(path.join(ROOT, e), 'utf8')));
  it.each(DOSSIERS)('%s: its tờ trình, biên bản and reports import as one hồ sơ that renders every document to the same text', async (example) => {
    const stem = path.basename(example, '.json');
    const file = await check(fromText(fs.readFileSync(path.join(ROOT, example), 'utf8'), example));
    const docs = (await render(file, stem, { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
    const folder = path.join(dir, `${stem}-parts`);
    fs.mkdirSync(folder, { recursive: true });
    // In reverse order: the documents are told apart by what they are, not by where they come.
    const written = docs.map((d) => {
      const f = path.join(folder, path.basename(d.file));
      fs.writeFileSync(f, d.data);
      return f;
    }).reverse();
    const json = path.join(dir, `${stem}.assembled.json`);
    const r = vanbanIn(ROOT, ['import', ...written, '--form', 'ho-so-khen-thuong', '--out', json]);
    expect(r.err).not.toContain('LỖI/ERROR');
    expect(r.err).not.toContain('import.');
    expect(r.code).toBe(0);
    const again = await check(fromText(fs.readFileSync(json, 'utf8'), json));
    expect(again.ok).toBe(true);
    const docs2 = (await render(again, stem, { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
    expect(docs2.map((d) => path.basename(d.file))).toEqual(docs.map((d) => path.basename(d.file)));
    for (const [k, d] of docs2.entries()) {
      const copy = path.join(folder, `again-${path.basename(d.file)}`);
      fs.writeFileSync(copy, d.data);
      expect(docxLines(copy), path.basename(d.file)).toEqual(docxLines(path.join(folder, path.basename(docs[k]!.file))));
    }
  });

  it('leaves out what is not part of a hồ sơ, and says so', async () => {
    const plan = path.join(dir, 'plan-in-dossier.docx');
    const file = await check(fromText(fs.readFileSync(path.join(ROOT, 'test/fixtures/to-trinh.json'), 'utf8'), 'to-trinh.json'));
    const [tt] = (await render(file, 'tt', { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
    const ttFile = path.join(dir, 'tt-alone.docx');
    fs.writeFileSync(ttFile, tt!.data);
    const k = await check(fromText(fs.readFileSync(path.join(ROOT, 'data/campaigns/ke-hoach-hoang-mai-2021.json'), 'utf8'), 'kh.json'));
    const [kh] = (await render(k, 'kh', { formats: ['docx'] })).filter((f) => f.file.endsWith('.docx'));
    fs.writeFileSync(plan, kh!.data);
    const r = vanbanIn(ROOT, ['import', ttFile, plan, '--form', 'ho-so-khen-thuong']);
    expect(r.err).toContain('import.dossier_part');
    expect(r.err).toContain('plan-in-dossier.docx');
    // Without a biên bản the council and the meeting are missing, each named by its path.
    expect(r.err).toContain('$.hoiDong');
    expect(r.code).toBe(1);
    expect(JSON.parse(r.out).toTrinh.kinhGui).toEqual(['Chủ tịch Ủy ban nhân dân quận Hoàng Mai', 'Hội đồng Thi đua, khen thưởng quận']);
  });
});

/** Header facts the seeds' text does not carry (the extraction lost the two-column header or the symbol). */
const HEADER: Record<string, object> = {
  'ke-hoach-hanh-minh-2024': { coQuan: { ten: ['ỦY BAN NHÂN DÂN', 'XÃ HÀNH MINH'], vietTat: 'UBND' } },
  'ke-hoach-hoang-mai-2021': { coQuan: { chuQuan: 'UBND QUẬN HOÀNG MAI', ten: 'HỘI ĐỒNG THI ĐUA, KHEN THƯỞNG', vietTat: 'HĐTĐKT' } },
  'phat-dong-huu-lung-2022': { coQuan: { ten: ['ỦY BAN NHÂN DÂN', 'HUYỆN HỮU LŨNG'], vietTat: 'UBND' } },
};

describe.runIf(needSeeds('the seed imports (test/import.test.ts)'))('the seed documents', () => {
  const pool = new BrowserPool();
  afterAll(() => pool.close());
  const haveLibreOffice = needTool('soffice', 'the seed imports from DOCX made by LibreOffice (test/import.test.ts)');

  const coverage = async (name: string, source: string) => {
    const r = recognise(readParagraphs(source));
    const file = await check(fromValue({ ...r.input, ...HEADER[name] }, source));
    expect(file.messages.filter((m) => m.severity === 'error')).toEqual([]);
    const out = await render(file, name, { formats: ['pdf'], pool });
    const pdf = path.join(dir, `${name}-${path.extname(source).slice(1)}.pdf`);
    fs.writeFileSync(pdf, out.find((o) => o.file.endsWith('.pdf'))!.data);
    const seed = words(fs.readFileSync(path.join(SEEDS_DIR, `${name}.txt`), 'utf8').replace(/[*#]+/g, ' '));
    return inOrder(seed, words(pdfText(pdf)));
  };

  it.each(Object.keys(HEADER))('%s as plain text renders with at least 97 per cent of its words in order', async (name) => {
    expect(await coverage(name, path.join(SEEDS_DIR, `${name}.txt`))).toBeGreaterThanOrEqual(0.97);
  });

  it.runIf(haveLibreOffice).each(Object.keys(HEADER))('%s as a DOCX made by LibreOffice renders with at least 97 per cent of its words in order', async (name) => {
    const txt = path.join(dir, `${name}.txt`);
    fs.copyFileSync(path.join(SEEDS_DIR, `${name}.txt`), txt);
    const profile = tmpDir('lo-import');
    execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--infilter=Text (encoded):UTF8,LF,,,', '--convert-to', 'docx:MS Word 2007 XML', '--outdir', dir, txt], { stdio: 'ignore', timeout: 240_000 });
    expect(await coverage(name, path.join(dir, `${name}.docx`))).toBeGreaterThanOrEqual(0.97);
  });
});

/** A DOCX built here: `body` is the inside of <w:body>; `extra` adds or replaces parts. */
function makeDocx(file: string, body: string, extra: Record<string, string> = {}): string {
  const zip = new PizZip();
  zip.file('[Content_Types].xml', '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>');
  zip.file('word/document.xml', `<?xml version="1.0"?><w:document xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main"><w:body>${body}</w:body></w:document>`);
  for (const [name, content] of Object.entries(extra)) zip.file(name, content);
  fs.writeFileSync(file, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  return file;
}
const para = (text: string, num?: [number, number]) =>
  `<w:p>${num ? `<w:pPr><w:numPr><w:ilvl w:val="${num[1]}"/><w:numId w:val="${num[0]}"/></w:numPr></w:pPr>` : ''}<w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

describe('a tờ trình typed as Markdown, its list a pipe table', () => {
  it('reads the recipients, the grantor, the campaign and each nominee of the table, and validates', async () => {
    const md = path.join(dir, 'to-trinh.md');
    fs.writeFileSync(md, [
      'PHÒNG NỘI VỤ', 'CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 'Độc lập - Tự do - Hạnh phúc', 'Số: 12/TTr-PNV', 'Hoàng Mai, ngày 05 tháng 12 năm 2024',
      '# TỜ TRÌNH', 'Đề nghị tặng Giấy khen năm 2024', '', 'Kính gửi: Chủ tịch Ủy ban nhân dân quận Hoàng Mai.',
      'Căn cứ thành tích đạt được trong phong trào thi đua “Thi đua cải cách hành chính” năm 2024 và kết quả bình xét thi đua, khen thưởng, Phòng Nội vụ kính trình Chủ tịch Ủy ban nhân dân quận Hoàng Mai xem xét, tặng:',
      'Kính trình Chủ tịch Ủy ban nhân dân quận Hoàng Mai xem xét, quyết định./.',
      'Nơi nhận:', '- Như trên;', '- Lưu: VT, PNV.', 'TRƯỞNG PHÒNG', '', 'Trần Thị Mai', '',
      '| STT | Tên tập thể, họ và tên cá nhân | Chức vụ, đơn vị | Hình thức khen thưởng |', '|---|---|---|---|',
      '| I. TẬP THỂ (01) | | | |', '| 1 | Tổ Một cửa phường Tân Mai | | Giấy khen |',
      '| II. CÁ NHÂN (01) | | | |', '| 1 | Lê Văn Bình | Chuyên viên, Phòng Nội vụ | Giấy khen |',
    ].join('\n'));
    const r = recognise(readParagraphs(md));
    expect(r.form).toBe('to-trinh');
    expect(r.input).toMatchObject({
      so: 12, kinhGui: ['Chủ tịch Ủy ban nhân dân quận Hoàng Mai'], capKhenThuong: 'Chủ tịch Ủy ban nhân dân quận Hoàng Mai',
      phongTrao: { ten: 'Thi đua cải cách hành chính', tuNam: 2024 },
      danhSach: [
        { doiTuong: 'tap-the', ten: 'Tổ Một cửa phường Tân Mai', khenThuong: 'giay-khen' },
        { doiTuong: 'ca-nhan', ten: 'Lê Văn Bình', chucVu: 'Chuyên viên', donVi: 'Phòng Nội vụ', khenThuong: 'giay-khen' },
      ],
      nguoiKy: { chucVu: 'Trưởng phòng', hoTen: 'Trần Thị Mai' },
    });
    expect(r.input).not.toHaveProperty('ketLuan');
    expect(r.unplaced).toEqual([]);
    const file = await check(fromValue(r.input, md));
    expect(file.messages.filter((m) => m.severity === 'error')).toEqual([]);
  });
});

describe("Word's own list numbering", () => {
  it('reads the labels Word prints (I., 1., a) and bullets) as the structure they stand for', () => {
    const numbering = `<?xml version="1.0"?><w:numbering xmlns:w="http://schemas.openxmlformats.org/wordprocessingml/2006/main">
      <w:abstractNum w:abstractNumId="0"><w:lvl w:ilvl="0"><w:numFmt w:val="upperRoman"/><w:lvlText w:val="%1."/></w:lvl><w:lvl w:ilvl="1"><w:numFmt w:val="decimal"/><w:lvlText w:val="%2."/></w:lvl><w:lvl w:ilvl="2"><w:numFmt w:val="lowerLetter"/><w:lvlText w:val="%3)"/></w:lvl></w:abstractNum>
      <w:abstractNum w:abstractNumId="1"><w:lvl w:ilvl="0"><w:numFmt w:val="bullet"/><w:lvlText w:val="•"/></w:lvl></w:abstractNum>
      <w:num w:numId="1"><w:abstractNumId w:val="0"/></w:num><w:num w:numId="2"><w:abstractNumId w:val="1"/></w:num></w:numbering>`;
    const file = makeDocx(path.join(dir, 'lists.docx'), [
      para('KẾ HOẠCH'), para('Thi đua năm 2025'),
      para('Mục đích, yêu cầu', [1, 0]), para('Mục đích', [1, 1]), para('Điểm một', [1, 2]), para('Ý gạch', [2, 0]),
      para('Yêu cầu', [1, 1]), para('Nội dung thi đua', [1, 0]),
    ].join(''), { 'word/numbering.xml': numbering });
    const r = recognise(readParagraphs(file));
    expect(r.input.noiDung).toEqual([
      { tieuDe: 'Mục đích, yêu cầu', noiDung: [{ tieuDe: 'Mục đích', noiDung: [{ diem: 'Điểm một', noiDung: [{ gach: 'Ý gạch' }] }] }, { tieuDe: 'Yêu cầu' }] },
      { tieuDe: 'Nội dung thi đua' },
    ]);
  });
});

describe('hostile or unreadable files are refused, and nothing is written', () => {
  const refused = (file: string, reason: RegExp) => {
    const out = path.join(dir, `${path.basename(file)}.json`);
    const r = vanbanIn(ROOT, ['import', file, '--out', out]);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[import.unreadable]');
    expect(r.err).toMatch(reason);
    expect(fs.existsSync(out)).toBe(false);
  };

  it('a zip bomb disguised as .docx', () => {
    const zip = new PizZip();
    zip.file('word/document.xml', `<w:document><w:body>${'<w:p/>'.repeat(12_000_000)}</w:body></w:document>`);
    const file = path.join(dir, 'bomb.docx');
    fs.writeFileSync(file, zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
    expect(fs.statSync(file).size).toBeLessThan(2 * 1024 * 1024);
    refused(file, /inflates too large/);
  });
  it('a .docx with macros', () => refused(makeDocx(path.join(dir, 'macro.docx'), para('KẾ HOẠCH'), { 'word/vbaProject.bin': 'x' }), /macros/));
  it('a .docx with external relationships', () =>
    refused(makeDocx(path.join(dir, 'external.docx'), para('KẾ HOẠCH'), {
      'word/_rels/document.xml.rels': '<?xml version="1.0"?><Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId9" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/image" Target="http://127.0.0.1:9/x.png" TargetMode="External"/></Relationships>',
    }), /external/));
  it('a malformed .docx', () => {
    const file = path.join(dir, 'broken.docx');
    fs.writeFileSync(file, 'PK\u0003\u0004 not really a zip');
    refused(file, /not a valid DOCX/);
  });
  it('a 50 MB file', () => {
    const file = path.join(dir, 'huge.txt');
    fs.writeFileSync(file, Buffer.alloc(50 * 1024 * 1024, 0x61));
    refused(file, /over 20 MB/);
  });
  it('a file of another kind', () => {
    const file = path.join(dir, 'sheet.pdf');
    fs.writeFileSync(file, '%PDF-1.4');
    refused(file, /cannot be read/);
  });
});

describe('the command line', () => {
  it('exits 1 and still writes the result when fields are missing, naming each', () => {
    const txt = path.join(dir, 'short.txt');
    fs.writeFileSync(txt, 'KẾ HOẠCH\nThi đua “Đẩy mạnh cải cách hành chính” năm 2025\nI. Mục đích\n- Ý thứ nhất.\n');
    const out = path.join(dir, 'short.json');
    const r = vanbanIn(ROOT, ['import', txt, '--out', out]);
    expect(r.code).toBe(1);
    for (const p of ['$.coQuan', '$.diaDanh', '$.ngay', '$.noiNhan', '$.nguoiKy']) expect(r.err).toContain(`[schema.required] ${txt} ${p}`);
    const input = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(input).toMatchObject({ form: 'ke-hoach', trichYeu: 'Thi đua “Đẩy mạnh cải cách hành chính” năm 2025', phongTrao: { ten: 'Đẩy mạnh cải cách hành chính', tuNam: 2025, denNam: 2025 } });
    expect(input.noiDung).toEqual([{ tieuDe: 'Mục đích', noiDung: [{ gach: 'Ý thứ nhất.' }] }]);
    expect(fs.existsSync(path.resolve(path.dirname(out), input.$schema))).toBe(true);
  });
  it('reports a line it cannot place with its paragraph number, and leaves it out', () => {
    const txt = path.join(dir, 'stray.txt');
    fs.writeFileSync(txt, 'KẾ HOẠCH\nThi đua năm 2025\nI. Mục đích\n- Ý thứ nhất.\nNơi nhận:\n- Sở Nội vụ;\n- (để T/hiện)\n- Lưu: VT.\nCHỦ TỊCH\nNguyễn Văn A\n');
    const out = path.join(dir, 'stray.json');
    const r = vanbanIn(ROOT, ['import', txt, '--out', out]);
    expect(r.err).toContain(`[import.unplaced] ${txt}`);
    expect(r.err).toContain('Paragraph 7 could not be placed (a purpose without a recipient): "- (để T/hiện)"');
    const input = JSON.parse(fs.readFileSync(out, 'utf8'));
    expect(input.noiNhan).toEqual([{ ten: 'Sở Nội vụ' }]);
    expect(input.nguoiKy).toEqual({ chucVu: 'Chủ tịch', hoTen: 'Nguyễn Văn A' });
  });

  it('exits 2 on usage errors: no file, an unknown option, a document whose type it cannot tell', () => {
    expect(vanbanIn(ROOT, ['import']).code).toBe(2);
    expect(vanbanIn(ROOT, ['import', 'x.txt', '--nope']).code).toBe(2);
    const txt = path.join(dir, 'letter.txt');
    fs.writeFileSync(txt, 'Kính gửi anh chị\nNội dung thư.\n');
    const r = vanbanIn(ROOT, ['import', txt]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('--form');
  });
});
