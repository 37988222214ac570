// Runs renders a few at a time so one Chromium serves everyone; a full queue refuses at once instead of piling up.
import { waitTurn } from '../render/pdf/wait-turn';

export class QueueFullError extends Error {
  constructor() {
    super('render queue full');
  }
}

export class AbortedError extends Error {
  constructor() {
    super('request went away before its turn');
  }
}

export class RenderQueue {
  private running = 0;
  private readonly waiting: (() => void)[] = [];

  constructor(
    private readonly concurrency: number,
    private readonly maxWaiting: number,
  ) {}

  get size(): { running: number; waiting: number } {
    return { running: this.running, waiting: this.waiting.length };
  }

  /**
   * Runs `job` when a slot is free. When `signal` aborts while it waits (a preview the page already dropped, a client
   * that hung up) it leaves the line at once, so its place goes to the next request rather than to nobody.
   */
  async run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (signal?.aborted) throw new AbortedError();
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError();
      await waitTurn(this.waiting, signal, () => new AbortedError());
    } else {
      this.running++;
    }
    try {
      if (signal?.aborted) throw new AbortedError();
      return await job();
    } finally {
      const next = this.waiting.shift();
      // The slot passes straight to the next job, so `running` stays as it is.
      if (next) next();
      else this.running--;
    }
  }
}
