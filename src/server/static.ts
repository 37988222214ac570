// The page files, read once into memory at start: a request picks one by name from this table and never names a path on disk.
import fs from 'node:fs';
import path from 'node:path';
import crypto from 'node:crypto';

export interface StaticFile {
  type: string;
  data: Buffer;
  etag: string;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
};

/** Every file below `dir` with a known type, keyed by its '/'-separated relative name. */
export function loadStatic(dir: string): Map<string, StaticFile> {
  const files = new Map<string, StaticFile>();
  const walk = (sub: string) => {
    for (const e of fs.readdirSync(path.join(dir, sub), { withFileTypes: true })) {
      const rel = sub ? `${sub}/${e.name}` : e.name;
      if (e.isDirectory()) walk(rel);
      else if (e.isFile() && TYPES[path.extname(e.name)]) addStatic(files, rel, path.join(dir, rel));
    }
  };
  walk('');
  return files;
}

/** Adds one file from outside `public/` (a library's browser build) under a name of its own. */
export function addStatic(files: Map<string, StaticFile>, name: string, file: string): void {
  const data = fs.readFileSync(file);
  files.set(name, { type: TYPES[path.extname(file)]!, data, etag: `"${crypto.createHash('sha1').update(data).digest('hex').slice(0, 16)}"` });
}
