// The vanban command line: parses arguments, calls the library, prints issues and a summary, returns an exit code.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { FORMATS, formatIssue, issuesOf, knownFormIds, runBatch, VanbanError, type Format, type JobResult, type RunReport } from '../api';
import { atomicWrite } from '../output/write';
import { Progress } from './progress';
import { ROOT } from '../paths';

export const EXIT = {
  ok: 0,
  invalidInput: 1,
  usage: 2,
  template: 3,
  environment: 4,
  internal: 70,
  busy: 75,
  interrupted: 130,
  terminated: 143,
} as const;

const HELP = `vanban: văn bản hành chính (NĐ 30/2020/NĐ-CP) từ JSON sang DOCX và PDF
vanban: official Vietnamese administrative documents from JSON to DOCX and PDF

Cách dùng / Usage:
  vanban render <tệp hoặc glob…> [--out THƯ_MỤC] [--format docx,pdf] [--resume] [--jobs N] [--dump view-model] [--separate-appendix] [--pdfa] [--quiet]
  vanban forms            liệt kê các mẫu / list the forms
  vanban templates check [mẫu…]   kiểm tra mẫu / check the templates (exit 3 if broken)
  vanban preview <mẫu> [--data TỆP] [--watch] [--out THƯ_MỤC]   xem trước DOCX, PDF, PNG / preview
  vanban new-form <id> [--from ke-hoach]   tạo mẫu mới / scaffold a new form
  vanban serve [--port N] [--host ĐỊA_CHỈ] […]   biểu mẫu web / web form (http://127.0.0.1:8080/; vanban serve --help)
  vanban users add|passwd|remove|list|token|revoke …   tài khoản của máy chủ có đăng nhập / accounts of a server with a login
  vanban import <tệp.docx|.txt|.md> [--form MẪU] [--out TỆP.json]   nhập văn bản có sẵn / bring a document in
  vanban import <tờ trình> <biên bản> [<báo cáo>…] --form ho-so-khen-thuong [--out TỆP.json]   ghép hồ sơ / a hồ sơ from its documents
  vanban import <danh-sach.xlsx|.csv> --into TỆP.json [--out TỆP.json]   nhập danh sách đề nghị / bring a nominee list in
  vanban --help | --version

Tùy chọn / Options:
  --out DIR            thư mục đầu ra / output folder (mặc định/default: output)
  --format LIST        docx, pdf hoặc cả hai / docx, pdf or both (mặc định/default: docx,pdf)
  --resume             bỏ qua tệp đã làm và còn mới / skip inputs whose outputs are up to date
  --jobs N             số luồng xử lý (0 = một luồng) / worker threads (0 = none; default: cores-1 from 4 cores and 32 inputs)
  --dump view-model    ghi thêm <tên>.view-model.json / also write <name>.view-model.json
  --separate-appendix  phụ lục thành tệp PDF riêng, ký số ở góc trên bên phải trang đầu / each appendix as a PDF of
                       its own, signed by the organisation at the top right of its first page
  --pdfa               PDF/A-2b qua Ghostscript (không kiểm định bằng công cụ đánh giá) / PDF/A-2b through
                       Ghostscript (not checked by a conformance validator)
  --quiet              chỉ in lỗi và tóm tắt / print only issues and the summary

Mã thoát / Exit codes:
  0  mọi tệp đã ghi / every input written (warnings allowed)
  1  có tệp đầu vào lỗi, các tệp khác vẫn được ghi / some inputs invalid or failed; the others were written
  2  sai cách gọi lệnh / usage error
  3  lỗi mẫu (template) / template error
  4  thiếu môi trường (Chromium, phông chữ) / environment missing (Chromium, fonts)
  70 lỗi nội bộ / internal error
  75 thư mục đầu ra đang được lần chạy khác ghi / the output folder is in use by another run
  130, 143 bị dừng (Ctrl-C, SIGTERM); chạy lại với --resume / stopped (Ctrl-C, SIGTERM); run again with --resume
`;

interface Parsed {
  command?: string;
  patterns: string[];
  out: string;
  formats: Format[];
  dump: boolean;
  separateAppendix: boolean;
  pdfa: boolean;
  quiet: boolean;
  resume: boolean;
  jobs?: number;
  help: boolean;
  version: boolean;
  error?: string;
}

