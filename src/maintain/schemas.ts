// Writes the JSON Schema of every form's input to schemas/<form>.schema.json (src/schema/json-schema.ts makes them),
// so editors such as VS Code complete and check the fields of data files that name it in "$schema".
import fs from 'node:fs';
import path from 'node:path';
import { knownFormIds } from '../forms/registry';
import { ROOT } from '../paths';
import { formJsonSchema } from '../schema/json-schema';

export async function schemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const id of knownFormIds()) {
    files.set(path.join(ROOT, 'schemas', `${id}.schema.json`), `${JSON.stringify(await formJsonSchema(id), null, 2)}\n`);
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
