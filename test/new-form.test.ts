// `vanban new-form`: in a copy of the project, the scaffold makes a form the registry finds, that checks clean and renders.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { docxPart, docxText, pdfText, repoCopy, vanbanIn } from './helpers';

let root: string;
beforeAll(() => {
  root = repoCopy('new-form');
});
afterAll(() => {
  fs.rmSync(root, { recursive: true, force: true });
});

describe('vanban new-form', () => {
  it('scaffolds both halves, an example with its $schema, and a form that renders to DOCX and PDF', () => {
    const r = vanbanIn(root, ['new-form', 'giay-moi-hop', '--from', 'ke-hoach']);
    expect(r.err).toBe('');
    expect(r.code).toBe(0);
    for (const f of ['templates/giay-moi-hop/form.json', 'templates/giay-moi-hop/template.docx', 'templates/giay-moi-hop/template.hbs', 'src/forms/giay-moi-hop.ts', 'data/examples/giay-moi-hop.json', 'schemas/giay-moi-hop.schema.json']) {
      expect(r.out, f).toContain(f);
      expect(fs.existsSync(path.join(root, f)), f).toBe(true);
    }
    const settings = JSON.parse(fs.readFileSync(path.join(root, 'templates/giay-moi-hop/form.json'), 'utf8'));
    expect(settings).toMatchObject({ id: 'giay-moi-hop', kyHieuLoai: 'KH', formats: ['docx', 'pdf'] });
    expect(fs.readFileSync(path.join(root, 'src/forms/giay-moi-hop.ts'), 'utf8')).toContain("id: 'giay-moi-hop'");
    const example = JSON.parse(fs.readFileSync(path.join(root, 'data/examples/giay-moi-hop.json'), 'utf8'));
    expect(example.$schema).toBe('../../schemas/giay-moi-hop.schema.json');
    expect(example.form).toBe('giay-moi-hop');
    const schema = JSON.parse(fs.readFileSync(path.join(root, 'schemas/giay-moi-hop.schema.json'), 'utf8'));
    expect(schema.properties.form.const).toBe('giay-moi-hop');

    // Found by the registry with no list edited.
    expect(vanbanIn(root, ['forms']).out.split('\n')).toContain('giay-moi-hop');
    expect(vanbanIn(root, ['templates', 'check', 'giay-moi-hop']).code).toBe(0);

    const out = path.join(root, 'out');
    const rendered = vanbanIn(root, ['render', 'data/examples/giay-moi-hop.json', '--out', out]);
    expect(rendered.code).toBe(0);
    const xml = docxText(docxPart(path.join(out, 'giay-moi-hop.docx'), 'word/document.xml'));
    expect(xml).toContain('KẾ HOẠCH');
    // The trích yếu stands on the lines the layout broke it into.
    expect(xml.replace(/\s+/g, ' ')).toContain(example.trichYeu.slice(0, 40));
    expect(xml).toContain('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
    const pdf = pdfText(path.join(out, 'giay-moi-hop.pdf'));
    expect(pdf).toContain('KẾ HOẠCH');
    expect(pdf.replace(/\s+/g, ' ')).toContain(example.trichYeu.slice(0, 40));
  });

  it.each([
    ['Giay_Moi', 'không hợp lệ'],
    ['giấy-mời', 'không hợp lệ'],
    ['ke-hoach', 'đã có'],
    ['-x', 'Tùy chọn không rõ'],
  ])('refuses the id %s (exit 2) before writing anything', (id, why) => {
    // In the copy, never in the real tree: a regression here must not write into templates/.
    const templates = path.join(root, 'templates');
    const before = fs.readdirSync(templates).sort();
    const r = vanbanIn(root, ['new-form', id]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(why);
    expect(fs.readdirSync(templates).sort()).toEqual(before);
  });

  it('refuses to start from a dossier, which has no templates of its own', () => {
    const r = vanbanIn(root, ['new-form', 'ho-so-moi', '--from', 'ho-so-khen-thuong']);
    expect(r.code).toBe(2);
    expect(r.err).toContain('dossier');
    expect(fs.existsSync(path.join(root, 'templates', 'ho-so-moi'))).toBe(false);
  });
});

describe('vanban render with a broken template', () => {
  it('refuses the documents of that form (exit 3), names the template, and writes none of their files', () => {
    fs.writeFileSync(path.join(root, 'templates/phat-dong/template.hbs'), '{{> dauVanBan header}}\n{{> doanVan noiDungg}}\n');
    const out = path.join(root, 'out-broken');
    const r = vanbanIn(root, ['render', 'data/campaigns/phat-dong-huu-lung-2022.json', '--out', out]);
    expect(r.code).toBe(3);
    expect(r.err).toContain('[template.unknown_field] data/campaigns/phat-dong-huu-lung-2022.json templates/phat-dong/template.hbs 2:13');
    expect(r.err).toContain('Did you mean "noiDung"?');
    expect(fs.readdirSync(out).filter((f) => f !== '.vanban')).toEqual(['report.json']); // .vanban: the run's journal and lock, not output
    const check = vanbanIn(root, ['templates', 'check', 'phat-dong']);
    expect(check.code).toBe(3);
    expect(check.err).toContain('[template.unknown_field] templates/phat-dong/template.hbs 2:13');
  });
});
