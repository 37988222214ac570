// Finds the example input of a form (its new-form example, a data/ example or a test fixture) and its view models.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { ROOT } from '../paths';
import { hasErrors } from '../errors/issue';
import { check, fromText } from '../pipeline/file';
import type { DocumentVM } from '../viewmodel/types';

/** Where examples live, in the order they are preferred. */
const PLACES = ['data/examples/*.json', 'data/**/*.json', 'test/fixtures/*.json'];

function formOf(file: string): string | undefined {
  try {
    const v = JSON.parse(fs.readFileSync(file, 'utf8')) as { form?: unknown };
    return typeof v.form === 'string' ? v.form : undefined;
  } catch {
    return undefined;
  }
}

/** The example of a form as an absolute path: data/examples/<id>.json first, then any data/ or fixture file of it. */
export function exampleFor(formId: string, root = ROOT): string | undefined {
  const own = path.join(root, 'data', 'examples', `${formId}.json`);
  if (fs.existsSync(own) && formOf(own) === formId) return own;
  for (const pattern of PLACES) {
    for (const f of fg.sync(pattern, { cwd: root, absolute: true }).sort()) if (formOf(f) === formId) return f;
  }
  return undefined;
}

/** The view model the example of a form gives, or undefined when it has none or it is invalid. */
export async function exampleViewModel(formId: string): Promise<{ file: string; vm: DocumentVM } | undefined> {
  const file = exampleFor(formId);
  if (!file) return undefined;
  // The template check itself asks for this view model: its templates are not checked here.
  const checked = await check(fromText(fs.readFileSync(file, 'utf8'), file), { templates: 'none' });
  const vm = checked.prepared?.vm;
  return vm && !checked.failed && !hasErrors(checked.messages) ? { file, vm } : undefined;
}
