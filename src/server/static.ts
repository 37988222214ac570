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
      else if (e.isFile() && TYPES[path.extname(e.name)]) {
        const data = fs.readFileSync(path.join(dir, rel));
        files.set(rel, { type: TYPES[path.extname(e.name)]!, data, etag: `"${crypto.createHash('sha1').update(data).digest('hex').slice(0, 16)}"` });
      }
    }
  };
  walk('');
  return files;
}
