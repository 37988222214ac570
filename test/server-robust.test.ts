// A thousand malformed requests on loopback: each gets its answer (or is dropped), and the server still works with flat memory.
import net from 'node:net';
import v8 from 'node:v8';
import vm from 'node:vm';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startServer, type RunningServer } from '../src/server/app';

let server: RunningServer;
let port: number;

beforeAll(async () => {
  server = await startServer({ port: 0, requestTimeout: 2_000, log: () => undefined });
  port = Number(new URL(server.url).port);
});
afterAll(async () => {
  await server?.close();
});

/** A full collection when the runtime allows it, so that what is measured is what is still held. */
function collect(): void {
  v8.setFlagsFromString('--expose-gc');
  const gc = vm.runInNewContext('gc') as () => void;
  gc();
  gc();
}

/**
 * Sends raw bytes and returns the answer (status 0 when the server only closed the connection). With `cutOff` the
 * client stops sending mid-body and half-closes: the answer then comes only from the server closing its side.
 */
function exchange(bytes: string | Buffer, opts: { cutOff?: boolean } = {}): Promise<{ status: number; body: string }> {
  return new Promise((resolve) => {
    const socket = net.connect(port, '127.0.0.1');
    let text = '';
    let done = false;
    const finish = () => {
      if (done) return;
      done = true;
      socket.destroy();
      resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(text)?.[1] ?? 0), body: Buffer.from(text, 'latin1').toString('utf8').split('\r\n\r\n').slice(1).join('\r\n\r\n') });
    };
    socket.on('connect', () => {
      socket.write(bytes);
      if (opts.cutOff) socket.end();
    });
    socket.setEncoding('latin1');
    socket.on('data', (c: string) => {
      text += c;
    });
    socket.on('end', finish);
    socket.on('close', finish);
    socket.on('error', finish);
  });
}

const send = async (bytes: string | Buffer, opts: { cutOff?: boolean } = {}) => (await exchange(bytes, opts)).status;

const request = (method: string, path: string, body = '', headers: Record<string, string | number> = {}) => {
  const head = { Host: '127.0.0.1', Connection: 'close', 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body), ...headers };
  return `${method} ${path} HTTP/1.1\r\n${Object.entries(head).map(([k, v]) => `${k}: ${v}`).join('\r\n')}\r\n\r\n${body}`;
};

/** Kinds of bad request, each with the status it must get (0: the connection is simply closed). */
const deep = `{"form":"ke-hoach","noiDung":${'['.repeat(3_000)}${']'.repeat(3_000)}}`;
const KINDS: { name: string; make: (i: number) => string | Buffer; status: number; cutOff?: boolean }[] = [
  { name: 'broken JSON', make: (i) => request('POST', '/api/validate/ke-hoach', `{"form": "ke-hoach", "so": ${i},,`), status: 400 },
  { name: 'JSON that is not an object', make: (i) => request('POST', '/api/render/ke-hoach?format=pdf', `[${i}]`), status: 422 },
  { name: 'invalid document', make: (i) => request('POST', '/api/render/ke-hoach?format=docx', JSON.stringify({ ngay: `2021-02-${30 + (i % 2)}`, x: 'y'.repeat(i % 500) })), status: 422 },
  { name: 'nested 3,000 deep', make: () => request('POST', '/api/validate/ke-hoach', deep), status: 200 },
  { name: 'declared length over the limit', make: () => request('POST', '/api/render/ke-hoach?format=pdf', '', { 'Content-Length': 50 * 1024 * 1024 }), status: 413 },
  { name: 'bytes that are not HTTP', make: (i) => Buffer.from(`\x00\x01\xff GARBAGE ${i}\r\n\r\n`, 'latin1'), status: 400 },
  { name: 'invalid UTF-8 in the body', make: () => Buffer.concat([Buffer.from(request('POST', '/api/render/ke-hoach?format=pdf', '').replace('Content-Length: 0', 'Content-Length: 12')), Buffer.from([0x7b, 0x22, 0xc3, 0x28, 0xff, 0xfe, 0x22, 0x3a, 0x31, 0x7d, 0x20, 0x20])]), status: 422 },
  { name: 'body cut off', make: () => request('POST', '/api/render/ke-hoach?format=pdf', '').replace('Content-Length: 0', 'Content-Length: 5000') + '{"form":', status: 400, cutOff: true },
  { name: 'path outside the site', make: (i) => request('GET', `/assets/..%2f..%2f${i}%2fpackage.json`), status: 404 },
  { name: 'unknown form', make: (i) => request('POST', `/api/render/form-${i}?format=pdf`, '{}'), status: 404 },
  { name: 'wrong method', make: () => request('DELETE', '/api/render/ke-hoach?format=pdf'), status: 405 },
  { name: 'unknown format', make: () => request('POST', '/api/render/ke-hoach?format=exe', '{}'), status: 400 },
  { name: 'headers too large', make: () => request('GET', '/api/forms', '', { 'X-Padding': 'a'.repeat(20_000) }), status: 431 },
  { name: 'compressed body', make: () => request('POST', '/api/validate/ke-hoach', 'xx', { 'Content-Encoding': 'gzip' }), status: 415 },
];

