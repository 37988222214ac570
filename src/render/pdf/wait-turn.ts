// Waiting for a free place in a line a signal may leave: the one mechanism of the print pages and the render queue.

/** Waits until `waiting`'s owner calls the pushed function; leaves the line and rejects with `error()` on abort. */
export function waitTurn(waiting: (() => void)[], signal: AbortSignal | undefined, error: () => Error): Promise<void> {
  return new Promise<void>((resolve, reject) => {
    const turn = () => {
      signal?.removeEventListener('abort', gone);
      resolve();
    };
    const gone = () => {
      const i = waiting.indexOf(turn);
      if (i >= 0) waiting.splice(i, 1);
      reject(error());
    };
    waiting.push(turn);
    signal?.addEventListener('abort', gone, { once: true });
  });
}
