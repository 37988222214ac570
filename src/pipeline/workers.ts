// A small pool of worker threads for the CPU half of a batch; tasks queue up, a dead worker is replaced.
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { Worker } from 'node:worker_threads';
import { COMPILED_DIR } from '../paths';
import { issuesOf, processInput, type ProcessResult, type ProcessTask } from './process';

export interface Processor {
  run(task: ProcessTask): Promise<ProcessResult>;
  close(): Promise<void>;
}

/** Runs tasks on the calling thread: the cheaper choice for a handful of inputs. */
export const inProcess: Processor = {
  run: (task) => processInput(task).catch((err) => ({ issues: issuesOf(err, task.source), failed: true })),
  close: async () => undefined,
};

interface Slot {
  worker: Worker;
  pending: Map<number, { task: ProcessTask; resolve: (r: ProcessResult) => void }>;
}

export class WorkerPool implements Processor {
  private slots: Slot[] = [];
  private next = 0;
  private ids = 0;
  private closed = false;

  constructor(size: number) {
    for (let i = 0; i < size; i++) this.slots.push(this.spawn());
  }

  private spawn(): Slot {
    // Compiled, the worker starts from its own entry of the build; otherwise from the sources through tsx.
    const entry = COMPILED_DIR ? pathToFileURL(path.join(COMPILED_DIR, 'pipeline', 'worker.mjs')) : new URL('./worker-entry.mjs', import.meta.url);
    const worker = new Worker(entry);
    const slot: Slot = { worker, pending: new Map() };
    worker.on('message', ({ id, result }: { id: number; result: ProcessResult }) => {
      const p = slot.pending.get(id);
      slot.pending.delete(id);
      p?.resolve(result);
    });
    const fail = (err: unknown) => {
      // Every task of a dead worker is reported as failed; the pool replaces the worker for later tasks.
      for (const { task, resolve } of slot.pending.values()) resolve({ issues: issuesOf(err, task.source), failed: true });
      slot.pending.clear();
      const i = this.slots.indexOf(slot);
      if (i >= 0 && !this.closed) this.slots[i] = this.spawn();
    };
    worker.on('error', fail);
    worker.on('exit', (code) => {
      if (!this.closed) fail(new Error(`worker thread exited with code ${code}`));
    });
    return slot;
  }

  run(task: ProcessTask): Promise<ProcessResult> {
    // Least loaded worker, so one slow input does not hold back a queue.
    const slot = this.slots.reduce((a, b) => (b.pending.size < a.pending.size ? b : a), this.slots[this.next++ % this.slots.length]!);
    const id = ++this.ids;
    return new Promise((resolve) => {
      slot.pending.set(id, { task, resolve });
      slot.worker.postMessage({ id, task });
    });
  }

  async close(): Promise<void> {
    this.closed = true;
    await Promise.all(this.slots.map((s) => s.worker.terminate()));
  }
}
