// Where each field of a derived document comes from in the input it was built from, so that its issues name the
// clerk's own JSON paths (a dossier's biên bản, tờ trình and reports are built from one hồ sơ input).
import type { Issue } from '../errors/issue';

/** Pairs of [path in the derived input, path in the original input]; the longest matching prefix wins. */
export type Origins = readonly (readonly [string, string])[];

const covers = (prefix: string, path: string) => path === prefix || path.startsWith(`${prefix}.`) || path.startsWith(`${prefix}[`);

/** The original path of a derived one; a path no pair covers is taken to the `fallback` field it was derived from. */
export function originOf(path: string, origins: Origins, fallback: string): string {
  let best: readonly [string, string] | undefined;
  for (const o of origins) if (covers(o[0], path) && (!best || o[0].length > best[0].length)) best = o;
  return best ? best[1] + path.slice(best[0].length) : fallback;
}

/** The issues of a derived document, re-pointed at the original input. */
export function reroot(issues: readonly Issue[], origins: Origins, fallback: string): Issue[] {
  return issues.map((i) => (i.path ? { ...i, path: originOf(i.path, origins, fallback) } : i));
}
