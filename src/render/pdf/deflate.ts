// pdf-lib compresses the streams it writes (page numbers, font subsets, signature appearances) with pako, a deflate in
// JavaScript that sets up a fresh 64 KB window for every small stream; Node's zlib writes the same zlib format in C.
// A batch spent more time in pako's set-up than in any other part of finishing a PDF.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
// The very pako module pdf-lib loads, wherever npm placed it.
const pako = createRequire(require.resolve('pdf-lib'))('pako') as { deflate: (input: Uint8Array, opts?: { level?: number }) => Uint8Array };

function deflate(input: Uint8Array, level: number): Uint8Array {
  const out = zlib.deflateSync(input, { level });
  // A plain view, not a Buffer: pdf-lib may slice it, and Buffer#slice shares memory where Uint8Array#slice copies.
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
}

// Most small streams repeat: every page's page number is wrapped in the same "q" and "Q" streams, and "2" sits at the
// same place on every A4 page. Their compressed bytes are kept (pdf-lib only reads them), so zlib is not set up
// three times a page for a few bytes.
const small = new Map<string, Uint8Array>();
const SMALL = 256;

pako.deflate = (input, opts) => {
  const level = opts?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION;
  if (input.length > SMALL) return deflate(input, level);
  const key = `${level}\0${Buffer.from(input.buffer, input.byteOffset, input.length).toString('latin1')}`;
  let out = small.get(key);
  if (!out) {
    out = deflate(input, level);
    if (small.size < 4096) small.set(key, out);
  }
  return out;
};
