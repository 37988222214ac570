// The CPU half of one input, run in a worker thread or in-process: parse, validate, format, render DOCX and HTML.
import path from 'node:path';
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { checkTemplateDir } from '../maintain/check';
import { makeIssue } from '../errors/catalogue';
import { outputStem } from '../output/write';
import { parseJson, prepare } from './prepare';
import { planInput, type Format, type InputPlan } from './plan';

export interface ProcessTask {
  source: string;
  text: string;
  formats: Format[];
  dumpViewModel?: boolean;
  separateAppendix?: boolean;
  pdfa?: boolean;
}

export interface ProcessResult {
  form?: string;
  issues: Issue[];
  /** Set when the input is valid and its DOCX and HTML are rendered. */
  plan?: InputPlan;
  /** True when rendering failed after validation passed (a template or internal error). */
  failed?: boolean;
}

/** Each template folder is checked once per thread (and per set of view-model keys). */
const templateChecks = new Map<string, Promise<Issue[]>>();

export async function processInput(task: ProcessTask): Promise<ProcessResult> {
  const { source } = task;
  const parsed = parseJson(task.text, source);
  if (parsed.value === undefined) return { issues: parsed.issues };
  const prepared = await prepare(parsed.value, source, { separateAppendix: task.separateAppendix });
  const result: ProcessResult = { form: prepared.form?.settings.id, issues: [...prepared.issues] };
  if (hasErrors(prepared.issues) || prepared.documents.length === 0 || !prepared.form) return result;
  // A broken template is caught with its file and place before anything is rendered, not as a silently empty block.
  for (const doc of prepared.documents) {
    const key = `${doc.templateDir}\n${Object.keys(doc.vm).sort().join(',')}`;
    let checked = templateChecks.get(key);
    if (!checked) {
      checked = checkTemplateDir(doc.templateDir, path.basename(doc.templateDir), { vm: doc.vm, trial: false });
      templateChecks.set(key, checked);
    }
    const problems = await checked;
    if (problems.length) {
      result.failed = true;
      result.issues.push(...problems.filter((p) => !result.issues.includes(p)));
    }
  }
  if (result.failed) return result;
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
