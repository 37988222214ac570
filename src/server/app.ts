// The local web server: the form pages and the JSON API they share with scripts, over node:http and one Chromium.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { knownFormIds, loadForm } from '../forms/registry';
import { ROOT } from '../paths';
import { check, fromText, fromValue, parse, type VanbanFile } from '../api';
import { BrowserPool } from '../render/pdf/browser';
import { formJsonSchema } from '../schema/json-schema';
import { readBody } from './body';
import { toWire } from './issues';
import { AbortedError, QueueFullError, RenderQueue } from './queue';
import { downloadStem, renderDownload } from './render';
import { loadStatic, type StaticFile } from './static';

export const PUBLIC_DIR = path.join(ROOT, 'src', 'server', 'public');

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Time allowed to receive a whole request (headers and body), in ms. */
  requestTimeout?: number;
  /** Time allowed for one render, in ms. */
  renderTimeout?: number;
  /** Renders at a time, and renders allowed to wait. */
  concurrency?: number;
  maxWaiting?: number;
  /** Where server-side failures are reported. */
  log?: (line: string) => void;
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  bodyLimit: 2 * 1024 * 1024,
  requestTimeout: 30_000,
  renderTimeout: 90_000,
  concurrency: 2,
  maxWaiting: 16,
} as const;

export interface RunningServer {
  server: http.Server;
  /** The real address, e.g. http://127.0.0.1:41234 (with --port 0 the port the system chose). */
  url: string;
  close(): Promise<void>;
}

const LOOPBACK_HOSTS = new Set(['127.0.0.1', 'localhost', '::1', '[::1]']);

export function isLoopback(host: string): boolean {
  return LOOPBACK_HOSTS.has(host) || /^127\.\d+\.\d+\.\d+$/.test(host);
}

