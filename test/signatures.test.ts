// Ready for chữ ký số: every PDF has named empty signature fields where NĐ 30 puts the signatures (regulations §3,
// §3.1), its sidecar says where they are, poppler signs them one after the other as incremental updates, and the
// merged dossier keeps them. Fields are read with qpdf and pdfsig, text positions with pdftotext: not with pdf-lib.
import { execFileSync, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { PDFDocument, PDFName, PDFString } from 'pdf-lib';
import { VanbanError } from '../src/errors/issue';
import { ROOT } from '../src/paths';
import { runBatch } from '../src/pipeline/run';
import { signatureSpacePt } from '../src/layout/tokens';
import { markHref } from '../src/render/marks';
import { findSlots, slotRect, type Rect } from '../src/render/pdf/sig-fields';
import type { SignaturesSidecar } from '../src/render/pdf/sidecar';
import { oKyChuKy, oKyPhuLuc } from '../src/viewmodel/ky-so';
import { docxPart, EXAMPLES, pdfInfo, pdfWords, renderAll, tmpDir } from './helpers';
import { need, needTool } from './needs';

const PT = 72 / 25.4;
const INPUTS = [...EXAMPLES, 'test/fixtures/bien-ban.json', 'test/fixtures/bao-cao-thanh-tich.json', 'test/fixtures/to-trinh.json'];
const haveQpdf = needTool('qpdf', 'the signature-field checks of test/signatures.test.ts');
const haveSigning = ['pdfsig', 'certutil', 'pk12util', 'openssl'].every((t) => needTool(t, 'the signing of test/signatures.test.ts'));
const ITEXT_JARS = ['itext5', 'bcprov', 'bcpkix', 'bcutil'].map((j) => `/usr/share/java/${j}.jar`);
const haveItext =
  ['java', 'javac'].every((t) => needTool(t, 'the iText 5 signing of test/signatures.test.ts')) &&
  need({
    tests: 'the iText 5 signing of test/signatures.test.ts',
    available: ITEXT_JARS.every((j) => fs.existsSync(j)),
    why: 'iText 5 and Bouncy Castle are not in /usr/share/java',
    howTo: 'bash scripts/setup.sh --test-tools (Debian packages libitext5-java, libbcprov-java, libbcpkix-java)',
    kind: 'tool',
  });

const out = tmpDir('signatures');
const report = await renderAll(INPUTS, out);
const PDFS = report.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('.pdf') && !f.endsWith('ho-so.pdf'))).sort();
const sidecarOf = (pdf: string): SignaturesSidecar => JSON.parse(fs.readFileSync(pdf.replace(/\.pdf$/, '.signatures.json'), 'utf8'));

interface QpdfField {
  name: string;
  type: string;
  page: number;
  rect: Rect;
  value: unknown;
  flags: number;
  appearance: string;
}

/** The AcroForm fields as qpdf reads them, with each widget's /Rect and the length of its normal appearance. */
function qpdfFields(file: string): QpdfField[] {
  const json = JSON.parse(execFileSync('qpdf', ['--json=2', '--json-key=acroform', '--json-key=qpdf', '--decode-level=all', '--json-stream-data=inline', file], { encoding: 'utf8', maxBuffer: 1 << 28 }));
  const objects = json.qpdf[1] as Record<string, { value?: Record<string, unknown>; stream?: { dict: Record<string, unknown>; data?: string } }>;
  const obj = (ref: string) => objects[`obj:${ref}`]!;
  return (json.acroform.fields as Record<string, unknown>[]).map((f) => {
    const widget = obj((f.annotation as { object: string }).object).value!;
    const ap = (widget['/AP'] as { '/N': string })['/N'];
    const stream = obj(ap).stream!;
    return {
      name: f.fullname as string,
      type: f.fieldtype as string,
      page: f.pageposfrom1 as number,
      rect: widget['/Rect'] as Rect,
      value: f.value,
      flags: (f.annotation as { annotationflags: number }).annotationflags,
      appearance: Buffer.from(stream.data ?? '', 'base64').toString('latin1'),
    };
  });
}

