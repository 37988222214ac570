// The web form's tests in a real Chromium: one server and browser per test file, a browser context per test (its own
// localStorage and downloads), and the clerk's ways of filling the form from the keyboard.
import fs from 'node:fs';
import path from 'node:path';
import puppeteer, { type Browser, type HTTPRequest, type Page } from 'puppeteer-core';
import { afterAll, beforeAll, expect } from 'vitest';
import { findChromium, FLAGS } from '../src/render/pdf/browser';
import { startServer, type RunningServer } from '../src/server/app';
import { tmpDir } from './helpers';

/** The server and the browser of a test file, started before its tests and closed after them. */
export const web = {} as { server: RunningServer; browser: Browser };

beforeAll(async () => {
  web.server = await startServer({ port: 0, log: () => undefined });
  // The page runs its own scripts, so unlike the PDF printer this browser keeps JavaScript on.
  web.browser = await puppeteer.launch({ executablePath: findChromium('browse'), headless: true, args: FLAGS, userDataDir: tmpDir('web-chromium') });
});

afterAll(async () => {
  await web.browser?.close();
  await web.server?.close();
});

export const sel = (p: string) => `[data-path=${JSON.stringify(p)}]`;
export const idOf = (p: string) => `f_${p.replace(/^\$\.?/, '').split(/[.[\]]+/).filter(Boolean).join('_')}`;

export interface Previews {
  /** The drafts sent for a preview, as sent. */
  bodies: string[];
  inFlight: number;
  maxInFlight: number;
}

export interface Opened {
  page: Page;
  downloads: string;
  errors: string[];
  previews: Previews;
}

/**
 * A form in a browser context of its own (its own localStorage), so that each test starts where a clerk's first visit
 * starts and the tests pass alone and in any order; `profile` is what an earlier visit saved as the agency profile.
 */
export async function openForm(formId: string, opts: { profile?: unknown; server?: RunningServer } = {}): Promise<Opened> {
  const context = await web.browser.createBrowserContext();
  const page = await context.newPage();
  if (opts.profile) {
    await page.evaluateOnNewDocument((p) => localStorage.setItem('vanban.profile', p), JSON.stringify(opts.profile));
  }
  const errors: string[] = [];
  const previews: Previews = { bodies: [], inFlight: 0, maxInFlight: 0 };
  const isPreview = (r: HTTPRequest) => r.headers()['x-vanban-preview'] !== undefined;
  page.on('request', (r) => {
    if (!isPreview(r)) return;
    previews.bodies.push(r.postData() ?? '');
    previews.maxInFlight = Math.max(previews.maxInFlight, ++previews.inFlight);
  });
  for (const done of ['requestfinished', 'requestfailed'] as const) {
    page.on(done, (r) => {
      if (isPreview(r)) previews.inFlight--;
    });
  }
  page.on('pageerror', (e) => errors.push(String(e)));
  page.on('console', (m) => {
    if (m.type() === 'error') errors.push(m.text());
  });
  const downloads = tmpDir('web-downloads');
  const cdp = await page.createCDPSession();
  // Downloads are allowed per browser context; the default context's setting does not reach this one.
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: downloads, eventsEnabled: true, browserContextId: context.id });
  await page.setViewport({ width: 1300, height: 900 });
  await page.goto(`${(opts.server ?? web.server).url}/form/${formId}`, { waitUntil: 'load' });
  await page.waitForSelector('body[data-ready]');
  return { page, downloads, errors, previews };
}

/** Types into a field as a person does with the keyboard: focus it, select what is there, type over it. */
export async function fill(page: Page, p: string, text: string): Promise<void> {
  await page.waitForSelector(sel(p), { visible: true });
  await page.focus(sel(p));
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  expect(await page.$eval(sel(p), (e) => (e as HTMLInputElement).value)).toBe('');
  await page.keyboard.type(text);
}

/** Presses a button from the keyboard. */
export async function press(page: Page, selector: string): Promise<void> {
  await page.focus(selector);
  await page.keyboard.press('Enter');
}

export async function waitForDownload(dir: string, ext: string): Promise<string> {
  const deadline = Date.now() + 60_000;
  while (Date.now() < deadline) {
    const f = fs.readdirSync(dir).find((n) => n.endsWith(ext));
    if (f) return path.join(dir, f);
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error(`no ${ext} downloaded into ${dir}`);
}

export const summaryText = (page: Page) => page.$eval('#summary-text', (e) => e.textContent ?? '');

export const PROFILE = {
  coQuan: { chuQuan: 'UBND quận Hoàng Mai', ten: 'Hội đồng Thi đua, khen thưởng', vietTat: 'HĐTĐKT' },
  diaDanh: 'Hoàng Mai',
  nguoiKy: { chucVu: 'Chủ tịch', hoTen: 'Nguyễn Minh Tâm' },
};

/** Fills a new kế hoạch as a clerk does, field by field from the keyboard, until the form says it has no error. */
export async function fillPlan(page: Page): Promise<void> {
  await fill(page, '$.ngay', '2021-06-09');
  await fill(page, '$.coQuan.chuQuan', PROFILE.coQuan.chuQuan);
  await fill(page, '$.coQuan.ten', PROFILE.coQuan.ten);
  await fill(page, '$.coQuan.vietTat', PROFILE.coQuan.vietTat);
  await fill(page, '$.so', '47');
  await fill(page, '$.diaDanh', PROFILE.diaDanh);
  await fill(page, '$.trichYeu', 'Tổ chức phong trào thi đua Đẩy mạnh cải cách hành chính');
  await fill(page, '$.noiNhan[0].ten', 'Ban TĐKT Thành phố');
  await fill(page, '$.nguoiKy.chucVu', PROFILE.nguoiKy.chucVu);
  await fill(page, '$.nguoiKy.hoTen', PROFILE.nguoiKy.hoTen);
  // A legal basis, added with its button.
  await press(page, `#${idOf('$.canCu')}-add`);
  await fill(page, '$.canCu[0]', 'Căn cứ Luật Thi đua, khen thưởng năm 2022');
  // The empty paragraphs of the outline.
  const blanks = await page.$$eval('#form textarea', (els) => els.filter((e) => (e as HTMLTextAreaElement).value === '').map((e) => e.getAttribute('data-path')!));
  expect(blanks.length).toBe(5);
  for (const [i, p] of blanks.entries()) await fill(page, p, `Nội dung đoạn số ${i + 1} của kế hoạch.`);
  await page.waitForFunction(() => document.querySelector('#summary-text')!.textContent!.startsWith('Không có lỗi'), { timeout: 10_000 });
}

/** Closes a test's page with its browser context, after checking that its scripts raised no error. */
export async function done(o: Opened): Promise<void> {
  expect(o.errors).toEqual([]);
  await o.page.browserContext().close();
}

/** Opens a file through the "Mở tệp…" button, as a clerk picks it in the file chooser; confirmations are accepted. */
export async function openFile(page: Page, file: string): Promise<void> {
  page.removeAllListeners('dialog');
  page.on('dialog', (d) => void d.accept());
  const [chooser] = await Promise.all([page.waitForFileChooser(), press(page, '#import-json')]);
  await chooser.accept([file]);
}
