// What a run leaves for the next one in OUT/.vanban/: a journal of finished inputs for --resume, and a lock.
import crypto from 'node:crypto';
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { makeIssue } from '../errors/catalogue';
import { VanbanError } from '../errors/issue';
import { ROOT } from '../paths';
import { atomicWrite } from './write';

export const STATE_DIR = '.vanban';

/** One finished input: its hash and the files it wrote (relative to the output folder) with their sizes. */
export interface JournalEntry {
  source: string;
  hash: string;
  files: { file: string; size: number }[];
}

/**
 * A hash of everything an output depends on besides its input: vanban's version and sources, the templates and
 * the configuration. Any change there makes every output out of date, which is safe and cheap to compute.
 */
export function fingerprint(extra: string): string {
  const h = crypto.createHash('sha256').update(extra);
  const files = fg.sync(['package.json', 'src/**', 'templates/**', 'config/**'], { cwd: ROOT, onlyFiles: true, dot: false }).sort();
  for (const f of files) h.update(f).update('\0').update(fs.readFileSync(path.join(ROOT, f))).update('\0');
  return h.digest('hex');
}

export const inputHash = (text: string, fp: string): string => crypto.createHash('sha256').update(fp).update('\0').update(text).digest('hex');

export class Journal {
  private entries = new Map<string, JournalEntry>();
  private readonly file: string;

  constructor(private readonly outDir: string) {
    this.file = path.join(outDir, STATE_DIR, 'journal.jsonl');
    let text = '';
    try {
      text = fs.readFileSync(this.file, 'utf8');
    } catch {
      return;
    }
    for (const line of text.split('\n')) {
      // A run stopped mid-line leaves a broken last line; it only costs that input a new render.
      try {
        const e = JSON.parse(line) as JournalEntry;
        if (typeof e.source === 'string' && typeof e.hash === 'string' && Array.isArray(e.files)) this.entries.set(e.source, e);
      } catch {
        // ignored, see above
      }
    }
  }

  /** True when the input was finished with this hash and every file it wrote is still there at its size. */
  upToDate(source: string, hash: string): JournalEntry | undefined {
    const e = this.entries.get(source);
    if (!e || e.hash !== hash) return undefined;
    for (const f of e.files) {
      try {
        if (fs.statSync(path.join(this.outDir, f.file)).size !== f.size) return undefined;
      } catch {
        return undefined;
      }
    }
    return e;
  }

  record(entry: JournalEntry): void {
    this.entries.set(entry.source, entry);
    this.append(entry);
  }

  forget(source: string): void {
    if (this.entries.delete(source)) this.append({ source, hash: '', files: [] });
  }

  /** A journal that cannot be written (a full disk) only means those inputs are rendered again on --resume. */
  private append(entry: JournalEntry): void {
    try {
      fs.appendFileSync(this.file, `${JSON.stringify(entry)}\n`);
    } catch {
      // see above
    }
  }

  /** Rewrites the journal with one line per input. */
  compact(): void {
    if (!fs.existsSync(this.file)) return;
    try {
      atomicWrite(this.file, [...this.entries.values()].filter((e) => e.hash).map((e) => `${JSON.stringify(e)}\n`).join(''));
    } catch {
      // the long journal still holds every entry
    }
  }
}

/**
 * Takes OUT/.vanban/lock for this process. A second run on the same folder is refused while the first is alive;
 * the lock of a process that died is taken over.
 */
export function acquireLock(outDir: string): () => void {
  const dir = path.join(outDir, STATE_DIR);
  const file = path.join(dir, 'lock');
  try {
    fs.mkdirSync(dir, { recursive: true });
  } catch (err) {
    throw new VanbanError([makeIssue('env.out_dir', { dir: outDir, cause: (err as Error).message })]);
  }
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = fs.openSync(file, 'wx');
      fs.writeSync(fd, `${process.pid}\n`);
      fs.closeSync(fd);
      return () => {
        try {
          if (fs.readFileSync(file, 'utf8').trim() === String(process.pid)) fs.rmSync(file, { force: true });
        } catch {
          // already gone
        }
      };
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'EEXIST') throw new VanbanError([makeIssue('env.out_dir', { dir: outDir, cause: (err as Error).message })]);
      const pid = Number(fs.readFileSync(file, 'utf8').trim());
      if (Number.isInteger(pid) && pid > 0 && pid !== process.pid && alive(pid)) {
        throw new VanbanError([makeIssue('write.locked', { dir: outDir, pid })]);
      }
      fs.rmSync(file, { force: true });
    }
  }
  throw new VanbanError([makeIssue('write.locked', { dir: outDir, pid: '?' })]);
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
