// Writes templates/<form>/template.docx from the NĐ 30 base document with one paragraph per tag.
// A scaffold, run once per new form: it refuses to overwrite an existing template unless --force is given.
// Usage: npx tsx scripts/scaffold-template.ts <form> [--force] [tags…]
import fs from 'node:fs';
import path from 'node:path';
import { scaffoldDocx } from '../src/render/docx/base';
import { TEMPLATES_DIR } from '../src/paths';

export const CAMPAIGN_TAGS = ['{@dauVanBan}', '{@tenLoaiTrichYeu}', '{@kinhGui}', '{@canCu}', '{@moDau}', '{@noiDung}', '{@ketLuan}', '{@cuoiVanBan}'];

const args = process.argv.slice(2);
const form = args.find((a) => !a.startsWith('-') && !a.startsWith('{'));
const force = args.includes('--force');
const tags = args.filter((a) => a.startsWith('{'));
if (!form) {
  console.error('usage: npx tsx scripts/scaffold-template.ts <form> [--force] [{@tag} …]');
  process.exit(2);
}
const file = path.join(TEMPLATES_DIR, form, 'template.docx');
if (fs.existsSync(file) && !force) {
  console.error(`${file} exists; pass --force to overwrite it`);
  process.exit(1);
}
fs.mkdirSync(path.dirname(file), { recursive: true });
fs.writeFileSync(file, scaffoldDocx(tags.length ? tags : CAMPAIGN_TAGS));
console.log(`wrote ${file}`);
