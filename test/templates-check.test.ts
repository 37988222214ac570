// `vanban templates check`: each kind of mistake in a small broken fixture is caught with its file, place and fix.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { main } from '../src/cli/main';
import { checkForms, checkTemplateDir } from '../src/maintain/check';
import { paragraphs, tagsOf } from '../src/maintain/docx-xml';
import { ROOT } from '../src/paths';
import { repoCopy, tmpDir, vanbanIn } from './helpers';

const BROKEN = path.join(ROOT, 'test', 'fixtures', 'broken-templates');
const BIN = path.join(ROOT, 'bin', 'vanban.mjs');

function vanban(args: string[]) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Each fixture: the codes it must raise (and nothing else), and the places they must name. */
const EXPECTED: Record<string, { codes: string[]; places: string[] }> = {
  'unknown-tag': { codes: ['template.unknown_tag'], places: ['template.docx word/document.xml đoạn/paragraph 6', 'template.docx word/document.xml đoạn/paragraph 8'] },
  'split-tag': { codes: ['template.split_tag'], places: ['template.docx word/document.xml đoạn/paragraph 6'] },
  'docx-syntax': { codes: ['template.docx_syntax'], places: ['template.docx word/document.xml đoạn/paragraph 7'] },
  'regulated-text': { codes: ['template.regulated_text'], places: ['template.docx word/document.xml đoạn/paragraph 1', 'template.docx word/document.xml đoạn/paragraph 10', 'template.hbs 2:4'] },
  'page-size': { codes: ['template.page_size'], places: ['template.docx word/document.xml phần/section 1'] },
  landscape: { codes: ['template.page_size'], places: ['template.docx word/document.xml phần/section 1'] },
  margins: { codes: ['template.margin'], places: ['template.docx word/document.xml phần/section 1', 'template.docx word/document.xml phần/section 1'] },
  font: { codes: ['template.font'], places: ['template.docx word/styles.xml docDefaults', 'template.docx word/document.xml đoạn/paragraph 5'] },
  'page-number': { codes: ['template.page_number'], places: ['template.docx word/document.xml phần/section 1', 'template.docx word/document.xml phần/section 1'] },
  'hbs-syntax': { codes: ['template.hbs_syntax'], places: ['template.hbs 9:1'] },
  'unknown-partial': { codes: ['template.unknown_partial'], places: ['template.hbs 1:5'] },
  'unknown-field': { codes: ['template.unknown_field'], places: ['template.hbs 5:13', 'template.hbs 6:10'] },
  'form-json': { codes: ['template.form_json'], places: ['form.json $.titleEn', 'form.json $.thuTu', 'form.json $.moTaVi', 'form.json $.kyHieuLoai', 'form.json $.formats.0'] },
  'missing-file': { codes: ['template.missing_file'], places: ['template.hbs'] },
};

describe('broken template fixtures', () => {
  it('cover every fixture folder', () => {
    expect(fs.readdirSync(BROKEN).sort()).toEqual(Object.keys(EXPECTED).sort());
  });

  it.each(Object.entries(EXPECTED))('%s is caught with its place, in Vietnamese and English, with the fix', async (kind, want) => {
    const issues = await checkTemplateDir(path.join(BROKEN, kind));
    expect([...new Set(issues.map((i) => i.code))]).toEqual(want.codes);
    const places = issues.map((i) => `${path.basename(i.template!.file)}${i.template!.place ? ` ${i.template!.place}` : ''}`);
    expect(places.sort()).toEqual([...want.places].sort());
    for (const i of issues) {
      expect(i.template!.file).toBe(`test/fixtures/broken-templates/${kind}/${path.basename(i.template!.file)}`);
      expect(i.severity).toBe('error');
      expect(i.message.vi).not.toBe(i.message.en);
      expect(i.hint?.vi.length).toBeGreaterThan(10);
      expect(i.hint?.en.length).toBeGreaterThan(10);
    }
  });

  it('says which tag was meant and how to mend a split tag', async () => {
    const [unknown] = await checkTemplateDir(path.join(BROKEN, 'unknown-tag'));
    expect(unknown!.hint!.en).toContain('Did you mean {@noiDung}?');
    const [split] = await checkTemplateDir(path.join(BROKEN, 'split-tag'));
    expect(split!.message.en).toBe('Tag {@noiDung} is split by Word into 2 separate runs.');
    expect(split!.hint!.en).toContain('type it again in one go');
    const margins = await checkTemplateDir(path.join(BROKEN, 'margins'));
    expect(margins.map((i) => i.message.en)).toEqual([
      "The top margin 30 mm is outside NĐ 30's range (20–25 mm).",
      "The left margin 20 mm is outside NĐ 30's range (30–35 mm).",
    ]);
  });
});

