// JSON Schemas of every form's input (schemas/<form>.schema.json) from the zod schemas, so editors such as VS Code
// complete and check the fields of data files that name it in "$schema".
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { knownFormIds, loadForm } from '../forms/registry';
import { ROOT } from '../paths';

/** Editors show "title" and "description": fill them from the Vietnamese and English labels. */
function describe(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describe);
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (typeof n.vi === 'string' && typeof n.en === 'string') {
    n.title = `${n.vi} / ${n.en}`;
    if (typeof n.helpVi === 'string') n.description = `${n.helpVi}\n${n.helpEn ?? ''}`;
  }
  Object.values(n).forEach(describe);
}

export async function schemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const id of knownFormIds()) {
    const form = await loadForm(id);
    const json = z.toJSONSchema(form.definition.schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
    const props = json.properties as Record<string, Record<string, unknown>>;
    // The form key is a constant per file.
    props.form = { const: id, description: `${form.settings.titleVi} / ${form.settings.titleEn}` };
    json.title = `vanban: ${form.settings.titleVi} (${id})`;
    describe(json);
    files.set(path.join(ROOT, 'schemas', `${id}.schema.json`), `${JSON.stringify(json, null, 2)}\n`);
  }
  return files;
}

/** Writes the schema files that changed; returns their paths. */
export async function writeSchemas(): Promise<string[]> {
  const written: string[] = [];
  for (const [file, text] of await schemaFiles()) {
    if (fs.existsSync(file) && fs.readFileSync(file, 'utf8') === text) continue;
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    written.push(file);
  }
  return written;
}