export function parseArgs(argv: string[]): Parsed {
  const p: Parsed = { patterns: [], out: 'output', formats: ['docx', 'pdf'], dump: false, separateAppendix: false, pdfa: false, quiet: false, resume: false, help: false, version: false };
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (v === undefined) p.error = `${a} cần một giá trị / needs a value`;
      return v ?? '';
    };
    if (a === '--help' || a === '-h') p.help = true;
    else if (a === '--version' || a === '-v') p.version = true;
    else if (a === '--quiet' || a === '-q') p.quiet = true;
    else if (a === '--resume') p.resume = true;
    else if (a === '--separate-appendix') p.separateAppendix = true;
    else if (a === '--pdfa') p.pdfa = true;
    else if (a === '--jobs' || a.startsWith('--jobs=') || a === '-j') {
      const v = value();
      const n = Number(v);
      if (!/^\d+$/.test(v) || n > 64) p.error = `--jobs: "${v}" không hợp lệ; dùng số từ 0 đến 64 / invalid; use a number from 0 to 64`;
      p.jobs = n;
    }
    else if (a === '--out' || a.startsWith('--out=') || a === '-o') p.out = value();
    else if (a === '--format' || a.startsWith('--format=')) {
      const list = value().split(',').map((s) => s.trim()).filter(Boolean);
      const bad = list.filter((f) => !(FORMATS as readonly string[]).includes(f));
      if (bad.length || list.length === 0) p.error = `--format: ${bad.join(',') || '(trống/empty)'} không hợp lệ; dùng docx, pdf / invalid; use docx, pdf`;
      p.formats = list as Format[];
    } else if (a === '--dump' || a.startsWith('--dump=')) {
      const v = value();
      if (v !== 'view-model') p.error = `--dump: chỉ hỗ trợ view-model / only view-model is supported`;
      p.dump = true;
    } else if (a.startsWith('-')) p.error = `Tùy chọn không rõ / unknown option: ${a}`;
    else if (!p.command) p.command = a;
    else p.patterns.push(a);
  }
  return p;
}

function version(): string {
  return (JSON.parse(fs.readFileSync(path.join(ROOT, 'package.json'), 'utf8')) as { version: string }).version;
}

/** Expands files and globs in the order given; a plain file name is taken as it is. */
export async function expandInputs(patterns: string[]): Promise<{ files: string[]; unmatched: string[] }> {
  const files: string[] = [];
  const unmatched: string[] = [];
  for (const pattern of patterns) {
    if (fs.existsSync(pattern) && fs.statSync(pattern).isFile()) {
      files.push(pattern);
      continue;
    }
    // A file named outright that is there but cannot be read (a dangling link) is an input that fails, not "no match".
    const link = fs.lstatSync(pattern, { throwIfNoEntry: false });
    if (link?.isSymbolicLink() && !fs.existsSync(pattern)) {
      files.push(pattern);
      continue;
    }
    const isDir = fs.existsSync(pattern) && fs.statSync(pattern).isDirectory();
    const glob = isDir ? `${fg.convertPathToPattern(pattern)}/**/*.json` : pattern;
    const found = (await fg(glob, { onlyFiles: true, dot: false, followSymbolicLinks: false })).sort();
    if (found.length === 0) unmatched.push(pattern);
    files.push(...found);
  }
  return { files: [...new Set(files)], unmatched };
}

export function exitCodeOf(report: RunReport): number {
  const issues = report.jobs.flatMap((j) => j.issues.filter((i) => i.severity === 'error'));
  if (issues.some((i) => i.stage === 'environment')) return EXIT.environment;
  if (issues.some((i) => i.stage === 'template')) return EXIT.template;
  if (issues.some((i) => i.code === 'internal.error')) return EXIT.internal;
  if (report.summary.invalid + report.summary.failed > 0) return EXIT.invalidInput;
  return EXIT.ok;
}

function printJob(r: JobResult, quiet: boolean, err: (s: string) => void, out: (s: string) => void): void {
  for (const i of r.issues) if (!quiet || i.severity === 'error') err(formatIssue({ ...i, source: i.source ?? r.source }));
  if (!quiet) {
    if (r.status === 'interrupted') return;
  const mark = r.status === 'written' ? 'OK ' : r.status === 'skipped' ? 'SẴN' : r.status === 'invalid' ? 'LỖI' : 'HỎNG';
    out(`${mark} ${r.source}${r.files.length ? ` → ${r.files.map((f) => path.basename(f)).join(', ')}` : ''}`);
  }
}

export interface Io {
  out: (s: string) => void;
  err: (s: string) => void;
}

/** Commands that live in their own module (`src/cli/<name>.ts`, exporting `run`); each parses its own options. */
const SUBCOMMANDS: Record<string, () => Promise<{ run: (argv: string[], io: Io) => Promise<number> }>> = {
  templates: () => import('./templates'),
  preview: () => import('./preview'),
  'new-form': () => import('./new-form'),
  serve: () => import('./serve'),
  import: () => import('./import'),
  users: () => import('./users'),
};

