// Test helpers: render examples once into a temporary folder, read DOCX XML and PDF text with real tools.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import PizZip from 'pizzip';
import fg from 'fast-glob';
import { runBatch, type RunReport } from '../src/pipeline/run';
import { ROOT } from '../src/paths';

export const EXAMPLES = fg.sync('data/**/*.json', { cwd: ROOT }).sort();

export function tmpDir(name: string): string {
  return fs.mkdtempSync(path.join(os.tmpdir(), `vanban-${name}-`));
}

export async function renderAll(files: string[], outDir: string, formats: ('docx' | 'pdf')[] = ['docx', 'pdf']): Promise<RunReport> {
  return runBatch(files.map((f) => path.join(ROOT, f)), { outDir, formats, dumpViewModel: true });
}

export function docxPart(file: string, part: string): string {
  const zip = new PizZip(fs.readFileSync(file));
  const f = zip.file(part);
  if (!f) throw new Error(`${part} missing in ${file}`);
  return f.asText();
}

/** Visible text of a WordprocessingML part, paragraphs and line breaks separated by newlines. */
export function docxText(xml: string): string {
  return xml
    .replace(/<w:p[ >][\s\S]*?<\/w:p>/g, (p) => `${[...p.matchAll(/<w:t(?: [^>]*)?>([^<]*)<\/w:t>|<w:br\/>/g)].map((m) => m[1] ?? '\n').join('')}\n`)
    .replace(/<[^>]+>/g, '')
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&amp;/g, '&');
}

export function pdfText(file: string, opts: { page?: number; layout?: boolean } = {}): string {
  const args = ['-enc', 'UTF-8'];
  if (opts.layout) args.push('-layout');
  if (opts.page) args.push('-f', String(opts.page), '-l', String(opts.page));
  return execFileSync('pdftotext', [...args, file, '-'], { encoding: 'utf8' });
}

export function pdfInfo(file: string): Record<string, string> {
  const out = execFileSync('pdfinfo', ['-enc', 'UTF-8', file], { encoding: 'utf8' });
  return Object.fromEntries(out.split('\n').filter((l) => l.includes(':')).map((l) => [l.slice(0, l.indexOf(':')).trim(), l.slice(l.indexOf(':') + 1).trim()]));
}

export interface PdfFont {
  name: string;
  type: string;
  embedded: boolean;
}

export function pdfFonts(file: string): PdfFont[] {
  const lines = execFileSync('pdffonts', [file], { encoding: 'utf8' }).split('\n').slice(2).filter(Boolean);
  return lines.map((l) => {
    const cols = l.trim().split(/\s+/);
    // name type(s)… encoding emb sub uni object ID
    const emb = cols[cols.length - 5];
    return { name: cols[0]!, type: cols.slice(1, cols.length - 6).join(' '), embedded: emb === 'yes' };
  });
}

/** Words of a page with their boxes (pdftotext -bbox), in PDF points from the top-left. */
export function pdfWords(file: string, page: number): { text: string; xMin: number; yMin: number; xMax: number; yMax: number }[] {
  const html = execFileSync('pdftotext', ['-bbox', '-f', String(page), '-l', String(page), file, '-'], { encoding: 'utf8' });
  return [...html.matchAll(/<word xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<\/word>/g)].map((m) => ({
    xMin: Number(m[1]), yMin: Number(m[2]), xMax: Number(m[3]), yMax: Number(m[4]), text: m[5]!,
  }));
}

/** Whitespace (including no-break spaces) folded to single spaces. */
export function squash(s: string): string {
  return s.replace(/[\s\u00A0]+/gu, ' ').trim();
}

/** Words for coverage: lower case, hyphens dropped (pdftotext joins words hyphenated at a line end), punctuation as space. */
export function words(s: string): string[] {
  return s
    .normalize('NFC')
    .toLocaleLowerCase('vi-VN')
    .replace(/[-–]/g, '')
    .replace(/[^\p{L}\p{N}/%]+/gu, ' ')
    .split(' ')
    .filter(Boolean);
}

