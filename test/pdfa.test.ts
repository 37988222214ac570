// --pdfa: Ghostscript's PDF/A-2b keeps the text layer exactly (Vietnamese letters included), the metadata of the view
// model, the empty signature fields where the sidecar says, and the same bytes run to run; the fields still sign.
// No conformance validator is available here: what PDF/A itself requires is only checked as far as these tests go.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { runBatch } from '../src/pipeline/run';
import { pdfInfo, tmpDir } from './helpers';
import { needTool } from './needs';

const haveGs = needTool('gs', 'the PDF/A conversion of test/pdfa.test.ts');
const havePdfsig = ['pdfsig', 'certutil', 'pk12util', 'openssl', 'qpdf'].every((t) => needTool(t, 'the signing of PDF/A files in test/pdfa.test.ts'));
const INPUTS = ['data/campaigns/ke-hoach-hoang-mai-2021.json', 'test/fixtures/bien-ban.json', 'data/nominations/ho-so-xa-2025.json'].map((f) => path.join(ROOT, f));

const plain = tmpDir('pdfa-plain');
const pdfa = tmpDir('pdfa');
const once = tmpDir('pdfa-once');
const again = tmpDir('pdfa-again');
const reports = haveGs
  ? [
      await runBatch(INPUTS, { outDir: plain, formats: ['pdf'] }),
      await runBatch(INPUTS, { outDir: pdfa, formats: ['pdf'], pdfa: true }),
      // A document's bytes depend on the print it was part of: the same inputs in the same order, twice.
      await runBatch(INPUTS.slice(0, 1), { outDir: once, formats: ['pdf'], pdfa: true }),
      await runBatch(INPUTS.slice(0, 1), { outDir: again, formats: ['pdf'], pdfa: true }),
    ]
  : [];
const PDFS = haveGs ? reports[1]!.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('.pdf'))).map((f) => path.relative(pdfa, f)).sort() : [];
const text = (file: string, mode: string) => execFileSync('pdftotext', [mode, '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
const sidecar = (file: string) => JSON.parse(fs.readFileSync(file.replace(/\.pdf$/, '.signatures.json'), 'utf8'));

describe.runIf(haveGs)('PDF/A-2b through Ghostscript', () => {
  it('renders every input', () => {
    for (const r of reports) expect(r.summary).toMatchObject({ failed: 0, invalid: 0 });
    expect(PDFS.length).toBeGreaterThanOrEqual(4);
    expect(PDFS).toContain(path.join('ho-so-xa-2025', 'ho-so.pdf'));
  });

  it('keeps the text layer exactly, Vietnamese letters included (pdftotext before and after)', () => {
    let corpus = '';
    for (const rel of PDFS) {
      for (const mode of ['-layout', '-raw']) {
        const before = text(path.join(plain, rel), mode);
        expect(text(path.join(pdfa, rel), mode), `${rel} ${mode}`).toBe(before);
        corpus += before;
      }
    }
    // The letters Ghostscript's default interpreter loses or garbles (regulations §3.1) are in what was compared.
    for (const ch of ['Ộ', 'ộ', 'ễ', 'đ', 'Đ']) expect(corpus, ch).toContain(ch);
  });

  it.each(PDFS)('%s declares PDF/A-2b with an sRGB output intent and the view model’s metadata', (rel) => {
    const file = path.join(pdfa, rel);
    const raw = fs.readFileSync(file).toString('latin1');
    expect(raw).toMatch(/<pdfaid:part>2<\/pdfaid:part><pdfaid:conformance>B<\/pdfaid:conformance>/);
    expect(raw).toMatch(/\/S \/GTS_PDFA1/);
    expect(raw).toMatch(/\/DestOutputProfile \d+ 0 R/);
    const info = pdfInfo(file);
    const before = pdfInfo(path.join(plain, rel));
    for (const k of ['Title', 'Author', 'Subject', 'Keywords', 'CreationDate', 'Pages', 'Page size']) expect(info[k], k).toBe(before[k]);
    expect(info['Metadata Stream']).toBe('yes');
    const xmp = Buffer.from(/<\?xpacket begin[\s\S]*?<\?xpacket end="w"\?>/.exec(fs.readFileSync(file).toString('latin1'))![0], 'latin1').toString('utf8');
    expect(xmp).toContain(`<rdf:li xml:lang="x-default">${info.Title!.replace(/&/g, '&amp;')}</rdf:li>`);
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
  });

  it.each(PDFS)('%s keeps its empty signature fields where its sidecar says, as without --pdfa', (rel) => {
    const a = sidecar(path.join(pdfa, rel));
    const b = sidecar(path.join(plain, rel));
    expect(a.slots).toEqual(b.slots);
    if (havePdfsig) {
      const listed = spawnSync('pdfsig', [path.join(pdfa, rel)], { encoding: 'utf8' }).stdout;
      expect([...listed.matchAll(/Signature Field Name: (.+)$/gm)].map((m) => m[1]!.trim())).toEqual(a.slots.map((s: { field: string }) => s.field));
    }
  });

  it('gives the same bytes run to run', () => {
    const name = 'ke-hoach-hoang-mai-2021.pdf';
    expect(Buffer.compare(fs.readFileSync(path.join(once, name)), fs.readFileSync(path.join(again, name)))).toBe(0);
  });

  it.runIf(havePdfsig)('signs in its fields with pdfsig, each signature an appended update, all valid', () => {
    const dir = tmpDir('pdfa-nss');
    const db = path.join(dir, 'db');
    fs.mkdirSync(db);
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', path.join(dir, 'k.pem'), '-out', path.join(dir, 'c.pem'), '-days', '30', '-subj', '/CN=Van thu thu nghiem'], { stdio: 'ignore' });
    execFileSync('openssl', ['pkcs12', '-export', '-inkey', path.join(dir, 'k.pem'), '-in', path.join(dir, 'c.pem'), '-out', path.join(dir, 's.p12'), '-passout', 'pass:test', '-name', 'signer'], { stdio: 'ignore' });
    execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'], { stdio: 'ignore' });
    execFileSync('pk12util', ['-i', path.join(dir, 's.p12'), '-d', `sql:${db}`, '-W', 'test'], { stdio: 'ignore' });
    execFileSync('certutil', ['-M', '-d', `sql:${db}`, '-n', 'signer', '-t', 'CT,C,C'], { stdio: 'ignore' });
    let current = path.join(pdfa, 'ke-hoach-hoang-mai-2021.pdf');
    for (const field of ['NguoiKy_7c', 'CoQuan_8']) {
      const next = path.join(dir, `${field}.pdf`);
      expect(spawnSync('pdfsig', ['-nssdir', `sql:${db}`, '-nick', 'signer', '-sign', field, current, next]).status).toBe(0);
      const before = fs.readFileSync(current);
      expect(Buffer.compare(fs.readFileSync(next).subarray(0, before.length), before)).toBe(0);
      current = next;
    }
    const out = spawnSync('pdfsig', ['-nssdir', `sql:${db}`, current], { encoding: 'utf8' }).stdout;
    expect(out.match(/Signature Validation: Signature is Valid\./g)).toHaveLength(2);
  });
});
