// Peak memory of a process tree, sampled without taking the CPU the measured run needs.
import fs from 'node:fs';
import { descendantsOf } from './proc';

/**
 * The measure is the proportional set size (PSS) of the whole tree: each shared page is divided among the processes
 * that map it, so Chromium's many processes are not counted several times over. Reading it makes the kernel walk
 * every page table (smaps_rollup): 30 to 330 ms a sample for a printing Chromium, measured here, so sampling every
 * 50 ms took most of a core from the run being measured on two cores. Samples are taken at 0.25, 0.5 and 1 s, then
 * every 2 s: a batch's memory rises to a plateau within seconds and stays there to the end (seen at one sample a
 * second: 1,146 to 1,186 MB from the 11th second of a 23-second run), so the plateau is still sampled many times.
 */
export class TreeMemory {
  /** Highest PSS seen, in bytes. */
  peak = 0;
  /** Milliseconds this sampler spent reading /proc, reported beside the figures. */
  spentMs = 0;
  private timer?: NodeJS.Timeout;

  constructor(private readonly root: number) {
    const next = (wait: number) => {
      this.timer = setTimeout(() => {
        this.sample();
        next(Math.min(wait * 2, 2000));
      }, wait);
    };
    next(250);
  }

  private sample(): void {
    const started = performance.now();
    let total = 0;
    for (const pid of [this.root, ...descendantsOf(this.root)]) {
      try {
        total += Number(/^Pss:\s+(\d+) kB/m.exec(fs.readFileSync(`/proc/${pid}/smaps_rollup`, 'utf8'))?.[1] ?? 0) * 1024;
      } catch {
        // gone meanwhile
      }
    }
    this.peak = Math.max(this.peak, total);
    this.spentMs += performance.now() - started;
  }

  stop(): void {
    clearTimeout(this.timer);
  }
}
