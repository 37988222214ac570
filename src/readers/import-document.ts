// A document's paragraphs to the checked input of its form, with what could not be placed: the one import path of the
// command line and the server.
import { check, fromValue } from '../api';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { knownFormIds } from '../forms/registry';
import { recognise } from './recognise';

/** Forms the recogniser builds: the campaign documents. */
export const DOCUMENT_FORMS = ['ke-hoach', 'phat-dong'];

export interface ImportedDocument {
  /** Undefined when the document's type was not found (the tên loại line) and none was named. */
  form?: string;
  input?: Record<string, unknown>;
  issues: Issue[];
  /** The input is complete and valid. */
  ok: boolean;
}

export async function importDocument(paragraphs: readonly string[], source: string, opts: { form?: string; schemaRef?: (form: string) => string } = {}): Promise<ImportedDocument> {
  const r = recognise(paragraphs, { form: opts.form });
  if (!r.form || !knownFormIds().includes(r.form)) {
    return { issues: [makeIssue('import.unknown_form', { forms: DOCUMENT_FORMS.join(', ') }, { source })], ok: false };
  }
  const input = { ...(opts.schemaRef ? { $schema: opts.schemaRef(r.form) } : {}), ...r.input };
  const checked = await check(fromValue(input, source), { templates: 'none' });
  const issues: Issue[] = [
    ...r.unplaced.map((u) => makeIssue('import.unplaced', { index: u.index + 1, text: u.text.length > 80 ? `${u.text.slice(0, 77)}…` : u.text, whyVi: u.why.vi, whyEn: u.why.en }, { source })),
    ...checked.messages,
  ];
  return { form: r.form, input, issues, ok: checked.ok };
}
