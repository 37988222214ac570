// No Chromium outlives vanban: a batch or a server killed with SIGKILL takes its browser with it within 5 s, a later
// start sweeps what a dead run left, and the server run in the background as the README says stops with one signal.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { BrowserPool } from '../src/render/pdf/browser';
import { PROFILE_PREFIX, sweepStale } from '../src/render/pdf/reaper';
import { chromiumsBelow, descendantsOf } from '../scripts/bench/proc';
import { writeSynthetic } from '../scripts/bench/synthetic';
import { tmpDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'vanban.mjs');
const KE_HOACH = fs.readFileSync(path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), 'utf8');

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

function cmdline(pid: number): string[] | undefined {
  try {
    return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').split('\0');
  } catch {
    return undefined;
  }
}

/** Alive and not a zombie waiting for a parent that will never reap it. */
function running(pid: number): boolean {
  try {
    const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
    return stat.slice(stat.lastIndexOf(')') + 2)[0] !== 'Z';
  } catch {
    return false;
  }
}

/** The Chromium processes below `root` and the profile they use. */
function browsersOf(root: number): { pids: number[]; profile?: string } {
  const pids = new Set<number>();
  let profile: string | undefined;
  for (const pid of descendantsOf(root)) {
    // Chromium's helpers (zygotes, renderers) rewrite their command line into one space-separated title: the profile
    // is read from the joined line, not as an argument of its own. The headless shell's helpers do not name it at all:
    // they are found as descendants of the processes that do.
    const line = cmdline(pid)?.join(' ') ?? '';
    const dir = new RegExp(`--user-data-dir=(\\S*${PROFILE_PREFIX}\\S*)`).exec(line)?.[1];
    if (!dir) continue;
    pids.add(pid);
    for (const helper of descendantsOf(pid)) pids.add(helper);
    profile ??= dir;
  }
  return { pids: [...pids], profile };
}

async function until<T>(what: string, probe: () => T | undefined | false, ms = 90_000): Promise<T> {
  const end = Date.now() + ms;
  for (;;) {
    const v = probe();
    if (v) return v;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await sleep(100);
  }
}

/** After the parent is gone: every browser process and the profile are gone within 5 s. */
async function expectGoneWithin5s(pids: number[], profile: string): Promise<void> {
  const start = Date.now();
  while (Date.now() - start < 5_000 && (pids.some(running) || fs.existsSync(profile))) await sleep(100);
  const left = pids.filter(running).map((p) => `${p}: ${(cmdline(p) ?? []).join(' ').slice(0, 160)} [${fs.readFileSync(`/proc/${p}/stat`, 'utf8').split(') ')[1]?.slice(0, 40)}]`);
  expect(left, 'Chromium processes still running 5 s after their parent was killed').toEqual([]);
  expect(fs.existsSync(profile), `${profile} still there`).toBe(false);
}

