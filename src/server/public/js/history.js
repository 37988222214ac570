// The draft's undo history: a state per structural change, one per run of typing in a field (a pause or another field
// starts a new one), so Ctrl+Z takes back a deleted section as a whole and a sentence typed in one go.

const COALESCE_MS = 1500;
const MAX_STATES = 200;

/** @param {string} first the draft as opened */
export function createHistory(first) {
  /** @type {string[]} */
  let states = [first];
  let at = 0;
  /** @type {string | undefined} */
  let lastPath;
  let lastAt = 0;
  return {
    /** A change; `path` for typing in a field, undefined for a change of structure. @param {string} state @param {string} [path] */
    record(state, path) {
      if (state === states[at]) return;
      const now = Date.now();
      if (path !== undefined && path === lastPath && now - lastAt < COALESCE_MS && at > 0) states[at] = state;
      else {
        states = [...states.slice(Math.max(0, at + 1 - MAX_STATES), at + 1), state];
        at = states.length - 1;
      }
      lastPath = path;
      lastAt = now;
    },
    undo() {
      if (at === 0) return undefined;
      lastPath = undefined;
      return states[--at];
    },
    redo() {
      if (at >= states.length - 1) return undefined;
      lastPath = undefined;
      return states[++at];
    },
    canUndo: () => at > 0,
    canRedo: () => at < states.length - 1,
    /** Another draft opened: its own history starts. @param {string} state */
    reset(state) {
      states = [state];
      at = 0;
      lastPath = undefined;
    },
  };
}