/** What pdfsig says of each signature field: its name, and whether it is signed and valid. */
function pdfsig(file: string, nssDir?: string): { name: string; signed: boolean; valid: boolean; whole: boolean }[] {
  const r = spawnSync('pdfsig', [...(nssDir ? ['-nssdir', `sql:${nssDir}`] : []), file], { encoding: 'utf8' });
  return r.stdout.split(/^Signature #\d+:$/m).slice(1).map((block) => ({
    name: /Signature Field Name: (.+)$/m.exec(block)?.[1]?.trim() ?? '',
    signed: !block.includes('is not signed'),
    valid: block.includes('Signature Validation: Signature is Valid.'),
    whole: block.includes('Total document signed'),
  }));
}

/** Consecutive words of a page spelling `text`, as boxes in PDF points from the top-left. */
function linesOf(file: string, page: number, text: string): { xMin: number; xMax: number; yMin: number; yMax: number }[] {
  const want = text.split(/\s+/).filter(Boolean);
  const words = pdfWords(file, page);
  const found = [];
  for (let i = 0; i + want.length <= words.length; i++) {
    const run = words.slice(i, i + want.length);
    if (run.every((w, k) => w.text === want[k]) && run.every((w) => Math.abs(w.yMin - run[0]!.yMin) < 1)) {
      found.push({ xMin: run[0]!.xMin, xMax: run[run.length - 1]!.xMax, yMin: run[0]!.yMin, yMax: run[0]!.yMax });
    }
  }
  return found;
}

it('renders every example and fixture with a sidecar beside each PDF', () => {
  expect(report.summary).toMatchObject({ inputs: INPUTS.length, written: INPUTS.length, failed: 0, invalid: 0 });
  expect(PDFS.length).toBeGreaterThanOrEqual(INPUTS.length);
  for (const pdf of PDFS) {
    const files = report.jobs.flatMap((j) => j.files);
    expect(files, pdf).toContain(pdf.replace(/\.pdf$/, '.signatures.json'));
  }
});