async function round(n: number, offset = 0): Promise<Map<string, number[]>> {
  const seen = new Map<string, number[]>();
  const CONCURRENCY = 8;
  let next = 0;
  const worker = async () => {
    while (next < n) {
      const i = offset + next++;
      const kind = KINDS[i % KINDS.length]!;
      const status = await send(kind.make(i), { cutOff: kind.cutOff });
      seen.set(kind.name, [...(seen.get(kind.name) ?? []), status]);
    }
  };
  await Promise.all(Array.from({ length: CONCURRENCY }, worker));
  return seen;
}

async function stillWorks(): Promise<void> {
  const forms = await exchange(request('GET', '/api/forms'));
  expect(forms.status).toBe(200);
  expect((JSON.parse(forms.body) as unknown[]).length).toBe(6);
  const good = { form: 'ke-hoach', coQuan: { ten: 'Ủy ban nhân dân', vietTat: 'UBND' }, diaDanh: 'Hà Nội', ngay: '2024-03', trichYeu: 'Thi đua', noiDung: ['Nội dung.'], noiNhan: [], nguoiKy: { chucVu: 'Chủ tịch', hoTen: 'Nguyễn Văn A' } };
  const ok = await exchange(request('POST', '/api/validate/ke-hoach', JSON.stringify(good)));
  expect(ok.status).toBe(200);
  expect(JSON.parse(ok.body)).toEqual({ valid: true, issues: [] });
  const docx = await exchange(request('POST', '/api/render/ke-hoach?format=docx', JSON.stringify(good)));
  expect(docx.status).toBe(200);
  expect(docx.body.startsWith('PK')).toBe(true);
}

describe('1,000 malformed requests on loopback', () => {
  it('each gets its status, the server still answers, and its memory stays flat', async () => {
    // Warm up: code paths compiled, caches filled, before the first measure.
    await round(200);
    await stillWorks();
    collect();
    const before = process.memoryUsage();

    const seen = await round(1_000, 200);
    expect([...seen.values()].reduce((n, s) => n + s.length, 0)).toBe(1_000);
    for (const kind of KINDS) {
      const statuses = seen.get(kind.name)!;
      expect(statuses.length, kind.name).toBeGreaterThan(60);
      expect(new Set(statuses), kind.name).toEqual(new Set([kind.status]));
    }
    await stillWorks();

    // Connections are all closed again.
    await new Promise((r) => setTimeout(r, 200));
    const open = await new Promise<number>((resolve) => server.server.getConnections((_, n) => resolve(n)));
    expect(open).toBe(0);

    collect();
    const after = process.memoryUsage();
    const mb = (x: number) => Math.round((x / 1024 / 1024) * 10) / 10;
    console.log(`memory before/after 1,000 malformed requests: heapUsed ${mb(before.heapUsed)} → ${mb(after.heapUsed)} MB, rss ${mb(before.rss)} → ${mb(after.rss)} MB`);
    expect(after.heapUsed - before.heapUsed).toBeLessThan(4 * 1024 * 1024);
    expect(after.rss - before.rss).toBeLessThan(64 * 1024 * 1024);
  });
});
