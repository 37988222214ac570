// Admission before work: a request gets its place (per lane, per client, fairly) from its headers alone, before its body is read or parsed.

/** Kinds of work that share nothing but the main thread: each has its own places and, where cheap requests could crowd out renders, a share of that thread. */
export type Lane = 'render' | 'validate' | 'login';

export interface LaneLimits {
  /** Requests of this lane admitted at once (reading, checking, queued, rendering or being answered). */
  places: number;
  /**
   * Share of the main thread the lane's work may take over time, 0–1: a credit of work time that grows by `share`
   * ms each ms, up to `burstMs`, and that each request's work is taken from. While the credit is spent the lane
   * admits nobody (waiting requests keep their turn), so a costly request (10,000 recipients) delays the next ones
   * longer; after a quiet while a burst goes through at full speed.
   */
  share?: number;
  burstMs?: number;
  /** Least work counted per request (what the request costs before the measured part: HTTP, admission, the answer). */
  floorMs?: number;
}

export interface AdmissionLimits {
  lanes: Record<Lane, LaneLimits>;
  /** Requests of one client admitted at once, all lanes together. */
  perClient: number;
  /** Requests waiting for a place, all clients together, and of one client. */
  waiting: number;
  perClientWaiting: number;
  /** Longest wait for a place; the request is then refused with 503 (kept under the time a request may take to arrive). */
  maxWaitMs: number;
}

export type Refusal = { status: 429 | 503; reason: 'client_waiting' | 'waiting_full' | 'wait_timeout'; retryAfter: number };

export interface Ticket {
  /** Counts `ms` of main-thread work against the lane's share. */
  charge(ms: number): void;
  /** Frees the place; safe to call more than once. */
  release(): void;
}

interface Waiter {
  client: string;
  lane: Lane;
  resolve: (t: Ticket | Refusal | 'gone') => void;
  timer: NodeJS.Timeout;
  onAbort: () => void;
  signal: AbortSignal;
}

/**
 * The places of each lane and the line before them. A request that finds no place waits in line, costing nothing but
 * its connection (its body stays in the socket); a line that is full refuses at once. When a place frees, the next
 * waiter is taken from the clients in turn, so one client with many requests cannot starve another. A request whose
 * client hangs up leaves the line, or frees its place, at once.
 */
export class Admission {
  private readonly admitted = new Map<Lane, number>();
  private readonly perClientAdmitted = new Map<string, number>();
  /** Per lane: waiting requests by client, in the order clients are served. */
  private readonly lines = new Map<Lane, Map<string, Waiter[]>>();
  private readonly perClientWaiting = new Map<string, number>();
  private waitingCount = 0;
  /** Per lane with a share: its credit of work time in ms, as of a time. */
  private readonly credit = new Map<Lane, { ms: number; at: number }>();
  private readonly wakeups = new Map<Lane, NodeJS.Timeout>();

  constructor(readonly limits: AdmissionLimits) {}

  /** Requests admitted and waiting, for tests and the log. */
  get counts(): { admitted: Record<Lane, number>; waiting: number } {
    const admitted = { render: 0, validate: 0, login: 0 } as Record<Lane, number>;
    for (const [l, n] of this.admitted) admitted[l] = n;
    return { admitted, waiting: this.waitingCount };
  }

  /**
   * A place for a request of `client` in `lane`: at once, after waiting its turn, or a refusal. 'gone' when `signal`
   * aborted first (the client went away).
   */
  enter(client: string, lane: Lane, signal: AbortSignal): Promise<Ticket | Refusal | 'gone'> {
    if (signal.aborted) return Promise.resolve('gone');
    if (!this.hasWaiters(lane) && this.canAdmit(client, lane)) return Promise.resolve(this.admit(client, lane));
    const mine = this.perClientWaiting.get(client) ?? 0;
    if (mine >= this.limits.perClientWaiting) return Promise.resolve({ status: 429, reason: 'client_waiting', retryAfter: 2 });
    if (this.waitingCount >= this.limits.waiting) return Promise.resolve({ status: 503, reason: 'waiting_full', retryAfter: 5 });
    return new Promise((resolve) => {
      const w: Waiter = {
        client,
        lane,
        signal,
        resolve,
        timer: setTimeout(() => {
          this.leave(w);
          resolve({ status: 503, reason: 'wait_timeout', retryAfter: 5 });
        }, this.limits.maxWaitMs),
        onAbort: () => {
          this.leave(w);
          resolve('gone');
        },
      };
      signal.addEventListener('abort', w.onAbort, { once: true });
      let line = this.lines.get(lane);
      if (!line) this.lines.set(lane, (line = new Map()));
      const own = line.get(client);
      if (own) own.push(w);
      else line.set(client, [w]);
      this.perClientWaiting.set(client, mine + 1);
      this.waitingCount++;
      this.pump(lane);
    });
  }