describe.each(PDFS.map((p) => path.relative(out, p)))('%s', (rel) => {
  const file = path.join(out, rel);
  const sidecar = () => sidecarOf(file);

  it('has a slot for each signer (ô 7c) and a seal slot (ô 8) where the organisation signs', () => {
    const s = sidecar();
    expect(s).toMatchObject({ file: path.basename(file), units: 'pt', origin: 'bottom-left', pages: Number(pdfInfo(file).Pages) });
    const names = s.slots.map((x) => x.field);
    expect(new Set(names).size).toBe(names.length);
    const vm = JSON.parse(fs.readFileSync(file.replace(/\.pdf$/, '.view-model.json'), 'utf8'));
    const signers = vm.chuKyDoi ? 2 : 1;
    expect(s.slots.filter((x) => x.o === '7c' && x.role === 'nguoi-ky')).toHaveLength(signers);
    expect(s.slots.filter((x) => x.o === '8' && x.role === 'co-quan').length).toBeGreaterThanOrEqual(1);
    if (!vm.chuKyDoi) expect(names).toEqual(['NguoiKy_7c', 'CoQuan_8']);
  });

  it.runIf(haveQpdf)('carries exactly those fields, empty, where the sidecar says; qpdf --check passes', () => {
    const fields = qpdfFields(file);
    const s = sidecar();
    expect(fields.map((f) => ({ name: f.name, page: f.page, rect: f.rect }))).toEqual(s.slots.map((x) => ({ name: x.field, page: x.page, rect: x.rect })));
    for (const f of fields) {
      expect(f.type).toBe('/Sig');
      expect(f.value).toBeNull();
      expect(f.flags).toBe(4); // printable; an empty appearance prints nothing
      expect(f.appearance.trim()).toBe('');
    }
    expect(spawnSync('qpdf', ['--check', file]).status).toBe(0);
  });

  it.runIf(haveSigning)('is listed by pdfsig with every field unsigned', () => {
    expect(pdfsig(file)).toEqual(sidecar().slots.map((x) => ({ name: x.field, signed: false, valid: false, whole: false })));
  });

  it('places each signature between the lines printed above and below it, on the page of the signer’s name', () => {
    const s = sidecar();
    const vm = JSON.parse(fs.readFileSync(file.replace(/\.pdf$/, '.view-model.json'), 'utf8'));
    const height = 841.89;
    for (const slot of s.slots.filter((x) => x.o === '7c')) {
      const [x1, y1, x2, y2] = slot.rect;
      const top = height - y2;
      const bottom = height - y1;
      const overlaps = (l: { xMin: number; xMax: number }) => l.xMax > x1 && l.xMin < x2;
      const above = linesOf(file, slot.page, slot.anchor.above).filter((l) => overlaps(l) && l.yMax <= top + 1 && top - l.yMax < 8);
      expect(above, `${slot.field}: "${slot.anchor.above}" just above`).toHaveLength(1);
      if (slot.anchor.below) {
        const below = linesOf(file, slot.page, slot.anchor.below).filter((l) => overlaps(l) && l.yMin >= bottom - 1 && l.yMin - bottom < 8);
        expect(below, `${slot.field}: "${slot.anchor.below}" just below`).toHaveLength(1);
      }
      if (slot.signer) expect(linesOf(file, slot.page, slot.signer).some(overlaps), `${slot.signer} on page ${slot.page}`).toBe(true);
      // Centred between 7a and 7b, as wide as the tokens say, as tall as the space the layout leaves (Chromium
      // places boxes on whole CSS pixels: 0.75 pt): 24 mm under one signer; in a two-signature footer at least that,
      // the side with fewer caption lines getting more so that the two names stand on one line.
      expect(x2 - x1).toBeCloseTo(50 * PT, 1);
      const side = /_(Trai|Phai)$/.exec(slot.field)?.[1];
      const spacePt: number = side ? vm.chuKyDoi[side === 'Trai' ? 'trai' : 'phai'].khoangKyPt : signatureSpacePt();
      expect(spacePt).toBeGreaterThanOrEqual(signatureSpacePt());
      expect(Math.abs(y2 - y1 - spacePt)).toBeLessThanOrEqual(0.75);
      expect(Math.abs(signatureSpacePt() - 24 * PT)).toBeLessThanOrEqual(0.75);
    }
  });

  it('puts the seal at its size over the left third of its signer’s signature', () => {
    const s = sidecar();
    for (const seal of s.slots.filter((x) => x.o === '8')) {
      const sig = s.slots.find((x) => x.o === '7c' && x.field.replace('NguoiKy_7c', '') === seal.field.replace('CoQuan_8', ''))!;
      expect(sig, seal.field).toBeDefined();
      const [a1, b1, a2, b2] = seal.rect;
      const [c1, d1, c2, d2] = sig.rect;
      expect(seal.page).toBe(sig.page);
      expect(a2 - a1).toBeCloseTo(36 * PT, 1);
      expect(b2 - b1).toBeCloseTo(36 * PT, 1);
      expect((b1 + b2) / 2).toBeCloseTo((d1 + d2) / 2, 1);
      expect(a1).toBeLessThanOrEqual(c1);
      expect(a2).toBeGreaterThan(c1 + (c2 - c1) / 4);
      expect(a2).toBeLessThanOrEqual(c1 + (c2 - c1) / 2);
    }
  });

  it('looks the same on paper: the fields draw nothing', () => {
    const pages = [...new Set(sidecar().slots.map((x) => x.page))];
    const dir = tmpDir('sig-png');
    for (const p of pages) {
      execFileSync('pdftoppm', ['-r', '40', '-f', String(p), '-l', String(p), '-png', '-singlefile', file, path.join(dir, 'with')]);
      execFileSync('pdftoppm', ['-r', '40', '-f', String(p), '-l', String(p), '-png', '-singlefile', '-hide-annotations', file, path.join(dir, 'without')]);
      expect(Buffer.compare(fs.readFileSync(path.join(dir, 'with.png')), fs.readFileSync(path.join(dir, 'without.png'))), `page ${p}`).toBe(0);
    }
  });

  it('keeps the DOCX signature space free, marked by bookmarks under the field names', () => {
    const docx = file.replace(/\.pdf$/, '.docx');
    const xml = docxPart(docx, 'word/document.xml');
    const marks = [...xml.matchAll(/<w:bookmarkStart w:id="(\d+)" w:name="([^"]+)"\/><w:bookmarkEnd w:id="\1"\/>/g)].map((m) => m[2]);
    expect(marks).toEqual(sidecar().slots.map((x) => x.field));
  });
});

