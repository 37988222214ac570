// The DOCX's named paragraph styles (src/render/docx/styles.ts): every paragraph of text sits in the style of its
// regulated block, the styles are defined, a reader finds each block by its style and reads it back with
// src/readers/regulated.ts, and a style never makes a run bolder or more italic than the PDF draws it.
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { docDiaDanhNgay, docNoiNhan, docSoKyHieu, fromRoman } from '../src/readers/regulated';
import { scaffoldDocx } from '../src/render/docx/base';
import { PARAGRAPH_STYLES, templateWithStyles, withParagraphStyles } from '../src/render/docx/styles';
import { docxPart, EXAMPLES, renderAll, tmpDir } from './helpers';

const INPUTS = [...EXAMPLES, 'test/fixtures/bien-ban.json', 'test/fixtures/bao-cao-thanh-tich.json', 'test/fixtures/to-trinh.json'];
const out = tmpDir('docx-styles');
const report = await renderAll(INPUTS, out, ['docx']);
const DOCX = report.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('.docx'))).sort();

interface Para {
  style?: string;
  text: string;
  runs: string[];
}

function paragraphs(file: string): Para[] {
  const xml = docxPart(file, 'word/document.xml');
  return (xml.match(/<w:p[ >][\s\S]*?<\/w:p>/g) ?? []).map((p) => {
    const runs = (p.match(/<w:r>[\s\S]*?<\/w:r>/g) ?? []).filter((r) => r.includes('<w:t'));
    const text = runs
      .map((r) => (r.match(/<w:t[^>]*>([^<]*)<\/w:t>/g) ?? []).map((t) => t.replace(/<[^>]+>/g, '')).join(''))
      .join('')
      .replace(/&amp;/g, '&')
      .replace(/&lt;/g, '<')
      .replace(/&gt;/g, '>')
      .replace(/&quot;/g, '"');
    return { style: /<w:pStyle w:val="([^"]+)"\/>/.exec(p)?.[1], text, runs };
  });
}

const byId = new Map(Object.values(PARAGRAPH_STYLES).map((s) => [s.id, s]));
const texts = (ps: Para[], id: string) => ps.filter((p) => p.style === id).map((p) => p.text);

describe('named paragraph styles in every DOCX written', () => {
  it('renders the examples and fixtures', () => {
    expect(report.summary.failed).toBe(0);
    expect(DOCX.length).toBeGreaterThanOrEqual(INPUTS.length);
  });

  describe.each(DOCX.map((f) => [path.relative(out, f), f]))('%s', (_name, file) => {
    const ps = paragraphs(file);
    const styles = docxPart(file, 'word/styles.xml');

    it('puts every paragraph of text in a named style that styles.xml defines', () => {
      const unstyled = ps.filter((p) => p.text.trim() && !p.style).map((p) => p.text);
      expect(unstyled).toEqual([]);
      for (const id of new Set(ps.map((p) => p.style).filter(Boolean))) expect(styles, id).toContain(`w:styleId="${id}"`);
    });

    it('lets a reader find the header blocks by their style and read them back', () => {
      expect(texts(ps, 'VBQuocHieu')).toEqual(['CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM']);
      expect(texts(ps, 'VBTieuNgu')).toEqual(['Độc lập - Tự do - Hạnh phúc']);
      const so = texts(ps, 'VBSoKyHieu');
      expect(so).toHaveLength(1);
      // A báo cáo thành tích leaves its number blank (Mẫu 07 has none of its own): an empty paragraph holds the place.
      if (!/bao-cao/.test(file)) expect(docSoKyHieu(so[0]!), so[0]).toBeDefined();
      else expect(so[0]!.trim() === '' || docSoKyHieu(so[0]!) !== undefined, so[0]).toBe(true);
      for (const line of texts(ps, 'VBDiaDanhNgay')) expect(docDiaDanhNgay(line), line).toBeDefined();
      expect(texts(ps, 'VBTenLoai').length).toBe(1);
      expect(texts(ps, 'VBHoTenNguoiKy').length).toBeGreaterThanOrEqual(1);
    });

    it('names the body headings and the Nơi nhận so that they read back', () => {
      for (const muc of texts(ps, 'VBMuc')) expect(fromRoman(/^([IVXLC]+)\./.exec(muc)?.[1] ?? ''), muc).toBeDefined();
      for (const khoan of texts(ps, 'VBKhoan')) expect(khoan).toMatch(/^\d+\. \S/);
      const noiNhan = texts(ps, 'VBNoiNhan');
      if (noiNhan.length) {
        expect(texts(ps, 'VBNhanNoiNhan')).toContain('Nơi nhận:');
        const read = docNoiNhan(noiNhan);
        expect(read.noiNhan.length + (read.luu ? 1 : 0) + (read.nhuTren ? 1 : 0)).toBe(noiNhan.length);
      }
    });

    it('never lets a style make a run bolder or more italic than the run says (bold and italic toggle in Word)', () => {
      for (const p of ps) {
        const s = p.style ? byId.get(p.style) : undefined;
        if (!s) continue;
        for (const r of p.runs) {
          if (s.bold) expect(r, `${p.style}: ${p.text}`).toContain('<w:b/>');
          if (s.italic) expect(r, `${p.style}: ${p.text}`).toContain('<w:i/>');
        }
      }
    });
  });
});

