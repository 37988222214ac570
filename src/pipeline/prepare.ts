// From raw input to a view model: read, pick the form, validate, format. No rendering, no writing.
import { parseTree, printParseErrorCode, type ParseError } from 'jsonc-parser';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, type Issue } from '../errors/issue';
import { REGULATIONS } from '../config/regulations';
import { knownFormIds, loadForm, type LoadedForm } from '../forms/registry';
import { mendWordHabits } from '../schema/habits';
import { validateWith } from '../schema/validate';
import type { DocumentVM } from '../viewmodel/types';

/** A document ready to render: its view model and the folder of the templates that draw it. */
export interface PreparedDocument {
  /** File name stem relative to the input's output place ("" = the input's own name). */
  name: string;
  title: string;
  templateDir: string;
  formats: ('docx' | 'pdf')[];
  vm: DocumentVM;
}

export interface Prepared {
  form?: LoadedForm;
  /** The single document of a form, kept for callers that want it directly. */
  vm?: DocumentVM;
  documents: PreparedDocument[];
  /** Set for a dossier: its documents go to a folder of their own with a merged PDF and this manifest. */
  dossier?: { manifest: Record<string, unknown> };
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

export interface PrepareOptions {
  /** File each appendix on its own, for the organisation's signature on its first page (regulations §3). */
  separateAppendix?: boolean;
}

export async function prepare(raw: unknown, source?: string, opts: PrepareOptions = {}): Promise<Prepared> {
  if (!raw || typeof raw !== 'object' || Array.isArray(raw)) return { documents: [], issues: [makeIssue('input.not_object', {}, { source, path: '$' })] };
  const formId = (raw as { form?: unknown }).form;
  const known = knownFormIds();
  if (typeof formId !== 'string' || !known.includes(formId)) {
    return { documents: [], issues: [makeIssue('input.unknown_form', { value: JSON.stringify(formId ?? null), known: known.join(', ') }, { source, path: '$.form' })] };
  }
  const form = await loadForm(formId);
  const validated = validateWith(form.definition.schema, raw, source);
  if (hasErrors(validated.issues) || validated.value === undefined) return { form, documents: [], issues: validated.issues };
  // What Word users type out of habit (numbers, bullets, "Như trên", "Lưu: …", pasted lines) is mended with a warning.
  const mended = mendWordHabits(validated.value, source);
  const value = mended.value;
  const issues = [...validated.issues, ...mended.issues];
  const ctx = { regulations: REGULATIONS, timeZone: 'Asia/Ho_Chi_Minh' as const, source, ...(opts.separateAppendix ? { phuLucRieng: true } : {}) };
  if (form.definition.toDocuments) {
    const parts = await Promise.all(['to-trinh', 'bien-ban', 'bao-cao-thanh-tich'].map((id) => loadForm(id)));
    const byId = new Map(parts.map((p) => [p.settings.id, p]));
    const result = form.definition.toDocuments(value, form.settings, ctx, (id) => byId.get(id)!.settings);
    const documents = result.documents.map((d) => {
      const f = byId.get(d.formId)!;
      return { name: d.name, title: d.title, templateDir: f.templateDir, formats: f.settings.formats, vm: d.vm };
    });
    return { form, documents, dossier: { manifest: result.manifest }, issues: [...issues, ...result.issues] };
  }
  const { vm, issues: vmIssues } = form.definition.toViewModel!(value, form.settings, ctx);
  const documents = [{ name: '', title: vm.trichYeu, templateDir: form.templateDir, formats: form.settings.formats, vm }];
  return { form, vm, documents, issues: [...issues, ...vmIssues] };
}
