// The server beyond loopback: an allow-list of host names against DNS rebinding, a login (accounts, access tokens,
// sessions with CSRF tokens, throttled failures), TLS built in or behind a proxy, and the `vanban users` command.
import fs from 'node:fs';
import http from 'node:http';
import https from 'node:https';
import path from 'node:path';
import { execFileSync, spawnSync } from 'node:child_process';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { AccountStore } from '../src/server/accounts';
import { ServerSetupError, startServer, type RunningServer } from '../src/server/app';
import { needTool } from './needs';
import { tmpDir } from './helpers';

const KE_HOACH = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), 'utf8');
const PASSWORD = 'Mật khẩu đủ dài 2025';

interface Answer {
  status: number;
  headers: http.IncomingHttpHeaders;
  body: string;
}

/** A request to `port` on loopback with any Host, from any loopback address, over HTTP or HTTPS. */
function request(port: number, opts: { method?: string; path: string; host: string; headers?: Record<string, string>; body?: string; from?: string; tls?: boolean }): Promise<Answer> {
  return new Promise((resolve, reject) => {
    const lib = opts.tls ? https : http;
    const req = lib.request(
      {
        host: '127.0.0.1',
        port,
        method: opts.method ?? 'GET',
        path: opts.path,
        localAddress: opts.from,
        rejectUnauthorized: false,
        headers: { Host: opts.host, ...(opts.body !== undefined ? { 'Content-Type': 'application/json' } : {}), ...opts.headers },
      },
      (res) => {
        let body = '';
        res.setEncoding('utf8');
        res.on('data', (c: string) => (body += c));
        res.on('end', () => resolve({ status: res.statusCode!, headers: res.headers, body }));
      },
    );
    req.on('error', reject);
    req.end(opts.body);
  });
}

const codeOf = (a: Answer) => (JSON.parse(a.body) as { issues: { code: string }[] }).issues[0]!.code;
const cookiesOf = (a: Answer) => new Map((a.headers['set-cookie'] ?? []).map((c) => [c.slice(0, c.indexOf('=')), c]));
const valueOf = (setCookie: string) => setCookie.slice(setCookie.indexOf('=') + 1, setCookie.indexOf(';'));

async function storeWith(name = 'van-thu'): Promise<{ file: string; token: string }> {
  const file = path.join(tmpDir('users'), 'users.json');
  const store = AccountStore.open(file);
  await store.setPassword(name, PASSWORD);
  return { file, token: store.addToken(name, 'script') };
}

describe('starting beyond loopback', () => {
  it('needs an allow-list of host names, TLS (or --plain-http on purpose) and an account', async () => {
    const setup = async (o: Parameters<typeof startServer>[0]) => {
      try {
        const s = await startServer({ port: 0, log: () => undefined, ...o });
        await s.close();
        return 'started';
      } catch (err) {
        expect(err).toBeInstanceOf(ServerSetupError);
        return (err as ServerSetupError).issues[0]!.code;
      }
    };
    const { file } = await storeWith();
    const empty = path.join(tmpDir('users-empty'), 'users.json');
    const broken = path.join(tmpDir('users-broken'), 'users.json');
    fs.writeFileSync(broken, '{"accounts": "nope"}');
    expect(await setup({ host: '0.0.0.0' })).toBe('serve.allow_host');
    expect(await setup({ host: '0.0.0.0', allowHosts: ['vanban.test'] })).toBe('serve.tls_needed');
    expect(await setup({ host: '0.0.0.0', allowHosts: ['vanban.test'], plainHttp: true, usersFile: empty })).toBe('serve.no_accounts');
    expect(await setup({ host: '0.0.0.0', allowHosts: ['vanban.test'], plainHttp: true, usersFile: broken })).toBe('serve.users_file');
    expect(await setup({ host: '127.0.0.1', login: true, usersFile: empty })).toBe('serve.no_accounts');
    expect(await setup({ host: '127.0.0.1', tls: { cert: 'not a certificate', key: 'not a key' } })).toBe('serve.tls_files');
    expect(await setup({ host: '0.0.0.0', allowHosts: ['vanban.test'], plainHttp: true, usersFile: file })).toBe('started');
  });
});

