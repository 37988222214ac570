// The shape issues take in HTTP answers: flat, with the message and the fix in both languages.
import type { Issue } from '../errors/issue';

export interface WireIssue {
  code: string;
  path?: string;
  severity: Issue['severity'];
  vi: string;
  en: string;
  fixVi?: string;
  fixEn?: string;
}

export function toWire(i: Issue): WireIssue {
  return {
    code: i.code,
    ...(i.path ? { path: i.path } : {}),
    severity: i.severity,
    vi: i.message.vi,
    en: i.message.en,
    ...(i.hint ? { fixVi: i.hint.vi, fixEn: i.hint.en } : {}),
  };
}

/** Issues at most in one answer: 10,000 recipients with an unknown key made 20,000 issues (6.7 MB) of one 91 KB input. */
export const MAX_ISSUES = 100;

/**
 * An answer's issues, at most `max` of them, errors first when some must be left out; `total` says how many there
 * were when the list was cut.
 */
export function boundedIssues(issues: readonly Issue[], max = MAX_ISSUES): { issues: WireIssue[]; total?: number } {
  if (issues.length <= max) return { issues: issues.map(toWire) };
  const kept = [...issues.filter((i) => i.severity === 'error'), ...issues.filter((i) => i.severity !== 'error')].slice(0, max);
  return { issues: kept.map(toWire), total: issues.length };
}
