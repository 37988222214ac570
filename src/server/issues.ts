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
