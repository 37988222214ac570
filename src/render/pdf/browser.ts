// One headless Chromium per run, driven by puppeteer-core: no network, no file access, restarted if it dies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import type { Browser, Page } from 'puppeteer-core';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import { PROFILE_PREFIX, recordOwner, sweepStale, watch, type Watchdog } from './reaper';
import { waitTurn } from './wait-turn';

/** Flags that work on a machine with no network and no GPU (measured here; see DESIGN.md pitfalls). */
export const FLAGS = [
  '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--mute-audio', '--font-render-hinting=none',
];

/**
 * The browser to start: VANBAN_CHROMIUM when set; else, to print, Chromium's headless shell when installed (Debian's
 * chromium-headless-shell: the same Blink and the same PDF bytes without the full browser's services, 0.58 of the wall
 * time of a batch of PDFs on two cores, README "Benchmark"); else the full Chromium, which the web form's tests use.
 */
export function findChromium(use: 'print' | 'browse' = 'print'): string | undefined {
  const fromEnv = process.env.VANBAN_CHROMIUM;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  const names = ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome'];
  if (use === 'print') names.unshift('chromium-headless-shell');
  for (const name of names) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const p = path.join(dir, name);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

/** The headless shell takes the old headless switch; the full browser, the new one (puppeteer's names for them). */
export const headlessMode = (executablePath: string) => (/headless[-_]shell/.test(path.basename(executablePath)) ? 'shell' : true);

/** Longest a print may take before the browser counts as hung; VANBAN_PRINT_TIMEOUT_MS overrides it (tests). */
export function printTimeoutMs(): number {
  const v = Number(process.env.VANBAN_PRINT_TIMEOUT_MS);
  return Number.isFinite(v) && v > 0 ? v : 30_000;
}

/** Raised when the caller gave up on a print (its client went away, its time ran out) before it finished. */
export class PrintAbortedError extends Error {
  constructor() {
    super('print abandoned');
  }
}

/** Profiles of dead runs are swept once per process, at the first start of a browser. */
let swept = false;

/**
 * One Chromium and a few pages, each in a browser context of its own so that prints run in parallel renderer
 * processes; pages are reused between prints. A print that hangs or is abandoned ends its own renderer only; a
 * crashed or unresponsive browser is killed and started again on next use. A watchdog ends the browser if this
 * process dies without closing it.
 */
export class BrowserPool {
  private browser?: Browser;
  private userDataDir?: string;
  private watchdog?: Watchdog;
  private starting?: Promise<Browser>;
  private idle: Page[] = [];
  private generation = 0;
  /** How many times the browser was started; a batch reports restarts. */
  launches = 0;

  constructor(readonly maxPages = 2) {}

  async get(): Promise<Browser> {
    if (this.browser?.connected) return this.browser;
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async launch(): Promise<Browser> {
    if (this.browser) this.kill();
    const executablePath = findChromium();
    if (!executablePath) throw new VanbanError([makeIssue('env.no_browser')]);
    // Without a Times-compatible font Chromium prints pages with no text at all: refuse before printing anything.
    if (!timesFontFile(false)) throw new VanbanError([makeIssue('env.no_font')]);
    if (!swept) {
      swept = true;
      sweepStale();
    }
    this.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), PROFILE_PREFIX));
    recordOwner(this.userDataDir);
    this.watchdog?.release();
    this.watchdog = watch(this.userDataDir);
    try {
      // Loaded here, not at start-up: a run that writes only DOCX never needs it.
      const { default: puppeteer } = await import('puppeteer-core');
      this.browser = await puppeteer.launch({
        executablePath,
        headless: headlessMode(executablePath),
        args: FLAGS,
        userDataDir: this.userDataDir,
        protocolTimeout: printTimeoutMs() * 2,
        // Each command handles SIGINT and SIGTERM itself and closes the browser in order (render, preview, serve).
        handleSIGINT: false,
        handleSIGTERM: false,
        handleSIGHUP: false,
      });
    } catch (err) {
      this.removeProfile();
      this.watchdog.release();
      this.watchdog = undefined;
      throw err;
    }
    this.generation++;
    this.launches++;
    return this.browser;
  }

  /**
   * Starts the browser and opens its pages ahead of the first print, so a batch's first documents are checked and
   * laid out while Chromium starts (about a second) rather than before. A failure is left for the first print to
   * report, with its input.
   */
  warm(): void {
    void (async () => {
      await this.get();
      const generation = this.generation;
      const pages = await Promise.all(Array.from({ length: this.maxPages - this.idle.length - this.busy }, () => this.page()));
      if (this.generation === generation && this.browser?.connected) this.idle.push(...pages);
    })().catch(() => undefined);
  }

  /** A fresh page that refuses every request: the document is set inline and needs nothing else. */
  async page(): Promise<Page> {
    const browser = await this.get();
    const context = await browser.createBrowserContext();
    const page = await context.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      void req.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  /**
   * Runs `fn` on an idle page (at most `maxPages` at once, others wait), within the print timeout. A failure or a
   * timeout throws, and the page's own renderer is then ended (a hung renderer does not recover), the whole browser
   * only when it does not answer that or has died, so other prints go on. `signal` is heard while waiting for a page
   * and before the print starts, not during it: a print is short (a chunk of documents), and ending one whose client
   * left would cost more than finishing it.
   */
  async withPage<T>(fn: (page: Page) => Promise<T>, signal?: AbortSignal): Promise<T> {
    await this.slot(signal);
    let generation = this.generation;
    let page: Page | undefined;
    let timer: NodeJS.Timeout | undefined;
    try {
      page = this.idle.pop();
      if (!page) {
        // The generation is the browser's that made the page: read before its first start, it would leave the first
        // pages unreused, each holding a renderer, for the whole run.
        await this.get();
        generation = this.generation;
        page = await this.page();
      }
      const p = page;
      if (signal?.aborted) {
        this.idle.push(p);
        throw new PrintAbortedError();
      }
      const result = await Promise.race([
        fn(p),
        new Promise<never>((_, reject) => {
          timer = setTimeout(() => reject(new Error(`no answer from Chromium in ${printTimeoutMs()} ms`)), printTimeoutMs());
        }),
      ]);
      if (this.generation === generation && this.browser?.connected && !p.isClosed()) this.idle.push(p);
      return result;
    } catch (err) {
      if (!(err instanceof PrintAbortedError) && this.generation === generation) await this.endPage(page);
      throw err;
    } finally {
      clearTimeout(timer);
      this.release();
    }
  }

  /** Ends a failed print's renderer by closing its browser context; kills the browser when that fails or it is gone. */
  private async endPage(page: Page | undefined): Promise<void> {
    const browser = this.browser;
    if (page && browser?.connected) {
      const closed = await Promise.race([
        page.browserContext().close().then(() => true, () => false),
        new Promise<boolean>((r) => setTimeout(() => r(false), 3_000).unref()),
      ]);
      if (closed && browser.connected) return;
    }
    if (this.browser === browser) this.kill();
  }

  private busy = 0;
  private waiting: (() => void)[] = [];

  /** A print slot; a caller that gives up while waiting leaves the line at once. */
  private async slot(signal?: AbortSignal): Promise<void> {
    if (signal?.aborted) throw new PrintAbortedError();
    if (this.busy < this.maxPages) {
      this.busy++;
      return;
    }
    await waitTurn(this.waiting, signal, () => new PrintAbortedError());
  }

  private release(): void {
    const next = this.waiting.shift();
    if (next) next();
    else this.busy--;
  }

  /** Ends the browser process at once (crash or hang); the next print starts a new one. */
  kill(): void {
    const b = this.browser;
    this.browser = undefined;
    this.idle = [];
    this.generation++;
    if (b) {
      killTree(b);
      void b.disconnect().catch(() => undefined);
    }
    this.removeProfile();
    this.watchdog?.release();
    this.watchdog = undefined;
  }

  async close(): Promise<void> {
    // A browser still starting would otherwise come up after its watchdog was released and its profile removed, and
    // outlive everything (seen when a server closed while a preview was launching it).
    if (this.starting) await this.starting.catch(() => undefined);
    const b = this.browser;
    this.browser = undefined;
    this.idle = [];
    if (b) {
      // A hung browser never answers close(): give it a moment, then kill it.
      const closed = await Promise.race([b.close().then(() => true, () => false), new Promise<boolean>((r) => setTimeout(() => r(false), 3000).unref())]);
      if (!closed) killTree(b);
    }
    this.removeProfile();
    this.watchdog?.release();
    this.watchdog = undefined;
  }

  private removeProfile(): void {
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true, maxRetries: 3 });
    this.userDataDir = undefined;
  }
}