const defaultIo: Io = { out: (s: string) => console.log(s), err: (s: string) => console.error(s) };

export async function main(argv: string[], io: Io = defaultIo): Promise<number> {
  const sub = argv[0] !== undefined ? SUBCOMMANDS[argv[0]] : undefined;
  if (sub) return (await sub()).run(argv.slice(1), io);
  const args = parseArgs(argv);
  if (args.help) {
    io.out(HELP);
    return EXIT.ok;
  }
  if (args.version) {
    io.out(version());
    return EXIT.ok;
  }
  if (args.error) {
    io.err(`${args.error}\n\n${HELP}`);
    return EXIT.usage;
  }
  if (args.command === 'forms') {
    for (const id of knownFormIds()) io.out(id);
    return EXIT.ok;
  }
  if (args.command !== 'render') {
    io.err(`${args.command ? `Lệnh không rõ / unknown command: ${args.command}\n\n` : ''}${HELP}`);
    return EXIT.usage;
  }
  if (args.patterns.length === 0) {
    io.err(`Thiếu tệp đầu vào / no input files given\n\n${HELP}`);
    return EXIT.usage;
  }
  const { files, unmatched } = await expandInputs(args.patterns);
  for (const u of unmatched) io.err(`CẢNH BÁO/WARNING: không có tệp nào khớp / nothing matches: ${u}`);
  if (files.length === 0) {
    io.err('Không có tệp đầu vào nào / no input files found');
    return EXIT.usage;
  }
  const outDir = path.resolve(args.out);
  const stream = process.stderr;
  const progress = io === defaultIo && Progress.wanted(stream) ? new Progress(files.length, stream) : undefined;
  // First signal: stop cleanly (nothing more is written, report.json says what is left); second: leave at once.
  const controller = new AbortController();
  let signalled: NodeJS.Signals | undefined;
  const onSignal = (sig: NodeJS.Signals) => {
    if (signalled) process.exit(sig === 'SIGINT' ? EXIT.interrupted : EXIT.terminated);
    signalled = sig;
    progress?.clear();
    io.err(`Đang dừng… chạy lại với --resume để tiếp tục / stopping… run again with --resume to go on`);
    controller.abort();
  };
  process.on('SIGINT', onSignal);
  process.on('SIGTERM', onSignal);
  let report: RunReport;
  try {
    report = await runBatch(files, {
      outDir,
      formats: args.formats,
      dumpViewModel: args.dump,
      separateAppendix: args.separateAppendix,
      pdfa: args.pdfa,
      resume: args.resume,
      jobs: args.jobs,
      signal: controller.signal,
      onResult: (r) => {
        progress?.clear();
        printJob(r, args.quiet || Boolean(progress), io.err, io.out);
        progress?.tick(r);
      },
    });
  } catch (e) {
    const issues = e instanceof VanbanError ? e.issues : issuesOf(e);
    for (const i of issues) io.err(formatIssue(i));
    return issues.some((i) => i.code === 'write.locked') ? EXIT.busy : issues.some((i) => i.stage === 'environment') ? EXIT.environment : EXIT.internal;
  } finally {
    process.off('SIGINT', onSignal);
    process.off('SIGTERM', onSignal);
  }
  progress?.clear();
  try {
    atomicWrite(path.join(outDir, 'report.json'), `${JSON.stringify(report, null, 2)}\n`);
  } catch (e) {
    io.err(`Không ghi được report.json / cannot write report.json: ${(e as Error).message}`);
  }
  const s = report.summary;
  const seconds = s.ms / 1000;
  io.out(
    `Tổng/Total: ${s.inputs} tệp vào/inputs, ${s.written} đã ghi/written, ${s.skipped ? `${s.skipped} còn mới, bỏ qua/up to date, ` : ''}${s.invalid} lỗi dữ liệu/invalid, ${s.failed} hỏng/failed, ` +
      `${s.interrupted ? `${s.interrupted} chưa làm/not done, ` : ''}${s.files} tệp ra/files, ${s.warnings} cảnh báo/warnings → ${path.relative(process.cwd(), outDir) || '.'}` +
      ` (${seconds.toFixed(1)} s${s.written ? `, ${(s.written / Math.max(seconds, 0.001)).toFixed(1)} tệp vào/s inputs/s` : ''})`,
  );
  if (signalled) return signalled === 'SIGINT' ? EXIT.interrupted : EXIT.terminated;
  return exitCodeOf(report);
}
