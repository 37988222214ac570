// `vanban preview <form> [--data FILE] [--watch] [--out DIR]`: DOCX, PDF and PNG pages of a form, again on every change.
import fs from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../errors/present';
import { knownFormIds } from '../forms/registry';
import { BLOCKS_DIR, shown } from '../maintain/check';
import { exampleFor } from '../maintain/examples';
import { renderPreview, type PreviewResult } from '../maintain/preview';
import { BrowserPool } from '../render/pdf/browser';
import type { Io } from './main';

const USAGE = `Cách dùng / Usage:
  vanban preview <mẫu> [--data TỆP] [--watch] [--out THƯ_MỤC]
    --data TỆP      dữ liệu / data (mặc định: ví dụ của mẫu / default: the form's example)
    --watch         vẽ lại khi mẫu, khối dùng chung hoặc dữ liệu thay đổi / render again on every change
    --out THƯ_MỤC   thư mục đầu ra / output folder (mặc định/default: output/preview)

Mã thoát / Exit codes: 0 đã vẽ / rendered, 1 dữ liệu lỗi / invalid data, 2 sai cách gọi / usage,
  3 mẫu lỗi / template problems, 4 thiếu môi trường / environment (Chromium, pdftoppm)`;

/** Changes closer together than this are one change: an editor often writes a file in several steps. */
export const DEBOUNCE_MS = 250;

interface Args {
  form?: string;
  data?: string;
  out: string;
  watch: boolean;
  help: boolean;
  error?: string;
}

function parse(argv: string[]): Args {
  const a: Args = { out: path.join('output', 'preview'), watch: false, help: false };
  for (let i = 0; i < argv.length; i++) {
    const x = argv[i]!;
    const value = () => {
      const v = x.includes('=') ? x.slice(x.indexOf('=') + 1) : argv[++i];
      if (!v) a.error = `${x} cần một giá trị / needs a value`;
      return v ?? '';
    };
    if (x === '--help' || x === '-h') a.help = true;
    else if (x === '--watch' || x === '-w') a.watch = true;
    else if (x === '--data' || x.startsWith('--data=')) a.data = value();
    else if (x === '--out' || x.startsWith('--out=') || x === '-o') a.out = value();
    else if (x.startsWith('-')) a.error = `Tùy chọn không rõ / unknown option: ${x}`;
    else if (!a.form) a.form = x;
    else a.error = `Thừa đối số / extra argument: ${x}`;
  }
  return a;
}

function report(r: PreviewResult, ms: number, io: Io): void {
  for (const i of r.issues) io.err(formatIssue(i));
  if (r.code !== 0) {
    io.out(`LỖI/ERROR xem trước không được vẽ / preview not rendered (${r.code === 3 ? 'mẫu lỗi / template problems' : r.code === 1 ? 'dữ liệu lỗi / invalid data' : `mã/code ${r.code}`})`);
    return;
  }
  io.out(`OK ${r.pages} trang/pages, ${ms} ms →`);
  for (const f of r.files) io.out(`  ${shown(f)}`);
}

export async function run(argv: string[], io: Io): Promise<number> {
  const args = parse(argv);
  if (args.help) {
    io.out(USAGE);
    return 0;
  }
  const forms = knownFormIds();
  if (args.error || !args.form || !forms.includes(args.form)) {
    const why = args.error ?? (args.form ? `Mẫu không rõ / unknown form: ${args.form}; có / known: ${forms.join(', ')}` : 'Thiếu tên mẫu / no form given');
    io.err(`${why}\n\n${USAGE}`);
    return 2;
  }
  const data = args.data ? path.resolve(args.data) : exampleFor(args.form);
  if (!data) {
    io.err(`Mẫu ${args.form} chưa có dữ liệu ví dụ; dùng --data TỆP / form ${args.form} has no example; pass --data FILE`);
    return 2;
  }
  if (!fs.existsSync(data)) {
    io.err(`Không có tệp dữ liệu / no such data file: ${args.data}`);
    return 2;
  }
  const outDir = path.resolve(args.out);
  const pool = new BrowserPool();
  const once = async () => {
    const started = performance.now();
    const r = await renderPreview({ form: args.form!, data, outDir, pool });
    report(r, Math.round(performance.now() - started), io);
    return r;
  };
  io.out(`Xem trước / preview: ${args.form} ← ${shown(data)}`);
  if (!args.watch) {
    // Ctrl-C during a single preview: close the browser (it runs in a process group of its own) and leave.
    const stop = () => void pool.close().finally(() => process.exit(130));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
    try {
      return (await once()).code;
    } finally {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      await pool.close();
    }
  }
  return watch(once, data, pool, io);
}

/** Renders on every change of the watched files until SIGINT or SIGTERM; one browser serves every render. */
async function watch(once: () => Promise<PreviewResult>, data: string, pool: BrowserPool, io: Io): Promise<number> {
  const watchers = new Map<string, fs.FSWatcher>();
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  const relevant = (dir: string, name: string) =>
    dir === path.dirname(data) ? name === path.basename(data) : /^(template\.(docx|hbs)|form\.json|[^.~#][^~#]*\.hbs)$/.test(name);
  const watchDir = (dir: string) => {
    if (watchers.has(dir) || !fs.existsSync(dir)) return;
    // Editors save by writing a new file and renaming it: a folder is watched, never a single file.
    const w = fs.watch(dir, (_event, name) => {
      if (name && relevant(dir, name.toString())) schedule();
    });
    watchers.set(dir, w);
  };
  const render = async () => {
    const r = await once();
    for (const d of r.templateDirs) watchDir(d);
    io.out(`Đang theo dõi / watching: ${[...watchers.keys()].map((d) => shown(d)).join(', ')} (Ctrl+C để dừng / to stop)`);
  };
  const kick = () => {
    if (running) {
      again = true;
      return;
    }
    running = render()
      .catch((err: unknown) => io.err(`LỖI/ERROR ${(err as Error).message}`))
      .finally(() => {
        running = undefined;
        if (again) {
          again = false;
          kick();
        }
      });
  };
  function schedule() {
    clearTimeout(timer);
    timer = setTimeout(kick, DEBOUNCE_MS);
  }
  watchDir(path.dirname(data));
  watchDir(BLOCKS_DIR);
  kick();
  return new Promise<number>((resolve) => {
    const stop = () => {
      process.off('SIGINT', stop);
      process.off('SIGTERM', stop);
      clearTimeout(timer);
      for (const w of watchers.values()) w.close();
      void (running ?? Promise.resolve())
        .then(() => pool.close())
        .then(() => {
          io.out('Đã dừng / stopped');
          resolve(0);
        });
    };
    process.on('SIGINT', stop);
    process.on('SIGTERM', stop);
  });
}
