// Who may reach the server: loopback or not (by the address it really binds), the Host names it answers, same-origin writes, and the client's address.
import dns from 'node:dns/promises';
import net from 'node:net';
import type { IncomingMessage } from 'node:http';
import type { TLSSocket } from 'node:tls';

/** An address of the loopback range: 127.0.0.0/8, ::1, and IPv4 loopback mapped into IPv6. */
export function isLoopbackAddress(address: string): boolean {
  const a = address.replace(/^\[|\]$/g, '').toLowerCase();
  if (a === '::1' || a === '0:0:0:0:0:0:0:1') return true;
  const v4 = a.startsWith('::ffff:') ? a.slice(7) : a;
  return net.isIPv4(v4) && v4.startsWith('127.');
}

/** A Host name that only ever means this machine (a browser cannot be led there by a foreign DNS answer). */
export function isLoopbackName(host: string): boolean {
  const h = host.toLowerCase().replace(/\.$/, '');
  return h === 'localhost' || h.endsWith('.localhost') || isLoopbackAddress(h);
}

/**
 * Whether every address a `--host` value stands for is loopback. Spellings such as "127.1" or "localhost" resolve
 * to loopback; "0.0.0.0", "::" and a LAN address do not. A name that does not resolve counts as not loopback.
 */
export async function bindsLoopbackOnly(host: string): Promise<boolean> {
  if (net.isIP(host.replace(/^\[|\]$/g, ''))) return isLoopbackAddress(host);
  try {
    const all = await dns.lookup(host, { all: true, verbatim: true });
    return all.length > 0 && all.every((a) => isLoopbackAddress(a.address));
  } catch {
    return false;
  }
}

/** The name of a Host header without its port: "[::1]:8080" → "::1", "Office.Example:443" → "office.example". */
export function hostName(header: string | undefined): string {
  const h = (header ?? '').trim().toLowerCase();
  if (h.startsWith('[')) return h.slice(1, h.indexOf(']') > 0 ? h.indexOf(']') : undefined);
  return h.replace(/:\d*$/, '').replace(/\.$/, '');
}

export interface AccessPolicy {
  /** Host names accepted besides the loopback ones, lower case. */
  allowHosts: ReadonlySet<string>;
  /** Trust X-Forwarded-For and X-Forwarded-Proto from a reverse proxy on this machine. */
  trustProxy: boolean;
}

/**
 * Whether a request names this server: a loopback name, or one of the allowed names. Any other Host is what a page
 * elsewhere sends after rebinding its own DNS name to this machine, so it is refused wherever the server listens.
 */
export function hostAllowed(req: IncomingMessage, policy: AccessPolicy): boolean {
  const name = hostName(req.headers.host);
  return name !== '' && (isLoopbackName(name) || policy.allowHosts.has(name));
}

/** Whether the request reached this server over TLS, itself or through a trusted proxy on this machine. */
export function isHttps(req: IncomingMessage, policy: AccessPolicy): boolean {
  if ((req.socket as TLSSocket).encrypted) return true;
  return policy.trustProxy && fromLoopback(req) && String(req.headers['x-forwarded-proto'] ?? '').split(',')[0]!.trim().toLowerCase() === 'https';
}

function fromLoopback(req: IncomingMessage): boolean {
  return isLoopbackAddress(req.socket.remoteAddress ?? '');
}

/**
 * Whether a write comes from a page of this server: no Origin (a script, curl) or the Origin of the address it was
 * sent to, and no browser's word that it is cross-site.
 */
export function sameOrigin(req: IncomingMessage, policy: AccessPolicy): boolean {
  if (req.headers['sec-fetch-site'] === 'cross-site') return false;
  const origin = req.headers.origin;
  if (origin === undefined) return true;
  const scheme = isHttps(req, policy) ? 'https' : 'http';
  return origin === `${scheme}://${req.headers.host}`;
}

/**
 * The address a request comes from: the socket's, or behind a trusted reverse proxy on this machine the last
 * address it appended to X-Forwarded-For (earlier ones are whatever the client wrote).
 */
export function clientAddress(req: IncomingMessage, policy: AccessPolicy): string {
  const own = req.socket.remoteAddress ?? '';
  if (policy.trustProxy && fromLoopback(req)) {
    const forwarded = String(req.headers['x-forwarded-for'] ?? '').split(',').map((s) => s.trim()).filter(Boolean);
    const last = forwarded[forwarded.length - 1];
    if (last && net.isIP(last)) return last;
  }
  return own.startsWith('::ffff:') ? own.slice(7) : own;
}
