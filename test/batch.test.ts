// Batches at scale: chunked prints split exactly as single prints, --resume, signals, crashed and hung Chromium,
// a read-only or full output folder, and two runs on one folder.
import { spawn, spawnSync, execFileSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { afterAll, describe, expect, it } from 'vitest';
import { PDFDocument } from 'pdf-lib';
import { ROOT } from '../src/paths';
import { parseJson, prepare } from '../src/pipeline/prepare';
import { planInput, type PdfJob } from '../src/pipeline/plan';
import { BrowserPool } from '../src/render/pdf/browser';
import { newStats, printJobs, type FinishedPdf } from '../src/render/pdf/batch';
import { descendantsOf } from '../scripts/bench/proc';
import { writeSynthetic } from '../scripts/bench/synthetic';
import { EXAMPLES, pdfText, tmpDir } from './helpers';

const BIN = path.join(ROOT, 'bin', 'vanban.mjs');

async function jobsOf(files: string[]): Promise<PdfJob[]> {
  const jobs: PdfJob[] = [];
  for (const f of files) {
    const p = await prepare(parseJson(fs.readFileSync(f, 'utf8')).value, f);
    jobs.push(...planInput(p, 'x', { formats: ['pdf'] }).documents.map((d) => d.pdf!));
  }
  return jobs;
}

function textOf(pdf: Uint8Array, dir: string, name: string): string {
  const file = path.join(dir, `${name}.pdf`);
  fs.writeFileSync(file, pdf);
  return pdfText(file, { layout: true });
}

describe('one print for many documents', () => {
  const pool = new BrowserPool(2);
  afterAll(() => pool.close());
  const dir = tmpDir('chunk');
  const synthetic = writeSynthetic(path.join(dir, 'in'), 6, 3);

  it('splits into documents identical in pages and text to printing each alone', async () => {
    const jobs = await jobsOf([...EXAMPLES.map((e) => path.join(ROOT, e)), path.join(ROOT, 'test/fixtures/to-trinh.json'), ...synthetic.reports, ...synthetic.plans]);
    expect(jobs.length).toBeGreaterThan(20);
    expect(jobs.some((j) => j.parts.length > 1)).toBe(true); // an appendix numbered on its own
    const stats = newStats();
    const together = await printJobs(pool, jobs, stats);
    expect(stats).toMatchObject({ prints: 1, batched: jobs.length, fallbacks: 0 });
    for (const [i, job] of jobs.entries()) {
      const [alone] = await printJobs(pool, [job]);
      const a = (together[i] as FinishedPdf).pdf;
      const b = (alone as FinishedPdf).pdf;
      expect(a).toBeInstanceOf(Uint8Array);
      expect((await PDFDocument.load(a)).getPageCount(), job.meta.title).toBe((await PDFDocument.load(b)).getPageCount());
      expect(textOf(a, dir, `t${i}`), job.meta.title).toBe(textOf(b, dir, `a${i}`));
      // The same signature fields, at the same places, whichever way the document was printed.
      expect((together[i] as FinishedPdf).fields, job.meta.title).toEqual((alone as FinishedPdf).fields);
      expect((together[i] as FinishedPdf).fields.map((f) => f.field)).toEqual(job.slots.map((s) => s.truong));
      // The split and signature-space marks are gone: no link annotation is left in the document.
      expect(Buffer.from(a).includes('vanban.invalid')).toBe(false);
    }
  });

  it('falls back to one print per document when the pieces cannot be located exactly', async () => {
    const jobs = await jobsOf(synthetic.reports.slice(0, 3));
    // A second start mark for piece 0 inside piece 1: the checks must refuse the split.
    const forged = { ...jobs[1]!, parts: [`<a href="https://vanban.invalid/piece/s0" style="display:block;width:5px;height:5px"></a>${jobs[1]!.parts[0]}`] };
    const stats = newStats();
    const out = await printJobs(pool, [jobs[0]!, forged, jobs[2]!], stats);
    expect(stats.fallbacks).toBe(1);
    expect(stats.batched).toBe(0);
    for (const [i, job] of [jobs[0]!, jobs[2]!].entries()) {
      const [alone] = await printJobs(pool, [job]);
      expect(textOf((out[i * 2] as FinishedPdf).pdf, dir, `f${i}`)).toBe(textOf((alone as FinishedPdf).pdf, dir, `g${i}`));
    }
  });
});

describe('the page pool', () => {
  it('reuses its pages from the first prints on: no more pages or browser contexts than it may hold at once', async () => {
    const pool = new BrowserPool(2);
    try {
      const used = new Set<unknown>();
      // Six prints asked for at once, before the browser has started: the first two make the pages, the rest reuse them.
      await Promise.all(Array.from({ length: 6 }, () => pool.withPage(async (page) => used.add(page))));
      await Promise.all(Array.from({ length: 4 }, () => pool.withPage(async (page) => used.add(page))));
      expect(used.size).toBe(2);
      const browser = await pool.get();
      expect(browser.browserContexts().filter((c) => c !== browser.defaultBrowserContext())).toHaveLength(2);
      expect(pool.launches).toBe(1);
    } finally {
      await pool.close();
    }
  });
});

interface Run {
  code: number | null;
  signal: NodeJS.Signals | null;
  out: string;
  err: string;
}

/** Starts the CLI; `during` runs once a file matching `when` (default: a PDF) exists in `watch`, with the child's pid. */
function vanban(args: string[], opts: { env?: Record<string, string>; watch?: string; when?: string; during?: (pid: number) => void } = {}): Promise<Run> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, [BIN, ...args], { cwd: ROOT, env: { ...process.env, CI: 'true', ...opts.env } });
    let out = '';
    let err = '';
    child.stdout.on('data', (d) => (out += String(d)));
    child.stderr.on('data', (d) => (err += String(d)));
    let timer: NodeJS.Timeout | undefined;
    if (opts.during && opts.watch) {
      const watch = opts.watch;
      timer = setInterval(() => {
        if (fg.sync(opts.when ?? '*.pdf', { cwd: watch, dot: true }).length > 0) {
          clearInterval(timer);
          opts.during!(child.pid!);
        }
      }, 20);
    }
    child.on('exit', (code, signal) => {
      clearInterval(timer);
      resolve({ code, signal, out, err });
    });
  });
}

