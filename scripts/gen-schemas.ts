// Writes schemas/<form>.schema.json (JSON Schema of every form's input) from the zod schemas, so editors such as
// VS Code complete and check the fields of data files that name it in "$schema". Run after changing a schema:
// npx tsx scripts/gen-schemas.ts   (a test fails when the files are out of date)
import fs from 'node:fs';
import path from 'node:path';
import { z } from 'zod';
import { knownFormIds, loadForm } from '../src/forms/registry';
import { ROOT } from '../src/paths';

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

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts', 'gen-schemas.ts')) {
  for (const [file, text] of await schemaFiles()) {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, text);
    console.log(`wrote ${path.relative(ROOT, file)}`);
  }
}
