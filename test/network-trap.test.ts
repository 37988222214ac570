// The renderer cannot reach out: a trap served on loopback is named in every field in every way (img, link, CSS url,
// @import, script, iframe, object, meta refresh, markdown links, plain text), and so is file:///etc/passwd; after the
// command line renders DOCX and PDF the trap has seen no connection, the PDF shows the strings as typed and nothing of
// /etc/passwd, and the DOCX has no external relationship.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { execFile } from 'node:child_process';
import { promisify } from 'node:util';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import PizZip from 'pizzip';
import { ROOT } from '../src/paths';
import { pdfText, tmpDir } from './helpers';

const seen: string[] = [];
let connections = 0;
const server = http.createServer((req, res) => {
  seen.push(`${req.method} ${req.url}`);
  res.setHeader('Content-Type', 'text/css');
  res.end('body { background: red }');
});
server.on('connection', () => connections++);

function payloads(base: string, tag: string): string[] {
  const u = (p: string) => `${base}${base.startsWith('file:') ? '' : `${tag}-${p}`}`;
  return [
    `<img src="${u('img')}">`,
    `<link rel="stylesheet" href="${u('link')}">`,
    `<p style="background:url(${u('css')})">x</p>`,
    `<style>@import "${u('import')}"; @font-face { font-family: t; src: url(${u('font')}) }</style>`,
    `<script src="${u('script')}"></script>`,
    `<iframe src="${u('iframe')}"></iframe>`,
    `<object data="${u('object')}"></object>`,
    `<meta http-equiv="refresh" content="0; url=${u('meta')}">`,
    `<svg><image href="${u('svg')}"/></svg>`,
    `[liên kết](${u('md')}) và ![ảnh](${u('mdimg')})`,
    `Xem ${u('plain')}`,
  ];
}

let port = 0;
const out = tmpDir('trap-out');
const inDir = tmpDir('trap-in');
let code: number | null = null;
let strings: string[] = [];

beforeAll(async () => {
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  port = (server.address() as AddressInfo).port;
  const trap = `http://127.0.0.1:${port}/`;
  const all = [...payloads(trap, 'a'), ...payloads('file:///etc/passwd', 'f')];
  strings = all;
  const short = `<img src="${trap}s">`;
  const keHoach = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), 'utf8'));
  const input = {
    ...keHoach,
    coQuan: { chuQuan: [short, `<link href="${trap}c">`], ten: [`<script src="${trap}t"></script>`, 'file:///etc/passwd'], vietTat: 'UBND' },
    diaDanh: short,
    trichYeu: all.slice(0, 6).join(' '),
    phongTrao: { ten: all.slice(6, 11).join(' ') },
    canCu: all,
    moDau: all,
    noiDung: [
      { tieuDe: short, noiDung: all.map((p) => ({ gach: p, cong: [p] })) },
      { khoan: all[0], noiDung: [{ diem: all[1] }] },
      ...all,
    ],
    ketLuan: all.slice(11),
    noiNhan: all.map((p) => ({ ten: p, mucDich: `${trap}m` })),
    nguoiKy: { thayMat: `<img src="${trap}tm">`, chucVu: `<style>@import "${trap}cv"</style>`, chucVuKhac: 'file:///etc/passwd', hoTen: `<img src="${trap}h">` },
  };
  const baoCao = JSON.parse(fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'bao-cao-thanh-tich.json'), 'utf8'));
  baoCao.thanhTich = all;
  baoCao.soLuoc = { ...baoCao.soLuoc, email: `${trap}e`, queQuan: 'file:///etc/passwd' };
  fs.writeFileSync(path.join(inDir, 'trap-ke-hoach.json'), JSON.stringify(input));
  fs.writeFileSync(path.join(inDir, 'trap-bao-cao.json'), JSON.stringify(baoCao));
  // Asynchronous, so the trap keeps answering while the renderer runs.
  try {
    await promisify(execFile)(process.execPath, [path.join(ROOT, 'bin', 'vanban.mjs'), 'render', inDir, '--out', out], { cwd: ROOT, timeout: 120_000 });
    code = 0;
  } catch (err) {
    code = (err as { code?: number }).code ?? -1;
  }
}, 180_000);

afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

describe('a trap on loopback named in every field', () => {
  it('renders both inputs', () => {
    expect(code).toBe(0);
    expect(fs.readdirSync(out).filter((f) => f !== '.vanban').sort()).toEqual(['report.json', 'trap-bao-cao.docx', 'trap-bao-cao.pdf', 'trap-bao-cao.signatures.json', 'trap-ke-hoach.docx', 'trap-ke-hoach.pdf', 'trap-ke-hoach.signatures.json']);
  });

  it('received no connection and no request', () => {
    expect(seen).toEqual([]);
    expect(connections).toBe(0);
  });

  it('would have counted one (the trap itself works)', async () => {
    const before = connections;
    const res = await fetch(`http://127.0.0.1:${port}/control`);
    expect(await res.text()).toContain('background');
    expect(seen.pop()).toBe('GET /control');
    expect(connections).toBe(before + 1);
    connections = before;
  });

  it.each(['trap-ke-hoach', 'trap-bao-cao'])('%s.pdf shows every string as typed and nothing of /etc/passwd', (stem) => {
    // Layout mode keeps the words of a justified line in their order.
    const text = pdfText(path.join(out, `${stem}.pdf`), { layout: true });
    // pdftotext joins a word broken at a hyphen at a line end and drops the hyphen: compare without either.
    const flat = text.replace(/[\s-]+/gu, '');
    for (const s of strings) expect(flat, s).toContain(s.replace(/[\s-]+/gu, ''));
    expect(text).not.toMatch(/root:x?:0:0|daemon:|\/bin\/(ba)?sh|nologin/);
  });

  it.each(['trap-ke-hoach', 'trap-bao-cao'])('%s.docx has no external relationship and the strings as text', (stem) => {
    const zip = new PizZip(fs.readFileSync(path.join(out, `${stem}.docx`)));
    const rels = Object.keys(zip.files).filter((f) => f.endsWith('.rels'));
    expect(rels.length).toBeGreaterThan(0);
    for (const r of rels) {
      const xml = zip.file(r)!.asText();
      expect(xml, r).not.toContain('TargetMode="External"');
      expect(xml, r).not.toContain('127.0.0.1');
      expect(xml, r).not.toContain('file:');
    }
    const doc = zip.file('word/document.xml')!.asText();
    expect(doc).not.toMatch(/<w:(hyperlink|object|pict|drawing|altChunk)\b|r:link=|<v:imagedata/);
    expect(doc).toContain(`&lt;img src=&quot;http://127.0.0.1:${port}/a-img&quot;&gt;`);
    expect(doc).not.toMatch(/root:x?:0:0/);
  });
});
