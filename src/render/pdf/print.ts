// Prints one HTML page to PDF in Chromium on a pooled page, with a timeout, and returns Chromium's raw bytes.
import { printTimeoutMs, type BrowserPool } from './browser';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';

/** Raw print; throws the browser's own error (the batch printer decides whether to retry). */
export async function printRaw(pool: BrowserPool, html: string): Promise<Uint8Array> {
  return pool.withPage(async (page) => {
    await page.setContent(html, { waitUntil: 'load', timeout: printTimeoutMs() });
    return page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: printTimeoutMs(), tagged: false, outline: false });
  });
}

/** Prints one page; a crashed or hung browser is restarted and the print tried once more. */
export async function printPdf(pool: BrowserPool, html: string): Promise<Uint8Array> {
  try {
    return await printRaw(pool, html);
  } catch {
    try {
      return await printRaw(pool, html);
    } catch (err) {
      if (err instanceof VanbanError) throw err;
      throw new VanbanError([makeIssue('render.pdf_failed', { detail: (err as Error).message })]);
    }
  }
}