  private hasWaiters(lane: Lane): boolean {
    return (this.lines.get(lane)?.size ?? 0) > 0;
  }

  private canAdmit(client: string, lane: Lane): boolean {
    return (this.admitted.get(lane) ?? 0) < this.limits.lanes[lane].places && (this.perClientAdmitted.get(client) ?? 0) < this.limits.perClient && this.rateAllows(lane);
  }

  /** The lane's credit now, grown since it was last counted. */
  private creditOf(lane: Lane): number {
    const { share, burstMs = 1_000 } = this.limits.lanes[lane];
    if (share === undefined || share >= 1) return Infinity;
    const now = Date.now();
    const c = this.credit.get(lane) ?? { ms: burstMs, at: now };
    const ms = Math.min(burstMs, c.ms + (now - c.at) * share);
    this.credit.set(lane, { ms, at: now });
    return ms;
  }

  private rateAllows(lane: Lane): boolean {
    return this.creditOf(lane) > 0;
  }

  private admit(client: string, lane: Lane): Ticket {
    this.admitted.set(lane, (this.admitted.get(lane) ?? 0) + 1);
    this.perClientAdmitted.set(client, (this.perClientAdmitted.get(client) ?? 0) + 1);
    const { share, floorMs = 0 } = this.limits.lanes[lane];
    let released = false;
    return {
      charge: (ms: number) => {
        if (share === undefined || share >= 1) return;
        const left = this.creditOf(lane) - Math.max(ms, floorMs);
        this.credit.set(lane, { ms: left, at: Date.now() });
      },
      release: () => {
        if (released) return;
        released = true;
        this.admitted.set(lane, this.admitted.get(lane)! - 1);
        const n = this.perClientAdmitted.get(client)! - 1;
        if (n === 0) this.perClientAdmitted.delete(client);
        else this.perClientAdmitted.set(client, n);
        // A freed client place may let a waiter of another lane in too.
        for (const l of this.lines.keys()) this.pump(l);
      },
    };
  }

  /** Takes waiters of `lane` in turn, client by client, while there are places. */
  private pump(lane: Lane): void {
    const line = this.lines.get(lane);
    if (!line) return;
    while (line.size > 0 && (this.admitted.get(lane) ?? 0) < this.limits.lanes[lane].places) {
      if (!this.rateAllows(lane)) {
        this.wakeLater(lane);
        return;
      }
      let picked: Waiter | undefined;
      for (const [client, waiters] of line) {
        if ((this.perClientAdmitted.get(client) ?? 0) >= this.limits.perClient) continue;
        picked = waiters[0];
        break;
      }
      if (!picked) return;
      this.leave(picked);
      // The client just served goes to the back of the line.
      const rest = line.get(picked.client);
      if (rest) {
        line.delete(picked.client);
        line.set(picked.client, rest);
      }
      picked.resolve(this.admit(picked.client, lane));
    }
  }

  private wakeLater(lane: Lane): void {
    if (this.wakeups.has(lane)) return;
    const share = this.limits.lanes[lane].share ?? 1;
    const delay = Math.max(1, Math.ceil(-this.creditOf(lane) / share) + 1);
    this.wakeups.set(
      lane,
      setTimeout(() => {
        this.wakeups.delete(lane);
        this.pump(lane);
      }, delay),
    );
  }

  /** Removes a waiter from the line (served, timed out or gone). */
  private leave(w: Waiter): void {
    clearTimeout(w.timer);
    w.signal.removeEventListener('abort', w.onAbort);
    const line = this.lines.get(w.lane);
    const own = line?.get(w.client);
    if (!line || !own) return;
    const i = own.indexOf(w);
    if (i < 0) return;
    own.splice(i, 1);
    if (own.length === 0) line.delete(w.client);
    this.waitingCount--;
    const n = this.perClientWaiting.get(w.client)! - 1;
    if (n === 0) this.perClientWaiting.delete(w.client);
    else this.perClientWaiting.set(w.client, n);
  }

  /** Ends every wait (server closing). */
  close(): void {
    for (const line of this.lines.values()) for (const ws of [...line.values()]) for (const w of [...ws]) w.onAbort();
    for (const t of this.wakeups.values()) clearTimeout(t);
    this.wakeups.clear();
  }
}