/** A throw-away NSS database with a self-signed certificate "signer" (no password), as a Văn thư's token would hold. */
function nssDatabase(): string {
  const dir = tmpDir('nss');
  const key = path.join(dir, 'key.pem');
  const cert = path.join(dir, 'cert.pem');
  const p12 = path.join(dir, 'signer.p12');
  const db = path.join(dir, 'db');
  fs.mkdirSync(db);
  execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '3650', '-subj', '/CN=Van thu thu nghiem/O=vanban test'], { stdio: 'ignore' });
  execFileSync('openssl', ['pkcs12', '-export', '-inkey', key, '-in', cert, '-out', p12, '-passout', 'pass:test', '-name', 'signer'], { stdio: 'ignore' });
  execFileSync('certutil', ['-N', '-d', `sql:${db}`, '--empty-password'], { stdio: 'ignore' });
  execFileSync('pk12util', ['-i', p12, '-d', `sql:${db}`, '-W', 'test'], { stdio: 'ignore' });
  execFileSync('certutil', ['-M', '-d', `sql:${db}`, '-n', 'signer', '-t', 'CT,C,C'], { stdio: 'ignore' });
  return db;
}

/** Signs every field of `file` in turn with pdfsig; each signed file must be the previous one plus an appended update. */
function signInTurn(file: string, fields: string[], db: string): string {
  let current = file;
  fields.forEach((field, i) => {
    const next = path.join(path.dirname(db), `signed-${i + 1}-${path.basename(file)}`);
    const r = spawnSync('pdfsig', ['-nssdir', `sql:${db}`, '-nick', 'signer', '-sign', field, '-reason', 'Thử nghiệm', current, next], { encoding: 'utf8' });
    expect(r.status, `${field}: ${r.stderr}`).toBe(0);
    const before = fs.readFileSync(current);
    const after = fs.readFileSync(next);
    expect(after.length).toBeGreaterThan(before.length);
    expect(Buffer.compare(after.subarray(0, before.length), before), `${field}: the signed file starts with the unsigned one`).toBe(0);
    current = next;
  });
  return current;
}

describe.runIf(haveSigning && haveQpdf)('signing with poppler (pdfsig, throw-away NSS database, self-signed certificate)', () => {
  const db = haveSigning ? nssDatabase() : '';
  it.each([
    ['a kế hoạch: one signer and the seal', 'ke-hoach-hoang-mai-2021.pdf', ['NguoiKy_7c', 'CoQuan_8']],
    ['a biên bản: the secretary, the chairman and the seal', 'bien-ban.pdf', ['NguoiKy_7c_Trai', 'NguoiKy_7c_Phai', 'CoQuan_8_Phai']],
  ])('%s: each field signed in turn, every signature valid', (_n, name, fields) => {
    const file = path.join(out, name);
    expect(sidecarOf(file).slots.map((s) => s.field)).toEqual(fields);
    const signed = signInTurn(file, fields, db);
    const result = pdfsig(signed, db);
    expect(result.map((r) => [r.name, r.signed, r.valid])).toEqual(fields.map((f) => [f, true, true]));
    // The last signature covers the whole file; the earlier ones cover the file as it was when they were made.
    expect(result.map((r) => r.whole)).toEqual(fields.map((_, i) => i === fields.length - 1));
    expect(spawnSync('qpdf', ['--check', signed]).status).toBe(0);
  });
});

