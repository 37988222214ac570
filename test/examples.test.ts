// Every example in data/ rendered to DOCX and PDF: the NĐ 30 layout rules checked in the DOCX XML, the PDF and
// LibreOffice's reading of the DOCX.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { PDFDocument, PDFName } from 'pdf-lib';
import type { DocumentVM } from '../src/viewmodel/types';
import { outputStem } from '../src/output/write';
import { docxPart, docxText, EXAMPLES, hasGappedLine, libreOfficeToPdf, pdfFonts, pdfInfo, pdfText, pdfWords, renderAll, squash, tmpDir } from './helpers';
import { needTool } from './needs';

const out = tmpDir('examples');
const loOut = tmpDir('examples-lo');
let loPdfs: Map<string, string>;
// LibreOffice stands in for Word: the DOCX must open in a real office suite.
const haveLibreOffice = needTool('soffice', 'the LibreOffice opening of every example DOCX (test/examples.test.ts)');

// Rendered while the suite is collected, so each document of a dossier gets its own tests.
const report = await renderAll(EXAMPLES, out);
const DOCS = report.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('.docx')).map((f) => path.relative(out, f).replace(/\.docx$/, ''))).sort();

const TWIPS_PER_MM = 1440 / 25.4;

/** The bold signature lines a document prints: one signer, or the two of a biên bản or báo cáo. */
function signatureLines(v: DocumentVM): string[] {
  if (v.chuKyDoi) return [v.chuKyDoi.trai, v.chuKyDoi.phai].flatMap((k) => [...k.tieuDe, k.hoTen]).filter(Boolean);
  return [...v.chuKy.quyenHan, ...v.chuKy.chucVuKhac, v.chuKy.hoTen];
}
const inRangeMm = (twips: number, lo: number, hi: number) => twips >= Math.floor(lo * TWIPS_PER_MM) && twips <= Math.ceil(hi * TWIPS_PER_MM);

beforeAll(() => {
  loPdfs = new Map();
  if (!haveLibreOffice) return;
  const docx = DOCS.map((d) => path.join(out, `${d}.docx`));
  // LibreOffice names its output after the input's base name; the dossiers' names are unique per folder.
  const dirs = new Map<string, string[]>();
  for (const d of docx) dirs.set(path.dirname(d), [...(dirs.get(path.dirname(d)) ?? []), d]);
  for (const [dir, files] of dirs) {
    const target = path.join(loOut, path.relative(out, dir));
    fs.mkdirSync(target, { recursive: true });
    libreOfficeToPdf(files, target).forEach((p, i) => loPdfs.set(path.relative(out, files[i]!).replace(/\.docx$/, ''), p));
  }
});

it('renders every example', () => {
  expect(EXAMPLES.length).toBeGreaterThanOrEqual(5);
  expect(report.summary).toMatchObject({ inputs: EXAMPLES.length, written: EXAMPLES.length, invalid: 0, failed: 0 });
  for (const e of EXAMPLES) expect(DOCS.some((d) => d.startsWith(outputStem(e))), e).toBe(true);
});

