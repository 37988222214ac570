// Reads a request body up to a byte limit, refusing it early by its Content-Length and stopping as soon as it grows past.
import type { IncomingMessage } from 'node:http';

export type BodyResult = { ok: true; text: string } | { ok: false; reason: 'too_large' | 'aborted' | 'encoding' };
export type RawBodyResult = { ok: true; bytes: Buffer } | { ok: false; reason: 'too_large' | 'aborted' | 'encoding' };

/** The body as UTF-8 text (a malformed sequence becomes U+FFFD, which validation then names). */
export async function readBody(req: IncomingMessage, limit: number): Promise<BodyResult> {
  const r = await readRawBody(req, limit);
  return r.ok ? { ok: true, text: new TextDecoder('utf-8', { fatal: false }).decode(r.bytes) } : r;
}

/** The body's bytes (a file sent as it is). */
export function readRawBody(req: IncomingMessage, limit: number): Promise<RawBodyResult> {
  return new Promise((resolve) => {
    const declared = Number(req.headers['content-length']);
    if (Number.isFinite(declared) && declared > limit) {
      resolve({ ok: false, reason: 'too_large' });
      return;
    }
    const enc = req.headers['content-encoding'];
    if (enc && enc !== 'identity') {
      // Compressed bodies could expand past the limit after it was checked: not accepted.
      resolve({ ok: false, reason: 'encoding' });
      return;
    }
    const chunks: Buffer[] = [];
    let size = 0;
    let done = false;
    const finish = (r: RawBodyResult) => {
      if (done) return;
      done = true;
      req.off('data', onData);
      req.off('end', onEnd);
      req.off('error', onAbort);
      req.off('close', onAbort);
      chunks.length = 0;
      resolve(r);
    };
    const onData = (c: Buffer) => {
      size += c.length;
      if (size > limit) finish({ ok: false, reason: 'too_large' });
      else chunks.push(c);
    };
    const onEnd = () => {
      finish({ ok: true, bytes: Buffer.concat(chunks) });
    };
    const onAbort = () => finish({ ok: false, reason: 'aborted' });
    req.on('data', onData);
    req.on('end', onEnd);
    req.on('error', onAbort);
    req.on('close', onAbort);
  });
}
