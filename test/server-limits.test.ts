// The server's limits on one render: a client that hangs up frees its place at once, a job over the page budget is
// refused with 413, long dossiers print chunk by chunk so a short document is not held behind them, and a print past
// its timeout ends only its own renderer.
import fs from 'node:fs';
import http from 'node:http';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { chromiumsBelow } from '../scripts/bench/proc';
import { ROOT } from '../src/paths';
import { check, fromValue } from '../src/api';
import { BrowserPool } from '../src/render/pdf/browser';
import { printRaw } from '../src/render/pdf/print';
import { startServer, type RunningServer } from '../src/server/app';

const KE_HOACH = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), 'utf8');
const HO_SO = JSON.parse(fs.readFileSync(path.join(ROOT, 'data', 'nominations', 'ho-so-xa-2025.json'), 'utf8')) as Record<string, unknown> & { deCu: { ten: string }[] };
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** The example dossier with `n` nominees (its own, repeated under other names): n reports of a few pages each. */
function dossier(n: number): string {
  const base = HO_SO.deCu;
  const deCu = Array.from({ length: n }, (_, i) => ({ ...base[i % base.length]!, ten: `${base[i % base.length]!.ten} ${String.fromCharCode(65 + (i % 26))}${Math.floor(i / 26) || ''}` }));
  return JSON.stringify({ ...HO_SO, deCu });
}

const servers: RunningServer[] = [];
afterAll(async () => {
  for (const s of servers) await s.close();
});
async function server(opts: Parameters<typeof startServer>[0] = {}): Promise<RunningServer> {
  const s = await startServer({ port: 0, log: () => undefined, ...opts });
  servers.push(s);
  return s;
}

/** A POST that can be dropped before its answer: `abort()` closes the connection as a closed browser tab does. */
function post(s: RunningServer, p: string, body: string): { done: Promise<{ status: number; body: string }>; abort: () => void } {
  const url = new URL(s.url);
  let req!: http.ClientRequest;
  const done = new Promise<{ status: number; body: string }>((resolve) => {
    req = http.request({ host: url.hostname, port: url.port, method: 'POST', path: p, agent: false, headers: { 'Content-Type': 'application/json', 'Content-Length': Buffer.byteLength(body) } }, (res) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => resolve({ status: res.statusCode!, body: Buffer.concat(chunks).toString('latin1') }));
      res.on('error', () => resolve({ status: 0, body: '' }));
    });
    req.on('error', () => resolve({ status: 0, body: '' }));
    req.end(body);
  });
  return { done, abort: () => req.destroy() };
}

async function until(what: string, probe: () => boolean, ms = 60_000): Promise<void> {
  const end = Date.now() + ms;
  while (!probe()) {
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(20);
  }
}

const codes = (body: string) => (JSON.parse(Buffer.from(body, 'latin1').toString('utf8')) as { issues: { code: string }[] }).issues.map((i) => i.code);

describe('a client that hangs up', () => {
  it('frees its place in line and in the render queue at once, so the next request is served', async () => {
    // One render at a time, one waiting, two in line: four requests fill the server.
    const s = await server({ concurrency: 1, maxWaiting: 1, waiting: 2 });
    const long = post(s, '/api/render/ho-so-khen-thuong?format=pdf', dossier(24));
    await until('the long render to start', () => s.counts().rendering.running === 1);
    const dropped = [1, 2, 3].map(() => post(s, '/api/render/ke-hoach?format=pdf', KE_HOACH));
    await until('the server to be full', () => s.counts().admitted.render === 2 && s.counts().waiting === 2);
    for (const d of dropped) d.abort();
    await until('the places of the dropped requests to be free', () => s.counts().admitted.render === 1 && s.counts().waiting === 0 && s.counts().rendering.waiting === 0, 10_000);
    // The long render is still going: the places were freed by the hang-ups, not by work finishing.
    expect(s.counts().rendering.running).toBe(1);
    const next = await post(s, '/api/render/ke-hoach?format=pdf', KE_HOACH).done;
    expect(next.status).toBe(200);
    expect((await long.done).status).toBe(200);
  });
});

