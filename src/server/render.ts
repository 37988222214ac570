// What the API sends back for a valid input: one file per request, named from the form and the subject, built in memory.
import PizZip from 'pizzip';
import { render, type BrowserPool, type Format, type VanbanFile } from '../api';
import { asciiStem } from '../viewmodel/text';

export interface Download {
  name: string;
  type: string;
  data: Uint8Array;
}

const TYPES = {
  pdf: 'application/pdf',
  docx: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  zip: 'application/zip',
};

/** File stem of an answer: the form id and the subject (or the person/collective, or the agency), folded to ASCII. */
export function downloadStem(formId: string, raw: Record<string, unknown>): string {
  const pick = [raw.trichYeu, raw.ten, (raw.coQuan as { vietTat?: unknown } | undefined)?.vietTat].find((v) => typeof v === 'string' && v.trim());
  const words = asciiStem(String(pick ?? '')).split('-').slice(0, 10).join('-');
  return asciiStem(words && words !== 'van-ban' ? `${formId}-${words}` : formId);
}

/**
 * A single document gives its DOCX or PDF. A dossier gives, for pdf, the merged ho-so.pdf; for docx, a ZIP of its
 * DOCX files and manifest.json.
 */
export async function renderDownload(file: VanbanFile, stem: string, format: Format, pool: BrowserPool): Promise<Download> {
  const files = await render(file, stem, { formats: [format], pool });
  if (!file.prepared?.dossier) {
    const f = files.find((x) => x.file === `${stem}.${format}`)!;
    return { name: f.file, type: TYPES[format], data: bytes(f.data) };
  }
  if (format === 'pdf') {
    const merged = files.find((x) => x.file === `${stem}/ho-so.pdf`) ?? files.find((x) => x.file.endsWith('.pdf'))!;
    return { name: `${stem}.pdf`, type: TYPES.pdf, data: bytes(merged.data) };
  }
  const zip = new PizZip();
  for (const f of files) zip.file(f.file, f.data);
  const data = zip.generate({ type: 'uint8array', compression: 'DEFLATE' });
  return { name: `${stem}.zip`, type: TYPES.zip, data };
}

function bytes(d: Uint8Array | string): Uint8Array {
  return typeof d === 'string' ? Buffer.from(d, 'utf8') : d;
}