describe('a server bound to 0.0.0.0 with a login', () => {
  let server: RunningServer;
  let port: number;
  let token: string;
  const HOST = 'vanban.test';
  const lines: string[] = [];

  beforeAll(async () => {
    const store = await storeWith();
    token = store.token;
    server = await startServer({ host: '0.0.0.0', port: 0, allowHosts: [HOST], plainHttp: true, usersFile: store.file, log: (l) => lines.push(l) });
    port = Number(new URL(server.url).port);
  });
  afterAll(() => server?.close());

  const login = async (from?: string) => {
    const res = await request(port, { method: 'POST', path: '/api/login', host: HOST, body: JSON.stringify({ name: 'van-thu', password: PASSWORD }), from });
    expect(res.status).toBe(200);
    const c = cookiesOf(res);
    return { session: valueOf(c.get('vanban_session')!), csrf: valueOf(c.get('vanban_csrf')!), cookies: c };
  };

  it('refuses a rebinding request (Host and Origin of another site) with 403, logged in or not', async () => {
    const { session, csrf } = await login();
    const callers: Record<string, string>[] = [{}, { Authorization: `Bearer ${token}` }, { Cookie: `vanban_session=${session}`, 'X-CSRF-Token': csrf }];
    for (const headers of callers) {
      const get = await request(port, { path: '/api/forms', host: 'attacker.example', headers });
      expect(get.status).toBe(403);
      expect(codeOf(get)).toBe('http.forbidden');
      const post = await request(port, { method: 'POST', path: '/api/validate/ke-hoach', host: 'attacker.example:80', body: KE_HOACH, headers: { ...headers, Origin: 'http://attacker.example' } });
      expect(post.status).toBe(403);
    }
    // The allowed name with a page of another site as Origin is refused too (a cross-site form or fetch).
    const cross = await request(port, { method: 'POST', path: '/api/validate/ke-hoach', host: HOST, body: KE_HOACH, headers: { Authorization: `Bearer ${token}`, Origin: 'http://attacker.example' } });
    expect(cross.status).toBe(403);
  });

  it('asks for a login: 401 on the API, the login page for the pages, the assets open', async () => {
    const api = await request(port, { path: '/api/forms', host: HOST });
    expect(api.status).toBe(401);
    expect(codeOf(api)).toBe('http.unauthorized');
    const post = await request(port, { method: 'POST', path: '/api/render/ke-hoach?format=docx', host: HOST, body: KE_HOACH });
    expect(post.status).toBe(401);
    const page = await request(port, { path: '/form/ke-hoach', host: HOST });
    expect(page.status).toBe(303);
    expect(page.headers.location).toBe('/login?next=%2Fform%2Fke-hoach');
    const loginPage = await request(port, { path: '/login', host: HOST });
    expect(loginPage.status).toBe(200);
    expect(loginPage.body).toContain('autocomplete="current-password"');
    expect((await request(port, { path: '/assets/js/login-page.js', host: HOST })).status).toBe(200);
  });

  it('logs in with a session cookie (HttpOnly, SameSite=Strict) whose writes need the CSRF token', async () => {
    const { session, csrf, cookies } = await login();
    expect(cookies.get('vanban_session')).toMatch(/; Path=\/; SameSite=Strict; HttpOnly$/);
    expect(cookies.get('vanban_csrf')).not.toContain('HttpOnly');
    const cookie = `vanban_session=${session}; vanban_csrf=${csrf}`;
    expect((await request(port, { path: '/api/forms', host: HOST, headers: { Cookie: cookie } })).status).toBe(200);
    expect((await request(port, { path: '/', host: HOST, headers: { Cookie: cookie } })).status).toBe(200);
    const noToken = await request(port, { method: 'POST', path: '/api/validate/ke-hoach', host: HOST, body: KE_HOACH, headers: { Cookie: cookie } });
    expect(noToken.status).toBe(403);
    expect(codeOf(noToken)).toBe('http.csrf');
    const wrong = await request(port, { method: 'POST', path: '/api/validate/ke-hoach', host: HOST, body: KE_HOACH, headers: { Cookie: cookie, 'X-CSRF-Token': 'x' + csrf.slice(1) } });
    expect(wrong.status).toBe(403);
    const ok = await request(port, { method: 'POST', path: '/api/validate/ke-hoach', host: HOST, body: KE_HOACH, headers: { Cookie: cookie, 'X-CSRF-Token': csrf, Origin: `http://${HOST}` } });
    expect(ok.status).toBe(200);
    expect(JSON.parse(ok.body)).toEqual({ valid: true, issues: [] });
    // Logging out ends the session.
    const out = await request(port, { method: 'POST', path: '/api/logout', host: HOST, headers: { Cookie: cookie, 'X-CSRF-Token': csrf } });
    expect(out.status).toBe(204);
    expect(cookiesOf(out).get('vanban_session')).toContain('Max-Age=0');
    expect((await request(port, { path: '/api/forms', host: HOST, headers: { Cookie: cookie } })).status).toBe(401);
  });

  it('takes an access token for scripts, without CSRF; a wrong one is 401', async () => {
    const ok = await request(port, { method: 'POST', path: '/api/render/ke-hoach?format=docx', host: HOST, body: KE_HOACH, headers: { Authorization: `Bearer ${token}` } });
    expect(ok.status).toBe(200);
    expect(ok.body.startsWith('PK')).toBe(true);
    const forged = token.slice(0, -4) + (token.endsWith('AAAA') ? 'BBBB' : 'AAAA');
    expect((await request(port, { path: '/api/forms', host: HOST, headers: { Authorization: `Bearer ${forged}` } })).status).toBe(401);
  });

  it('refuses a wrong password with 401, and throttles an address after five failures even for the right one', async () => {
    const from = '127.0.0.9';
    const wrong = await request(port, { method: 'POST', path: '/api/login', host: HOST, from, body: JSON.stringify({ name: 'van-thu', password: 'sai mật khẩu' }) });
    expect(wrong.status).toBe(401);
    expect(codeOf(wrong)).toBe('http.login_failed');
    expect(wrong.headers['set-cookie']).toBeUndefined();
    const unknown = await request(port, { method: 'POST', path: '/api/login', host: HOST, from, body: JSON.stringify({ name: 'khong-co', password: PASSWORD }) });
    expect(unknown.status).toBe(401);
    for (let i = 0; i < 3; i++) await request(port, { method: 'POST', path: '/api/login', host: HOST, from, body: JSON.stringify({ name: 'x', password: 'y' }) });
    const throttled = await request(port, { method: 'POST', path: '/api/login', host: HOST, from, body: JSON.stringify({ name: 'van-thu', password: PASSWORD }) });
    expect(throttled.status).toBe(429);
    expect(codeOf(throttled)).toBe('http.login_throttled');
    expect(Number(throttled.headers['retry-after'])).toBeGreaterThan(0);
    // Another address still logs in.
    await login('127.0.0.10');
    expect(lines.some((l) => l.includes('failed login'))).toBe(true);
  });
});

