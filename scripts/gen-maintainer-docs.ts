// Rewrites the generated section of docs/maintainers.vi.md and docs/maintainers.en.md (each form's tags, partials and
// fields). Run after changing a template, a schema or a form: npx tsx scripts/gen-maintainer-docs.ts
// (a test fails when the section is out of date).
import fs from 'node:fs';
import path from 'node:path';
import { ROOT } from '../src/paths';
import { maintainerDocs } from '../src/maintain/tags-doc';

for (const [file, text] of await maintainerDocs()) {
  if (fs.readFileSync(file, 'utf8') === text) continue;
  fs.writeFileSync(file, text);
  console.log(`wrote ${path.relative(ROOT, file)}`);
}