/** Security headers of every answer: nothing from elsewhere, PDF previews only from blob: URLs the page made itself. */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
};

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const o = { ...DEFAULTS, ...opts };
  const log = opts.log ?? ((line: string) => console.error(line));
  const pool = new BrowserPool();
  const queue = new RenderQueue(o.concurrency, o.maxWaiting);
  const files = loadStatic(PUBLIC_DIR);
  const forms = knownFormIds();
  const loopbackOnly = isLoopback(o.host);
  const schemaCache = new Map<string, string>();

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, headers: Record<string, string | number> = {}) => {
    if (res.headersSent || res.destroyed) return;
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Length': Buffer.byteLength(body), ...headers });
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown, headers: Record<string, string | number> = {}) =>
    send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  const sendIssues = (res: ServerResponse, status: number, issues: Issue[], headers: Record<string, string | number> = {}) =>
    sendJson(res, status, { issues: issues.map(toWire) }, headers);
  const notFound = (res: ServerResponse, what: string) => sendIssues(res, 404, [makeIssue('http.not_found', { what, known: forms.join(', ') })]);
  const wrongMethod = (res: ServerResponse, method: string, allowed: string) =>
    sendIssues(res, 405, [makeIssue('http.method', { method, allowed })], { Allow: allowed });

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: StaticFile | undefined) => {
    if (!file) return notFound(res, 'page');
    if (req.headers['if-none-match'] === file.etag) return send(res, 304, '', { ETag: file.etag });
    send(res, 200, req.method === 'HEAD' ? '' : file.data, { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'no-cache', ...(req.method === 'HEAD' ? { 'Content-Length': file.data.length } : {}) });
  };

  /** Reads and checks a JSON body for `formId`; answers the request itself and returns undefined when it cannot go on. */
  const readInput = async (req: IncomingMessage, res: ServerResponse, formId: string): Promise<Record<string, unknown> | undefined> => {
    const body = await readBody(req, o.bodyLimit);
    if (!body.ok) {
      if (body.reason === 'too_large') {
        // Stop reading: the rest of an oversized body is never buffered.
        sendIssues(res, 413, [makeIssue('http.too_large', { limit: `${Math.round(o.bodyLimit / 1024)} KB` })], { Connection: 'close' });
        setTimeout(() => req.socket.destroy(), 1_000).unref();
      } else if (body.reason === 'encoding') {
        sendIssues(res, 415, [makeIssue('http.format', { value: `Content-Encoding: ${req.headers['content-encoding']}` })], { Connection: 'close' });
      }
      return undefined;
    }
    const parsed = parse(fromText(body.text, 'web-form'));
    if (parsed.messages.length) {
      sendIssues(res, 400, parsed.messages);
      return undefined;
    }
    const raw = parsed.value;
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) {
      sendIssues(res, 422, [makeIssue('input.not_object', {}, { path: '$' })]);
      return undefined;
    }
    const input = raw as Record<string, unknown>;
    if (input.form === undefined) return { form: formId, ...input };
    if (input.form !== formId) {
      sendIssues(res, 422, [makeIssue('input.form_mismatch', { value: JSON.stringify(input.form), expected: formId }, { path: '$.form' })]);
      return undefined;
    }
    return input;
  };

  const validate = async (req: IncomingMessage, res: ServerResponse, formId: string) => {
    const input = await readInput(req, res, formId);
    if (!input) return;
    const file = await check(fromValue(input, 'web-form'));
    sendJson(res, 200, { valid: file.ok, issues: file.messages.map(toWire) });
  };

  const render = async (req: IncomingMessage, res: ServerResponse, formId: string, format: string | null) => {
    if (format !== 'pdf' && format !== 'docx') {
      req.resume();
      return sendIssues(res, 400, [makeIssue('http.format', { value: JSON.stringify(format) })]);
    }
    const input = await readInput(req, res, formId);
    if (!input) return;
    const file: VanbanFile = await check(fromValue(input, 'web-form'));
    // A broken template is the server's fault, not the clerk's: 500 with its file and place.
    if (file.failed) return sendIssues(res, 500, file.messages.filter((i) => i.severity === 'error'));
    if (!file.ok) return sendIssues(res, 422, file.messages);
    // A page that moved on (a stale preview) closes its request; its render is then skipped if it is still waiting.
    const gone = new AbortController();
    res.on('close', () => {
      if (!res.writableEnded) gone.abort();
    });
    let timer: NodeJS.Timeout | undefined;
    try {
      const stem = downloadStem(formId, input);
      const download = await queue.run(
        () =>
          Promise.race([
            renderDownload(file, stem, format, pool),
            new Promise<never>((_, reject) => {
              timer = setTimeout(() => reject(new VanbanError([makeIssue('http.timeout', { seconds: Math.round(o.renderTimeout / 1000) })])), o.renderTimeout);
            }),
          ]),
        gone.signal,
      );
      const warnings = file.messages.filter((i) => i.severity === 'warning').length;
      send(res, 200, download.data, {
        'Content-Type': download.type,
        'Content-Disposition': `attachment; filename="${download.name}"`,
        'Cache-Control': 'no-store',
        'X-Vanban-Warnings': warnings,
      });
    } catch (err) {
      if (err instanceof AbortedError) return;
      if (err instanceof QueueFullError) return sendIssues(res, 503, [makeIssue('http.busy')], { 'Retry-After': 5 });
      if (err instanceof VanbanError) {
        const env = err.issues.some((i) => i.stage === 'environment' || i.code === 'http.timeout');
        return sendIssues(res, env ? 503 : 500, err.issues);
      }
      log(`vanban serve: ${(err as Error).stack ?? String(err)}`);
      sendIssues(res, 500, [makeIssue('internal.error', { cause: (err as Error).message })]);
    } finally {
      clearTimeout(timer);
    }
  };

  const schema = async (res: ServerResponse, formId: string) => {
    let text = schemaCache.get(formId);
    if (!text) {
      text = JSON.stringify(await formJsonSchema(formId));
      schemaCache.set(formId, text);
    }
    send(res, 200, text, { 'Content-Type': 'application/schema+json; charset=utf-8', 'Cache-Control': 'no-cache' });
  };

  const formList = async () =>
    Promise.all(
      forms.map(async (id) => {
        const f = await loadForm(id);
        return { id, titleVi: f.settings.titleVi, titleEn: f.settings.titleEn, hoSo: Boolean(f.settings.hoSo) };
      }),
    );

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    const hostHeader = (req.headers.host ?? '').replace(/:\d+$/, '');
    // With a loopback address, refuse other Host names: a web page elsewhere cannot reach this server by DNS rebinding.
    if (loopbackOnly && !isLoopback(hostHeader)) return sendIssues(res, 403, [makeIssue('http.forbidden')]);
    const origin = req.headers.origin;
    if (origin && method !== 'GET' && method !== 'HEAD' && origin !== `http://${req.headers.host}`) return sendIssues(res, 403, [makeIssue('http.forbidden')]);
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return sendIssues(res, 400, [makeIssue('http.not_found', { what: 'URL', known: forms.join(', ') })]);
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const isGet = method === 'GET' || method === 'HEAD';

    if (parts[0] === 'api') {
      const [, action, formId, ...rest] = parts;
      if (action === 'forms' && parts.length === 2) return isGet ? sendJson(res, 200, await formList()) : wrongMethod(res, method, 'GET');
      const post = action === 'render' || action === 'validate';
      if ((post || action === 'schema') && rest.length === 0 && formId !== undefined) {
        if (!forms.includes(formId)) return notFound(res, `form ${JSON.stringify(formId)}`);
        if (action === 'schema') return isGet ? schema(res, formId) : wrongMethod(res, method, 'GET');
        if (method !== 'POST') return wrongMethod(res, method, 'POST');
        return action === 'render' ? render(req, res, formId, url.searchParams.get('format')) : validate(req, res, formId);
      }
      return notFound(res, url.pathname);
    }
    if (!isGet) return wrongMethod(res, method, 'GET');
    if (parts.length === 0) return sendFile(req, res, files.get('index.html'));
    if (parts[0] === 'form' && parts.length === 2) return forms.includes(parts[1]!) ? sendFile(req, res, files.get('form.html')) : notFound(res, url.pathname);
    if (parts[0] === 'assets' && parts.length >= 2) return sendFile(req, res, files.get(parts.slice(1).join('/')));
    return notFound(res, url.pathname);
  };

  const server = http.createServer({
    requestTimeout: o.requestTimeout,
    headersTimeout: Math.min(o.requestTimeout, 10_000),
    keepAliveTimeout: 5_000,
    // How often Node looks for requests past their time; its default (30 s) would let a slow client hold on far longer.
    connectionsCheckingInterval: Math.min(1_000, o.requestTimeout),
  }, (req, res) => {
    handle(req, res).catch((err: unknown) => {
      log(`vanban serve: ${(err as Error).stack ?? String(err)}`);
      sendIssues(res, 500, [makeIssue('internal.error', { cause: (err as Error).message })]);
    });
  });
  server.maxHeadersCount = 100;
  server.on('clientError', (err: NodeJS.ErrnoException, socket) => {
    // Node has not produced a response here: answer what can be answered, drop the rest.
    if (socket.writable && err.code !== 'ECONNRESET') {
      const status = err.code === 'HPE_HEADER_OVERFLOW' ? 431 : err.code === 'ERR_HTTP_REQUEST_TIMEOUT' ? 408 : 400;
      socket.end(`HTTP/1.1 ${status} ${http.STATUS_CODES[status]}\r\nConnection: close\r\nContent-Length: 0\r\n\r\n`);
    } else socket.destroy();
  });

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(o.port, o.host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const addr = server.address() as AddressInfo;
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `http://${shownHost}:${addr.port}`,
    async close() {
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
    },
  };
}