describe.runIf(haveItext && haveSigning)('an iText 5 signer (test/interop/ItextSign.java)', () => {
  const classes = tmpDir('itext');
  const cp = [...ITEXT_JARS, classes].join(':');
  if (haveItext) execFileSync('javac', ['-cp', ITEXT_JARS.join(':'), '-d', classes, path.join(ROOT, 'test', 'interop', 'ItextSign.java')]);
  const itext = (...args: string[]) => spawnSync('java', ['-cp', cp, 'ItextSign', ...args], { encoding: 'utf8' });

  it.each(['ke-hoach-hoang-mai-2021.pdf', 'bien-ban.pdf'])('finds the blank fields of %s where the sidecar says', (name) => {
    const r = itext('list', path.join(out, name));
    expect(r.status, r.stderr).toBe(0);
    const listed = r.stdout.trim().split('\n').map((l) => l.split(' ')).map(([n, p, ...rect]) => ({ field: n, page: Number(p), rect: rect.map(Number) }));
    const slots = sidecarOf(path.join(out, name)).slots;
    expect(listed.map((l) => [l.field, l.page])).toEqual(slots.map((s) => [s.field, s.page]));
    listed.forEach((l, i) => l.rect.forEach((v, k) => expect(v).toBeCloseTo(slots[i]!.rect[k]!, 2)));
  });

  it('signs the signer’s field, then poppler signs the seal’s: both verify', () => {
    const db = nssDatabase();
    const p12 = path.join(path.dirname(db), 'signer.p12');
    const file = path.join(out, 'ke-hoach-hoang-mai-2021.pdf');
    const first = path.join(path.dirname(db), 'itext-signed.pdf');
    const r = itext('sign', file, first, 'NguoiKy_7c', p12, 'test');
    expect(r.status, r.stderr).toBe(0);
    const before = fs.readFileSync(file);
    expect(Buffer.compare(fs.readFileSync(first).subarray(0, before.length), before), 'iText appends to the unsigned file').toBe(0);
    const both = signInTurn(first, ['CoQuan_8'], db);
    expect(pdfsig(both, db).map((x) => [x.name, x.signed, x.valid])).toEqual([['NguoiKy_7c', true, true], ['CoQuan_8', true, true]]);
  });
});

describe('the merged dossier', () => {
  const dossiers = report.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('ho-so.pdf')));
  it('exists for each example dossier', () => expect(dossiers.length).toBe(2));

  it.each(dossiers.map((d) => path.relative(out, d)))('%s keeps every document’s fields, renamed per document, on its pages', (rel) => {
    const merged = path.join(out, rel);
    const dir = path.dirname(merged);
    const manifest = JSON.parse(fs.readFileSync(path.join(dir, 'manifest.json'), 'utf8'));
    const sidecar = sidecarOf(merged);
    const expected: { field: string; page: number; rect: Rect }[] = [];
    let first = 0;
    for (const doc of manifest.taiLieu as { tep: string[]; soTrang: number; chuKySo: SignaturesSidecar['slots'] }[]) {
      const pdf = doc.tep.find((f) => f.endsWith('.pdf'))!;
      expect(doc.chuKySo).toEqual(sidecarOf(path.join(dir, pdf)).slots);
      for (const s of doc.chuKySo) expected.push({ field: `${pdf.replace(/\.pdf$/, '')}_${s.field}`, page: first + s.page, rect: s.rect });
      first += doc.soTrang;
    }
    expect(sidecar.slots.map((s) => ({ field: s.field, page: s.page, rect: s.rect }))).toEqual(expected);
    expect(manifest.hoSoPdfChuKySo).toEqual(sidecar.slots);
    if (haveQpdf) {
      expect(qpdfFields(merged).map((f) => ({ field: f.name, page: f.page, rect: f.rect }))).toEqual(expected);
      expect(spawnSync('qpdf', ['--check', merged]).status).toBe(0);
    }
    if (haveSigning) {
      expect(pdfsig(merged).map((r) => [r.name, r.signed])).toEqual(expected.map((e) => [e.field, false]));
      // One field of the merged file signs and verifies as well.
      const db = nssDatabase();
      const signed = signInTurn(merged, [expected[0]!.field], db);
      expect(pdfsig(signed, db)[0]).toMatchObject({ name: expected[0]!.field, signed: true, valid: true });
    }
  });
});

