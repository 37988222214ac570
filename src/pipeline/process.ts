// The CPU half of one input, run in a worker thread or in-process: parse, validate, format, render DOCX and HTML.
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { makeIssue } from '../errors/catalogue';
import { outputStem } from '../output/write';
import { parseJson, prepare } from './prepare';
import { planInput, type Format, type InputPlan } from './plan';

export interface ProcessTask {
  source: string;
  text: string;
  formats: Format[];
  dumpViewModel?: boolean;
}

export interface ProcessResult {
  form?: string;
  issues: Issue[];
  /** Set when the input is valid and its DOCX and HTML are rendered. */
  plan?: InputPlan;
  /** True when rendering failed after validation passed (a template or internal error). */
  failed?: boolean;
}

export async function processInput(task: ProcessTask): Promise<ProcessResult> {
  const { source } = task;
  const parsed = parseJson(task.text, source);
  if (parsed.value === undefined) return { issues: parsed.issues };
  const prepared = await prepare(parsed.value, source);
  const result: ProcessResult = { form: prepared.form?.settings.id, issues: [...prepared.issues] };
  if (hasErrors(prepared.issues) || prepared.documents.length === 0 || !prepared.form) return result;
  try {
    result.plan = planInput(prepared, outputStem(source), task);
  } catch (err) {
    result.failed = true;
    result.issues.push(...issuesOf(err, source));
  }
  return result;
}

export function issuesOf(err: unknown, source?: string): Issue[] {
  if (err instanceof VanbanError) return err.issues.map((i) => ({ ...i, source: i.source ?? source }));
  return [makeIssue('internal.error', { cause: err instanceof Error ? err.message : String(err) }, { source, cause: err instanceof Error ? err.stack : undefined })];
}
