// The one way through the pipeline: a file object carries an input from text to files (parse → validate → view model
// → template check → render) with every message on the way; every entry point goes through it (see src/api.ts).
import path from 'node:path';
import { makeIssue } from '../errors/catalogue';
import { hasErrors, VanbanError, type Issue } from '../errors/issue';
import { checkTemplateDir } from '../maintain/check';
import { parseJson, prepare, type Prepared } from './prepare';
import { planInput, type Format, type InputPlan } from './plan';
import { renderPrepared, type RenderedFile, type RenderInputOptions } from './render-input';

/**
 * One input on its way through the stages, after unified's vfile: where it came from, its value at each stage, and
 * every message of every stage, each at a JSON path of this input (derived documents report at the input's paths).
 */
export class VanbanFile {
  readonly source?: string;
  /** The raw text, when the input came as text. */
  readonly text?: string;
  /** The parsed JSON value. */
  value?: unknown;
  /** The validated input formatted into view models, once `check` has run. */
  prepared?: Prepared;
  readonly messages: Issue[] = [];
  /** Set when the input is valid but cannot be rendered: a template or internal error. */
  failed = false;

  constructor(init: { source?: string; text?: string; value?: unknown }) {
    this.source = init.source;
    this.text = init.text;
    this.value = init.value;
  }

  /** The form id, once known. */
  get form(): string | undefined {
    return this.prepared?.form?.settings.id;
  }

  /** Valid, formatted and its templates sound: ready to render. */
  get ok(): boolean {
    return !!this.prepared?.form && !this.failed && !hasErrors(this.messages) && this.prepared.documents.length > 0;
  }

  /** Adds messages, each tied to this file's source unless it names its own place (a template names its file). */
  message(...issues: Issue[]): void {
    for (const i of issues) if (!this.messages.includes(i)) this.messages.push(this.source && !i.source && !i.template ? { ...i, source: this.source } : i);
  }
}

export const fromText = (text: string, source?: string) => new VanbanFile({ source, text });
export const fromValue = (value: unknown, source?: string) => new VanbanFile({ source, value });

export interface CheckOptions {
  /**
   * How the templates the input uses are checked before it may be rendered: 'cached' once per thread and set of
   * view-model keys (batches, the server), 'fresh' every time with a trial render (preview), 'none' (the template
   * check itself, which formats examples).
   */
  templates?: 'cached' | 'fresh' | 'none';
  /** A tờ trình's appendix as a document of its own (`--separate-appendix`). */
  separateAppendix?: boolean;
}

/** Parses the file's text as JSON, once; a syntax error becomes a message with its line and column. */
export function parse(file: VanbanFile): VanbanFile {
  if (file.value === undefined && file.text !== undefined && !file.messages.some((i) => i.code === 'input.json_syntax')) {
    const parsed = parseJson(file.text, file.source);
    file.message(...parsed.issues);
    file.value = parsed.value;
  }
  return file;
}

/** Each template folder is checked once per thread (and per set of view-model keys). */
const templateChecks = new Map<string, Promise<Issue[]>>();

/**
 * Parses (when the file holds text), validates, formats and checks the templates. Bad input and broken templates
 * become messages; nothing here throws for anything an input or a maintainer can write.
 */
export async function check(file: VanbanFile, opts: CheckOptions = {}): Promise<VanbanFile> {
  parse(file);
  if (file.value === undefined) return file;
  let prepared: Prepared;
  try {
    prepared = await prepare(file.value, file.source, { separateAppendix: opts.separateAppendix });
  } catch (err) {
    file.failed = true;
    file.message(...issuesOf(err, file.source));
    return file;
  }
  file.prepared = prepared;
  file.message(...prepared.issues);
  if (hasErrors(prepared.issues) || !prepared.form || opts.templates === 'none') return file;
  // A broken template is caught with its file and place before anything is rendered, not as a silently empty block.
  const dirs = new Map(prepared.documents.map((d) => [d.templateDir, d.vm]));
  for (const [dir, vm] of dirs) {
    let problems: Issue[];
    if (opts.templates === 'fresh') {
      problems = await checkTemplateDir(dir, path.basename(dir));
    } else {
      const key = `${dir}\n${Object.keys(vm).sort().join(',')}`;
      let checked = templateChecks.get(key);
      if (!checked) {
        checked = checkTemplateDir(dir, path.basename(dir), { vm, trial: false });
        templateChecks.set(key, checked);
      }
      problems = await checked;
    }
    if (problems.length) {
      file.failed = true;
      file.message(...problems);
    }
  }
  return file;
}

function ready(file: VanbanFile): Prepared {
  if (!file.ok) throw new VanbanError(file.messages.filter((i) => i.severity === 'error'));
  return file.prepared!;
}

/** The browser-free half of rendering a checked file: DOCX bytes and the HTML to print (safe in a worker thread). */
export function plan(file: VanbanFile, stem: string, opts: { formats: Format[]; dumpViewModel?: boolean }): InputPlan {
  return planInput(ready(file), stem, opts);
}

/** Every file of a checked input, named after `stem`, in memory. Throws a VanbanError when rendering fails. */
export async function render(file: VanbanFile, stem: string, opts: RenderInputOptions): Promise<RenderedFile[]> {
  return renderPrepared(ready(file), stem, opts);
}

/** Any error as issues: a VanbanError keeps its own; anything else is an internal error, to be reported. */
export function issuesOf(err: unknown, source?: string): Issue[] {
  if (err instanceof VanbanError) return err.issues.map((i) => ({ ...i, source: i.source ?? source }));
  return [makeIssue('internal.error', { cause: err instanceof Error ? err.message : String(err) }, { source, cause: err instanceof Error ? err.stack : undefined })];
}