/** Share of the reference's words (as a multiset) found in the candidate. */
export function coverage(reference: string, candidate: string): number {
  const bag = new Map<string, number>();
  for (const w of words(candidate)) bag.set(w, (bag.get(w) ?? 0) + 1);
  const ref = words(reference);
  let found = 0;
  for (const w of ref) {
    const n = bag.get(w) ?? 0;
    if (n > 0) {
      found++;
      bag.set(w, n - 1);
    }
  }
  return ref.length === 0 ? 1 : found / ref.length;
}

/** Converts DOCX files to PDF with LibreOffice headless in one call; returns the PDF paths. */
export function libreOfficeToPdf(docxFiles: string[], outDir: string): string[] {
  const profile = tmpDir('lo-profile');
  execFileSync('soffice', [`-env:UserInstallation=file://${profile}`, '--headless', '--norestore', '--convert-to', 'pdf', '--outdir', outDir, ...docxFiles], {
    stdio: 'ignore',
    timeout: 240_000,
  });
  fs.rmSync(profile, { recursive: true, force: true });
  return docxFiles.map((f) => path.join(outDir, path.basename(f).replace(/\.docx$/, '.pdf')));
}

/** A pattern for an expected line: any run of spaces, including a handwriting gap, matches any whitespace. */
export function loose(s: string): RegExp {
  const parts = squash(s).split(' ').map((p) => p.replace(/[.*+?^${}()|[\]\\]/g, '\\$&'));
  return new RegExp(parts.join('[\\s\\u00A0]+'), 'u');
}

/** Whether a line with a handwriting gap stands on one line of the layout text. */
export function hasGappedLine(layoutText: string, s: string): boolean {
  const re = loose(s);
  return layoutText.split('\n').some((l) => re.test(l));
}

/**
 * A throw-away copy of the project (sources, templates, data, schemas; node_modules linked) for tests that add or break
 * forms: the copy's registry finds its own templates, and the real tree is never touched.
 */
export function repoCopy(name: string): string {
  const dir = tmpDir(name);
  for (const d of ['src', 'templates', 'config', 'bin', 'scripts', 'schemas', 'data', 'test/fixtures']) {
    fs.cpSync(path.join(ROOT, d), path.join(dir, d), { recursive: true });
  }
  for (const f of ['package.json', 'tsconfig.json']) fs.copyFileSync(path.join(ROOT, f), path.join(dir, f));
  fs.symlinkSync(path.join(ROOT, 'node_modules'), path.join(dir, 'node_modules'), 'dir');
  return dir;
}

/** Runs the command line of a project folder (the real one or a copy) as a user would. */
export function vanbanIn(root: string, args: string[], env: Record<string, string> = {}) {
  const r = spawnSync(process.execPath, [path.join(root, 'bin', 'vanban.mjs'), ...args], { cwd: root, encoding: 'utf8', env: { ...process.env, ...env }, timeout: 180_000 });
  return { code: r.status, out: r.stdout, err: r.stderr };
}

/**
 * Whether a JSON path such as `$.deCu[2].baoCao.noiDung[0]` names a place in an input: the value exists, or (for a
 * field reported missing) its parent does. Keys are compared in NFC, as validation reads them.
 */
export function pathIn(input: unknown, jsonPath: string, opts: { missingLeaf?: boolean } = {}): boolean {
  const segments: (string | number)[] = [];
  const re = /\.([A-Za-z_$][A-Za-z0-9_$]*)|\[(\d+)\]|\[("(?:[^"\\]|\\.)*")\]/gy;
  if (!jsonPath.startsWith('$')) return false;
  re.lastIndex = 1;
  while (re.lastIndex < jsonPath.length) {
    const m = re.exec(jsonPath);
    if (!m) return false;
    segments.push(m[1] ?? (m[2] !== undefined ? Number(m[2]) : (JSON.parse(m[3]!) as string)));
  }
  let v: unknown = input;
  for (const [k, seg] of segments.entries()) {
    const last = k === segments.length - 1;
    if (v === null || typeof v !== 'object') return false;
    const key = typeof seg === 'number' ? seg : Object.keys(v).find((x) => x.normalize('NFC') === seg);
    if (key === undefined || !Object.prototype.hasOwnProperty.call(v, key)) return last && opts.missingLeaf === true && !Array.isArray(v);
    v = (v as Record<string | number, unknown>)[key];
  }
  return true;
}
