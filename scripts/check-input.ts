// Validates input files and prints their issues and view model (a development aid; the CLI does the same with --dump).
import fs from 'node:fs';
import { check, formatIssue, fromText } from '../src/api';

for (const name of process.argv.slice(2)) {
  const file = await check(fromText(fs.readFileSync(name, 'utf8'), name));
  for (const i of file.messages) console.log(formatIssue(i));
  for (const d of file.prepared?.documents ?? []) console.log(JSON.stringify(d.vm, null, 2));
}
