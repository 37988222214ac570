// The corpus of bad inputs (test/corpus) run as ONE batch through the command line, mixed with a valid input of every
// form: each input gets its documented outcome, issue codes and JSON paths; nothing crashes; no partial or temporary
// file is left; every DOCX opens in LibreOffice; and text that was valid is printed as typed in the DOCX and the PDF.
import fs from 'node:fs';
import path from 'node:path';
import { spawnSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { CATALOGUE } from '../src/errors/catalogue';
import { outputStem } from '../src/output/write';
import { ROOT } from '../src/paths';
import { baseInputs, corpus, type CorpusCase } from './corpus/generate';
import { docxPart, docxText, libreOfficeToPdf, pathIn, pdfText, tmpDir } from './helpers';
import { needTool } from './needs';

interface Job {
  source: string;
  form?: string;
  status: 'written' | 'invalid' | 'failed';
  files: string[];
  issues: { code: string; path?: string; severity: 'error' | 'warning'; message: { vi: string; en: string }; hint?: { vi: string; en: string } }[];
}

const CASES: CorpusCase[] = await corpus();
const VALID = Object.entries(baseInputs()).map(([form, input]) => ({ file: `valid-${form}.json`, text: JSON.stringify(input) }));
/** A file whose name starts with a dot: a folder's hidden files are not inputs. */
const HIDDEN = '..hidden.json';

const inDir = tmpDir('corpus-in');
const out = tmpDir('corpus-out');
let run: { code: number | null; out: string; err: string; ms: number };
let jobs: Map<string, Job>;

beforeAll(() => {
  for (const c of [...CASES, ...VALID]) fs.writeFileSync(path.join(inDir, c.file), c.text);
  fs.writeFileSync(path.join(inDir, HIDDEN), VALID[0]!.text);
  const started = performance.now();
  const r = spawnSync(process.execPath, [path.join(ROOT, 'bin', 'vanban.mjs'), 'render', inDir, '--out', out, '--quiet'], {
    cwd: ROOT, encoding: 'utf8', timeout: 240_000, maxBuffer: 64 * 1024 * 1024,
  });
  run = { code: r.status, out: r.stdout, err: r.stderr, ms: Math.round(performance.now() - started) };
  const report = JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as { jobs: Job[] };
  jobs = new Map(report.jobs.map((j) => [path.basename(j.source), j]));
}, 300_000);

/** Every file below a folder, relative, with "/". */
function walk(dir: string, base = dir): string[] {
  return fs.readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? walk(path.join(dir, e.name), base) : [path.relative(base, path.join(dir, e.name)).split(path.sep).join('/')]);
}

describe('the batch', () => {
  it('holds at least 200 bad inputs across every form', () => {
    const bad = CASES.filter((c) => c.outcome === 'invalid');
    expect(bad.length).toBeGreaterThanOrEqual(200);
    for (const form of Object.keys(baseInputs())) expect(bad.filter((c) => c.file.includes(form)).length, form).toBeGreaterThanOrEqual(20);
  });

  it('exits 1 (some inputs invalid, the others written) without crashing', () => {
    console.log(`corpus: ${jobs.size} inputs in ${run.ms} ms`);
    expect(run.err).not.toMatch(/internal|TypeError|RangeError|at .*\.ts:\d+/i);
    expect(run.code).toBe(1);
  });

  it('reports every input once, and no hidden file', () => {
    expect(jobs.size).toBe(CASES.length + VALID.length);
    expect(jobs.has(HIDDEN)).toBe(false);
  });

  it('fails nothing and reports only catalogued issues, each in Vietnamese and English with its fix', () => {
    for (const [file, j] of jobs) {
      expect(j.status, file).not.toBe('failed');
      for (const i of j.issues) {
        expect(Object.keys(CATALOGUE), `${file}: ${i.code}`).toContain(i.code);
        expect(i.message.vi.length * i.message.en.length, file).toBeGreaterThan(0);
        if (i.severity === 'error') expect(i.hint?.vi && i.hint.en, `${file}: ${i.code}`).toBeTruthy();
      }
    }
  });

  it('points every issue at a place that exists in its own input (a missing field: its parent)', () => {
    let checked = 0;
    for (const c of CASES) {
      let input: unknown;
      try {
        input = JSON.parse(c.text.toString().replace(/^\uFEFF/, ''));
      } catch {
        continue;
      }
      for (const i of jobs.get(c.file)!.issues) {
        if (!i.path) continue;
        checked++;
        const missing = i.code === 'schema.required' || i.code === 'input.unknown_form';
        expect(pathIn(input, i.path, { missingLeaf: missing }), `${c.file}: ${i.code} at ${i.path}`).toBe(true);
      }
    }
    expect(checked).toBeGreaterThan(300);
  });

  it('writes every valid record of the batch', () => {
    for (const v of VALID) expect(jobs.get(v.file)).toMatchObject({ status: 'written', issues: [] });
  });

  it('leaves no temporary file, and no file that the report does not list', () => {
    const all = walk(out);
    expect(all.filter((f) => path.basename(f).startsWith('.vanban-tmp-'))).toEqual([]);
    const listed = [...jobs.values()].flatMap((j) => j.files.map((f) => path.relative(out, f).split(path.sep).join('/')));
    // Besides outputs: the report and the run's journal; the lock is released.
    expect(all.sort()).toEqual([...listed, 'report.json', '.vanban/journal.jsonl'].sort());
  });
});

