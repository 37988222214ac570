// One headless Chromium per run, driven by puppeteer-core: no network, no file access, restarted if it dies.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { execFileSync } from 'node:child_process';
import puppeteer, { type Browser, type Page } from 'puppeteer-core';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';

/** Flags that work on a machine with no network and no GPU (measured here; see DESIGN.md pitfalls). */
export const FLAGS = [
  '--headless=new', '--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run',
  '--disable-background-networking', '--disable-component-update', '--disable-sync',
  '--disable-default-apps', '--disable-extensions', '--mute-audio', '--font-render-hinting=none',
];

export function findChromium(): string | undefined {
  const fromEnv = process.env.VANBAN_CHROMIUM;
  if (fromEnv) return fs.existsSync(fromEnv) ? fromEnv : undefined;
  for (const name of ['chromium', 'chromium-browser', 'google-chrome-stable', 'google-chrome']) {
    for (const dir of (process.env.PATH ?? '').split(path.delimiter)) {
      const p = path.join(dir, name);
      if (dir && fs.existsSync(p)) return p;
    }
  }
  return undefined;
}

export class BrowserPool {
  private browser?: Browser;
  private userDataDir?: string;
  private starting?: Promise<Browser>;

  async get(): Promise<Browser> {
    if (this.browser?.connected) return this.browser;
    this.starting ??= this.launch().finally(() => {
      this.starting = undefined;
    });
    return this.starting;
  }

  private async launch(): Promise<Browser> {
    const executablePath = findChromium();
    if (!executablePath) throw new VanbanError([makeIssue('env.no_browser')]);
    this.userDataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'vanban-chromium-'));
    this.browser = await puppeteer.launch({
      executablePath,
      headless: true,
      args: FLAGS,
      userDataDir: this.userDataDir,
      protocolTimeout: 60_000,
    });
    return this.browser;
  }

  /** A fresh page that refuses every request: the document is set inline and needs nothing else. */
  async page(): Promise<Page> {
    const browser = await this.get();
    const page = await browser.newPage();
    await page.setJavaScriptEnabled(false);
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      void req.abort('blockedbyclient').catch(() => undefined);
    });
    return page;
  }

  async close(): Promise<void> {
    const b = this.browser;
    this.browser = undefined;
    if (b) await b.close().catch(() => undefined);
    if (this.userDataDir) fs.rmSync(this.userDataDir, { recursive: true, force: true });
    this.userDataDir = undefined;
  }
}

/** Path of the font fontconfig gives for Times New Roman, and its family, or undefined. */
export function timesFontFile(bold = false): { file: string; family: string } | undefined {
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
