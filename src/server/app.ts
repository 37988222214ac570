// The local web server: the form pages and the JSON API they share with scripts, over node:http (or https) and one Chromium.
import http, { type IncomingMessage, type ServerResponse } from 'node:http';
import https from 'node:https';
import { createRequire } from 'node:module';
import path from 'node:path';
import type { AddressInfo } from 'node:net';
import { z } from 'zod';
import { makeIssue, type IssueCode } from '../errors/catalogue';
import { VanbanError, type Issue } from '../errors/issue';
import { knownFormIds, loadForm } from '../forms/registry';
import { ROOT } from '../paths';
import { BrowserPool, check, fromText, fromValue, parse, PrintAbortedError, type VanbanFile } from '../api';
import { IMPORT_EXTENSIONS, MAX_FILE_BYTES, paragraphsOf } from '../readers/files';
import { bodyFromText, bodyLines, bodyText } from '../readers/body-text';
import { assembleDossier } from '../readers/dossier-from-documents';
import { DOCUMENT_FORMS, importDocument } from '../readers/import-document';
import { blockSchema } from '../schema/common';
import { readNominees } from '../readers/nominees';
import { isSheetFile, sheetsOf } from '../readers/sheets';
import { formJsonSchema } from '../schema/json-schema';
import { validateWith } from '../schema/validate';
import { bindsLoopbackOnly, clientAddress, hostAllowed, isHttps, isLoopbackAddress, sameOrigin, type AccessPolicy } from './access';
import { AccountStore, defaultUsersFile } from './accounts';
import { Admission, type AdmissionLimits, type Lane, type Refusal, type Ticket } from './admission';
import { readBody, readRawBody } from './body';
import { boundedIssues, MAX_ISSUES } from './issues';
import { AbortedError, QueueFullError, RenderQueue } from './queue';
import { downloadStem, renderDownload } from './render';
import { cookie, CSRF_COOKIE, readCookies, SESSION_COOKIE, Sessions, Throttle, type Session } from './sessions';
import { addStatic, loadStatic, type StaticFile } from './static';

export { isLoopbackAddress as isLoopback } from './access';

export const PUBLIC_DIR = path.join(ROOT, 'src', 'server', 'public');

export interface ServerOptions {
  host?: string;
  port?: number;
  /** Largest accepted request body in bytes. */
  bodyLimit?: number;
  /** Largest file accepted by POST /api/import, in bytes. */
  importLimit?: number;
  /** Time allowed to receive a whole request (headers and body), in ms. */
  requestTimeout?: number;
  /** Time allowed for one render, in ms, from the moment it starts. */
  renderTimeout?: number;
  /**
   * Renders in progress at a time (their prints share Chromium's two pages, chunk by chunk, so a long dossier does
   * not hold back a short document), and renders allowed to wait.
   */
  concurrency?: number;
  maxWaiting?: number;
  /** An answer that makes no progress for this long (a client that does not read) is dropped, in ms. */
  writeTimeout?: number;
  /** Issues at most in one answer. */
  maxIssues?: number;
  /** Pages one render may make, and documents per Chromium print. */
  maxPages?: number;
  printChunk?: number;
  /** Admission: places per client, the line before the places and its longest wait, validations' share of the main thread. */
  perClient?: number;
  waiting?: number;
  perClientWaiting?: number;
  maxWaitMs?: number;
  validateShare?: number;
  /** Pause before a refusal from a full line is answered, and connections held so at most. */
  refusalPauseMs?: number;
  maxHeld?: number;
  /** Host names accepted besides loopback ones; required when the server listens beyond loopback. */
  allowHosts?: string[];
  /** Require a login on loopback too (behind a reverse proxy); always on beyond loopback. */
  login?: boolean;
  /** The account store of the login. */
  usersFile?: string;
  /** PEM certificate (and chain) and key: the server speaks HTTPS. */
  tls?: { cert: string | Buffer; key: string | Buffer };
  /** Listen beyond loopback without TLS: passwords and documents cross the network in the clear. */
  plainHttp?: boolean;
  /** Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy on this machine. */
  trustProxy?: boolean;
  /** Where server-side failures are reported. */
  log?: (line: string) => void;
}

const bodySchema = z.strictObject({ noiDung: z.array(blockSchema).max(500) });

