// Writing outputs: ASCII file names, a temporary name then an atomic rename, so no reader ever sees half a file.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';
import { asciiStem } from '../viewmodel/text';

/** Output stem of an input file: its name without extension, folded to ASCII. */
export function outputStem(source: string): string {
  return asciiStem(path.basename(source).replace(/\.json$/i, ''));
}

export function atomicWrite(file: string, data: Uint8Array | string): void {
  const dir = path.dirname(file);
  fs.mkdirSync(dir, { recursive: true });
  const tmp = path.join(dir, `.vanban-tmp-${process.pid}-${crypto.randomBytes(4).toString('hex')}-${path.basename(file)}`);
  try {
    fs.writeFileSync(tmp, data);
    fs.renameSync(tmp, file);
  } catch (err) {
    fs.rmSync(tmp, { force: true });
    throw err;
  }
}
