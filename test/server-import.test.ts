// POST /api/import: a document or a spreadsheet sent as the raw body comes back as an input or a list, with its issues.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { startServer, type RunningServer } from '../src/server/app';
import { docxPart, renderAll, tmpDir } from './helpers';

let server: RunningServer;
beforeAll(async () => {
  server = await startServer({ port: 0, log: () => undefined, importLimit: 3 * 1024 * 1024 });
});
afterAll(async () => {
  await server?.close();
});

const post = (query: string, body: Buffer | string) =>
  fetch(`${server.url}/api/import${query}`, { method: 'POST', headers: { 'content-type': 'application/octet-stream' }, body: typeof body === 'string' ? body : new Uint8Array(body) });

describe('POST /api/import', () => {
  it('reads a kế hoạch written by vanban back into its input', async () => {
    const out = tmpDir('server-import');
    const report = await renderAll(['data/campaigns/ke-hoach-hoang-mai-2021.json'], out, ['docx']);
    const docx = report.jobs[0]!.files.find((f) => f.endsWith('.docx'))!;
    expect(docxPart(docx, 'word/document.xml')).toContain('VBSoKyHieu');
    const r = await post('?name=ke-hoach.docx', fs.readFileSync(docx));
    expect(r.status).toBe(200);
    const body = (await r.json()) as { kind: string; form: string; input: Record<string, unknown>; valid: boolean };
    const original = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/campaigns/ke-hoach-hoang-mai-2021.json'), 'utf8'));
    expect(body.kind).toBe('document');
    expect(body.form).toBe('ke-hoach');
    expect(body.input.so).toBe(original.so);
    expect(body.input.trichYeu).toBe(original.trichYeu);
    expect((body.input.noiDung as unknown[]).length).toBe(original.noiDung.length);
  });

  it('reads each document of a dossier back as its own form: the tờ trình with its list, the biên bản with its votes', async () => {
    const out = tmpDir('server-import-ho-so');
    const report = await renderAll(['data/nominations/ho-so-xa-2025.json'], out, ['docx']);
    const original = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-xa-2025.json'), 'utf8'));
    const file = (re: RegExp) => fs.readFileSync(report.jobs[0]!.files.find((f) => re.test(f))!);
    const toTrinh = (await (await post('?name=to-trinh.docx&form=to-trinh', file(/01-to-trinh\.docx$/))).json()) as { form: string; valid: boolean; input: any };
    expect(toTrinh).toMatchObject({ form: 'to-trinh', valid: true });
    expect(toTrinh.input.danhSach.map((d: any) => d.ten)).toEqual(original.deCu.map((d: any) => d.ten));
    expect(toTrinh.input.capKhenThuong).toBe(original.capKhenThuong);
    const bienBan = (await (await post('?name=bien-ban.docx', file(/02-bien-ban\.docx$/))).json()) as { form: string; valid: boolean; input: any };
    expect(bienBan).toMatchObject({ form: 'bien-ban', valid: true });
    expect(bienBan.input.bieuQuyet.map((d: any) => [d.ten, d.phieuDongY])).toEqual(original.deCu.map((d: any) => [d.ten, d.phieuDongY]));
    expect(bienBan.input.thanhVien).toHaveLength(original.hoiDong.thanhVien.length);
  });

  it('POST /api/assemble puts a hồ sơ together from its documents as POST /api/import read them', async () => {
    const out = tmpDir('server-assemble');
    const report = await renderAll(['data/nominations/ho-so-hoang-mai-2021.json'], out, ['docx']);
    const original = JSON.parse(fs.readFileSync(path.join(ROOT, 'data/nominations/ho-so-hoang-mai-2021.json'), 'utf8'));
    const parts = [];
    for (const f of report.jobs[0]!.files.filter((x) => x.endsWith('.docx'))) {
      const body = (await (await post(`?name=${path.basename(f)}`, fs.readFileSync(f))).json()) as { form: string; input: unknown };
      parts.push({ name: path.basename(f), form: body.form, input: body.input });
    }
    const r = await fetch(`${server.url}/api/assemble`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify({ parts }) });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { input: any; valid: boolean };
    expect(body.valid).toBe(true);
    expect(body.input.deCu.map((d: any) => d.ten)).toEqual(original.deCu.map((d: any) => d.ten));
    expect(body.input.cuocHop.batDau).toBe(original.cuocHop.batDau);
    // No parts, or not a list: refused with the path.
    const bad = await fetch(`${server.url}/api/assemble`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: '{"parts": []}' });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { path: string }[] }).issues[0]!.path).toBe('$.parts');
  });

  it('returns the nominees and council of a spreadsheet, and each refused row', async () => {
    const csv = fs.readFileSync(path.join(ROOT, 'data/nominations/danh-sach-de-nghi.csv'), 'utf8').replace(/,9\n/, ',chín\n');
    const r = await post('?name=danh-sach.csv', csv);
    expect(r.status).toBe(200);
    const body = (await r.json()) as { kind: string; nominees: { ten: string }[]; issues: { code: string; en: string }[] };
    expect(body.kind).toBe('list');
    expect(body.nominees.length).toBe(5);
    expect(body.issues.map((i) => i.code)).toEqual(['import.row']);
    expect(body.issues[0]!.en).toContain('row 3');
    const xlsx = await post('?name=danh-sach-de-nghi.xlsx', fs.readFileSync(path.join(ROOT, 'data/nominations/danh-sach-de-nghi.xlsx')));
    const list = (await xlsx.json()) as { nominees: unknown[]; members: unknown[]; withVotes: boolean };
    expect([list.nominees.length, list.members.length, list.withVotes]).toEqual([6, 9, true]);
  });

  it('answers 422 for a document of no known type and for a hostile file, 400 without a file name, 413 past its limit, 405 for GET', async () => {
    const unknown = await post('?name=ghi-chu.txt', 'Một ghi chú không phải văn bản hành chính.');
    expect(unknown.status).toBe(422);
    expect(((await unknown.json()) as { issues: { code: string }[] }).issues.map((i) => i.code)).toEqual(['import.unknown_form']);
    const forced = await post('?name=ghi-chu.txt&form=ke-hoach', 'KẾ HOẠCH\nTổ chức phong trào thi đua');
    expect(forced.status).toBe(200);
    expect(((await forced.json()) as { form: string; valid: boolean })).toMatchObject({ form: 'ke-hoach', valid: false });
    const broken = await post('?name=x.xlsx', 'PK\u0003\u0004 not a zip');
    expect(broken.status).toBe(422);
    expect(((await broken.json()) as { issues: { code: string }[] }).issues[0]!.code).toBe('import.unreadable');
    const noName = await post('', 'x');
    expect(noName.status).toBe(400);
    expect(((await noName.json()) as { issues: { code: string }[] }).issues[0]!.code).toBe('http.import_name');
    expect((await post('?name=x.pdf', '%PDF')).status).toBe(400);
    expect((await post('?name=big.docx', Buffer.alloc(4 * 1024 * 1024))).status).toBe(413);
    expect((await fetch(`${server.url}/api/import?name=a.docx`)).status).toBe(405);
  });

  it('POST /api/body turns pasted text into blocks and lines as printed, and blocks back into text', async () => {
    const json = (b: unknown) => fetch(`${server.url}/api/body`, { method: 'POST', headers: { 'content-type': 'application/json' }, body: JSON.stringify(b) });
    const r = await json({ text: 'I. Mục đích\n1. 1. Thi đua yêu nước\n  - Ý thứ nhất\n3.1. Giữa\n3.1.1. Sâu hơn\n1) Tiêu chí' });
    expect(r.status).toBe(200);
    const body = (await r.json()) as { noiDung: unknown[]; lines: { printed: string }[] };
    // A label typed over Word's list number is read once; the numbers are those the document prints.
    expect(body.lines.map((l) => l.printed)).toEqual(['I. MỤC ĐÍCH', '1. Thi đua yêu nước', '- Ý thứ nhất', '1.1. Giữa', '1.1.1. Sâu hơn', '1) Tiêu chí']);
    const back = await json({ noiDung: [{ tieuDe: 'Mục đích', noiDung: ['', { khoan: '**Đậm** và thường' }, { tieuDe: '' }] }] });
    expect(((await back.json()) as { text: string }).text).toBe('I. Mục đích\n1. **Đậm** và thường');
    const bad = await json({ noiDung: [{ tieuDe: 'x', lạ: 1 }] });
    expect(bad.status).toBe(422);
    expect(((await bad.json()) as { issues: { code: string }[] }).issues.map((i) => i.code)).toContain('schema.unknown_key');
    expect((await fetch(`${server.url}/api/body`)).status).toBe(405);
  });
});
