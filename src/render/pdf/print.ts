// Prints one HTML page to PDF in Chromium on a pooled page, with a timeout, and returns Chromium's raw bytes.
import { printTimeoutMs, type BrowserPool } from './browser';

/** Raw print; throws the browser's own error (the batch printer decides whether to retry), or stops when `signal` aborts. */
export async function printRaw(pool: BrowserPool, html: string, signal?: AbortSignal): Promise<Uint8Array> {
  return pool.withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs() });
    return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: printTimeoutMs(), tagged: false, outline: false });
  }, signal);
}
