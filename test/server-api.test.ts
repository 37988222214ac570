// The HTTP API as a script uses it: status codes, files and their content, issues with codes and paths, limits, and `vanban serve`.
import fs from 'node:fs';
import http from 'node:http';
import net from 'node:net';
import path from 'node:path';
import { spawn } from 'node:child_process';
import PizZip from 'pizzip';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { startServer, type RunningServer } from '../src/server/app';
import { PDFDocument, PDFSignature } from 'pdf-lib';
import { docxText, pdfInfo, pdfText, squash, tmpDir } from './helpers';

/** Names of the signature fields of a PDF, in the AcroForm's order. */
async function signatureFields(pdf: ArrayBuffer | Uint8Array): Promise<string[]> {
  const doc = await PDFDocument.load(pdf, { updateMetadata: false });
  return doc.getForm().getFields().filter((f) => f instanceof PDFSignature).map((f) => f.getName());
}

const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', name), 'utf8')) as Record<string, unknown>;
const KE_HOACH = fixture('minimal-ke-hoach.json');

let server: RunningServer;
let base: string;

beforeAll(async () => {
  // Validations unmetered (validateShare 1): their share of the main thread is the load tests' subject; here one
  // large validation must not make the next test's request wait for a place.
  server = await startServer({ port: 0, requestTimeout: 1_500, validateShare: 1, log: () => undefined });
  base = server.url;
});
afterAll(async () => {
  await server?.close();
});

const post = (p: string, body: unknown, headers: Record<string, string> = {}) =>
  fetch(`${base}${p}`, { method: 'POST', headers: { 'Content-Type': 'application/json', ...headers }, body: typeof body === 'string' ? body : JSON.stringify(body) });

function saveTmp(name: string, data: ArrayBuffer): string {
  const file = path.join(tmpDir('api'), name);
  fs.writeFileSync(file, Buffer.from(data));
  return file;
}

/** A request with headers fetch will not send (Host) and its answer. */
function rawRequest(opts: http.RequestOptions, body?: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    const url = new URL(base);
    const req = http.request({ host: url.hostname, port: url.port, ...opts }, (res) => {
      let text = '';
      res.setEncoding('utf8');
      res.on('data', (c) => (text += c));
      res.on('end', () => resolve({ status: res.statusCode!, body: text }));
    });
    req.on('error', reject);
    req.end(body);
  });
}

