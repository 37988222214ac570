// The CPU half of one input, run in a worker thread or in-process: check the file, then render its DOCX and HTML.
import type { Issue } from '../errors/issue';
import { outputStem } from '../output/write';
import { check, fromText, issuesOf, plan } from './file';
import type { Format, InputPlan } from './plan';

export { issuesOf };

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

export async function processInput(task: ProcessTask): Promise<ProcessResult> {
  const file = await check(fromText(task.text, task.source), { separateAppendix: task.separateAppendix });
  const result: ProcessResult = { form: file.form, issues: file.messages, ...(file.failed ? { failed: true } : {}) };
  if (!file.ok) return result;
  try {
    result.plan = plan(file, outputStem(task.source), task);
  } catch (err) {
    result.failed = true;
    result.issues.push(...issuesOf(err, task.source));
  }
  return result;
}
