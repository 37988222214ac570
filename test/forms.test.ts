// Forms are found by discovery; each has both halves, and no form template types a regulated block by hand.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { knownFormIds, loadForm, moduleFormIds, templateFormIds } from '../src/forms/registry';
import { ROOT, TEMPLATES_DIR } from '../src/paths';
import { validateWith } from '../src/schema/validate';
import { docxData } from '../src/render/docx/render';
import { emptyViewModel } from '../src/maintain/check';
import { REGULATED } from '../src/maintain/regulated';
import { docxText, EXAMPLES } from './helpers';


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
    const known = Object.keys(docxData(emptyViewModel(id)));
    for (const t of tags) expect(known, t).toContain(t);
  });
});

describe('JSON Schemas for editors', () => {
  it('are up to date with the zod schemas (regenerate: npx tsx scripts/gen-schemas.ts)', async () => {
    const { schemaFiles } = await import('../scripts/gen-schemas');
    for (const [file, text] of await schemaFiles()) expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
  });
  // No JSON Schema validator is installed: each example is validated by the zod schema the JSON Schema is generated
  // from, names the right schema file, and uses only keys that file declares.
  it.each(EXAMPLES)('%s names its form’s schema and validates', async (file) => {
    const d = JSON.parse(fs.readFileSync(path.join(ROOT, file), 'utf8'));
    const schemaFile = path.join(ROOT, 'schemas', `${d.form}.schema.json`);
    expect(d.$schema).toBe(path.posix.relative(path.posix.dirname(file), `schemas/${d.form}.schema.json`));
    const schema = JSON.parse(fs.readFileSync(schemaFile, 'utf8'));
    expect(schema.properties.form.const).toBe(d.form);
    expect(schema.additionalProperties).toBe(false);
    for (const key of Object.keys(d).filter((k) => k !== '$schema')) expect(Object.keys(schema.properties), key).toContain(key);
    for (const key of schema.required ?? []) expect(Object.keys(d), key).toContain(key);
    const form = await loadForm(d.form);
    const { $schema: _, ...input } = d;
    const { issues } = validateWith(form.definition.schema, input, file);
    expect(issues.filter((i) => i.severity === 'error')).toEqual([]);
  });
});