describe('loopback spellings', () => {
  it('binds 127.1 as loopback: no login, and a foreign Host is refused', async () => {
    const server = await startServer({ host: '127.1', port: 0, log: () => undefined });
    try {
      expect(server.login).toBe(false);
      const port = Number(new URL(server.url).port);
      expect((await request(port, { path: '/api/forms', host: 'attacker.example' })).status).toBe(403);
      expect((await request(port, { path: '/api/forms', host: `127.0.0.1:${port}` })).status).toBe(200);
      expect((await request(port, { path: '/api/forms', host: `localhost:${port}` })).status).toBe(200);
    } finally {
      await server.close();
    }
  });
});

describe.runIf(needTool('openssl', 'TLS of the web server (test/server-lan.test.ts)'))('HTTPS', () => {
  it('serves HTTPS with a provided certificate, and its session cookies are Secure', async () => {
    const dir = tmpDir('tls');
    const cert = path.join(dir, 'cert.pem');
    const key = path.join(dir, 'key.pem');
    execFileSync('openssl', ['req', '-x509', '-newkey', 'rsa:2048', '-nodes', '-keyout', key, '-out', cert, '-days', '2', '-subj', '/CN=vanban.test', '-addext', 'subjectAltName=DNS:vanban.test'], { stdio: 'ignore' });
    const { file } = await storeWith();
    const server = await startServer({ host: '127.0.0.1', port: 0, login: true, allowHosts: ['vanban.test'], usersFile: file, tls: { cert: fs.readFileSync(cert), key: fs.readFileSync(key) }, log: () => undefined });
    try {
      expect(server.url).toMatch(/^https:\/\/127\.0\.0\.1:\d+$/);
      const port = Number(new URL(server.url).port);
      const res = await request(port, { tls: true, method: 'POST', path: '/api/login', host: 'vanban.test', body: JSON.stringify({ name: 'van-thu', password: PASSWORD }), headers: { Origin: 'https://vanban.test' } });
      expect(res.status).toBe(200);
      expect(cookiesOf(res).get('vanban_session')).toMatch(/; Secure$/);
      await expect(request(port, { path: '/api/forms', host: 'vanban.test' })).rejects.toThrow();
    } finally {
      await server.close();
    }
  });
});

