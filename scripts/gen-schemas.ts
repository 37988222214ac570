// Writes schemas/<form>.schema.json (JSON Schema of every form's input) from the zod schemas, so editors such as
// VS Code complete and check the fields of data files that name it in "$schema". Run after changing a schema:
// npx tsx scripts/gen-schemas.ts   (a test fails when the files are out of date)
import fs from 'node:fs';
import path from 'node:path';
import { knownFormIds } from '../src/forms/registry';
import { ROOT } from '../src/paths';
import { formJsonSchema } from '../src/schema/json-schema';

export async function schemaFiles(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const id of knownFormIds()) {
    files.set(path.join(ROOT, 'schemas', `${id}.schema.json`), `${JSON.stringify(await formJsonSchema(id), null, 2)}\n`);
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
