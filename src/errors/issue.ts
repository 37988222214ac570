// The one issue shape every stage reports: stable code, place (file, record, JSON path or template offset), vi/en text and the fix.
export type Severity = 'error' | 'warning';
export type Stage = 'input' | 'schema' | 'rule' | 'template' | 'render' | 'write' | 'environment' | 'usage';

export interface Bilingual {
  vi: string;
  en: string;
}

export interface Issue {
  code: string;
  severity: Severity;
  stage: Stage;
  /** Input file (or another origin such as "web-form") the issue belongs to. */
  source?: string;
  /** JSON path inside the input, such as `$.noiNhan[2].ten`. */
  path?: string;
  /** Template file and place, for template issues. */
  template?: { file: string; offset?: number; tag?: string; place?: string };
  message: Bilingual;
  hint?: Bilingual;
  cause?: string;
}

/** Raised by any stage when it must stop; carries every issue found so far. */
export class VanbanError extends Error {
  readonly issues: Issue[];
  constructor(issues: Issue[]) {
    super(issues.map((i) => `${i.code}: ${i.message.en}`).join('\n'));
    this.name = 'VanbanError';
    this.issues = issues;
  }
}

export function hasErrors(issues: readonly Issue[]): boolean {
  return issues.some((i) => i.severity === 'error');
}

/** `['noiNhan', 2, 'ten']` → `$.noiNhan[2].ten` */
export function jsonPath(path: readonly PropertyKey[]): string {
  let out = '$';
  for (const p of path) {
    if (typeof p === 'number') out += `[${p}]`;
    else if (typeof p === 'string' && /^[A-Za-z_$][A-Za-z0-9_$]*$/.test(p)) out += `.${p}`;
    else out += `[${JSON.stringify(String(p))}]`;
  }
  return out;
}
