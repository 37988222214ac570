// Runs renders a few at a time so one Chromium serves everyone; a full queue refuses at once instead of piling up.
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

  /** Runs `job` when a slot is free; skips it when `signal` aborts while it waits (a preview the page already dropped). */
  async run<T>(job: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    if (this.running >= this.concurrency) {
      if (this.waiting.length >= this.maxWaiting) throw new QueueFullError();
      await new Promise<void>((resolve) => this.waiting.push(resolve));
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
