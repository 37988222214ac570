// A document's paragraphs to the checked input of its form, with what could not be placed: the one import path of the
// command line and the server.
import { check, fromValue } from '../api';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { knownFormIds } from '../forms/registry';
import { recognise } from './recognise';
import { NOMINATION_FORMS } from './recognise-nomination';
import { loadForm } from '../forms/registry';
import type { BaoCaoStructure } from '../viewmodel/bao-cao';

/** Forms the recogniser builds: the campaign documents and the nomination documents. */
export const DOCUMENT_FORMS = ['ke-hoach', 'phat-dong', ...NOMINATION_FORMS];

export interface ImportedDocument {
  /** Undefined when the document's type was not found (the tên loại line) and none was named. */
  form?: string;
  input?: Record<string, unknown>;
  issues: Issue[];
  /** The input is complete and valid. */
  ok: boolean;
}

export async function importDocument(paragraphs: readonly string[], source: string, opts: { form?: string; schemaRef?: (form: string) => string } = {}): Promise<ImportedDocument> {
  // The report's labels are the template's: a maintainer who renames a heading changes what is read too.
  const baoCao = (await loadForm('bao-cao-thanh-tich')).settings.cauTruc as BaoCaoStructure | undefined;
  const r = recognise(paragraphs, { form: opts.form, baoCao });
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