describe('the style definitions', () => {
  it('are added once, after what styles.xml has, and keep a maintainer’s own definition of a style', () => {
    const own = '<w:style w:type="paragraph" w:customStyle="1" w:styleId="VBQuocHieu"><w:name w:val="Mine"/></w:style>';
    const before = `<?xml version="1.0"?><w:styles xmlns:w="x">${own}</w:styles>`;
    const after = withParagraphStyles(before);
    expect(after.match(/w:styleId="VBQuocHieu"/g)).toHaveLength(1);
    expect(after).toContain(own);
    expect(after).toContain('w:styleId="VBTieuNgu"');
    expect(withParagraphStyles(after)).toBe(after);
  });

  it('give the headings levels in Word’s navigation pane and the look of their block', () => {
    expect(PARAGRAPH_STYLES.muc).toMatchObject({ id: 'VBMuc', outline: 0, bold: true, size: 14 });
    expect(PARAGRAPH_STYLES.khoan).toMatchObject({ outline: 1 });
    expect(PARAGRAPH_STYLES.tieuKhoan).toMatchObject({ outline: 2, bold: true, italic: true });
    expect(PARAGRAPH_STYLES.diaDanhNgay).toMatchObject({ italic: true, bold: false, size: 13 });
    expect(PARAGRAPH_STYLES.noiNhan).toMatchObject({ size: 11 });
  });

  it('are in the base document a new form’s template starts from', () => {
    const zip = new PizZip(scaffoldDocx(['{@dauVanBan}']));
    const styles = zip.file('word/styles.xml')!.asText();
    for (const s of Object.values(PARAGRAPH_STYLES)) expect(styles).toContain(`w:styleId="${s.id}"`);
    expect(styles).toContain('<w:name w:val="VB Quốc hiệu"/>');
  });

  it('are added to a template whose styles.xml lacks them, once per template', () => {
    const zip = new PizZip(scaffoldDocx(['{@dauVanBan}']));
    const bare = zip.file('word/styles.xml')!.asText().replace(/<w:style [^>]*w:styleId="VB[\s\S]*?<\/w:style>/g, '');
    expect(bare).not.toContain('VBQuocHieu');
    zip.file('word/styles.xml', bare);
    const bytes = zip.generate({ type: 'nodebuffer' });
    const styled = new PizZip(templateWithStyles(bytes)).file('word/styles.xml')!.asText();
    for (const s of Object.values(PARAGRAPH_STYLES)) expect(styled).toContain(`w:styleId="${s.id}"`);
    const again = templateWithStyles(templateWithStyles(bytes));
    expect(new PizZip(again).file('word/styles.xml')!.asText()).toBe(styled);
  });
});