/**
 * Kills a browser and every process it started. Chromium runs in a process group of its own (puppeteer starts it
 * detached), and its zygotes and renderers outlive a killed parent; a stopped one would also keep the pipes to this
 * process open, and with them the command, after its work is done.
 */
function killTree(b: Browser): void {
  const proc = b.process();
  if (!proc?.pid) return;
  try {
    process.kill(-proc.pid, 'SIGKILL');
  } catch {
    try {
      proc.kill('SIGKILL');
    } catch {
      // already gone
    }
  }
  for (const s of [proc.stdin, proc.stdout, proc.stderr]) s?.destroy();
  proc.unref();
}

/** Path of the font fontconfig gives for Times New Roman, and its family, or undefined. */
export function timesFontFile(bold = false): { file: string; family: string } | undefined {
  // Asked at each browser start and for the page numbers (a blocking fc-match, 0.26 s once in a busy batch); a font
  // found stays found, one missing is looked for again, as a server may outlive its installation.
  let found = timesFonts.get(bold);
  if (!found) {
    found = findTimesFont(bold);
    if (found) timesFonts.set(bold, found);
  }
  return found;
}

const timesFonts = new Map<boolean, { file: string; family: string }>();

function findTimesFont(bold: boolean): { file: string; family: string } | undefined {
  try {
    const out = execFileSync('fc-match', ['-f', '%{file}\n%{family}', `Times New Roman:style=${bold ? 'Bold' : 'Regular'}`], { encoding: 'utf8' });
    const [file, family] = out.split('\n');
    if (!file || !family) return undefined;
    const ok = /Times New Roman|Liberation Serif|Tinos/i.test(family);
    return ok && fs.existsSync(file) ? { file, family: family.split(',')[0]! } : undefined;
  } catch {
    return undefined;
  }
}
