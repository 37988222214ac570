// Golden outputs: for every example in data/ and input fixture, the normalised DOCX XML, the PDF text (pdftotext
// -layout), the signature sidecar and the view model, under test/golden/<name>/. A test compares them; only this
// script rewrites them: npm run golden:update
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import fg from 'fast-glob';
import PizZip from 'pizzip';
import { BrowserPool, check, fromText, outputStem, render } from '../src/api';
import { ROOT } from '../src/paths';

export const GOLDEN_DIR = path.join(ROOT, 'test', 'golden');

/** Inputs with goldens: the examples and the input fixtures (the broken templates are not inputs). */
export function goldenInputs(): string[] {
  return fg.sync(['data/**/*.json', 'test/fixtures/*.json'], { cwd: ROOT }).sort();
}

/** One element per line, so a diff shows which paragraph changed. */
export function normaliseXml(xml: string): string {
  return `${xml
    .replace(/\r?\n/g, '')
    .replace(/(<w:(?:p|tbl|tr|tc|sectPr|hdr|ftr)(?=[\s>/])|<\/w:body>|<w:body>)/g, '\n$1')
    .trim()}\n`;
}

function pdfLayoutText(pdf: Uint8Array): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-golden-'));
  try {
    const file = path.join(dir, 'doc.pdf');
    fs.writeFileSync(file, pdf);
    // Trailing spaces depend on nothing but are noise in a diff.
    return execFileSync('pdftotext', ['-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' }).replace(/[ \t]+$/gm, '');
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
}

/** Golden file (relative to test/golden, '/' separators) → its content, for every input. */
export async function goldenOutputs(): Promise<Map<string, string>> {
  const golden = new Map<string, string>();
  const pool = new BrowserPool();
  try {
    for (const input of goldenInputs()) {
      // A relative source: nothing machine-specific may reach a golden.
      const file = await check(fromText(fs.readFileSync(path.join(ROOT, input), 'utf8'), input));
      if (!file.ok) throw new Error(`${input} is invalid: ${file.messages.map((i) => i.code).join(', ')}`);
      const stem = outputStem(input);
      const files = await render(file, stem, { formats: ['docx', 'pdf'], pool, dumpViewModel: true });
      for (const f of files) {
        // stem.docx → stem/document.xml; stem/01-to-trinh.docx → stem/01-to-trinh.document.xml
        const base = f.file.includes('/') ? `${f.file.replace(/\.[^.]+(\.json)?$/, '')}.` : `${stem}/`;
        if (f.file.endsWith('.docx')) golden.set(`${base}document.xml`, normaliseXml(new PizZip(f.data as Uint8Array).file('word/document.xml')!.asText()));
        else if (f.file.endsWith('ho-so.pdf') || f.file.endsWith('ho-so.signatures.json')) continue; // the merged dossier repeats its documents
        else if (f.file.endsWith('.signatures.json')) golden.set(`${base}signatures.json`, String(f.data));
        else if (f.file.endsWith('.pdf')) golden.set(`${base}pdf.txt`, pdfLayoutText(f.data as Uint8Array));
        else if (f.file.endsWith('.view-model.json')) golden.set(`${f.file.includes('/') ? f.file.replace(/\.view-model\.json$/, '.') : `${stem}/`}view-model.json`, String(f.data));
        else if (f.file.endsWith('manifest.json')) golden.set(f.file, String(f.data));
      }
    }
  } finally {
    await pool.close();
  }
  return golden;
}

/** The golden files now on disk, relative to test/golden. */
export function goldenFilesOnDisk(): string[] {
  return fs.existsSync(GOLDEN_DIR) ? fg.sync('**/*', { cwd: GOLDEN_DIR, ignore: ['**/*.actual'] }).sort() : [];
}

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts', 'golden.ts')) {
  const outputs = await goldenOutputs();
  for (const stale of goldenFilesOnDisk().filter((f) => !outputs.has(f))) {
    fs.rmSync(path.join(GOLDEN_DIR, stale));
    console.log(`removed test/golden/${stale}`);
  }
  let changed = 0;
  for (const [name, text] of outputs) {
    const file = path.join(GOLDEN_DIR, ...name.split('/'));
    fs.rmSync(`${file}.actual`, { force: true });
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    changed++;
    console.log(`wrote test/golden/${name}`);
  }
  console.log(`${outputs.size} golden files, ${changed} changed`);
}