describe('admission', () => {
  it('lets a request wait for a place in line, refuses one more of the same client with 429, and one past its wait with 503', async () => {
    const s = await server({ concurrency: 1, maxWaiting: 0, perClientWaiting: 1, maxWaitMs: 1_500 });
    const long = post(s, '/api/render/ho-so-khen-thuong?format=pdf', dossier(24));
    await until('the long render to print', () => s.counts().rendering.running === 1 && chromiumsBelow(process.pid).length >= 3);
    // However fast the machine, the long render outlasts the wait in line: its Chromium is paused until the line gave up.
    const paused = chromiumsBelow(process.pid);
    for (const pid of paused) process.kill(pid, 'SIGSTOP');
    let waited: { status: number; body: string };
    try {
      const waiting = post(s, '/api/render/ke-hoach?format=pdf', KE_HOACH);
      await until('a request in line', () => s.counts().waiting === 1);
      // Refused from its headers: its malformed body is never read, let alone parsed (that would be 400).
      const extra = await post(s, '/api/render/ke-hoach?format=docx', '{"form": ').done;
      expect(extra.status).toBe(429);
      expect(codes(extra.body)).toEqual(['http.client_busy']);
      waited = await waiting.done;
      expect(s.counts().rendering.running).toBe(1);
    } finally {
      for (const pid of paused) process.kill(pid, 'SIGCONT');
    }
    expect(waited.status).toBe(503);
    expect(codes(waited.body)).toEqual(['http.busy']);
    expect((await long.done).status).toBe(200);
    // With the place free again, the same request is served.
    expect((await post(s, '/api/render/ke-hoach?format=pdf', KE_HOACH).done).status).toBe(200);
  });
});

describe('the page budget of one render', () => {
  it('refuses a dossier with more documents than pages allowed at once, with 413', async () => {
    const s = await server({ maxPages: 20 });
    const res = await post(s, '/api/render/ho-so-khen-thuong?format=pdf', dossier(40)).done;
    expect(res.status).toBe(413);
    expect(codes(res.body)).toEqual(['render.too_many_pages']);
    expect(s.counts().rendering).toEqual({ running: 0, waiting: 0 });
    // DOCX has no pages to print: it is not refused.
    expect((await post(s, '/api/render/ho-so-khen-thuong?format=docx', dossier(40)).done).status).toBe(200);
  });

  it('stops printing once the pages made pass the budget, with 413 naming the limit', async () => {
    const body = dossier(30);
    const documents = (await check(fromValue(JSON.parse(body), 'x'))).prepared!.documents.length;
    const s = await server({ maxPages: documents, printChunk: 10 });
    const res = await post(s, '/api/render/ho-so-khen-thuong?format=pdf', body).done;
    expect(res.status).toBe(413);
    expect(codes(res.body)).toEqual(['render.too_many_pages']);
    expect(Buffer.from(res.body, 'latin1').toString('utf8')).toContain(`over the server's limit of ${documents} pages`);
  });
});

describe('long dossiers', () => {
  it('print chunk by chunk: a short document sent after two long ones is answered first', async () => {
    const s = await server();
    const finished: string[] = [];
    const track = (name: string, r: ReturnType<typeof post>) => r.done.then((x) => (finished.push(name), x));
    const long1 = track('long 1', post(s, '/api/render/ho-so-khen-thuong?format=pdf', dossier(40)));
    const long2 = track('long 2', post(s, '/api/render/ho-so-khen-thuong?format=pdf', dossier(40)));
    await until('both long renders to start', () => s.counts().rendering.running === 2);
    const short = await track('short', post(s, '/api/render/ke-hoach?format=pdf', KE_HOACH));
    expect(short.status).toBe(200);
    expect(finished[0]).toBe('short');
    expect((await long1).status).toBe(200);
    expect((await long2).status).toBe(200);
  });
});

describe('a print past its timeout', () => {
  it('ends its own renderer only: the print beside it finishes and the browser is not restarted', async () => {
    const before = process.env.VANBAN_PRINT_TIMEOUT_MS;
    process.env.VANBAN_PRINT_TIMEOUT_MS = '3000';
    const pool = new BrowserPool(2);
    try {
      await printRaw(pool, '<p>warm</p>');
      expect(pool.launches).toBe(1);
      // Thousands of pages: far more than a print can make in 3 s on this machine.
      const huge = `<div>${'<p style="break-after:page">Trang văn bản rất dài.</p>'.repeat(20_000)}</div>`;
      const hung = printRaw(pool, huge).then(() => 'printed', (e: Error) => e.message);
      await sleep(200);
      const small = await printRaw(pool, '<p>Văn bản ngắn</p>');
      expect(Buffer.from(small).subarray(0, 5).toString()).toBe('%PDF-');
      expect(await hung).toMatch(/no answer from Chromium in 3000 ms/);
      const after = await printRaw(pool, '<p>Sau đó</p>');
      expect(Buffer.from(after).subarray(0, 5).toString()).toBe('%PDF-');
      expect(pool.launches).toBe(1);
    } finally {
      if (before === undefined) delete process.env.VANBAN_PRINT_TIMEOUT_MS;
      else process.env.VANBAN_PRINT_TIMEOUT_MS = before;
      await pool.close();
    }
  });
});
