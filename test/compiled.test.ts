// The compiled copy a batch starts from (bin/compiled.mjs): the same files as the sources, and never stale.
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { docxPart, docxText, repoCopy, tmpDir, vanbanIn } from './helpers';

const DEBUG = { VANBAN_DEBUG: '1' };
const FELL_BACK = /no compiled copy/;

/** Every file under `dir` but the run's own state and report, by relative path. */
function filesOf(dir: string): Map<string, Buffer> {
  const out = new Map<string, Buffer>();
  for (const f of fs.readdirSync(dir, { recursive: true, encoding: 'utf8' })) {
    const p = path.join(dir, f);
    if (f.startsWith('.vanban') || f === 'report.json' || fs.statSync(p).isDirectory()) continue;
    out.set(f, fs.readFileSync(p));
  }
  return out;
}

describe('the compiled copy of the sources', () => {
  it('writes byte for byte the DOCX files the TypeScript sources write, for every example', () => {
    const compiled = tmpDir('compiled-out');
    const sources = tmpDir('sources-out');
    const a = vanbanIn(ROOT, ['render', 'data/**/*.json', '--out', compiled, '--format', 'docx', '--quiet'], DEBUG);
    expect(a.err).not.toMatch(FELL_BACK);
    expect(a.code).toBe(0);
    const b = vanbanIn(ROOT, ['render', 'data/**/*.json', '--out', sources, '--format', 'docx', '--quiet'], { VANBAN_NO_COMPILE: '1' });
    expect(b.code).toBe(0);
    const mine = filesOf(compiled);
    const theirs = filesOf(sources);
    expect([...mine.keys()].sort()).toEqual([...theirs.keys()].sort());
    expect([...mine.keys()].filter((f) => f.endsWith('.docx')).length).toBeGreaterThanOrEqual(10);
    for (const [f, data] of mine) expect(data.equals(theirs.get(f)!), f).toBe(true);
  });

  it('is made again when a source changes, and reads the configuration when it runs, not when it was made', () => {
    const root = repoCopy('compiled-fresh');
    const out = tmpDir('compiled-fresh-out');
    const input = 'data/campaigns/phat-dong-huu-lung-2022.json';
    const first = vanbanIn(root, ['render', input, '--out', out, '--format', 'docx', '--quiet'], DEBUG);
    expect(first.err).not.toMatch(FELL_BACK);
    expect(docxText(docxPart(path.join(out, 'phat-dong-huu-lung-2022.docx'), 'word/document.xml'))).toContain('PHÁT ĐỘNG');

    // A value of config/regulations.json, which the compiled code imports: edited, it shows in the next document.
    const config = path.join(root, 'config', 'regulations.json');
    fs.writeFileSync(config, fs.readFileSync(config, 'utf8').replace('"tenLoai": "PHÁT ĐỘNG"', '"tenLoai": "PHÁT ĐỘNG THI ĐUA"'));
    expect(vanbanIn(root, ['render', input, '--out', out, '--format', 'docx', '--quiet'], DEBUG).code).toBe(0);
    expect(docxText(docxPart(path.join(out, 'phat-dong-huu-lung-2022.docx'), 'word/document.xml'))).toContain('PHÁT ĐỘNG THI ĐUA');

    // A form definition that no longer compiles: the run loads the sources instead and names the file to mend.
    const form = path.join(root, 'src', 'forms', 'phat-dong.ts');
    const good = fs.readFileSync(form, 'utf8');
    fs.writeFileSync(form, `${good}\nexport const broken = ;\n`);
    const broken = vanbanIn(root, ['render', input, '--out', out, '--format', 'docx'], DEBUG);
    expect(broken.err).toMatch(FELL_BACK);
    expect(broken.code).toBe(3);
    expect(broken.err).toContain('src/forms/phat-dong.ts');

    // Mended, it compiles again under a new name, and the run starts from it.
    fs.writeFileSync(form, good);
    const mended = vanbanIn(root, ['render', input, '--out', out, '--format', 'docx', '--quiet'], DEBUG);
    expect(mended.err).not.toMatch(FELL_BACK);
    expect(mended.code).toBe(0);
  });
});
