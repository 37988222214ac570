// Writes test/fixtures/broken-templates/<kind>/: the ke-hoach templates with one kind of mistake each, for the
// tests of `vanban templates check`. Run again only to change the fixtures: npx tsx scripts/make-broken-fixtures.ts
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { ROOT, TEMPLATES_DIR } from '../src/paths';

const OUT = path.join(ROOT, 'test', 'fixtures', 'broken-templates');
const SOURCE = path.join(TEMPLATES_DIR, 'ke-hoach');

interface Mutation {
  docx?: Record<string, (xml: string) => string>;
  hbs?: (s: string) => string;
  form?: (f: Record<string, unknown>) => Record<string, unknown>;
  drop?: string[];
}

const para = (text: string) => `<w:p><w:r><w:t xml:space="preserve">${text}</w:t></w:r></w:p>`;

const KINDS: Record<string, Mutation> = {
  'unknown-tag': { docx: { 'word/document.xml': (x) => x.replace('{@noiDung}', '{@noiDungg}').replace('{@ketLuan}', `{@ketLuan}</w:t></w:r></w:p>${para('{trichYeuu}')}<w:p><w:r><w:t>`) } },
  'split-tag': {
    docx: { 'word/document.xml': (x) => x.replace('<w:t xml:space="preserve">{@noiDung}</w:t>', '<w:t xml:space="preserve">{@noi</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>Dung}</w:t>') },
  },
  'docx-syntax': { docx: { 'word/document.xml': (x) => x.replace('{@ketLuan}', '{@ketLuan') } },
  'regulated-text': {
    docx: { 'word/document.xml': (x) => x.replace('<w:body>', `<w:body>${para('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM')}`).replace('<w:sectPr>', `${para('Nơi nhận:')}<w:sectPr>`) },
    hbs: (s) => s.replace('{{> tenLoaiTrichYeu this}}', '<p>Số: 12/KH-UBND</p>\n{{> tenLoaiTrichYeu this}}'),
  },
  'page-size': { docx: { 'word/document.xml': (x) => x.replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="12240" w:h="15840"/>') } },
  landscape: { docx: { 'word/document.xml': (x) => x.replace('<w:pgSz w:w="11906" w:h="16838"/>', '<w:pgSz w:w="16838" w:h="11906" w:orient="landscape"/>') } },
  margins: { docx: { 'word/document.xml': (x) => x.replace('w:left="1984"', 'w:left="1134"').replace('w:top="1417"', 'w:top="1701"') } },
  font: {
    docx: {
      'word/styles.xml': (x) => x.replace(/<w:rFonts [^>]*\/>/, '<w:rFonts w:ascii="Arial" w:hAnsi="Arial" w:cs="Arial" w:eastAsia="Arial"/>'),
      'word/document.xml': (x) => x.replace('<w:r><w:t xml:space="preserve">{@moDau}', '<w:r><w:rPr><w:rFonts w:ascii="Calibri" w:hAnsi="Calibri"/></w:rPr><w:t xml:space="preserve">{@moDau}'),
    },
  },
  'page-number': {
    docx: {
      'word/document.xml': (x) => x.replace('<w:titlePg/>', ''),
      'word/header1.xml': (x) => x.replace(/<w:r>(?:(?!<\/w:r>)[\s\S])*?(?:fldChar|instrText)[\s\S]*?<\/w:r>/g, '').replace('<w:jc w:val="center"/>', '<w:jc w:val="right"/>'),
    },
  },
  'hbs-syntax': { hbs: (s) => s.replace('{{> doanVan moDau}}', '{{#each moDau}}\n{{> doanVan moDau}}') },
  'unknown-partial': { hbs: (s) => s.replace('{{> dauVanBan header}}', '{{> dauVanBann header}}') },
  'unknown-field': { hbs: (s) => s.replace('{{> doanVan noiDung}}', '{{> doanVan noiDungg}}\n{{> phan phan}}') },
  'form-json': { form: (f) => ({ ...f, kyHieuLoai: 'XX', formats: ['odt'], titleEn: undefined }) },
  'missing-file': { drop: ['template.hbs'] },
};

for (const [kind, m] of Object.entries(KINDS)) {
  const dir = path.join(OUT, kind);
  fs.rmSync(dir, { recursive: true, force: true });
  fs.mkdirSync(dir, { recursive: true });
  const form = JSON.parse(fs.readFileSync(path.join(SOURCE, 'form.json'), 'utf8')) as Record<string, unknown>;
  fs.writeFileSync(path.join(dir, 'form.json'), `${JSON.stringify(m.form ? m.form(form) : form, null, 2)}\n`);
  const hbs = fs.readFileSync(path.join(SOURCE, 'template.hbs'), 'utf8');
  fs.writeFileSync(path.join(dir, 'template.hbs'), m.hbs ? m.hbs(hbs) : hbs);
  const zip = new PizZip(fs.readFileSync(path.join(SOURCE, 'template.docx')));
  for (const [part, change] of Object.entries(m.docx ?? {})) {
    const before = zip.file(part)!.asText();
    const after = change(before);
    if (after === before) throw new Error(`${kind}: ${part} unchanged`);
    zip.file(part, after, { date: new Date('2020-03-05T00:00:00Z') });
  }
  fs.writeFileSync(path.join(dir, 'template.docx'), zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' }));
  for (const f of m.drop ?? []) fs.rmSync(path.join(dir, f));
  console.log(`wrote ${path.relative(ROOT, dir)}`);
}