/** Pids of a process's descendants whose command line contains `needle`. */
function descendants(root: number, needle: string): number[] {
  return descendantsOf(root).filter((pid) => {
    try {
      return fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').includes(needle);
    } catch {
      return false;
    }
  });
}

interface Report {
  summary: { inputs: number; written: number; interrupted: number; skipped: number; failed: number };
  print?: Record<string, number>;
  jobs: { source: string; status: string; files: string[]; issues: { code: string }[] }[];
}
const reportOf = (out: string) => JSON.parse(fs.readFileSync(path.join(out, 'report.json'), 'utf8')) as Report;

/** Every written input has whole, readable files; nothing else (no temporary file) is in the folder. */
function expectWholeOutputs(out: string, report: Report): void {
  expect(fg.sync('**/.vanban-tmp-*', { cwd: out, dot: true })).toEqual([]);
  const expected = new Set(['report.json']);
  for (const job of report.jobs) {
    if (job.status !== 'written' && job.status !== 'skipped') continue;
    for (const f of job.files) {
      expected.add(path.relative(out, f));
      if (f.endsWith('.pdf')) expect(spawnSync('pdfinfo', [f]).status, f).toBe(0);
      if (f.endsWith('.docx')) expect(spawnSync('unzip', ['-tq', f]).status, f).toBe(0);
    }
  }
  expect(fg.sync('**/*', { cwd: out }).sort()).toEqual([...expected].sort());
}

