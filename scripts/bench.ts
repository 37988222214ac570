// npm run bench: DOCX and PDF throughput, 1,000 reports end to end, peak memory, and LibreOffice on the same files.
import { spawn, spawnSync } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { ROOT } from '../src/paths';
import { TreeMemory } from './bench/memory';
import { printStages, profileFolder } from './bench/profile';
import { writeSynthetic } from './bench/synthetic';

interface Args {
  json: boolean;
  /** Folder for CPU profiles of the DOCX and PDF runs, summarised by stage; undefined: no profiling. */
  profile?: string;
  reports: number;
  plans: number;
  libreofficeSingle: number;
  libreofficeBatches: number;
}

function parseArgs(argv: string[]): Args {
  const a: Args = { json: false, reports: 1000, plans: 200, libreofficeSingle: 10, libreofficeBatches: 3 };
  for (let i = 0; i < argv.length; i++) {
    const v = argv[i]!;
    const num = () => Number(argv[++i]);
    if (v === '--json') a.json = true;
    else if (v === '--profile') a.profile = path.join(ROOT, 'output', 'bench-profiles');
    else if (v === '--profile-dir') a.profile = path.resolve(argv[++i] ?? '');
    else if (v === '--reports') a.reports = num();
    else if (v === '--plans') a.plans = num();
    else if (v === '--libreoffice-single') a.libreofficeSingle = num();
    else if (v === '--libreoffice-batches') a.libreofficeBatches = num();
    else {
      console.error(`bench: unknown option ${v}\nusage: npm run bench -- [--json] [--profile | --profile-dir DIR] [--reports N] [--plans N] [--libreoffice-single N] [--libreoffice-batches N]`);
      process.exit(2);
    }
  }
  return a;
}

interface Measured {
  seconds: number;
  peakRss: number;
  /** CPU the memory sampler took from the machine during the run, in ms. */
  samplerMs: number;
  code: number | null;
}

/** Runs a command, sampling the memory of its process tree. */
function measure(cmd: string, args: string[]): Promise<Measured> {
  return new Promise((resolve) => {
    const started = performance.now();
    const child = spawn(cmd, args, { cwd: ROOT, stdio: ['ignore', 'ignore', 'pipe'] });
    let stderr = '';
    child.stderr.on('data', (d) => (stderr += String(d)));
    const memory = new TreeMemory(child.pid!);
    child.on('exit', (code) => {
      memory.stop();
      if (code !== 0) console.error(`${cmd} ${args.slice(0, 3).join(' ')} … exited ${code}\n${stderr.slice(-2000)}`);
      resolve({ seconds: (performance.now() - started) / 1000, peakRss: memory.peak, samplerMs: memory.spentMs, code });
    });
  });
}

const vanban = (inputs: string, out: string, format: string, profileDir?: string) =>
  measure(process.execPath, [
    ...(profileDir ? ['--cpu-prof', `--cpu-prof-dir=${profileDir}`] : []),
    path.join(ROOT, 'bin', 'vanban.mjs'),
    'render',
    inputs,
    '--out',
    out,
    '--format',
    format,
    '--quiet',
  ]);

function soffice(): string | undefined {
  for (const name of ['soffice', 'libreoffice']) {
    const r = spawnSync('sh', ['-c', `command -v ${name}`], { encoding: 'utf8' });
    if (r.status === 0 && r.stdout.trim()) return r.stdout.trim();
  }
  return undefined;
}