describe('an appendix filed on its own (--separate-appendix)', () => {
  const dir = tmpDir('signatures-appendix');
  const rendered = runBatch([path.join(ROOT, 'test/fixtures/to-trinh.json')], { outDir: dir, formats: ['docx', 'pdf'], separateAppendix: true });
  const file = (f: string) => path.join(dir, f);

  it('is a PDF of its own beside the tờ trình, which keeps only its signer’s and seal’s fields', async () => {
    expect((await rendered).summary).toMatchObject({ written: 1, failed: 0 });
    expect(fs.readdirSync(dir).filter((f) => f !== '.vanban').sort()).toEqual([
      'to-trinh-phu-luc.pdf', 'to-trinh-phu-luc.signatures.json', 'to-trinh.docx', 'to-trinh.pdf', 'to-trinh.signatures.json',
    ]);
    expect(sidecarOf(file('to-trinh.pdf')).slots.map((s) => s.field)).toEqual(['NguoiKy_7c', 'CoQuan_8']);
    expect(execFileSync('pdftotext', [file('to-trinh.pdf'), '-'], { encoding: 'utf8' })).not.toContain('DANH SÁCH');
    // The DOCX is unchanged: the appendix stays its last section.
    expect(docxPart(file('to-trinh.docx'), 'word/document.xml')).toContain('DANH SÁCH');
  });

  it('has the organisation’s field at the top right of its first page, above the text, with the information line to show', async () => {
    await rendered;
    const s = sidecarOf(file('to-trinh-phu-luc.pdf'));
    expect(s.slots).toHaveLength(1);
    const slot = s.slots[0]!;
    expect(slot).toMatchObject({
      field: 'CoQuan_PhuLuc', role: 'co-quan', o: '8', page: 1, anchor: { above: '', below: 'Phụ lục' },
      infoLine: { soKyHieu: '05/TTr-PNV', time: 'YYYY-MM-DDThh:mm:ss+07:00', font: 'Times New Roman', sizePt: 10, color: '#000000' },
    });
    const [x1, y1, x2, y2] = slot.rect;
    // Right edge on the right margin (20 mm), top edge on the top margin (25 mm), 60 × 16 mm.
    expect(Math.abs(x2 - (210 - 20) * PT)).toBeLessThan(1);
    expect(Math.abs(y2 - (297 - 25) * PT)).toBeLessThan(1);
    expect(x2 - x1).toBeCloseTo(60 * PT, 1);
    expect(Math.abs(y2 - y1 - 16 * PT)).toBeLessThanOrEqual(0.75);
    const words = pdfWords(file('to-trinh-phu-luc.pdf'), 1);
    const top = 841.89 - y2;
    const bottom = 841.89 - y1;
    expect(words.filter((w) => w.yMax > top && w.yMin < bottom && w.xMax > x1), 'no text under the field').toEqual([]);
    expect(linesOf(file('to-trinh-phu-luc.pdf'), 1, 'Phụ lục').some((l) => l.yMin >= bottom - 1 && l.yMin - bottom < 8)).toBe(true);
    // Electronic appendices leave the number and date of their reference line unfilled (PL I III.1.c).
    const text = execFileSync('pdftotext', [file('to-trinh-phu-luc.pdf'), '-'], { encoding: 'utf8' });
    expect(text).toContain('Kèm theo Tờ trình số');
    expect(text).not.toContain('20/12/2024');
    if (haveQpdf) expect(qpdfFields(file('to-trinh-phu-luc.pdf')).map((f) => [f.name, f.page, f.rect])).toEqual([['CoQuan_PhuLuc', 1, slot.rect]]);
  });

  it.runIf(haveSigning)('signs with pdfsig and verifies', async () => {
    await rendered;
    const db = nssDatabase();
    const signed = signInTurn(file('to-trinh-phu-luc.pdf'), ['CoQuan_PhuLuc'], db);
    expect(pdfsig(signed, db)).toEqual([{ name: 'CoQuan_PhuLuc', signed: true, valid: true, whole: true }]);
  });
});