/** A draft's body without the boxes still empty (a new plan's outline waits for its paragraphs), to be shown as text. */
function withoutBlanks(blocks: unknown[]): unknown[] {
  return blocks.flatMap((b) => {
    if (typeof b === 'string') return b.trim() ? [b] : [];
    if (!b || typeof b !== 'object') return [b];
    const o = { ...(b as Record<string, unknown>) };
    if (Array.isArray(o.noiDung)) {
      o.noiDung = withoutBlanks(o.noiDung);
      if (!(o.noiDung as unknown[]).length) delete o.noiDung;
    }
    if (Array.isArray(o.cong)) o.cong = (o.cong as unknown[]).filter((c) => typeof c !== 'string' || c.trim());
    const text = o.tieuDe ?? o.khoan ?? o.diem ?? o.soThuTu ?? o.gach;
    return typeof text === 'string' && !text.trim() && !o.noiDung ? [] : [o];
  });
}

export const DEFAULTS = {
  host: '127.0.0.1',
  port: 8080,
  bodyLimit: 2 * 1024 * 1024,
  importLimit: MAX_FILE_BYTES,
  requestTimeout: 30_000,
  renderTimeout: 90_000,
  concurrency: 4,
  maxWaiting: 16,
  writeTimeout: 30_000,
  maxIssues: MAX_ISSUES,
  maxPages: 300,
  printChunk: 20,
  perClient: 8,
  waiting: 128,
  perClientWaiting: 64,
  maxWaitMs: 10_000,
  validateShare: 0.05,
  refusalPauseMs: 1_000,
  maxHeld: 256,
} as const;

/** A setting that keeps the server from starting, as an issue of the catalogue (exit 2 or 4 from `vanban serve`). */
export class ServerSetupError extends VanbanError {}

export interface RunningServer {
  server: http.Server;
  /** The real address, e.g. http://127.0.0.1:41234 (with --port 0 the port the system chose). */
  url: string;
  /** Whether a login is required. */
  login: boolean;
  /** Requests admitted per lane and waiting for a place, and renders running and queued (for tests and a status page). */
  counts(): { admitted: Record<Lane, number>; waiting: number; rendering: { running: number; waiting: number } };
  close(): Promise<void>;
}

/** Security headers of every answer: nothing from elsewhere, PDF previews only from blob: URLs the page made itself. */
const BASE_HEADERS = {
  'X-Content-Type-Options': 'nosniff',
  'Referrer-Policy': 'no-referrer',
  'Cross-Origin-Resource-Policy': 'same-origin',
  'Content-Security-Policy':
    "default-src 'self'; script-src 'self'; style-src 'self'; img-src 'self' data:; frame-src 'self' blob:; object-src 'self' blob:; base-uri 'none'; form-action 'none'; frame-ancestors 'self'",
};

type Headers = Record<string, string | number | string[]>;

/** Who sent a request: the account when logged in (by session or token), and the key its admission is counted by. */
interface Caller {
  user?: string;
  session?: Session;
  client: string;
}