describe('behind a reverse proxy on this machine', () => {
  it('with --trust-proxy takes the scheme and address the proxy forwards', async () => {
    const { file } = await storeWith();
    const server = await startServer({ host: '127.0.0.1', port: 0, login: true, trustProxy: true, allowHosts: ['office.example'], usersFile: file, log: () => undefined });
    try {
      const port = Number(new URL(server.url).port);
      const proxied = { 'X-Forwarded-Proto': 'https', 'X-Forwarded-For': '192.0.2.7', Origin: 'https://office.example' };
      const res = await request(port, { method: 'POST', path: '/api/login', host: 'office.example', body: JSON.stringify({ name: 'van-thu', password: PASSWORD }), headers: proxied });
      expect(res.status).toBe(200);
      expect(cookiesOf(res).get('vanban_session')).toMatch(/; Secure$/);
      // An Origin over plain HTTP does not match a site the proxy serves over HTTPS.
      const plain = await request(port, { method: 'POST', path: '/api/login', host: 'office.example', body: '{}', headers: { ...proxied, Origin: 'http://office.example' } });
      expect(plain.status).toBe(403);
    } finally {
      await server.close();
    }
  });
});

describe('vanban users', () => {
  const BIN = path.join(ROOT, 'bin', 'vanban.mjs');
  /** As a user runs it, for the commands that read a password from standard input. */
  const spawned = (args: string[], input: string) => {
    const r = spawnSync(process.execPath, [BIN, 'users', ...args], { cwd: ROOT, encoding: 'utf8', input, timeout: 60_000 });
    return { code: r.status, out: r.stdout, err: r.stderr };
  };
  const users = async (args: string[]) => {
    const { main } = await import('../src/cli/main');
    const out: string[] = [];
    const err: string[] = [];
    const code = await main(['users', ...args], { out: (s) => out.push(s), err: (s) => err.push(s) });
    return { code, out: out.join('\n'), err: err.join('\n') };
  };

  it('adds, lists, changes, tokens and removes accounts in a store only its owner reads, with bcrypt hashes', async () => {
    const file = path.join(tmpDir('users-cli'), 'conf', 'users.json');
    expect(spawned(['add', 'van-thu', '--users', file, '--password-stdin'], `${PASSWORD}\n`).code).toBe(0);
    expect(fs.statSync(file).mode & 0o777).toBe(0o600);
    const text = fs.readFileSync(file, 'utf8');
    expect(text).not.toContain(PASSWORD);
    expect(text).toMatch(/"hash": "\$2[aby]\$10\$/);
    expect(await AccountStore.open(file).verifyPassword('van-thu', PASSWORD)).toBe('van-thu');
    expect((await users(['add', 'van-thu', '--users', file, '--password-stdin'])).code).toBe(2);
    expect(spawned(['passwd', 'van-thu', '--users', file, '--password-stdin'], 'mật khẩu mới thứ hai\n').code).toBe(0);
    expect(await AccountStore.open(file).verifyPassword('van-thu', PASSWORD)).toBeUndefined();
    expect(await AccountStore.open(file).verifyPassword('van-thu', 'mật khẩu mới thứ hai')).toBe('van-thu');
    // bcrypt reads 72 bytes: a longer password is refused rather than cut; a short one too.
    await expect(AccountStore.open(file).setPassword('dai', 'ư'.repeat(40))).rejects.toThrow(/8–72 bytes/);
    await expect(AccountStore.open(file).setPassword('ngan', 'ngan')).rejects.toThrow(/8–72 bytes/);
    const token = await users(['token', 'van-thu', '--label', 'máy in', '--users', file]);
    expect(token.code).toBe(0);
    expect(token.out.trim()).toMatch(/^vb_[0-9a-f]{16}_[A-Za-z0-9_-]{43}$/);
    expect(fs.readFileSync(file, 'utf8')).not.toContain(token.out.trim().slice(20));
    expect(AccountStore.open(file).verifyToken(token.out.trim())).toBe('van-thu');
    const list = (await users(['list', '--users', file])).out;
    expect(list).toContain('van-thu');
    const id = token.out.trim().slice(3, 19);
    expect(list).toContain(id);
    expect((await users(['revoke', id, '--users', file])).code).toBe(0);
    expect((await users(['revoke', id, '--users', file])).code).toBe(1);
    expect(AccountStore.open(file).verifyToken(token.out.trim())).toBeUndefined();
    expect((await users(['remove', 'van-thu', '--users', file])).code).toBe(0);
    expect((await users(['list', '--users', file])).out.trim()).toBe('');
    expect((await users(['bogus', '--users', file])).code).toBe(2);
  });
});