describe.each(DOCS)('%s', (stem) => {
  const example = stem;
  const docx = () => path.join(out, `${stem}.docx`);
  const pdf = () => path.join(out, `${stem}.pdf`);
  const vm = (): DocumentVM => JSON.parse(fs.readFileSync(path.join(out, `${stem}.view-model.json`), 'utf8'));

  describe('DOCX', () => {
    it('has an A4 portrait page with NĐ 30 margins (PL I, I.1–I.3)', () => {
      const xml = docxPart(docx(), 'word/document.xml');
      const pgSz = /<w:pgSz w:w="(\d+)" w:h="(\d+)"(?: w:orient="(\w+)")?\/>/.exec(xml)!;
      expect(Number(pgSz[1])).toBe(11906);
      expect(Number(pgSz[2])).toBe(16838);
      expect(pgSz[3] ?? 'portrait').toBe('portrait');
      const mar = /<w:pgMar w:top="(\d+)" w:right="(\d+)" w:bottom="(\d+)" w:left="(\d+)"/.exec(xml)!;
      expect(inRangeMm(Number(mar[1]), 20, 25)).toBe(true);
      expect(inRangeMm(Number(mar[2]), 15, 20)).toBe(true);
      expect(inRangeMm(Number(mar[3]), 20, 25)).toBe(true);
      expect(inRangeMm(Number(mar[4]), 30, 35)).toBe(true);
    });

    it('numbers pages in the header from page 2: PAGE field, different first page (PL I, I.7)', () => {
      const xml = docxPart(docx(), 'word/document.xml');
      expect(xml).toContain('<w:titlePg/>');
      const rels = docxPart(docx(), 'word/_rels/document.xml.rels');
      const target = (id: string) => new RegExp(`Id="${id}"[^>]*Target="([^"]+)"`).exec(rels)?.[1] ?? new RegExp(`Target="([^"]+)"[^>]*Id="${id}"`).exec(rels)?.[1];
      const defId = /<w:headerReference w:type="default" r:id="(\w+)"/.exec(xml)![1]!;
      const firstId = /<w:headerReference w:type="first" r:id="(\w+)"/.exec(xml)![1]!;
      const def = docxPart(docx(), `word/${target(defId)}`);
      const first = docxPart(docx(), `word/${target(firstId)}`);
      expect(def).toMatch(/<w:instrText[^>]*> PAGE <\/w:instrText>/);
      expect(def).toContain('<w:jc w:val="center"/>');
      const size = Number(/<w:sz w:val="(\d+)"/.exec(def)![1]) / 2;
      expect(size).toBeGreaterThanOrEqual(13);
      expect(size).toBeLessThanOrEqual(14);
      expect(def).not.toMatch(/<w:b\/>|<w:i\/>/);
      expect(first).not.toContain('PAGE');
    });

    it('sets the regulated blocks in the sizes and styles of PL I (§1.4)', () => {
      const xml = docxPart(docx(), 'word/document.xml');
      const v = vm();
      // The first run of that text after `from`, or the last: a signature line may read as a header line ("THI ĐUA -
      // KHEN THƯỞNG"), and a line of the issuing body as one of its superior ("XÃ GIA TÂN" under both).
      let from = 0;
      const runOf = (text: string, last = false) => {
        const esc = text.replace(/&/g, '&amp;').replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
        const all = [...xml.matchAll(new RegExp(`<w:r><w:rPr>((?:(?!</w:rPr>).)*)</w:rPr><w:t xml:space="preserve">${esc}</w:t></w:r>`, 'g'))];
        const m = last ? all[all.length - 1] : all.find((x) => x.index >= from);
        expect(m, `run "${text}"`).toBeDefined();
        const rPr = m![1]!;
        return { at: m!.index + m![0].length, size: Number(/<w:sz w:val="(\d+)"/.exec(rPr)![1]) / 2, bold: rPr.includes('<w:b/>'), italic: rPr.includes('<w:i/>'), font: /w:ascii="([^"]+)"/.exec(rPr)![1] };
      };
      const expectStyle = (text: string, lo: number, hi: number, bold: boolean, italic: boolean, last = false) => {
        const r = runOf(text, last);
        expect(r.size, text).toBeGreaterThanOrEqual(lo);
        expect(r.size, text).toBeLessThanOrEqual(hi);
        expect(r.bold, `${text} bold`).toBe(bold);
        expect(r.italic, `${text} italic`).toBe(italic);
        expect(r.font).toBe('Times New Roman');
        return r.at;
      };
      expectStyle('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM', 12, 13, true, false);
      expectStyle('Độc lập - Tự do - Hạnh phúc', 13, 14, true, false);
      // The agency's lines in their order: each one's own run, after the line above it.
      for (const l of v.header.chuQuan) from = expectStyle(l, 12, 13, false, false);
      for (const l of v.header.banHanh) from = expectStyle(l, 12, 13, true, false);
      from = 0;
      if (v.header.soKyHieu) expectStyle(v.header.soKyHieu, 13, 13, false, false);
      if (v.header.diaDanhNgay) expectStyle(v.header.diaDanhNgay, 13, 14, false, true);
      expectStyle(v.tenLoai, 13, 14, true, false);
      // The trích yếu stands on the lines the layout broke it into, each in the style of ô 5a.
      expect(v.trichYeuDong.join(' ')).toBe(v.trichYeu);
      for (const l of v.trichYeuDong) expectStyle(l, 13, 14, true, false);
      if (v.noiNhan.dong.length) {
        expectStyle('Nơi nhận:', 12, 12, true, true);
        for (const l of v.noiNhan.dong) expectStyle(l, 11, 11, false, false);
      }
      for (const l of signatureLines(v)) expectStyle(l, 13, 14, true, false, true);
    });

    it('draws the rules under the agency name (1/3–1/2) and the Tiêu ngữ (its own length)', () => {
      const xml = docxPart(docx(), 'word/document.xml');
      // Rule paragraphs: a bottom border narrowed by equal indents.
      const rules = [...xml.matchAll(/<w:pBdr><w:bottom [^>]*\/><\/w:pBdr>.*?<w:ind w:left="(\d+)" w:right="(\d+)"\/>/g)].map((m) => [Number(m[1]), Number(m[2])]);
      expect(rules.length).toBeGreaterThanOrEqual(3);
      for (const [l, r] of rules) expect(l).toBe(r);
    });

    it('justifies the body with a first-line indent of 1–1.27 cm, ≥ 6 pt after, spacing 1–1.5 (§1.4 ô 6)', () => {
      const xml = docxPart(docx(), 'word/document.xml');
      // Every justified paragraph is body text: each must hold all three rules. Its spacing is exact (the PDF's pitch),
      // between the single line of Times New Roman (1.15 em) and one and a half of it.
      const body = [...xml.matchAll(/<w:pPr>((?:(?!<\/w:pPr>).)*<w:jc w:val="both"\/>(?:(?!<\/w:pPr>).)*)<\/w:pPr>(.*?)<\/w:p>/g)].map((m) => ({ pPr: m[1]!, runs: m[2]! }));
      expect(body.length).toBeGreaterThanOrEqual(3);
      for (const { pPr, runs } of body) {
        expect(Number(/w:after="(\d+)"/.exec(pPr)?.[1])).toBeGreaterThanOrEqual(120);
        const line = Number(/w:line="(\d+)" w:lineRule="exact"/.exec(pPr)?.[1]) / 20;
        const size = Number(/<w:sz w:val="(\d+)"/.exec(runs)![1]) / 2;
        expect(line).toBeGreaterThanOrEqual(size * 1.15);
        expect(line).toBeLessThanOrEqual(size * 1.15 * 1.5);
        expect(inRangeMm(Number(/w:firstLine="(\d+)"/.exec(pPr)?.[1]), 10, 12.7)).toBe(true);
      }
    });

    it('holds every string of the view model and no "undefined"', () => {
      const text = docxText(docxPart(docx(), 'word/document.xml'));
      const v = vm();
      expect(text).not.toMatch(/undefined|\{[@#/]?\w+\}/);
      // Whitespace folded: the trích yếu stands on several lines.
      for (const s of [v.header.soKyHieu, v.header.diaDanhNgay, v.tenLoai, v.trichYeu, ...v.noiNhan.dong, ...signatureLines(v)].filter(Boolean)) {
        expect(squash(text)).toContain(squash(s));
      }
      if (!v.dongMau) expect(text).toContain('./.');
      const core = docxPart(docx(), 'docProps/core.xml');
      expect(core).toContain(`<dc:title>${v.meta.title.replace(/&/g, '&amp;')}</dc:title>`);
    });

    it.runIf(haveLibreOffice)('opens in LibreOffice, which reads the same text', () => {
      const lo = loPdfs.get(example)!;
      expect(fs.existsSync(lo), 'LibreOffice wrote no PDF').toBe(true);
      const text = squash(pdfText(lo));
      const layout = pdfText(lo, { layout: true });
      const v = vm();
      for (const s of [v.header.quocHieu, v.header.tieuNgu, v.tenLoai, ...signatureLines(v).slice(-1)]) {
        expect(text).toContain(squash(s));
      }
      if (v.noiNhan.dong.length) expect(text).toContain('Nơi nhận:');
      // Lines with a gap left for handwriting are read on their own layout line.
      for (const s of [v.header.soKyHieu, v.header.diaDanhNgay].filter(Boolean)) expect(hasGappedLine(layout, s), s).toBe(true);
      const pages = Number(pdfInfo(lo).Pages);
      expect(pages).toBeGreaterThanOrEqual(1);
      expect(pdfInfo(lo)['Page size']).toMatch(/A4/);
    });
  });

  describe('PDF', () => {
    it('is A4 with every font embedded and Times-compatible (PL I, I.1, I.4)', () => {
      const info = pdfInfo(pdf());
      const [w, h] = /([\d.]+) x ([\d.]+) pts/.exec(info['Page size']!)!.slice(1).map(Number);
      expect(Math.abs(w! - 595.28)).toBeLessThan(1);
      expect(Math.abs(h! - 841.89)).toBeLessThan(1);
      const fonts = pdfFonts(pdf());
      expect(fonts.length).toBeGreaterThan(0);
      for (const f of fonts) {
        expect(f.embedded, f.name).toBe(true);
        expect(f.name).toMatch(/TimesNewRoman|Times-?New-?Roman|LiberationSerif|Tinos/i);
      }
    });

    it('carries the metadata of the view model and the language vi-VN', async () => {
      const info = pdfInfo(pdf());
      const v = vm();
      expect(info.Title).toBe(v.meta.title);
      expect(info.Author).toBe(v.meta.author);
      expect(info.Subject).toBe(v.meta.subject);
      expect(info.Keywords).toContain(v.tenLoai);
      const doc = await PDFDocument.load(fs.readFileSync(pdf()), { updateMetadata: false });
      expect(String(doc.catalog.get(PDFName.of('Lang')))).toContain('vi-VN');
      expect(doc.getCreationDate()?.toISOString()).toBe(new Date(v.meta.creationDate).toISOString());
    });

    it('holds the regulated text in reading order', () => {
      const text = squash(pdfText(pdf()));
      const v = vm();
      const layout = pdfText(pdf(), { layout: true });
      for (const s of [v.header.soKyHieu, v.header.diaDanhNgay].filter(Boolean)) expect(hasGappedLine(layout, s), s).toBe(true);
      // Two signatures side by side have no single reading order; they are checked for presence below.
      const footer = v.chuKyDoi ? [] : ['Nơi nhận:', ...v.noiNhan.dong, ...signatureLines(v)];
      if (v.chuKyDoi) for (const l of signatureLines(v)) expect(text).toContain(squash(l));
      if (v.chuKyDoi && v.noiNhan.dong.length) expect(text).toContain(squash(v.noiNhan.dong.join(' ')));
      const order = [...v.header.chuQuan, ...v.header.banHanh, v.tenLoai, v.trichYeu, ...footer].filter(Boolean).map(squash);
      let at = 0;
      for (const s of order) {
        const i = text.indexOf(s, at);
        expect(i, `"${s}" after position ${at}`).toBeGreaterThanOrEqual(0);
        at = i + s.length;
      }
      for (const s of [v.header.quocHieu, v.header.tieuNgu]) expect(text).toContain(s);
      // Reports follow the award decrees' forms, not a PL III sample, and carry no closing mark.
      if (!v.dongMau) expect(text).toContain('./.');
    });

    it('shows no number on page 1 and "2", "3" … centred in the top margin after it (PL I, I.7)', () => {
      const pages = Number(pdfInfo(pdf()).Pages);
      expect(pages).toBeGreaterThanOrEqual(1);
      const topWords = (p: number) => pdfWords(pdf(), p).filter((w) => w.yMax < 25 * (72 / 25.4));
      // An appendix starts its own numbering (PL I III.1.đ): find its first page by its reference line.
      let appendix = pages + 1;
      if (vm().phuLuc) {
        for (let p = 1; p <= pages; p++) if (pdfText(pdf(), { page: p }).includes('(Kèm theo')) appendix = Math.min(appendix, p);
        expect(appendix).toBeLessThanOrEqual(pages);
      }
      const centre = (35 + (210 - 35 - 20) / 2) * (72 / 25.4);
      for (let p = 1; p <= pages; p++) {
        const label = p < appendix ? p : p - appendix + 1;
        const top = topWords(p);
        if (label === 1) {
          expect(top, `page ${p}`).toEqual([]);
          continue;
        }
        expect(top.map((w) => w.text), `page ${p}`).toEqual([String(label)]);
        expect(Math.abs((top[0]!.xMin + top[0]!.xMax) / 2 - centre)).toBeLessThan(3);
      }
    });
  });
});