describe('GET', () => {
  it('/api/forms lists every form with its Vietnamese name, in the order of the work, each saying when to use it', async () => {
    const res = await fetch(`${base}/api/forms`);
    expect(res.status).toBe(200);
    const forms = (await res.json()) as { id: string; titleVi: string; hoSo: boolean; moTaVi?: string; kyHieuLoai: string }[];
    expect(forms.map((f) => f.id)).toEqual(['ke-hoach', 'phat-dong', 'ho-so-khen-thuong', 'to-trinh', 'bien-ban', 'bao-cao-thanh-tich']);
    for (const f of forms) expect(f.moTaVi, f.id).toMatch(/\p{L}.{20,}\./u);
    expect(forms.find((f) => f.id === 'to-trinh')!.kyHieuLoai).toBe('TTr');
    expect(forms.find((f) => f.id === 'ke-hoach')!.titleVi).toBe('Kế hoạch tổ chức phong trào thi đua');
    expect(forms.find((f) => f.id === 'ho-so-khen-thuong')!.hoSo).toBe(true);
  });

  it('/api/schema/<form> is the JSON Schema of schemas/<form>.schema.json', async () => {
    for (const id of ['ke-hoach', 'ho-so-khen-thuong']) {
      const res = await fetch(`${base}/api/schema/${id}`);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/schema+json; charset=utf-8');
      expect(await res.json()).toEqual(JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${id}.schema.json`), 'utf8')));
    }
  });

  it('serves the pages, and nothing outside them', async () => {
    const start = await fetch(`${base}/`);
    expect(start.status).toBe(200);
    expect(start.headers.get('content-security-policy')).toContain("default-src 'self'");
    expect(await start.text()).toContain('<html lang="vi">');
    expect((await fetch(`${base}/form/ke-hoach`)).status).toBe(200);
    expect((await fetch(`${base}/assets/js/schema-form.js`)).headers.get('content-type')).toBe('text/javascript; charset=utf-8');
    for (const p of ['/form/khong-co', '/assets/../package.json', '/assets/%2e%2e/%2e%2e/package.json', '/src/paths.ts', '/assets/']) {
      expect((await rawRequest({ path: p })).status, p).toBe(404);
    }
  });
});

describe('POST /api/render', () => {
  it('returns the PDF of a kế hoạch, named after its subject', async () => {
    const res = await post('/api/render/ke-hoach?format=pdf', KE_HOACH);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/pdf');
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="ke-hoach-To-chuc-phong-trao-thi-dua.pdf"');
    const body = await res.arrayBuffer();
    const text = squash(pdfText(saveTmp('k.pdf', body)));
    for (const s of ['Số: 47/KH-HĐTĐKT', 'Hoàng Mai, ngày 09 tháng 6 năm 2021', 'KẾ HOẠCH', 'I. MỤC ĐÍCH, YÊU CẦU', 'Nguyễn Minh Tâm']) expect(text).toContain(s);
    // Ready to sign: the signer's and the seal's empty signature fields.
    expect(await signatureFields(body)).toEqual(['NguoiKy_7c', 'CoQuan_8']);
  });

  it('returns the DOCX, with the form taken from the address when the body has none', async () => {
    const { form: _form, ...withoutForm } = KE_HOACH;
    const res = await post('/api/render/ke-hoach?format=docx', withoutForm);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('application/vnd.openxmlformats-officedocument.wordprocessingml.document');
    const xml = new PizZip(Buffer.from(await res.arrayBuffer())).file('word/document.xml')!.asText();
    const text = squash(docxText(xml));
    for (const s of ['Số: 47/KH-HĐTĐKT', 'KẾ HOẠCH', 'Tổ chức phong trào thi đua', 'MỤC ĐÍCH, YÊU CẦU']) expect(text).toContain(s);
  });

  it('returns a báo cáo thành tích as PDF', async () => {
    const res = await post('/api/render/bao-cao-thanh-tich?format=pdf', fixture('bao-cao-thanh-tich.json'));
    expect(res.status).toBe(200);
    expect(res.headers.get('content-disposition')).toBe('attachment; filename="bao-cao-thanh-tich-Le-Van-Binh.pdf"');
    expect(squash(pdfText(saveTmp('b.pdf', await res.arrayBuffer())))).toContain('BÁO CÁO THÀNH TÍCH');
  });

  it('returns a hồ sơ as the merged ho-so.pdf, and as a ZIP of its DOCX files', async () => {
    const hoSo = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'nominations', 'ho-so-xa-2025.json'), 'utf8'));
    const docx = await post('/api/render/ho-so-khen-thuong?format=docx', hoSo);
    expect(docx.status).toBe(200);
    expect(docx.headers.get('content-type')).toBe('application/zip');
    const zip = new PizZip(Buffer.from(await docx.arrayBuffer()));
    const names = Object.keys(zip.files).filter((n) => !zip.files[n]!.dir);
    expect(names.every((n) => /\.(docx|json)$/.test(n))).toBe(true);
    const manifest = JSON.parse(zip.file(names.find((n) => n.endsWith('/manifest.json'))!)!.asText()) as { taiLieu: { tep: string[] }[] };
    const documents = manifest.taiLieu.map((d) => d.tep[0]);
    expect(documents.slice(0, 2)).toEqual(['01-to-trinh.docx', '02-bien-ban.docx']);
    expect(documents.length).toBeGreaterThan(2);
    for (const d of documents) expect(names.some((n) => n.endsWith(`/${d}`)), d).toBe(true);
    const toTrinh = new PizZip(zip.file(names.find((n) => n.endsWith('/01-to-trinh.docx'))!)!.asUint8Array());
    expect(squash(docxText(toTrinh.file('word/document.xml')!.asText()))).toContain('TỜ TRÌNH');

    const pdf = await post('/api/render/ho-so-khen-thuong?format=pdf', hoSo);
    expect(pdf.status).toBe(200);
    expect(pdf.headers.get('content-disposition')).toMatch(/^attachment; filename="ho-so-khen-thuong-[A-Za-z0-9-]+\.pdf"$/);
    const file = saveTmp('h.pdf', await pdf.arrayBuffer());
    // The merged PDF holds every document: at least a page each, and the three kinds in order.
    expect(Number(pdfInfo(file).Pages)).toBeGreaterThanOrEqual(documents.length);
    const text = squash(pdfText(file));
    const at = ['TỜ TRÌNH', 'BIÊN BẢN', 'BÁO CÁO THÀNH TÍCH'].map((s) => text.indexOf(s));
    expect(at.every((i) => i >= 0)).toBe(true);
    expect([...at].sort((a, b) => a - b)).toEqual(at);
    // Every document's signature fields, named after their document.
    const fields = await signatureFields(fs.readFileSync(file));
    expect(fields.slice(0, 2)).toEqual(['01-to-trinh_NguoiKy_7c', '01-to-trinh_CoQuan_8']);
    expect(fields).toContain('02-bien-ban_CoQuan_8_Phai');
  });

  it('answers 422 with every issue: code, JSON path, both languages and the fix', async () => {
    const res = await post('/api/render/ke-hoach?format=pdf', { ...KE_HOACH, ngay: '2021-02-30', nguoiKi: {}, noiNhan: [{ ten: '' }] });
    expect(res.status).toBe(422);
    const { issues } = (await res.json()) as { issues: Record<string, string>[] };
    expect(issues.map((i) => [i.code, i.path]).sort()).toEqual([
      ['schema.date_invalid', '$.ngay'],
      ['schema.empty', '$.noiNhan[0].ten'],
      ['schema.unknown_key', '$.nguoiKi'],
    ]);
    const date = issues.find((i) => i.code === 'schema.date_invalid')!;
    expect(date).toMatchObject({ severity: 'error', vi: expect.stringContaining('Ngày «Ngày ban hành»'), en: expect.stringContaining('Date "Date of issue"') });
    expect(date.fixVi).toContain('NĂM-THÁNG-NGÀY');
    expect(date.fixEn).toContain('YEAR-MONTH-DAY');
    expect(issues.find((i) => i.code === 'schema.unknown_key')!.fixVi).toContain('nguoiKy');
  });

  it('answers 422 for a body that names another form, or is not an object', async () => {
    const other = await post('/api/render/ke-hoach?format=pdf', { ...KE_HOACH, form: 'to-trinh' });
    expect(other.status).toBe(422);
    expect(((await other.json()) as { issues: { code: string; path: string }[] }).issues).toMatchObject([{ code: 'input.form_mismatch', path: '$.form' }]);
    const list = await post('/api/validate/ke-hoach', '[1, 2]');
    expect(list.status).toBe(422);
    expect(((await list.json()) as { issues: { code: string }[] }).issues[0]!.code).toBe('input.not_object');
  });

  it('answers 400 for malformed JSON, with the line and column', async () => {
    const res = await post('/api/render/ke-hoach?format=pdf', '{\n  "form": "ke-hoach",\n  "so": 47,,\n}');
    expect(res.status).toBe(400);
    const { issues } = (await res.json()) as { issues: { code: string; vi: string; en: string }[] };
    expect(issues[0]!.code).toBe('input.json_syntax');
    expect(issues[0]!.en).toContain('(dòng/line 3, cột/column 12)');
  });

  it('answers 400, not 500, for malformed JSON nested 10,000 deep', async () => {
    for (const p of ['/api/validate/ke-hoach', '/api/render/ke-hoach?format=pdf']) {
      const res = await post(p, '['.repeat(10_000));
      expect(res.status, p).toBe(400);
      const { issues } = (await res.json()) as { issues: { code: string; en: string }[] };
      expect(issues.map((i) => i.code)).toEqual(['input.json_syntax']);
      expect(issues[0]!.en).toContain('(dòng/line 1, cột/column 10001)');
    }
  });

  it('answers 400 for an unknown format', async () => {
    const res = await post('/api/render/ke-hoach?format=odt', KE_HOACH);
    expect(res.status).toBe(400);
    expect(((await res.json()) as { issues: { code: string }[] }).issues[0]!.code).toBe('http.format');
  });

  it('answers 413 over the body limit, by its declared length and by what arrives', async () => {
    const big = JSON.stringify({ ...KE_HOACH, moDau: ['x'.repeat(2 * 1024 * 1024)] });
    const res = await post('/api/render/ke-hoach?format=pdf', big);
    expect(res.status).toBe(413);
    expect(((await res.json()) as { issues: { code: string; vi: string }[] }).issues[0]).toMatchObject({ code: 'http.too_large', vi: expect.stringContaining('2048 KB') });
    // Chunked, with no Content-Length: stopped once the limit is passed.
    const chunked = await new Promise<number>((resolve, reject) => {
      const url = new URL(base);
      const req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: '/api/validate/ke-hoach', headers: { 'Transfer-Encoding': 'chunked' } }, (r) => {
        r.resume();
        resolve(r.statusCode!);
      });
      req.on('error', reject);
      const piece = 'x'.repeat(256 * 1024);
      let sent = 0;
      const write = () => {
        while (sent < 12 && req.write(piece)) sent++;
        if (sent < 12) req.once('drain', write);
        else req.end();
      };
      write();
    }).catch(() => 'reset');
    expect(chunked).toBe(413);
  });

  it('answers 404 for an unknown form, 405 for a wrong method', async () => {
    const unknown = await post('/api/render/giay-moi?format=pdf', KE_HOACH);
    expect(unknown.status).toBe(404);
    expect(((await unknown.json()) as { issues: { code: string; fixVi: string }[] }).issues[0]).toMatchObject({ code: 'http.not_found', fixVi: expect.stringContaining('ke-hoach') });
    expect((await post('/api/render/..%2F..%2Fpackage.json?format=pdf', KE_HOACH)).status).toBe(404);
    const get = await fetch(`${base}/api/render/ke-hoach?format=pdf`);
    expect(get.status).toBe(405);
    expect(get.headers.get('allow')).toBe('POST');
    expect((await fetch(`${base}/api/schema/ke-hoach`, { method: 'DELETE' })).status).toBe(405);
  });

  it('refuses another Host name and a cross-site origin', async () => {
    expect((await rawRequest({ path: '/api/forms', headers: { Host: 'evil.example:80' } })).status).toBe(403);
    const cross = await post('/api/validate/ke-hoach', KE_HOACH, { Origin: 'http://evil.example' });
    expect(cross.status).toBe(403);
  });
});

describe('POST /api/validate', () => {
  it('answers 200 with the issues, without rendering', async () => {
    const ok = await post('/api/validate/ke-hoach', KE_HOACH);
    expect(ok.status).toBe(200);
    expect(await ok.json()).toEqual({ valid: true, issues: [] });
    const bad = await post('/api/validate/ke-hoach', { ...KE_HOACH, coQuan: { ...(KE_HOACH.coQuan as object), vietTat: 'hđ tđ' } });
    expect(bad.status).toBe(200);
    const body = (await bad.json()) as { valid: boolean; issues: { code: string; path: string }[] };
    expect(body.valid).toBe(false);
    expect(body.issues).toMatchObject([{ code: 'schema.abbreviation', path: '$.coQuan.vietTat' }]);
  });
});

describe('answers with many issues', () => {
  it('carry at most 100 issues, errors first, with the total', async () => {
    // 10,000 recipients with an unknown key: 10,000 issues, once all sent back (several MB for a few hundred KB);
    // the warning for the decomposed subject line comes first in the list, and is the one left out.
    const body = { ...KE_HOACH, noiNhan: Array.from({ length: 10_000 }, () => ({ ten: 'Sở', x: 1 })), trichYeu: 'Tổ chức thi đua'.normalize('NFD') };
    for (const [p, status] of [['/api/validate/ke-hoach', 200], ['/api/render/ke-hoach?format=pdf', 422]] as const) {
      const res = await post(p, body);
      expect(res.status, p).toBe(status);
      const text = await res.text();
      expect(text.length).toBeLessThan(100 * 1024);
      const answer = JSON.parse(text) as { valid?: boolean; issues: { code: string; severity: string; path: string }[]; total: number };
      expect(answer.issues).toHaveLength(100);
      expect(answer.total).toBe(10_001);
      expect(answer.issues.every((i) => i.code === 'schema.unknown_key' && i.severity === 'error')).toBe(true);
      expect(answer.issues[99]!.path).toBe('$.noiNhan[99].x');
    }
  });
});

describe('timeouts', () => {
  it('drops a request whose body never finishes arriving', async () => {
    const url = new URL(base);
    const answer = await new Promise<string>((resolve) => {
      const socket = net.connect(Number(url.port), url.hostname, () => {
        socket.write('POST /api/validate/ke-hoach HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: application/json\r\nContent-Length: 100\r\n\r\n{"form":');
      });
      let text = '';
      socket.on('data', (c) => (text += c));
      socket.on('close', () => resolve(text));
      socket.on('error', () => undefined);
    });
    expect(answer.split('\r\n')[0]).toBe('HTTP/1.1 408 Request Timeout');
  });
});

describe('vanban serve', () => {
  it('prints its real address with --port 0, serves, and stops on SIGTERM with exit 0', async () => {
    const child = spawn(process.execPath, [path.join(ROOT, 'bin', 'vanban.mjs'), 'serve', '--port', '0'], { cwd: ROOT });
    let out = '';
    child.stdout.setEncoding('utf8');
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no address printed: ${out}`)), 30_000);
      child.stdout.on('data', (c: string) => {
        out += c;
        const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
        if (m && m[1] !== '0') {
          clearTimeout(timer);
          resolve(m[0]);
        }
      });
    });
    expect((await fetch(`${url}api/forms`)).status).toBe(200);
    const code = new Promise<number | null>((resolve) => child.on('exit', (c) => resolve(c)));
    child.kill('SIGTERM');
    expect(await code).toBe(0);
    expect(out).toContain('đã dừng / stopped');
  });

  it('refuses to listen beyond loopback without an allow-list, warns before listening there, exits 4 when it cannot; 2 on a bad option', async () => {
    const { main } = await import('../src/cli/main');
    const err: string[] = [];
    const io = { out: () => undefined, err: (s: string) => err.push(s) };
    expect(await main(['serve', '--host', '192.0.2.1', '--port', '0'], io)).toBe(2);
    expect(err.join('\n')).toContain('[serve.allow_host]');
    err.length = 0;
    const users = path.join(tmpDir('serve-users'), 'users.json');
    const { AccountStore } = await import('../src/server/accounts');
    await AccountStore.open(users).setPassword('van-thu', 'mat-khau-dai');
    // 192.0.2.1 (TEST-NET-1) is on no interface here: the warning is printed, then the listen fails.
    expect(await main(['serve', '--host', '192.0.2.1', '--port', '0', '--allow-host', 'vanban.test', '--plain-http', '--users', users], io)).toBe(4);
    expect(err[0]).toContain('CẢNH BÁO/WARNING');
    expect(err[0]).toContain('other machines on the network');
    expect(await main(['serve', '--port', 'abc'], io)).toBe(2);
    expect(await main(['serve', '--bogus'], io)).toBe(2);
    expect(await main(['serve', '--tls-cert', 'x.pem'], io)).toBe(2);
  });
});
