// Progress of a batch on a terminal: one line redrawn in place, at most ten times a second; silent elsewhere.
import type { JobResult } from '../pipeline/run';

export class Progress {
  private done = 0;
  private bad = 0;
  private last = 0;
  private readonly started = performance.now();
  private shown = false;

  constructor(
    private readonly total: number,
    private readonly stream: NodeJS.WriteStream,
  ) {}

  /** A bar only on an interactive terminal and never in CI, where redrawn lines are noise in the log. */
  static wanted(stream: NodeJS.WriteStream): boolean {
    return Boolean(stream.isTTY) && !process.env.CI;
  }

  tick(r: JobResult): void {
    this.done++;
    if (r.status === 'invalid' || r.status === 'failed') this.bad++;
    const now = performance.now();
    if (now - this.last < 100 && this.done < this.total) return;
    this.last = now;
    this.draw();
  }

  private draw(): void {
    const width = 30;
    const filled = Math.round((this.done / Math.max(1, this.total)) * width);
    const seconds = (performance.now() - this.started) / 1000;
    const rate = seconds > 0 ? this.done / seconds : 0;
    const line = `[${'#'.repeat(filled)}${'-'.repeat(width - filled)}] ${this.done}/${this.total} · ${rate.toFixed(1)}/s · ${this.bad} lỗi/errors`;
    this.stream.write(`\r${line}\x1b[K`);
    this.shown = true;
  }

  /** Clears the bar so that a message can be printed on a clean line; the next tick draws it again. */
  clear(): void {
    if (this.shown) this.stream.write('\r\x1b[K');
    this.shown = false;
  }
}
