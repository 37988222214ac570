// The command line as a user runs it: exit codes, messages, files written and the run report.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { tmpDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'vanban.mjs');
const MINIMAL = path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json');

function vanban(args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [BIN, ...args], { cwd: ROOT, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 120_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/** Files in an output folder; the run's own state folder (.vanban: journal, lock) is not output. */
function listFiles(dir: string): string[] {
  return fs.readdirSync(dir).filter((f) => f !== '.vanban').sort();
}

describe('usage', () => {
  it('prints help with the exit codes', () => {
    const r = vanban(['--help']);
    expect(r.code).toBe(0);
    expect(r.out).toContain('vanban render');
    for (const c of ['0 ', '1 ', '2 ', '3 ', '4 ', '70 ']) expect(r.out).toContain(`\n  ${c}`);
  });
  it.each([[['render']], [['render', 'x.json', '--format', 'odt']], [['render', 'x.json', '--bogus']], [['publish', 'x.json']], [[]]])('exits 2 for %j', (args) => {
    expect(vanban(args).code).toBe(2);
  });
  it.each(['abc', '-1', '65', '1.5'])('exits 2 for --jobs %s, naming the option and the allowed range', (n) => {
    const r = vanban(['render', MINIMAL, '--jobs', n, '--out', tmpDir('cli-jobs')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain(`--jobs: "${n}"`);
    expect(r.err).toContain('use a number from 0 to 64');
  });
  it('lists the new exit codes in the help', () => {
    const r = vanban(['--help']);
    for (const c of ['75 ', '130, 143 ']) expect(r.out).toContain(`\n  ${c}`);
    expect(r.out).toContain('--resume');
    for (const o of ['--separate-appendix', '--pdfa']) expect(r.out).toContain(o);
  });
  it('exits 2 when nothing matches', () => {
    const r = vanban(['render', 'nothing-here/*.json', '--out', tmpDir('cli-none')]);
    expect(r.code).toBe(2);
    expect(r.err).toContain('nothing-here/*.json');
  });
  it('lists the forms', () => {
    const r = vanban(['forms']);
    expect(r.out.split('\n')).toEqual(expect.arrayContaining(['ke-hoach', 'phat-dong']));
  });
});

describe('a batch with good and bad records', () => {
  it('writes the good ones, reports the bad ones with their JSON path, and exits 1', () => {
    const inDir = tmpDir('cli-in');
    const out = tmpDir('cli-out');
    const good = JSON.parse(fs.readFileSync(MINIMAL, 'utf8'));
    fs.writeFileSync(path.join(inDir, 'a-good.json'), JSON.stringify(good));
    fs.writeFileSync(path.join(inDir, 'b-bad-date.json'), JSON.stringify({ ...good, ngay: '2021-02-30' }));
    fs.writeFileSync(path.join(inDir, 'c-broken.json'), '{ "form": "ke-hoach", ');
    fs.writeFileSync(path.join(inDir, 'd-good.json'), JSON.stringify({ ...good, so: 48 }));
    const r = vanban(['render', inDir, '--out', out, '--format', 'docx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[schema.date_invalid]');
    expect(r.err).toContain('b-bad-date.json $.ngay');
    expect(r.err).toContain('[input.json_syntax]');
    expect(listFiles(out)).toEqual(['a-good.docx', 'd-good.docx', 'report.json']);
    const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8'));
    expect(report.summary).toMatchObject({ inputs: 4, written: 2, invalid: 2, failed: 0, files: 2 });
    const bad = report.jobs.find((j: { source: string }) => j.source.endsWith('b-bad-date.json'));
    expect(bad.status).toBe('invalid');
    expect(bad.issues[0]).toMatchObject({ code: 'schema.date_invalid', path: '$.ngay', severity: 'error' });
    expect(bad.issues[0].message.vi).toContain('«Ngày ban hành»');
    expect(bad.issues[0].message.en).toContain('"Date of issue"');
  });
});

describe('environment', () => {
  it('exits 4 without Chromium and leaves no file of the input behind', () => {
    const out = tmpDir('cli-nobrowser');
    const r = vanban(['render', MINIMAL, '--out', out], { VANBAN_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(4);
    expect(r.err).toContain('[env.no_browser]');
    expect(listFiles(out)).toEqual(['report.json']);
  });
  it('exits 4 with --pdfa when Ghostscript is missing, and leaves no file of the input behind', () => {
    const out = tmpDir('cli-nogs');
    const r = vanban(['render', MINIMAL, '--out', out, '--pdfa'], { VANBAN_GHOSTSCRIPT: '/nonexistent/gs' });
    expect(r.code).toBe(4);
    expect(r.err).toContain('[env.no_ghostscript]');
    expect(listFiles(out)).toEqual(['report.json']);
  });
  it('still writes DOCX without Chromium when only DOCX is asked for', () => {
    const out = tmpDir('cli-docx-only');
    const r = vanban(['render', MINIMAL, '--out', out, '--format', 'docx'], { VANBAN_CHROMIUM: '/nonexistent/chromium' });
    expect(r.code).toBe(0);
    expect(listFiles(out)).toEqual(['minimal-ke-hoach.docx', 'report.json']);
  });
});

describe('determinism', () => {
  it('gives the same DOCX, PDF and signature sidecar bytes for the same input', () => {
    const a = tmpDir('cli-det-a');
    const b = tmpDir('cli-det-b');
    expect(vanban(['render', MINIMAL, '--out', a]).code).toBe(0);
    expect(vanban(['render', MINIMAL, '--out', b]).code).toBe(0);
    for (const f of ['minimal-ke-hoach.docx', 'minimal-ke-hoach.pdf', 'minimal-ke-hoach.signatures.json']) {
      expect(Buffer.compare(fs.readFileSync(path.join(a, f)), fs.readFileSync(path.join(b, f))), f).toBe(0);
    }
  });
});