describe('slot geometry and marks', () => {
  const space: Rect = [300, 400, 300 + 90 * PT, 400 + 24 * PT];
  it('centres the signature and puts the seal over its left third at the seal’s size, inside the column', () => {
    const sig = slotRect(space, 'chu-ky');
    expect(sig[2] - sig[0]).toBeCloseTo(50 * PT, 1);
    expect((sig[0] + sig[2]) / 2).toBeCloseTo((space[0] + space[2]) / 2, 1);
    expect([sig[1], sig[3]]).toEqual([space[1], Math.round(space[3] * 100) / 100]);
    const seal = slotRect(space, 'dau');
    expect(seal[2] - seal[0]).toBeCloseTo(36 * PT, 1);
    expect(seal[2]).toBeCloseTo(sig[0] + (sig[2] - sig[0]) / 3, 1);
    // A narrow column (two signatures side by side): the seal stays in its column.
    const narrow: Rect = [100, 400, 100 + 77.5 * PT, 400 + 24 * PT];
    expect(slotRect(narrow, 'dau')[0]).toBe(100);
    const appendix = slotRect([99, 700, 539, 745], 'phu-luc');
    expect(appendix).toEqual([Math.round((539 - 60 * PT) * 100) / 100, 700, 539, 745]);
  });

  async function printed(hrefs: string[]): Promise<PDFDocument> {
    const doc = await PDFDocument.create();
    const page = doc.addPage([595.28, 841.89]);
    for (const [i, href] of hrefs.entries()) {
      const action = doc.context.obj({ S: 'URI' });
      action.set(PDFName.of('URI'), PDFString.of(href));
      page.node.addAnnot(doc.context.register(doc.context.obj({ Type: 'Annot', Subtype: 'Link', Rect: [100, 100 + i * 100, 355, 168 + i * 100], A: action })));
    }
    return doc;
  }
  const slots = [...oKyChuKy('CHỦ TỊCH', 'Nguyễn Văn A', 'Nguyễn Văn A', { dongDau: true }), oKyPhuLuc('Số: 05/TTr-UBND', 'DANH SÁCH')];
  const code = async (hrefs: string[]) => {
    try {
      findSlots([{ src: await printed(hrefs), first: 0, count: 1, at: 0 }], slots);
      return 'placed';
    } catch (err) {
      return (err as VanbanError).issues?.[0]?.code;
    }
  };

  it('places every slot of a mark and takes the marks off the page', async () => {
    const doc = await printed([markHref('ky', 'NguoiKy_7c+CoQuan_8'), markHref('ky', 'CoQuan_PhuLuc')]);
    const placed = findSlots([{ src: doc, first: 0, count: 1, at: 3 }], slots);
    expect(placed.map((p) => [p.field, p.page])).toEqual([['NguoiKy_7c', 3], ['CoQuan_8', 3], ['CoQuan_PhuLuc', 3]]);
    expect(doc.getPage(0).node.lookup(PDFName.of('Annots'))).toBeUndefined();
    expect(slots[2]!.thongTin).toEqual({ soKyHieu: '05/TTr-UBND', thoiGian: 'YYYY-MM-DDThh:mm:ss+07:00' });
  });

  it('refuses a slot that is missing, drawn twice or unknown (render.signature_slot)', async () => {
    expect(await code([markHref('ky', 'NguoiKy_7c+CoQuan_8')])).toBe('render.signature_slot');
    expect(await code([markHref('ky', 'NguoiKy_7c+CoQuan_8'), markHref('ky', 'CoQuan_PhuLuc'), markHref('ky', 'CoQuan_8')])).toBe('render.signature_slot');
    expect(await code([markHref('ky', 'NguoiKy_7c+CoQuan_8+SaoY_14'), markHref('ky', 'CoQuan_PhuLuc')])).toBe('render.signature_slot');
    expect(await code([markHref('ky', 'NguoiKy_7c+CoQuan_8'), markHref('ky', 'CoQuan_PhuLuc')])).toBe('placed');
  });
});

it('counts the sidecar among the run’s files and in the resume journal: a missing sidecar renders its input again', async () => {
  const journal = fs.readFileSync(path.join(out, '.vanban', 'journal.jsonl'), 'utf8');
  for (const pdf of PDFS) {
    const sidecar = path.relative(out, pdf.replace(/\.pdf$/, '.signatures.json')).split(path.sep).join('/');
    expect(journal, sidecar).toContain(`"file":"${sidecar}"`);
  }
  const dir = tmpDir('signatures-resume');
  const inputs = ['test/fixtures/minimal-ke-hoach.json', 'test/fixtures/bien-ban.json'].map((f) => path.join(ROOT, f));
  const opts = { outDir: dir, formats: ['docx', 'pdf'] as ('docx' | 'pdf')[], resume: true };
  expect((await runBatch(inputs, opts)).summary).toMatchObject({ written: 2, files: 6 });
  fs.rmSync(path.join(dir, 'bien-ban.signatures.json'));
  const again = await runBatch(inputs, opts);
  expect(again.jobs.map((j) => j.status)).toEqual(['skipped', 'written']);
  expect(fs.existsSync(path.join(dir, 'bien-ban.signatures.json'))).toBe(true);
});