describe.each(CASES.map((c) => [c.file, c] as const))('%s', (file, c) => {
  it(`is ${c.outcome} with its documented issues`, () => {
    const j = jobs.get(file)!;
    expect(j, file).toBeDefined();
    for (const want of c.issues ?? []) {
      const match = j.issues.find((i) => i.code === want.code && (want.path === undefined || i.path === want.path));
      expect(match, `${want.code} ${want.path ?? ''} in ${JSON.stringify(j.issues.map((i) => [i.code, i.path]))}`).toBeDefined();
    }
    const errors = j.issues.filter((i) => i.severity === 'error');
    if (c.outcome === 'invalid') {
      expect(j.status).toBe('invalid');
      expect(errors.length).toBeGreaterThan(0);
      expect(j.files).toEqual([]);
    } else {
      expect(j.status).toBe('written');
      expect(errors).toEqual([]);
      if (c.outcome === 'written') expect(j.issues).toEqual([]);
      else expect(j.issues.length).toBeGreaterThan(0);
    }
  });

  if (c.outcome !== 'invalid') {
    it('has all its files, inside its own place in the output folder', () => {
      const j = jobs.get(file)!;
      const stem = outputStem(file);
      const own = (f: string) => ['docx', 'pdf', 'signatures.json'].some((ext) => f === path.join(out, `${stem}.${ext}`)) || f.startsWith(path.join(out, stem) + path.sep);
      for (const f of j.files) {
        expect(own(f), f).toBe(true);
        expect(fs.statSync(f).size, f).toBeGreaterThan(0);
      }
      expect(j.files.filter((f) => f.endsWith('.docx')).length).toBeGreaterThan(0);
      expect(j.files.filter((f) => f.endsWith('.docx')).length).toBe(j.files.filter((f) => f.endsWith('.pdf') && !f.endsWith('ho-so.pdf')).length);
    });
  }

  if (c.literal || c.literalDocx) {
    it('prints the valid text as typed in the DOCX (escaped in its XML) and the PDF', () => {
      const j = jobs.get(file)!;
      const docx = j.files.find((f) => f.endsWith('.docx'))!;
      const xml = docxPart(docx, 'word/document.xml');
      const text = docxText(xml).replace(/\s+/gu, ' ');
      const pdf = pdfText(j.files.find((f) => f.endsWith('.pdf'))!).replace(/\s+/gu, '');
      const esc = (s: string) => s.replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;');
      for (const s of [...(c.literal ?? []), ...(c.literalDocx ?? [])]) {
        expect(text, s).toContain(s);
        expect(xml, s).toContain(esc(s).replace(/"/g, '&quot;'));
      }
      for (const s of c.literal ?? []) expect(pdf, s).toContain(s.replace(/\s+/gu, ''));
    });
  }
});

it.runIf(needTool('soffice', 'the LibreOffice check of the corpus (test/corpus.test.ts)'))('every DOCX written opens in LibreOffice (one conversion for the whole batch)', () => {
  const docx = [...jobs.values()].flatMap((j) => j.files.filter((f) => f.endsWith('.docx')));
  expect(docx.length).toBeGreaterThanOrEqual(25);
  // LibreOffice names its output after the file name: give each a unique one in a flat folder.
  const flat = tmpDir('corpus-lo-in');
  const copies = docx.map((f, i) => {
    const p = path.join(flat, `d${String(i).padStart(3, '0')}.docx`);
    fs.copyFileSync(f, p);
    return p;
  });
  const pdfs = libreOfficeToPdf(copies, tmpDir('corpus-lo-out'));
  for (const [i, p] of pdfs.entries()) {
    expect(fs.existsSync(p), docx[i]).toBe(true);
    expect(pdfText(p).trim().length, docx[i]).toBeGreaterThan(50);
  }
}, 240_000);
