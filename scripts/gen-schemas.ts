// Writes schemas/<form>.schema.json (JSON Schema of every form's input) from the zod schemas, so editors such as
// VS Code complete and check the fields of data files that name it in "$schema". Run after changing a schema:
// npx tsx scripts/gen-schemas.ts   (a test fails when the files are out of date; vanban new-form runs it too)
import path from 'node:path';
import { ROOT } from '../src/paths';
import { writeSchemas } from '../src/maintain/schemas';

export { schemaFiles } from '../src/maintain/schemas';

if (process.argv[1] && path.resolve(process.argv[1]) === path.resolve(ROOT, 'scripts', 'gen-schemas.ts')) {
  for (const file of await writeSchemas()) console.log(`wrote ${path.relative(ROOT, file)}`);
}
