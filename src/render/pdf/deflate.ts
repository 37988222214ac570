// pdf-lib compresses the streams it writes (page numbers, font subsets, signature appearances) with pako, a deflate in
// JavaScript that sets up a fresh 64 KB window for every small stream; Node's zlib writes the same zlib format in C.
// A batch spent more time in pako's set-up than in any other part of finishing a PDF.
import { createRequire } from 'node:module';
import zlib from 'node:zlib';

const require = createRequire(import.meta.url);
// The very pako module pdf-lib loads, wherever npm placed it.
const pako = createRequire(require.resolve('pdf-lib'))('pako') as { deflate: (input: Uint8Array, opts?: { level?: number }) => Uint8Array };

pako.deflate = (input, opts) => {
  const out = zlib.deflateSync(input, { level: opts?.level ?? zlib.constants.Z_DEFAULT_COMPRESSION });
  // A plain view, not a Buffer: pdf-lib may slice it, and Buffer#slice shares memory where Uint8Array#slice copies.
  return new Uint8Array(out.buffer, out.byteOffset, out.length);
};
