// Prints one HTML page to PDF in Chromium, with a timeout, and returns Chromium's raw bytes.
import type { BrowserPool } from './browser';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';

export const PRINT_TIMEOUT_MS = 30_000;

export async function printPdf(pool: BrowserPool, html: string): Promise<Uint8Array> {
  const page = await pool.page();
  try {
    await page.setContent(html, { waitUntil: 'load', timeout: PRINT_TIMEOUT_MS });
    const pdf = await page.pdf({ preferCSSPageSize: true, printBackground: true, timeout: PRINT_TIMEOUT_MS, tagged: false, outline: false });
    return pdf;
  } catch (err) {
    throw new VanbanError([makeIssue('render.pdf_failed', { detail: (err as Error).message })]);
  } finally {
    await page.close().catch(() => undefined);
  }
}
