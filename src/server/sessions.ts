// Login sessions kept in memory (a restart logs everyone out), each with its CSRF token, and the throttle on failed logins.
import crypto from 'node:crypto';

export interface Session {
  id: string;
  user: string;
  /** Sent back by the page in X-CSRF-Token with every write; a page elsewhere cannot read it. */
  csrf: string;
  created: number;
  seen: number;
}

export const SESSION_COOKIE = 'vanban_session';
export const CSRF_COOKIE = 'vanban_csrf';

export const SESSION_DEFAULTS = {
  /** A session unused this long ends. */
  idleMs: 8 * 3600_000,
  /** No session lasts longer than a working day. */
  maxAgeMs: 12 * 3600_000,
  /** Sessions held at once; the least recently used goes first. */
  max: 1_000,
};

export class Sessions {
  private readonly byId = new Map<string, Session>();

  constructor(private readonly limits = SESSION_DEFAULTS) {}

  create(user: string): Session {
    const now = Date.now();
    const s: Session = { id: token(), user, csrf: token(), created: now, seen: now };
    this.byId.set(s.id, s);
    while (this.byId.size > this.limits.max) this.byId.delete(this.byId.keys().next().value!);
    return s;
  }

  /** The live session of an id, refreshed; an expired one is dropped. */
  get(id: string | undefined): Session | undefined {
    if (!id) return undefined;
    const s = this.byId.get(id);
    if (!s) return undefined;
    const now = Date.now();
    if (now - s.seen > this.limits.idleMs || now - s.created > this.limits.maxAgeMs) {
      this.byId.delete(id);
      return undefined;
    }
    s.seen = now;
    // Map order is the eviction order: a session in use moves to the end.
    this.byId.delete(id);
    this.byId.set(id, s);
    return s;
  }

  drop(id: string): void {
    this.byId.delete(id);
  }

  get size(): number {
    return this.byId.size;
  }
}

function token(): string {
  return crypto.randomBytes(32).toString('base64url');
}

/** The cookies of a request by name (the first of a name wins). */
export function readCookies(header: string | undefined): Map<string, string> {
  const out = new Map<string, string>();
  for (const part of (header ?? '').split(';')) {
    const eq = part.indexOf('=');
    if (eq < 0) continue;
    const name = part.slice(0, eq).trim();
    if (name && !out.has(name)) out.set(name, part.slice(eq + 1).trim());
  }
  return out;
}

/** Same-site only, never sent over plain HTTP once the site is HTTPS; the session cookie is out of scripts' reach. */
export function cookie(name: string, value: string, opts: { secure: boolean; httpOnly: boolean; maxAgeS?: number }): string {
  return [
    `${name}=${value}`,
    'Path=/',
    'SameSite=Strict',
    ...(opts.httpOnly ? ['HttpOnly'] : []),
    ...(opts.secure ? ['Secure'] : []),
    ...(opts.maxAgeS !== undefined ? [`Max-Age=${opts.maxAgeS}`] : []),
  ].join('; ');
}

/**
 * Failed logins per key (a client address, an account name) within a window: past `max` the key waits until the
 * window of its oldest failure ends. Keys are forgotten once their window is over; at most `keys` are kept.
 */
export class Throttle {
  private readonly failures = new Map<string, number[]>();

  constructor(private readonly max = 5, private readonly windowMs = 15 * 60_000, private readonly keys = 10_000) {}

  /** Seconds the key must wait before it may try again, 0 when it may now. */
  wait(key: string): number {
    const list = this.recent(key);
    if (list.length < this.max) return 0;
    return Math.max(1, Math.ceil((list[0]! + this.windowMs - Date.now()) / 1000));
  }

  fail(key: string): void {
    const list = this.recent(key);
    list.push(Date.now());
    this.failures.delete(key);
    this.failures.set(key, list.slice(-this.max));
    while (this.failures.size > this.keys) this.failures.delete(this.failures.keys().next().value!);
  }

  clear(key: string): void {
    this.failures.delete(key);
  }

  private recent(key: string): number[] {
    const now = Date.now();
    return (this.failures.get(key) ?? []).filter((t) => now - t < this.windowMs);
  }
}
