// From raw input to a view model: read, pick the form, validate, format. No rendering, no writing.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, type Issue } from '../errors/issue';
import { REGULATIONS } from '../config/regulations';
import { knownFormIds, loadForm, type LoadedForm } from '../forms/registry';
import { validateWith } from '../schema/validate';
import type { DocumentVM } from '../viewmodel/types';

export interface Prepared {
  form?: LoadedForm;
  vm?: DocumentVM;
  issues: Issue[];
}

/** Parses JSON text, reporting the line and column of a syntax error. */
export function parseJson(text: string, source?: string): { value?: unknown; issues: Issue[] } {
  try {
    return { value: JSON.parse(text.replace(/^\uFEFF/, '')), issues: [] };
  } catch (err) {
    // JSON.parse does not always say where; jsonc-parser (strict settings) finds the offset of the first error.
    const errors: ParseError[] = [];
    parseTree(text, errors, { disallowComments: true, allowTrailingComma: false });
    let where = (err as Error).message.split('\n')[0]!;
    const first = errors[0];
    if (first) {
      const before = text.slice(0, first.offset);
      const line = before.split('\n').length;
      const col = first.offset - before.lastIndexOf('\n');
      where = `${printParseErrorCode(first.error)} (dòng/line ${line}, cột/column ${col})`;
    }
    return { issues: [makeIssue('input.json_syntax', { cause: where }, { source })] };
  }
}

export async function prepare(raw: unknown, source?: string): Promise<Prepared> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { issues: [makeIssue('input.not_object', {}, { source, path: '$' })] };
  const formId = (raw as { form?: unknown }).form;
  const known = knownFormIds();
  if (typeof formId !== 'string' || !known.includes(formId)) {
    return { issues: [makeIssue('input.unknown_form', { value: JSON.stringify(formId ?? null), known: known.join(', ') }, { source, path: '$.form' })] };
  }
  const form = await loadForm(formId);
  const { value, issues } = validateWith(form.definition.schema, raw, source);
  if (hasErrors(issues) || value === undefined) return { form, issues };
  const { vm, issues: vmIssues } = form.definition.toViewModel(value, form.settings, { regulations: REGULATIONS, timeZone: 'Asia/Ho_Chi_Minh', source });
  return { form, vm, issues: [...issues, ...vmIssues] };
}