describe('the shipped templates', () => {
  it('are clean, every form and the shared partials', async () => {
    const results = await checkForms();
    expect(results.map((r) => r.id)).toEqual(expect.arrayContaining(['ke-hoach', 'phat-dong', 'to-trinh', 'bien-ban', 'bao-cao-thanh-tich', 'ho-so-khen-thuong', '_blocks']));
    expect(results.flatMap((r) => r.issues)).toEqual([]);
  });
});

describe('tags in WordprocessingML', () => {
  it('are found across runs with the number of runs they span', () => {
    const xml = '<w:body><w:p><w:r><w:t>{@dau</w:t></w:r><w:r><w:rPr><w:b/></w:rPr><w:t>VanBan}</w:t></w:r></w:p><w:p/><w:p><w:r><w:t xml:space="preserve">{trichYeu} x</w:t></w:r></w:p></w:body>';
    const ps = paragraphs(xml);
    expect(ps.map((p) => p.index)).toEqual([1, 2, 3]);
    expect(tagsOf(ps[0]!)).toEqual([{ raw: '{@dauVanBan}', name: 'dauVanBan', runs: 2 }]);
    expect(tagsOf(ps[2]!)).toEqual([{ raw: '{trichYeu}', name: 'trichYeu', runs: 1 }]);
  });
});

describe('vanban templates check', () => {
  it('exits 0 on the shipped templates', () => {
    const r = vanban(['templates', 'check']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('OK  ke-hoach');
    expect(r.err).toBe('');
  });
  it('exits 3 and prints every problem of every folder given, at once', () => {
    const r = vanban(['templates', 'check', 'test/fixtures/broken-templates/split-tag', 'test/fixtures/broken-templates/margins']);
    expect(r.code).toBe(3);
    expect(r.err).toContain('LỖI/ERROR [template.split_tag] test/fixtures/broken-templates/split-tag/template.docx word/document.xml đoạn/paragraph 6');
    expect(r.err.match(/\[template\.margin\]/g)).toHaveLength(2);
    expect(r.out).toContain('Tổng/Total: 3 vấn đề/problems trong/in 2 mẫu/templates');
  });
  it.each([[['templates']], [['templates', 'verify']], [['templates', 'check', 'no-such-form']], [['templates', 'check', '--bogus']]])('exits 2 for %j', async (args) => {
    const err: string[] = [];
    expect(await main(args, { out: () => undefined, err: (s) => err.push(s) })).toBe(2);
    expect(err.join('\n')).toContain('vanban templates check');
  });
});

describe('a form the check passes is a form render can use', () => {
  // The definition module's id differs from its folder: the check and render both say so, as a template error.
  it('reports a definition whose id is not its folder, in the check and in render alike (exit 3, never 70)', () => {
    const root = repoCopy('check-definition');
    try {
      const mod = path.join(root, 'src/forms/phat-dong.ts');
      fs.writeFileSync(mod, fs.readFileSync(mod, 'utf8').replace("id: 'phat-dong'", "id: 'phat-dong-cu'"));
      const check = vanbanIn(root, ['templates', 'check', 'phat-dong']);
      expect(check.code).toBe(3);
      expect(check.err + check.out).toContain('template.definition');
      expect(check.err + check.out).toContain('src/forms/phat-dong.ts');
      const render = vanbanIn(root, ['render', 'data/campaigns/phat-dong-huu-lung-2022.json', '--out', tmpDir('check-definition-out')]);
      expect(render.code).toBe(3);
      expect(render.err).toContain('template.definition');
      expect(render.err).not.toContain('internal.error');
    } finally {
      fs.rmSync(root, { recursive: true, force: true });
    }
  });
});
