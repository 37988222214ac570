// Forms are found by discovery; each has both halves, and no form template types a regulated block by hand.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { knownFormIds, loadForm, moduleFormIds, templateFormIds } from '../src/forms/registry';
import { TEMPLATES_DIR } from '../src/paths';
import { docxData } from '../src/render/docx/render';
import { REGULATED } from '../src/maintain/regulated';
import { docxText } from './helpers';


describe('form registry', () => {
  it('pairs every template folder with a form module and back', () => {
    expect(templateFormIds()).toEqual(moduleFormIds());
    expect(knownFormIds()).toEqual(expect.arrayContaining(['ke-hoach', 'phat-dong', 'to-trinh', 'bien-ban', 'bao-cao-thanh-tich', 'ho-so-khen-thuong']));
  });

  it.each(templateFormIds())('%s has form.json and its templates (a dossier draws with its parts’ templates)', async (id) => {
    const form = await loadForm(id);
    expect(form.settings.id).toBe(id);
    const files = form.settings.hoSo ? ['form.json'] : ['form.json', 'template.docx', 'template.hbs'];
    for (const f of files) expect(fs.existsSync(path.join(TEMPLATES_DIR, id, f)), f).toBe(true);
    expect(Boolean(form.definition.toDocuments)).toBe(Boolean(form.settings.hoSo));
  });
});

const DRAWN = templateFormIds().filter((id) => fs.existsSync(path.join(TEMPLATES_DIR, id, 'template.docx')));

describe.each(DRAWN)('template of %s', (id) => {
  const docx = () => new PizZip(fs.readFileSync(path.join(TEMPLATES_DIR, id, 'template.docx')));

  it('types no regulated text by hand', () => {
    const hbs = fs.readFileSync(path.join(TEMPLATES_DIR, id, 'template.hbs'), 'utf8');
    const text = docxText(docx().file('word/document.xml')!.asText());
    for (const { pattern } of REGULATED) {
      expect(hbs, `template.hbs ${pattern}`).not.toMatch(pattern);
      expect(text, `template.docx ${pattern}`).not.toMatch(pattern);
    }
  });

  it('uses only tags that the view model provides', () => {
    const text = docxText(docx().file('word/document.xml')!.asText());
    const tags = [...text.matchAll(/\{([@#/^]?)([^{}]+)\}/g)].map((m) => m[2]!.trim());
    expect(tags.length).toBeGreaterThan(0);
    const known = Object.keys(docxData({
      form: id,
      header: { chuQuan: [], banHanh: [], quocHieu: '', tieuNgu: '', soKyHieu: '', diaDanhNgay: '' },
      tenLoai: '', trichYeu: '', kinhGui: [], canCu: [], moDau: [], noiDung: [], ketLuan: [],
      noiNhan: { nhan: '', dong: [] }, chuKy: { quyenHan: [], chucVuKhac: '', hoTen: '' },
      meta: { title: '', author: '', subject: '', keywords: [], language: 'vi-VN', creationDate: '2020-01-01T00:00:00+07:00' },
    }));
    for (const t of tags) expect(known, t).toContain(t);
  });
});

describe('JSON Schemas for editors', () => {
  it('are up to date with the zod schemas (regenerate: npx tsx scripts/gen-schemas.ts)', async () => {
    const { schemaFiles } = await import('../scripts/gen-schemas');
    for (const [file, text] of await schemaFiles()) expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
  });
  it('are named by every example', () => {
    for (const dir of ['campaigns', 'nominations']) {
      for (const f of fs.readdirSync(path.join(TEMPLATES_DIR, '..', 'data', dir))) {
        const d = JSON.parse(fs.readFileSync(path.join(TEMPLATES_DIR, '..', 'data', dir, f), 'utf8'));
        expect(d.$schema).toBe(`../../schemas/${d.form}.schema.json`);
        expect(fs.existsSync(path.join(TEMPLATES_DIR, '..', 'schemas', `${d.form}.schema.json`))).toBe(true);
      }
    }
  });
});
