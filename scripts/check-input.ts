// Validates input files and prints their issues and view model (a development aid; the CLI does the same with --dump).
import fs from 'node:fs';
import { formatIssue } from '../src/errors/present';
import { parseJson, prepare } from '../src/pipeline/prepare';

for (const file of process.argv.slice(2)) {
  const parsed = parseJson(fs.readFileSync(file, 'utf8'), file);
  const p = parsed.value === undefined ? { issues: parsed.issues } : await prepare(parsed.value, file);
  for (const i of p.issues) console.log(formatIssue(i));
  if ('vm' in p && p.vm) console.log(JSON.stringify(p.vm, null, 2));
}