describe('a batch under faults', () => {
  const inputs = path.join(tmpDir('faults'), 'in');
  writeSynthetic(inputs, 50, 10);
  const N = 60;

  it('--resume skips what is up to date and renders what changed or went missing', async () => {
    const out = tmpDir('resume');
    const few = fg.sync('*.json', { cwd: inputs, absolute: true }).sort().slice(0, 3);
    expect((await vanban(['render', ...few, '--out', out])).code).toBe(0);
    const again = await vanban(['render', ...few, '--out', out, '--resume']);
    expect(again.code).toBe(0);
    expect(reportOf(out).summary).toMatchObject({ skipped: 3, written: 0 });
    // Change one input and delete the output of another: exactly those two are rendered again.
    const changed = path.join(tmpDir('resume-in'), path.basename(few[0]!));
    fs.copyFileSync(few[0]!, changed);
    const data = JSON.parse(fs.readFileSync(few[1]!, 'utf8'));
    fs.writeFileSync(few[1]!, JSON.stringify({ ...data, ten: `${data.ten} Hai` }));
    fs.rmSync(path.join(out, `${path.basename(few[2]!, '.json')}.pdf`));
    const third = await vanban(['render', ...few, '--out', out, '--resume']);
    expect(third.code).toBe(0);
    const r = reportOf(out);
    expect(r.jobs.map((j) => j.status)).toEqual(['skipped', 'written', 'written']);
    expect(pdfText(path.join(out, `${path.basename(few[1]!, '.json')}.pdf`))).toContain(`${data.ten} Hai`);
    expectWholeOutputs(out, r);
    fs.writeFileSync(few[1]!, JSON.stringify(data));
  });

  it.each([
    ['SIGINT', 130],
    ['SIGTERM', 143],
  ] as const)('%s mid-batch stops with exit %i, leaves only whole files, and --resume finishes the rest', async (sig, code) => {
    const out = tmpDir(`signal-${sig}`);
    const first = await vanban(['render', inputs, '--out', out], { watch: out, during: (pid) => process.kill(pid, sig) });
    expect(first.code).toBe(code);
    expect(first.err).toContain('--resume');
    const r1 = reportOf(out);
    expect(r1.summary.inputs).toBe(N);
    expect(r1.summary.interrupted).toBeGreaterThan(0);
    expect(r1.summary.written + r1.summary.interrupted).toBe(N);
    expectWholeOutputs(out, r1);
    const second = await vanban(['render', inputs, '--out', out, '--resume']);
    expect(second.code).toBe(0);
    const r2 = reportOf(out);
    expect(r2.summary).toMatchObject({ inputs: N, skipped: r1.summary.written, written: N - r1.summary.written, interrupted: 0 });
    expectWholeOutputs(out, r2);
  });

  it('a Chromium killed mid-batch is started again and no document is lost', async () => {
    const out = tmpDir('killed');
    const run = await vanban(['render', inputs, '--out', out, '--format', 'pdf'], {
      watch: out,
      during: (pid) => {
        const browsers = descendants(pid, 'vanban-chromium-');
        expect(browsers.length).toBeGreaterThan(0);
        for (const b of browsers) process.kill(b, 'SIGKILL');
      },
    });
    expect(run.code, run.err).toBe(0);
    const r = reportOf(out);
    expect(r.summary).toMatchObject({ written: N, failed: 0 });
    expect(r.print!.browserStarts).toBeGreaterThanOrEqual(2);
    expectWholeOutputs(out, r);
  });

  it('a hung Chromium is killed after the print timeout, started again, and no document is lost', async () => {
    const out = tmpDir('hung');
    let stopped: number[] = [];
    const run = await vanban(['render', inputs, '--out', out, '--format', 'pdf'], {
      env: { VANBAN_PRINT_TIMEOUT_MS: '4000' },
      watch: out,
      during: (pid) => {
        stopped = descendants(pid, 'vanban-chromium-');
        for (const b of stopped) process.kill(b, 'SIGSTOP');
      },
    });
    for (const b of stopped) {
      try {
        process.kill(b, 'SIGKILL');
      } catch {
        // already ended by vanban
      }
    }
    expect(stopped.length).toBeGreaterThan(0);
    expect(run.code, run.err).toBe(0);
    const r = reportOf(out);
    expect(r.summary).toMatchObject({ written: N, failed: 0 });
    expect(r.print!.browserStarts).toBeGreaterThanOrEqual(2);
    expectWholeOutputs(out, r);
  });

  it('a second run on the same folder is refused with exit 75 while the first goes on', async () => {
    const out = tmpDir('two-runs');
    let second: Promise<Run> | undefined;
    const first = await vanban(['render', inputs, '--out', out, '--format', 'pdf'], {
      watch: out,
      when: '.vanban/lock',
      during: () => {
        second = vanban(['render', inputs, '--out', out]);
      },
    });
    const b = await second!;
    expect(first.code).toBe(0);
    expect(b.code).toBe(75);
    expect(b.err).toContain('write.locked');
    expect(b.err).toMatch(/another run/);
    expectWholeOutputs(out, reportOf(out));
    // The lock of a run that died is taken over.
    fs.writeFileSync(path.join(out, '.vanban', 'lock'), '999999\n');
    expect((await vanban(['render', inputs, '--out', out, '--resume'])).code).toBe(0);
  });

  describe('output folder on a small file system', () => {
    const mounts: string[] = [];
    const mount = (opts: string) => {
      const dir = tmpDir('mnt');
      execFileSync('mount', ['-t', 'tmpfs', '-o', opts, 'tmpfs', dir]);
      mounts.push(dir);
      return dir;
    };
    afterAll(() => {
      for (const m of mounts) spawnSync('umount', ['-l', m]);
    });

    it('read-only: exit 4 naming the folder, nothing written', async () => {
      const out = mount('ro,size=1m');
      const run = await vanban(['render', inputs, '--out', out]);
      expect(run.code).toBe(4);
      expect(run.err).toContain('env.out_dir');
      expect(run.err).toContain(out);
      expect(fs.readdirSync(out)).toEqual([]);
    });

    it('full: the inputs that fit are whole, the rest fail with write.failed, no partial file is left', async () => {
      const out = mount('size=600k');
      const run = await vanban(['render', inputs, '--out', out]);
      expect(run.code).toBe(1);
      expect(run.err).toContain('write.failed');
      const whole = fg.sync('*.pdf', { cwd: out }).map((f) => f.slice(0, -4));
      expect(whole.length).toBeGreaterThan(0);
      expect(whole.length).toBeLessThan(N);
      expect(fg.sync('**/.vanban-tmp-*', { cwd: out, dot: true })).toEqual([]);
      for (const stem of whole) {
        expect(spawnSync('pdfinfo', [path.join(out, `${stem}.pdf`)]).status).toBe(0);
        expect(spawnSync('unzip', ['-tq', path.join(out, `${stem}.docx`)]).status).toBe(0);
      }
      // No DOCX without its PDF: an input is written whole or not at all.
      expect(fg.sync('*.docx', { cwd: out }).map((f) => f.slice(0, -5)).sort()).toEqual(whole.sort());
    });
  });
});
