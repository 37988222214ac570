// What the README promises and no other test held to: --version, --dump view-model, worker threads and a dead worker
// replaced, exit 4 without a font, --resume after a change of templates, configuration or version, the progress bar,
// the server's 403/405/503 answers, the council rules, and the template mistakes the check and render must name.
import fs from 'node:fs';
import net from 'node:net';
import path from 'node:path';
import { Writable } from 'node:stream';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Progress } from '../src/cli/progress';
import { checkTemplateDir } from '../src/maintain/check';
import { ROOT } from '../src/paths';
import { prepare } from '../src/pipeline/prepare';
import { WorkerPool } from '../src/pipeline/workers';
import { startServer, type RunningServer } from '../src/server/app';
import { repoCopy, tmpDir, vanbanIn } from './helpers';

const KE_HOACH = path.join(ROOT, 'test/fixtures/minimal-ke-hoach.json');
const fixture = (name: string) => JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures', name), 'utf8'));

describe('the command line', () => {
  it('--version prints the version of package.json', () => {
    const r = vanbanIn(ROOT, ['--version']);
    expect(r.code).toBe(0);
    expect(r.out.trim()).toBe(JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')).version);
  });

  it('--dump view-model writes the view model beside the document', () => {
    const out = tmpDir('dump');
    const r = vanbanIn(ROOT, ['render', KE_HOACH, '--out', out, '--format', 'docx', '--dump', 'view-model']);
    expect(r.code).toBe(0);
    const vm = JSON.parse(fs.readFileSync(path.join(out, 'minimal-ke-hoach.view-model.json'), 'utf8'));
    expect(vm.tenLoai).toBe('KẾ HOẠCH');
    expect(vm.header.quocHieu).toBe('CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM');
  });

  it('--jobs 2 runs the inputs in worker threads and writes the same bytes as one thread', () => {
    const inputs = ['test/fixtures/minimal-ke-hoach.json', 'test/fixtures/to-trinh.json', 'test/fixtures/bien-ban.json', 'test/fixtures/bao-cao-thanh-tich.json'].map((f) => path.join(ROOT, f));
    const [a, b] = [tmpDir('jobs-0'), tmpDir('jobs-2')];
    expect(vanbanIn(ROOT, ['render', ...inputs, '--out', a, '--format', 'docx', '--jobs', '0']).code).toBe(0);
    expect(vanbanIn(ROOT, ['render', ...inputs, '--out', b, '--format', 'docx', '--jobs', '2']).code).toBe(0);
    const docx = fs.readdirSync(a).filter((f) => f.endsWith('.docx')).sort();
    expect(docx).toHaveLength(4);
    expect(fs.readdirSync(b).filter((f) => f.endsWith('.docx')).sort()).toEqual(docx);
    for (const f of docx) expect(Buffer.compare(fs.readFileSync(path.join(a, f)), fs.readFileSync(path.join(b, f))), f).toBe(0);
  });

  it('exits 4 with env.no_font when no Times-compatible font is installed, and writes no PDF', () => {
    const conf = path.join(tmpDir('no-font'), 'fonts.conf');
    fs.writeFileSync(conf, `<?xml version="1.0"?>\n<fontconfig><dir>${path.dirname(conf)}/none</dir><cachedir>${path.dirname(conf)}/cache</cachedir></fontconfig>\n`);
    const out = tmpDir('no-font-out');
    const r = vanbanIn(ROOT, ['render', KE_HOACH, '--out', out, '--format', 'pdf'], { FONTCONFIG_FILE: conf });
    expect(r.code).toBe(4);
    expect(r.err).toContain('[env.no_font]');
    expect(r.err).toContain('fonts-liberation2');
    expect(fs.readdirSync(out).filter((f) => f.endsWith('.pdf'))).toEqual([]);
  });

  it('reports a file that cannot be read with input.unreadable and goes on with the rest', () => {
    const dir = tmpDir('unreadable');
    fs.symlinkSync(path.join(dir, 'missing-target.json'), path.join(dir, 'a-dangling.json'));
    const out = tmpDir('unreadable-out');
    const r = vanbanIn(ROOT, ['render', path.join(dir, 'a-dangling.json'), KE_HOACH, '--out', out, '--format', 'docx']);
    expect(r.code).toBe(1);
    expect(r.err).toContain('[input.unreadable]');
    expect(fs.existsSync(path.join(out, 'minimal-ke-hoach.docx'))).toBe(true);
  });
});

describe('--resume', () => {
  let root: string;
  beforeAll(() => {
    root = repoCopy('resume-invalidate');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  const statusAfter = (change: () => void): string => {
    const out = path.join(root, 'out');
    change();
    const r = vanbanIn(root, ['render', 'test/fixtures/minimal-ke-hoach.json', '--out', out, '--format', 'docx', '--resume']);
    expect(r.code).toBe(0);
    return JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')).jobs[0].status;
  };
  const append = (file: string, text: string) => () => fs.appendFileSync(path.join(root, file), text);

  it('renders again after a change of a template, of the configuration or of the version, and only then', () => {
    expect(statusAfter(() => undefined)).toBe('written');
    expect(statusAfter(() => undefined)).toBe('skipped');
    expect(statusAfter(append('templates/ke-hoach/template.hbs', '\n'))).toBe('written');
    expect(statusAfter(() => undefined)).toBe('skipped');
    expect(statusAfter(append('config/regulations.json', '\n'))).toBe('written');
    expect(statusAfter(() => undefined)).toBe('skipped');
    const pkg = path.join(root, 'package.json');
    expect(statusAfter(() => fs.writeFileSync(pkg, fs.readFileSync(pkg, 'utf8').replace(/"version": "[^"]+"/, '"version": "9.9.9"')))).toBe('written');
    expect(statusAfter(() => undefined)).toBe('skipped');
  });
});

describe('worker threads', () => {
  it('replace a worker that died: its task fails, later tasks run', async () => {
    const pool = new WorkerPool(1);
    try {
      const task = { source: 'minimal-ke-hoach.json', text: fs.readFileSync(KE_HOACH, 'utf8'), formats: ['docx' as const] };
      const first = (pool as unknown as { slots: { worker: { terminate(): Promise<number> } }[] }).slots[0]!.worker;
      const lost = pool.run(task);
      await first.terminate();
      const r1 = await lost;
      expect(r1.failed).toBe(true);
      expect(r1.issues.map((i) => i.code)).toEqual(['internal.error']);
      const r2 = await pool.run(task);
      expect(r2.failed).toBeUndefined();
      expect(r2.plan?.documents[0]?.docx?.byteLength).toBeGreaterThan(1000);
    } finally {
      await pool.close();
    }
  });
});

describe('the progress bar', () => {
  const sink = (tty: boolean) => {
    const chunks: string[] = [];
    const stream = new Writable({ write: (c, _e, done) => (chunks.push(String(c)), done()) }) as unknown as NodeJS.WriteStream;
    (stream as { isTTY?: boolean }).isTTY = tty;
    return { stream, chunks };
  };

  it('is drawn on a terminal only, outside CI, with inputs done, errors, and cleared for messages', () => {
    const ci = process.env.CI;
    try {
      delete process.env.CI;
      expect(Progress.wanted(sink(false).stream)).toBe(false);
      expect(Progress.wanted(sink(true).stream)).toBe(true);
      process.env.CI = 'true';
      expect(Progress.wanted(sink(true).stream)).toBe(false);
    } finally {
      if (ci === undefined) delete process.env.CI;
      else process.env.CI = ci;
    }
    const { stream, chunks } = sink(true);
    const bar = new Progress(2, stream);
    bar.tick({ source: 'a.json', status: 'invalid', files: [], issues: [], ms: 1 });
    bar.tick({ source: 'b.json', status: 'written', files: [], issues: [], ms: 1 });
    expect(chunks.at(-1)).toMatch(/^\r\[#{30}\] 2\/2 · [\d.]+\/s · 1 lỗi\/errors\x1b\[K$/);
    bar.clear();
    expect(chunks.at(-1)).toBe('\r\x1b[K');
  });
});

describe('council rules (§5.2)', () => {
  const codes = async (input: unknown) => (await prepare(input, 'bien-ban.json')).issues.map((i) => [i.code, i.path]);

  it('refuses a chair who is listed as absent', async () => {
    const d = fixture('bien-ban.json');
    d.vangMat = [{ hoTen: d.chuTri, lyDo: 'ốm', yKienBangVanBan: false }];
    expect(await codes(d)).toContainEqual(['rule.chair_absent', '$.chuTri']);
  });

  it('refuses more valid ballots than ballots returned', async () => {
    const d = fixture('bien-ban.json');
    d.phieu = { phatRa: 3, thuVao: 2, hopLe: 3 };
    const found = (await codes(d)).filter(([c]) => c === 'rule.ballots');
    expect(found.length).toBeGreaterThan(0);
    expect(String(found[0]![1])).toMatch(/^\$\.phieu/);
  });
});

describe('template mistakes render must not meet unannounced', () => {
  let root: string;
  beforeAll(() => {
    root = repoCopy('template-mistakes');
  });
  afterAll(() => fs.rmSync(root, { recursive: true, force: true }));

  it('a form.json without a definition module: template.no_definition', async () => {
    const dir = tmpDir('no-definition');
    fs.cpSync(path.join(ROOT, 'templates/ke-hoach'), dir, { recursive: true });
    const settings = JSON.parse(fs.readFileSync(path.join(dir, 'form.json'), 'utf8'));
    fs.writeFileSync(path.join(dir, 'form.json'), JSON.stringify({ ...settings, id: 'khong-co-dinh-nghia' }));
    const issues = await checkTemplateDir(dir, 'khong-co-dinh-nghia');
    expect(issues.map((i) => i.code)).toContain('template.no_definition');
  });

  it('a field path that only fails when drawn: the check says template.hbs_render, render refuses with exit 3', () => {
    const hbs = path.join(root, 'templates/phat-dong/template.hbs');
    fs.writeFileSync(hbs, `${fs.readFileSync(hbs, 'utf8')}\n{{header.khongCoTruongNay.ten}}\n`);
    const check = vanbanIn(root, ['templates', 'check', 'phat-dong']);
    expect(check.code).toBe(3);
    expect(check.out + check.err).toContain('template.hbs_render');
    const render = vanbanIn(root, ['render', 'data/campaigns/phat-dong-huu-lung-2022.json', '--out', tmpDir('hbs-render-out'), '--format', 'pdf']);
    expect(render.code).toBe(3);
    expect(['[render.html_template]', '[template.hbs_render]'].filter((c) => render.err.includes(c))).not.toEqual([]);
  });
});

describe('the server answers', () => {
  let server: RunningServer;
  let slow: RunningServer;
  beforeAll(async () => {
    server = await startServer({ port: 0, log: () => undefined });
    // One render at a time, none waiting, and no time to finish one: to see 503 busy and 503 timeout.
    slow = await startServer({ port: 0, log: () => undefined, concurrency: 1, maxWaiting: 0, renderTimeout: 1 });
  });
  afterAll(async () => {
    await Promise.all([server?.close(), slow?.close()]);
  });

  const raw = (url: string, text: string) =>
    new Promise<{ status: number; headers: string; body: string }>((resolve) => {
      const u = new URL(url);
      const socket = net.connect(Number(u.port), u.hostname, () => socket.write(text));
      let got = '';
      socket.setEncoding('utf8');
      socket.on('data', (c) => (got += c));
      socket.on('close', () => {
        const [head = '', ...rest] = got.split('\r\n\r\n');
        resolve({ status: Number(/^HTTP\/1\.1 (\d{3})/.exec(head)?.[1] ?? 0), headers: head, body: rest.join('\r\n\r\n') });
      });
    });
  const body = JSON.stringify(fixture('minimal-ke-hoach.json'));
  const post = (base: string, headers: Record<string, string> = {}) =>
    fetch(`${base}/api/render/ke-hoach?format=pdf`, { method: 'POST', body, headers: { 'Content-Type': 'application/json', ...headers } });

  it('405 http.method with Allow for a method a path does not take', async () => {
    const r = await fetch(`${server.url}/api/render/ke-hoach?format=pdf`, { method: 'DELETE' });
    expect(r.status).toBe(405);
    expect(r.headers.get('allow')).toContain('POST');
    expect(JSON.stringify(await r.json())).toContain('http.method');
  });

  it('403 http.forbidden for a foreign Host on a loopback server (DNS rebinding)', async () => {
    const r = await raw(server.url, `POST /api/validate/ke-hoach HTTP/1.1\r\nHost: attacker.example\r\nContent-Type: application/json\r\nContent-Length: 2\r\nConnection: close\r\n\r\n{}`);
    expect(r.status).toBe(403);
    expect(r.body).toContain('http.forbidden');
  });

  it('503 http.timeout when a render outlasts its time, and 503 http.busy with Retry-After when no place is free', async () => {
    const [a, b] = await Promise.all([post(slow.url), post(slow.url)]);
    const answers = await Promise.all([a, b].map(async (r) => ({ status: r.status, retry: r.headers.get('retry-after'), text: JSON.stringify(await r.json()) })));
    expect(answers.map((x) => x.status)).toEqual([503, 503]);
    const codes = answers.map((x) => (x.text.includes('http.busy') ? 'busy' : x.text.includes('http.timeout') ? 'timeout' : x.text));
    expect(codes.sort()).toEqual(['busy', 'timeout']);
    expect(answers.find((x) => x.text.includes('http.busy'))!.retry).toBe('5');
  });
});