async function libreOffice(bin: string, files: string[], perCall: number, work: string): Promise<number> {
  const profile = `file://${path.join(work, 'lo-profile')}`;
  const out = path.join(work, `lo-${perCall}`);
  fs.mkdirSync(out, { recursive: true });
  const started = performance.now();
  for (let i = 0; i < files.length; i += perCall) {
    const r = spawnSync(bin, [`-env:UserInstallation=${profile}`, '--headless', '--convert-to', 'pdf', '--outdir', out, ...files.slice(i, i + perCall)], { encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`soffice exited ${r.status}: ${r.stderr}`);
  }
  const seconds = (performance.now() - started) / 1000;
  const made = fs.readdirSync(out).filter((f) => f.endsWith('.pdf')).length;
  if (made !== files.length) throw new Error(`LibreOffice made ${made} PDFs of ${files.length}`);
  return files.length / seconds;
}

async function main(): Promise<void> {
  const args = parseArgs(process.argv.slice(2));
  const log = (s: string) => {
    if (!args.json) console.log(s);
  };
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-bench-'));
  try {
    const inputs = path.join(work, 'in');
    const { reports, plans } = writeSynthetic(inputs, args.reports, args.plans);
    const all = reports.length + plans.length;
    const allGlob = `${inputs}/*.json`;
    const reportGlob = `${inputs}/bao-cao-*.json`;
    log(`vanban bench: ${reports.length} reports + ${plans.length} plans, ${os.availableParallelism()} cores, ${os.cpus()[0]?.model ?? ''}`);

    const docx = await vanban(allGlob, path.join(work, 'docx'), 'docx');
    log(`DOCX: ${all} in ${docx.seconds.toFixed(1)} s → ${(all / docx.seconds).toFixed(0)}/s`);
    const pdf = await vanban(allGlob, path.join(work, 'pdf'), 'pdf');
    log(`PDF:  ${all} in ${pdf.seconds.toFixed(1)} s → ${(all / pdf.seconds).toFixed(1)}/s`);
    const e2e = await vanban(reportGlob, path.join(work, 'e2e'), 'docx,pdf');
    if (args.profile) {
      // Profiled runs come after the measured ones: the profiler slows what it watches.
      fs.rmSync(args.profile, { recursive: true, force: true });
      for (const format of ['docx', 'pdf']) {
        const dir = path.join(args.profile, format);
        fs.mkdirSync(dir, { recursive: true });
        await vanban(allGlob, path.join(work, `profile-${format}`), format, dir);
        printStages(`profile of ${all} inputs to ${format.toUpperCase()}`, profileFolder(dir), (s) => console.error(s));
      }
      console.error(`CPU profiles in ${args.profile} (open them in Chrome DevTools, Performance tab, or in VS Code)`);
    }
    log(`${reports.length} reports, DOCX + PDF: ${e2e.seconds.toFixed(1)} s`);
    const peak = Math.max(docx.peakRss, pdf.peakRss, e2e.peakRss) / 2 ** 20;
    const sampler = [docx, pdf, e2e].reduce((n, m) => n + m.samplerMs, 0) / 1000;
    log(`peak memory of the process tree: ${peak.toFixed(0)} MB (the sampler took ${sampler.toFixed(1)} s of CPU in all three runs)`);
    const failed = [docx, pdf, e2e].some((m) => m.code !== 0);

    let loSingle: number | null = null;
    let loBatch: number | null = null;
    const bin = soffice();
    if (bin && (args.libreofficeSingle > 0 || args.libreofficeBatches > 0)) {
      const docxFiles = fs.readdirSync(path.join(work, 'docx')).filter((f) => f.startsWith('bao-cao-') && f.endsWith('.docx')).sort().map((f) => path.join(work, 'docx', f));
      // The first call sets up LibreOffice's profile; it is not counted.
      await libreOffice(bin, docxFiles.slice(0, 1), 1, path.join(work, 'warm'));
      const vanbanPdf = all / pdf.seconds;
      if (args.libreofficeSingle > 0) {
        loSingle = await libreOffice(bin, docxFiles.slice(0, args.libreofficeSingle), 1, work);
        log(`LibreOffice, one per call: ${loSingle.toFixed(2)}/s; vanban PDF is ${(vanbanPdf / loSingle).toFixed(0)}× that`);
      }
      if (args.libreofficeBatches > 0) {
        loBatch = await libreOffice(bin, docxFiles.slice(0, 20 * args.libreofficeBatches), 20, work);
        log(`LibreOffice, 20 per call: ${loBatch.toFixed(2)}/s; vanban PDF is ${(vanbanPdf / loBatch).toFixed(1)}× that`);
      }
    } else log(bin ? 'LibreOffice: not measured (0 asked)' : 'LibreOffice: not installed, not measured');

    const result = {
      cores: os.availableParallelism(),
      docx_per_s: round(all / docx.seconds),
      pdf_per_s: round(all / pdf.seconds),
      e2e_1000_s: round((e2e.seconds * 1000) / Math.max(1, reports.length)),
      peak_rss_mb: round(peak),
      libreoffice_single_per_s: loSingle === null ? null : round(loSingle),
      libreoffice_batch_per_s: loBatch === null ? null : round(loBatch),
    };
    if (args.json) console.log(JSON.stringify(result));
    if (failed) process.exitCode = 1;
  } finally {
    fs.rmSync(work, { recursive: true, force: true });
  }
}

const round = (n: number) => Math.round(n * 100) / 100;

await main();