export async function startServer(opts: ServerOptions = {}): Promise<RunningServer> {
  const o = { ...DEFAULTS, ...opts };
  const log = opts.log ?? ((line: string) => console.error(line));
  const policy: AccessPolicy = { allowHosts: new Set((o.allowHosts ?? []).map((h) => h.trim().toLowerCase().replace(/\.$/, '')).filter(Boolean)), trustProxy: Boolean(o.trustProxy) };
  const loopbackOnly = await bindsLoopbackOnly(o.host);
  const setupError = (code: IssueCode, params: Record<string, string | number>) => new ServerSetupError([makeIssue(code, params)]);
  if (!loopbackOnly && policy.allowHosts.size === 0) throw setupError('serve.allow_host', { host: o.host });
  if (!loopbackOnly && !o.tls && !o.plainHttp) throw setupError('serve.tls_needed', { host: o.host });
  const loginRequired = !loopbackOnly || Boolean(o.login);
  let store: AccountStore | undefined;
  if (loginRequired) {
    const file = o.usersFile ?? defaultUsersFile();
    try {
      store = AccountStore.open(file);
    } catch (err) {
      throw setupError('serve.users_file', { cause: (err as Error).message });
    }
    if (store.empty) throw setupError('serve.no_accounts', { file });
  }

  const pool = new BrowserPool();
  const queue = new RenderQueue(o.concurrency, o.maxWaiting);
  const admissionLimits: AdmissionLimits = {
    lanes: {
      // Every render admitted has a place in the render queue, so the queue never refuses one that was let in.
      render: { places: o.concurrency + o.maxWaiting },
      // Checking is work on the main thread: over time validations get a share of it (about 25 a second when cheap),
      // with a fifth of a second of work in hand after a quiet while, so however many clients validate, renders go on.
      validate: { places: 2, share: o.validateShare, burstMs: 200, floorMs: 2 },
      // bcrypt costs a tenth of a second of the main thread per try.
      login: { places: 1, share: 0.25, burstMs: 1_000 },
    },
    perClient: o.perClient,
    waiting: o.waiting,
    perClientWaiting: o.perClientWaiting,
    // A request waiting for its place has not sent its body: it must leave the line before Node's request timeout.
    maxWaitMs: Math.min(o.maxWaitMs, Math.floor(o.requestTimeout / 2)),
  };
  const admission = new Admission(admissionLimits);
  const sessions = new Sessions();
  const loginByAddress = new Throttle(5);
  const loginByName = new Throttle(10);
  const files = loadStatic(PUBLIC_DIR);
  // The preview draws the PDF itself with pdf.js (Mozilla's reader), so it keeps its page and zoom across updates.
  const pdfjsDir = path.join(path.dirname(createRequire(import.meta.url).resolve('pdfjs-dist/package.json')), 'build');
  for (const f of ['pdf.min.mjs', 'pdf.worker.min.mjs']) addStatic(files, `pdfjs/${f}`, path.join(pdfjsDir, f));
  const forms = knownFormIds();
  const schemaCache = new Map<string, string>();

  const send = (res: ServerResponse, status: number, body: string | Uint8Array, headers: Headers = {}) => {
    if (res.headersSent || res.destroyed) return;
    // A request answered before its body was read (refused from its headers): closing the connection saves reading
    // a body nobody wants, which Node would otherwise read to its end to keep the connection.
    const unread = !res.req.complete ? { Connection: 'close' } : {};
    res.writeHead(status, { ...BASE_HEADERS, 'Content-Length': Buffer.byteLength(body), ...unread, ...headers });
    // A client that stops reading holds the answer in memory: without progress for the write timeout it is dropped
    // (Node ends a socket whose timeout nobody handles). Keep-alive sets its own timeout once the answer is sent.
    res.socket?.setTimeout(o.writeTimeout);
    res.end(body);
  };
  const sendJson = (res: ServerResponse, status: number, value: unknown, headers: Headers = {}) =>
    send(res, status, JSON.stringify(value), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store', ...headers });
  const sendIssues = (res: ServerResponse, status: number, issues: readonly Issue[], headers: Headers = {}) =>
    sendJson(res, status, boundedIssues(issues, o.maxIssues), headers);
  const refuse = (res: ServerResponse, status: number, code: IssueCode, params: Record<string, string | number> = {}, headers: Headers = {}) =>
    sendIssues(res, status, [makeIssue(code, params)], headers);
  const notFound = (res: ServerResponse, what: string) => refuse(res, 404, 'http.not_found', { what, known: forms.join(', ') });
  const wrongMethod = (res: ServerResponse, method: string, allowed: string) => refuse(res, 405, 'http.method', { method, allowed }, { Allow: allowed });

  const sendFile = (req: IncomingMessage, res: ServerResponse, file: StaticFile | undefined) => {
    if (!file) return notFound(res, 'page');
    if (req.headers['if-none-match'] === file.etag) return send(res, 304, '', { ETag: file.etag });
    send(res, 200, req.method === 'HEAD' ? '' : file.data, { 'Content-Type': file.type, ETag: file.etag, 'Cache-Control': 'no-cache', ...(req.method === 'HEAD' ? { 'Content-Length': file.data.length } : {}) });
  };

  // ---- login ---------------------------------------------------------------------------------------------------------

  /** The caller of a request: its session or access token when it has one, and its admission key. */
  const callerOf = (req: IncomingMessage): Caller => {
    const address = clientAddress(req, policy);
    if (!store) return { client: `address:${address}` };
    store.refresh();
    const auth = req.headers.authorization;
    if (auth?.startsWith('Bearer ')) {
      const user = store.verifyToken(auth.slice(7).trim());
      return user ? { user, client: `user:${user}` } : { client: `address:${address}` };
    }
    const session = sessions.get(readCookies(req.headers.cookie).get(SESSION_COOKIE));
    if (session && store.has(session.user)) return { user: session.user, session, client: `user:${session.user}` };
    if (session) sessions.drop(session.id);
    return { client: `address:${address}` };
  };

  const sessionCookies = (req: IncomingMessage, s: Session | undefined): string[] => {
    const secure = isHttps(req, policy);
    const maxAgeS = s ? undefined : 0;
    return [
      cookie(SESSION_COOKIE, s?.id ?? '', { secure, httpOnly: true, maxAgeS }),
      // Readable by this site's scripts, which send it back in X-CSRF-Token; another site can neither read nor send it.
      cookie(CSRF_COOKIE, s?.csrf ?? '', { secure, httpOnly: false, maxAgeS }),
    ];
  };

  const login = async (req: IncomingMessage, res: ServerResponse, caller: Caller) => {
    const body = await readBody(req, 16 * 1024);
    if (!body.ok) return body.reason === 'too_large' ? refuse(res, 413, 'http.too_large', { limit: '16 KB' }, { Connection: 'close' }) : undefined;
    const parsed = parse(fromText(body.text, 'login'));
    const value = parsed.value as { name?: unknown; password?: unknown } | undefined;
    if (parsed.messages.length) return sendIssues(res, 400, parsed.messages);
    const name = typeof value?.name === 'string' ? value.name.normalize('NFC').trim() : '';
    const password = typeof value?.password === 'string' ? value.password : '';
    const byAddress = `address:${clientAddress(req, policy)}`;
    const wait = Math.max(loginByAddress.wait(byAddress), loginByName.wait(name));
    if (wait > 0) return refuse(res, 429, 'http.login_throttled', { seconds: wait }, { 'Retry-After': wait });
    const user = name && password ? await store!.verifyPassword(name, password) : undefined;
    if (!user) {
      loginByAddress.fail(byAddress);
      loginByName.fail(name);
      log(`vanban serve: failed login for ${JSON.stringify(name.slice(0, 64))} from ${caller.client}`);
      return refuse(res, 401, 'http.login_failed');
    }
    loginByAddress.clear(byAddress);
    loginByName.clear(name);
    const session = sessions.create(user);
    sendJson(res, 200, { user }, { 'Set-Cookie': sessionCookies(req, session) });
  };

  const logout = (req: IncomingMessage, res: ServerResponse, caller: Caller) => {
    if (caller.session) sessions.drop(caller.session.id);
    send(res, 204, '', { 'Set-Cookie': sessionCookies(req, undefined), 'Cache-Control': 'no-store' });
  };

  // ---- admission -----------------------------------------------------------------------------------------------------

  /**
   * A place for the request before anything of its body is read: refused at once by its declared size or its
   * encoding, then in line for its lane. Undefined when the request was answered (refused) or its client went away.
   * The place is freed when the answer is done or the connection closes, whichever comes first.
   */
  const admit = async (req: IncomingMessage, res: ServerResponse, caller: Caller, lane: Lane, limit: number, gone: AbortSignal): Promise<Ticket | undefined> => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      refuse(res, 413, 'http.too_large', { limit: `${Math.round(limit / 1024)} KB` }, { Connection: 'close' });
      return undefined;
    }
    const enc = req.headers['content-encoding'];
    if (enc && enc !== 'identity') {
      // Compressed bodies could expand past the limit after it was checked: not accepted.
      refuse(res, 415, 'http.format', { value: `Content-Encoding: ${enc}` }, { Connection: 'close' });
      return undefined;
    }
    const got = await admission.enter(caller.client, lane, gone);
    if (got === 'gone') return undefined;
    if ('status' in got) {
      refuseAdmission(res, got);
      return undefined;
    }
    res.once('close', () => got.release());
    return got;
  };

  /**
   * A refusal from a full line is answered after a pause: a client that retries at once then asks once per pause
   * rather than thousands of times a second, and a held connection costs no work. Past `maxHeld` held connections a
   * refused one is closed without an answer, the cheapest thing left to do.
   */
  let held = 0;
  const refuseAdmission = (res: ServerResponse, r: Refusal) => {
    // The body was never read: the connection is closed after the answer rather than read to its end.
    const headers = { 'Retry-After': r.retryAfter, Connection: 'close' };
    const answer = () => {
      if (r.status === 429) refuse(res, 429, 'http.client_busy', { count: admissionLimits.perClientWaiting }, headers);
      else refuse(res, 503, 'http.busy', {}, headers);
    };
    // A request that waited its longest has had its pause.
    if (r.reason === 'wait_timeout' || o.refusalPauseMs <= 0) return answer();
    if (held >= o.maxHeld) return void res.socket?.destroy();
    held++;
    let pending = true;
    const timer = setTimeout(() => {
      pending = false;
      held--;
      answer();
    }, o.refusalPauseMs);
    res.once('close', () => {
      if (!pending) return;
      pending = false;
      clearTimeout(timer);
      held--;
    });
  };

  /** An abort signal for the client going away before its answer is done. */
  const goneSignal = (res: ServerResponse): AbortSignal => {
    const gone = new AbortController();
    res.once('close', () => {
      if (!res.writableFinished) gone.abort();
    });
    return gone.signal;
  };

  // ---- the API -------------------------------------------------------------------------------------------------------

  /**
   * Reads and checks a JSON body for `formId`; answers the request itself and returns undefined when it cannot go on.
   * `onBody` is told when the whole body is in, where the main thread's work on it begins.
   */
  const readInput = async (req: IncomingMessage, res: ServerResponse, formId: string, onBody?: () => void): Promise<Record<string, unknown> | undefined> => {
    const body = await readBody(req, o.bodyLimit);
    onBody?.();
    if (!body.ok) {
      if (body.reason === 'too_large') {
        // Stop reading: the rest of an oversized body is never buffered.
        refuse(res, 413, 'http.too_large', { limit: `${Math.round(o.bodyLimit / 1024)} KB` }, { Connection: 'close' });
        setTimeout(() => req.socket.destroy(), 1_000).unref();
      } else if (body.reason === 'encoding') {
        refuse(res, 415, 'http.format', { value: `Content-Encoding: ${req.headers['content-encoding']}` }, { Connection: 'close' });
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

  const validate = async (req: IncomingMessage, res: ServerResponse, caller: Caller, formId: string) => {
    const gone = goneSignal(res);
    const ticket = await admit(req, res, caller, 'validate', o.bodyLimit, gone);
    if (!ticket) return;
    // Parsing, checking and the answer are charged to the lane, in CPU time (on a busy machine the clock also counts
    // other processes' turns); waiting for the body to arrive is not.
    let started = process.cpuUsage();
    const spent = () => {
      const d = process.cpuUsage(started);
      return (d.user + d.system) / 1000;
    };
    const input = await readInput(req, res, formId, () => (started = process.cpuUsage()));
    if (!input || gone.aborted) return ticket.charge(spent());
    const file = await check(fromValue(input, 'web-form'));
    sendJson(res, 200, { valid: file.ok, ...boundedIssues(file.messages, o.maxIssues) });
    ticket.charge(spent());
  };

  /**
   * POST /api/import?name=FILE[&form=ID]: a document (.docx, .txt, .md) becomes the input of its form, a spreadsheet
   * (.xlsx, .csv) its nominees and council members; the file is the raw body. Nothing is stored.
   */
  const importFile = async (req: IncomingMessage, res: ServerResponse, caller: Caller, params: URLSearchParams) => {
    const name = path.basename(params.get('name') ?? '');
    const ext = path.extname(name).toLowerCase();
    if (!name || (!isSheetFile(name) && !(IMPORT_EXTENSIONS as readonly string[]).includes(ext))) {
      req.resume();
      return refuse(res, 400, 'http.import_name', { value: JSON.stringify(params.get('name') ?? '') });
    }
    const gone = goneSignal(res);
    const ticket = await admit(req, res, caller, 'validate', o.importLimit, gone);
    if (!ticket) return;
    const body = await readRawBody(req, o.importLimit);
    if (!body.ok) {
      if (body.reason === 'too_large') {
        refuse(res, 413, 'http.too_large', { limit: `${Math.round(o.importLimit / 1024)} KB` }, { Connection: 'close' });
        setTimeout(() => req.socket.destroy(), 1_000).unref();
      }
      return ticket.charge(0);
    }
    const started = process.cpuUsage();
    try {
      if (isSheetFile(name)) {
        const read = readNominees(await sheetsOf(body.bytes, name), name);
        sendJson(res, 200, { kind: 'list', nominees: read.nominees, members: read.members, withVotes: read.withVotes, ...boundedIssues(read.issues, o.maxIssues) });
      } else {
        const form = params.get('form') ?? undefined;
        const doc = await importDocument(paragraphsOf(body.bytes, name), name, { form: form && DOCUMENT_FORMS.includes(form) ? form : undefined });
        sendJson(res, doc.form ? 200 : 422, { kind: 'document', form: doc.form ?? null, input: doc.input ?? null, valid: doc.ok, ...boundedIssues(doc.issues, o.maxIssues) });
      }
    } catch (err) {
      if (!(err instanceof VanbanError)) throw err;
      sendIssues(res, 422, err.issues);
    } finally {
      const d = process.cpuUsage(started);
      ticket.charge((d.user + d.system) / 1000);
    }
  };

  /**
   * A POST whose body is JSON: admitted to the validate lane, read up to `limit` (413 past it), parsed (400 with the
   * line and column of a syntax error), then `handle` answers; its CPU time is charged to the lane.
   */
  const jsonPost = (limit: number, handle: (value: unknown, res: ServerResponse) => Promise<void> | void) =>
    async (req: IncomingMessage, res: ServerResponse, caller: Caller) => {
      const gone = goneSignal(res);
      const ticket = await admit(req, res, caller, 'validate', limit, gone);
      if (!ticket) return;
      const raw = await readBody(req, limit);
      const started = process.cpuUsage();
      try {
        if (!raw.ok) {
          if (raw.reason === 'too_large') refuse(res, 413, 'http.too_large', { limit: `${Math.round(limit / 1024)} KB` }, { Connection: 'close' });
          return;
        }
        const parsed = parse(fromText(raw.text, 'web-form'));
        if (parsed.messages.length) return sendIssues(res, 400, parsed.messages);
        await handle(parsed.value, res);
      } finally {
        const d = process.cpuUsage(started);
        ticket.charge((d.user + d.system) / 1000);
      }
    };

  /**
   * POST /api/body: `{ "text" }` → the body's blocks and its lines as they will print (the web form's text editor of
   * the body); `{ "noiDung" }` → its text, each line with its printed label.
   */
  const body = jsonPost(o.bodyLimit, (value, res) => {
    const v = value as { text?: unknown; noiDung?: unknown } | undefined;
    if (v && typeof v.text === 'string') return sendJson(res, 200, bodyFromText(v.text));
    if (v && Array.isArray(v.noiDung)) {
      const checked = validateWith(bodySchema, { noiDung: withoutBlanks(v.noiDung) }, 'web-form');
      if (!checked.value) return sendIssues(res, 422, checked.issues);
      return sendJson(res, 200, { text: bodyText(checked.value.noiDung), lines: bodyLines(checked.value.noiDung) });
    }
    return sendIssues(res, 422, [makeIssue('input.not_object', {}, { path: '$' })]);
  });

  /**
   * POST /api/assemble: `{ "parts": [{ "name", "form", "input" }] }`, the documents of a hồ sơ as POST /api/import
   * read them → `{ "input", "valid", "issues" }`, the hồ sơ put together (src/readers/dossier-from-documents.ts).
   */
  const assemble = jsonPost(o.importLimit, async (value, res) => {
    const list = (value as { parts?: unknown } | undefined)?.parts;
    if (!Array.isArray(list) || list.length === 0 || list.length > 500) return sendIssues(res, 422, [makeIssue('input.not_object', {}, { path: '$.parts' })]);
    const parts = list.map((p: { name?: unknown; form?: unknown; input?: unknown }, k) => ({
      source: typeof p?.name === 'string' ? path.basename(p.name) : `#${k + 1}`,
      doc: { form: typeof p?.form === 'string' ? p.form : undefined, input: p?.input && typeof p.input === 'object' ? (p.input as Record<string, unknown>) : undefined, issues: [], ok: false },
    }));
    const { input, issues } = assembleDossier(parts);
    const file = await check(fromValue(input, 'web-form'));
    sendJson(res, 200, { input, valid: file.ok, ...boundedIssues([...issues, ...file.messages], o.maxIssues) });
  });

  const render = async (req: IncomingMessage, res: ServerResponse, caller: Caller, formId: string, format: string | null) => {
    if (format !== 'pdf' && format !== 'docx') {
      req.resume();
      return refuse(res, 400, 'http.format', { value: JSON.stringify(format) });
    }
    const gone = goneSignal(res);
    if (!(await admit(req, res, caller, 'render', o.bodyLimit, gone))) return;
    const input = await readInput(req, res, formId);
    if (!input || gone.aborted) return;
    const file: VanbanFile = await check(fromValue(input, 'web-form'));
    // A broken template is the server's fault, not the clerk's: 500 with its file and place.
    if (file.failed) return sendIssues(res, 500, file.messages.filter((i) => i.severity === 'error'));
    if (!file.ok) return sendIssues(res, 422, file.messages);
    // Every document is a page at least: a job that must pass the page budget is refused before it takes a slot.
    const documents = file.prepared!.documents.length;
    if (format === 'pdf' && documents > o.maxPages) return refuse(res, 413, 'render.too_many_pages', { pages: `${documents}+`, max: o.maxPages });
    // The render's own time starts when it gets its turn; it ends at its timeout or when the client goes away.
    const timeUp = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    try {
      const stem = downloadStem(formId, input);
      const download = await queue.run(() => {
        timer = setTimeout(() => timeUp.abort(), o.renderTimeout);
        return renderDownload(file, stem, format, pool, { signal: AbortSignal.any([gone, timeUp.signal]), chunk: o.printChunk, maxPages: o.maxPages });
      }, gone);
      const warnings = file.messages.filter((i) => i.severity === 'warning').length;
      send(res, 200, download.data, {
        'Content-Type': download.type,
        'Content-Disposition': `attachment; filename="${download.name}"`,
        'Cache-Control': 'no-store',
        'X-Vanban-Warnings': warnings,
      });
    } catch (err) {
      if (err instanceof AbortedError || (err instanceof PrintAbortedError && gone.aborted)) return;
      if (err instanceof PrintAbortedError) return refuse(res, 503, 'http.timeout', { seconds: Math.round(o.renderTimeout / 1000) });
      if (err instanceof QueueFullError) return refuse(res, 503, 'http.busy', {}, { 'Retry-After': 5 });
      if (err instanceof VanbanError) {
        if (err.issues.some((i) => i.code === 'render.too_many_pages')) return sendIssues(res, 413, err.issues);
        const env = err.issues.some((i) => i.stage === 'environment' || i.code === 'http.timeout');
        return sendIssues(res, env ? 503 : 500, err.issues);
      }
      log(`vanban serve: ${(err as Error).stack ?? String(err)}`);
      refuse(res, 500, 'internal.error', { cause: (err as Error).message });
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

  let formListText: string | undefined;
  const formList = async () => {
    formListText ??= JSON.stringify(
      await Promise.all(
        forms.map(async (id) => {
          const f = await loadForm(id);
          const s = f.settings;
          return { id, titleVi: s.titleVi, titleEn: s.titleEn, hoSo: Boolean(s.hoSo), kyHieuLoai: s.kyHieuLoai, ...(s.moTaVi ? { moTaVi: s.moTaVi } : {}), thuTu: s.thuTu ?? 1000 };
        }),
      ).then((list) => list.sort((a, b) => a.thuTu - b.thuTu || a.titleVi.localeCompare(b.titleVi, 'vi'))),
    );
    return formListText;
  };

  const handle = async (req: IncomingMessage, res: ServerResponse) => {
    const method = req.method ?? 'GET';
    // Only the names of this server: a page elsewhere cannot reach it by rebinding its own DNS name to this machine.
    if (!hostAllowed(req, policy)) return refuse(res, 403, 'http.forbidden', {}, { Connection: 'close' });
    const isGet = method === 'GET' || method === 'HEAD';
    if (!isGet && !sameOrigin(req, policy)) return refuse(res, 403, 'http.forbidden', {}, { Connection: 'close' });
    let url: URL;
    try {
      url = new URL(req.url ?? '/', 'http://localhost');
    } catch {
      return refuse(res, 400, 'http.not_found', { what: 'URL', known: forms.join(', ') });
    }
    const parts = url.pathname.split('/').filter(Boolean);
    const caller = callerOf(req);

    if (store) {
      if (url.pathname === '/login') return isGet ? sendFile(req, res, files.get('login.html')) : wrongMethod(res, method, 'GET');
      if (url.pathname === '/api/login') {
        if (method !== 'POST') return wrongMethod(res, method, 'POST');
        const gone = goneSignal(res);
        const ticket = await admit(req, res, caller, 'login', 16 * 1024, gone);
        if (!ticket) return;
        const started = process.cpuUsage();
        await login(req, res, caller);
        const d = process.cpuUsage(started);
        return ticket.charge((d.user + d.system) / 1000);
      }
      const asset = parts[0] === 'assets';
      if (!caller.user && !asset) {
        if (parts[0] === 'api' || !isGet) return refuse(res, 401, 'http.unauthorized', {}, { 'WWW-Authenticate': 'Bearer realm="vanban"' });
        return send(res, 303, '', { Location: `/login?next=${encodeURIComponent(url.pathname)}`, 'Cache-Control': 'no-store' });
      }
      // A session's writes carry its CSRF token; a bearer token is never sent by a browser on its own, so needs none.
      if (!isGet && caller.session && req.headers['x-csrf-token'] !== caller.session.csrf) return refuse(res, 403, 'http.csrf');
      if (url.pathname === '/api/logout') return method === 'POST' ? logout(req, res, caller) : wrongMethod(res, method, 'POST');
    }

    if (parts[0] === 'api') {
      const [, action, formId, ...rest] = parts;
      if (action === 'body' && parts.length === 2) return method === 'POST' ? body(req, res, caller) : wrongMethod(res, method, 'POST');
      if (action === 'import' && parts.length === 2) return method === 'POST' ? importFile(req, res, caller, url.searchParams) : wrongMethod(res, method, 'POST');
      if (action === 'assemble' && parts.length === 2) return method === 'POST' ? assemble(req, res, caller) : wrongMethod(res, method, 'POST');
      if (action === 'forms' && parts.length === 2) return isGet ? send(res, 200, await formList(), { 'Content-Type': 'application/json; charset=utf-8', 'Cache-Control': 'no-store' }) : wrongMethod(res, method, 'GET');
      const post = action === 'render' || action === 'validate';
      if ((post || action === 'schema') && rest.length === 0 && formId !== undefined) {
        if (!forms.includes(formId)) return notFound(res, `form ${JSON.stringify(formId)}`);
        if (action === 'schema') return isGet ? schema(res, formId) : wrongMethod(res, method, 'GET');
        if (method !== 'POST') return wrongMethod(res, method, 'POST');
        return action === 'render' ? render(req, res, caller, formId, url.searchParams.get('format')) : validate(req, res, caller, formId);
      }
      return notFound(res, url.pathname);
    }
    if (!isGet) return wrongMethod(res, method, 'GET');
    if (parts.length === 0) return sendFile(req, res, files.get('index.html'));
    if (parts[0] === 'form' && parts.length === 2) return forms.includes(parts[1]!) ? sendFile(req, res, files.get('form.html')) : notFound(res, url.pathname);
    if (parts[0] === 'assets' && parts.length >= 2) return sendFile(req, res, files.get(parts.slice(1).join('/')));
    return notFound(res, url.pathname);
  };

  const serverOptions: http.ServerOptions = {
    requestTimeout: o.requestTimeout,
    headersTimeout: Math.min(o.requestTimeout, 10_000),
    keepAliveTimeout: 5_000,
    // How often Node looks for requests past their time; its default (30 s) would let a slow client hold on far longer.
    connectionsCheckingInterval: Math.min(1_000, o.requestTimeout),
  };
  const onRequest = (req: IncomingMessage, res: ServerResponse) => {
    handle(req, res).catch((err: unknown) => {
      log(`vanban serve: ${(err as Error).stack ?? String(err)}`);
      refuse(res, 500, 'internal.error', { cause: (err as Error).message });
    });
  };
  let server: http.Server;
  if (o.tls) {
    try {
      server = https.createServer({ ...serverOptions, cert: o.tls.cert, key: o.tls.key, minVersion: 'TLSv1.2' }, onRequest);
    } catch (err) {
      throw setupError('serve.tls_files', { cause: (err as Error).message });
    }
  } else server = http.createServer(serverOptions, onRequest);
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
  // The address really bound decides, whatever the spelling of --host: loopback only, or a login.
  if (!loginRequired && !isLoopbackAddress(addr.address)) {
    server.close();
    throw setupError('serve.allow_host', { host: `${o.host} (${addr.address})` });
  }
  const shownHost = addr.family === 'IPv6' ? `[${addr.address}]` : addr.address;
  return {
    server,
    url: `${o.tls ? 'https' : 'http'}://${shownHost}:${addr.port}`,
    login: loginRequired,
    counts: () => ({ ...admission.counts, rendering: queue.size }),
    async close() {
      admission.close();
      await new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
      await pool.close();
    },
  };
}