function serve(args: string[] = []): { child: ChildProcess; url: Promise<string> } {
  const child = spawn(process.execPath, [BIN, 'serve', '--port', '0', ...args], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  child.stdout!.setEncoding('utf8');
  const url = new Promise<string>((resolve, reject) => {
    child.stdout!.on('data', (c: string) => {
      out += c;
      const m = /http:\/\/127\.0\.0\.1:(\d+)\//.exec(out);
      if (m && m[1] !== '0') resolve(m[0]);
    });
    child.on('exit', () => reject(new Error(`server ended: ${out}`)));
  });
  url.catch(() => undefined);
  return { child, url };
}

async function renderPdf(url: string): Promise<void> {
  const res = await fetch(`${url}api/render/ke-hoach?format=pdf`, { method: 'POST', headers: { 'Content-Type': 'application/json' }, body: KE_HOACH });
  expect(res.status).toBe(200);
  await res.arrayBuffer();
}

describe('SIGKILL', () => {
  it('of a batch leaves no Chromium process and no profile after 5 s', async () => {
    // Long enough that the batch is still printing when its browser is looked for, however fast the machine: it is
    // killed as soon as it is found.
    const inputs = writeSynthetic(path.join(tmpDir('orphan-batch-in'), 'in'), 400, 20);
    const child = spawn(process.execPath, [BIN, 'render', path.dirname(inputs.reports[0]!), '--out', tmpDir('orphan-batch-out'), '--format', 'pdf'], { cwd: ROOT, stdio: 'ignore', env: { ...process.env, CI: 'true' } });
    let exited: number | null | undefined;
    child.on('exit', (code) => (exited = code));
    try {
      const found = await until('Chromium of the batch', () => {
        if (exited !== undefined) throw new Error(`the batch ended (exit ${exited}) before its browser was seen`);
        const b = browsersOf(child.pid!);
        return b.pids.length >= 3 && b.profile ? b : undefined;
      }, 50_000);
      child.kill('SIGKILL');
      await expectGoneWithin5s(found.pids, found.profile!);
    } finally {
      child.kill('SIGKILL');
    }
  });

  it('of the server leaves no Chromium process and no profile after 5 s', async () => {
    const { child, url } = serve();
    try {
      await renderPdf(await url);
      const found = browsersOf(child.pid!);
      expect(found.pids.length).toBeGreaterThan(0);
      child.kill('SIGKILL');
      await expectGoneWithin5s(found.pids, found.profile!);
    } finally {
      child.kill('SIGKILL');
    }
  });
});

describe('closing', () => {
  it('a pool closed while its browser is still starting leaves no Chromium behind', async () => {
    const pool = new BrowserPool(1);
    const starting = pool.get();
    await pool.close();
    await starting.catch(() => undefined);
    // Any Chromium below this process counts, whatever profile it was given.
    const chromiums = () => chromiumsBelow(process.pid);
    const start = Date.now();
    while (Date.now() - start < 5_000 && chromiums().length) await sleep(100);
    expect(chromiums().map((p) => (cmdline(p) ?? []).join(' ').slice(0, 120))).toEqual([]);
  });
});

describe('a start after a run that died', () => {
  /** A stand-in for a browser left behind: a process group whose leader names the profile on its command line. */
  function leftBehind(owner: number | undefined): { dir: string; pid: number } {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
    if (owner !== undefined) fs.writeFileSync(path.join(dir, 'vanban-owner.json'), JSON.stringify({ pid: owner, start: '1' }));
    // The shell stays (a second command follows), so its command line keeps the profile, as Chromium's does.
    const p = spawn('/bin/sh', ['-c', 'sleep 600; :', 'chromium', `--user-data-dir=${dir}`], { detached: true, stdio: 'ignore' });
    p.unref();
    return { dir, pid: p.pid! };
  }
  const deadPid = () => spawnSync('/bin/true').pid!;

  it('kills the browsers of dead owners and removes their profiles, and leaves live runs alone', async () => {
    const dead = leftBehind(deadPid());
    const mine = leftBehind(process.pid);
    fs.writeFileSync(path.join(mine.dir, 'vanban-owner.json'), JSON.stringify({ pid: process.pid }));
    // No owner record (an older version) and in use: not touched.
    const unrecorded = leftBehind(undefined);
    try {
      const removed = sweepStale(path.dirname(dead.dir));
      expect(removed).toContain(dead.dir);
      expect(removed).not.toContain(mine.dir);
      expect(removed).not.toContain(unrecorded.dir);
      await until('the left-behind browser to end', () => !running(dead.pid), 5_000);
      expect(fs.existsSync(dead.dir)).toBe(false);
      expect(running(mine.pid) && running(unrecorded.pid)).toBe(true);
      expect(fs.existsSync(mine.dir) && fs.existsSync(unrecorded.dir)).toBe(true);
    } finally {
      for (const p of [dead, mine, unrecorded]) {
        try {
          process.kill(-p.pid, 'SIGKILL');
        } catch {
          // ended
        }
        fs.rmSync(p.dir, { recursive: true, force: true });
      }
    }
  });

  it('is what a new run of the command does before it starts its own browser', async () => {
    const dead = leftBehind(deadPid());
    try {
      const r = spawnSync(process.execPath, [BIN, 'render', path.join(ROOT, 'test', 'fixtures', 'minimal-ke-hoach.json'), '--out', tmpDir('orphan-sweep-out'), '--format', 'pdf'], { cwd: ROOT, encoding: 'utf8', timeout: 120_000 });
      expect(r.status, r.stderr).toBe(0);
      await until('the left-behind browser to end', () => !running(dead.pid), 5_000);
      expect(fs.existsSync(dead.dir)).toBe(false);
    } finally {
      try {
        process.kill(-dead.pid, 'SIGKILL');
      } catch {
        // ended
      }
    }
  });
});

describe('the server in the background', () => {
  it('started as the README says stops with one SIGTERM, its Chromium with it', async () => {
    const dir = tmpDir('background');
    const log = path.join(dir, 'vanban.log');
    // The README's line: nohup node bin/vanban.mjs serve … > vanban.log 2>&1 & echo $! > vanban.pid
    const started = spawnSync('/bin/sh', ['-c', `nohup "${process.execPath}" "${BIN}" serve --port 0 > "${log}" 2>&1 & echo $! > "${dir}/vanban.pid"`], { cwd: ROOT });
    expect(started.status).toBe(0);
    const pid = Number(fs.readFileSync(path.join(dir, 'vanban.pid'), 'utf8'));
    try {
      const url = await until('the address in the log', () => /http:\/\/127\.0\.0\.1:(\d+)\//.exec(fs.readFileSync(log, 'utf8'))?.[0], 60_000);
      await renderPdf(url);
      const found = browsersOf(pid);
      expect(found.pids.length).toBeGreaterThan(0);
      process.kill(pid, 'SIGTERM');
      await until('the server to stop', () => !running(pid), 15_000);
      expect(fs.readFileSync(log, 'utf8')).toContain('đã dừng / stopped');
      await expectGoneWithin5s(found.pids, found.profile!);
    } finally {
      try {
        process.kill(pid, 'SIGKILL');
      } catch {
        // stopped
      }
    }
  });

  it('under npx stops when npx gets SIGTERM', async () => {
    const child = spawn('npx', ['vanban', 'serve', '--port', '0'], { cwd: ROOT, stdio: ['ignore', 'pipe', 'pipe'], detached: true });
    let out = '';
    child.stdout!.on('data', (c) => (out += String(c)));
    try {
      await until('the address', () => /http:\/\/127\.0\.0\.1:[1-9]\d*\//.test(out), 60_000);
      const server = descendantsOf(child.pid!).find((p) => {
        const args = cmdline(p) ?? [];
        return args[0]!.endsWith('node') && args.some((a) => /vanban(\.mjs)?$/.test(a)) && args.includes('serve');
      });
      expect(server).toBeDefined();
      child.kill('SIGTERM');
      await until('the server under npx to stop', () => !running(server!), 15_000);
    } finally {
      try {
        process.kill(-child.pid!, 'SIGKILL');
      } catch {
        // stopped
      }
    }
  });
});
