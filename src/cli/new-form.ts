// `vanban new-form <id> [--from FORM]`: scaffolds a form that the registry finds at once, then checks and prepares it.
import fs from 'node:fs';
import { formatIssue } from '../errors/present';
import { hasErrors } from '../errors/issue';
import { checkTemplateDir, shown } from '../maintain/check';
import { badFormId, badSource, scaffoldForm } from '../maintain/new-form';
import { check, fromText } from '../api';
import { TEMPLATES_DIR } from '../paths';
import path from 'node:path';
import type { Io } from './main';

const USAGE = `Cách dùng / Usage:
  vanban new-form <id> [--from MẪU]
    <id>         mã mẫu mới, viết thường không dấu, nối bằng "-" / new form id, kebab-case ASCII (e.g. giay-moi)
    --from MẪU   mẫu để chép bố cục, lược đồ và ví dụ / the form to copy (mặc định/default: ke-hoach)

Tạo / writes: templates/<id>/{form.json,template.docx,template.hbs}, src/forms/<id>.ts, data/examples/<id>.json, schemas/<id>.schema.json
Mã thoát / Exit codes: 0 đã tạo / created, 2 sai cách gọi / usage, 3 mẫu tạo ra có lỗi / the scaffold has problems`;

export async function run(argv: string[], io: Io): Promise<number> {
  let id: string | undefined;
  let from = 'ke-hoach';
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    }
    if (a === '--from' || a.startsWith('--from=')) {
      const v = a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i];
      if (!v) return usage(io, '--from cần một giá trị / needs a value');
      from = v;
    } else if (a.startsWith('-')) return usage(io, `Tùy chọn không rõ / unknown option: ${a}`);
    else if (id === undefined) id = a;
    else return usage(io, `Thừa đối số / extra argument: ${a}`);
  }
  if (!id) return usage(io, 'Thiếu mã mẫu / no form id given');
  const bad = badFormId(id) ?? badSource(from);
  if (bad) return usage(io, `${bad.vi}\n${bad.en}`);

  const { files } = await scaffoldForm(id, from);
  io.out(`Đã tạo mẫu / created form ${id} (từ/from ${from}):`);
  for (const f of files) io.out(`  ${shown(f)}`);
  // The scaffold must be usable as it is: clean templates and an example that validates.
  const issues = await checkTemplateDir(path.join(TEMPLATES_DIR, id), id);
  const example = files.find((f) => f.endsWith(`${id}.json`));
  if (example) {
    const file = await check(fromText(fs.readFileSync(example, 'utf8'), shown(example)), { templates: 'none' });
    issues.push(...file.messages.filter((i) => i.severity === 'error' && !issues.some((x) => x.code === i.code && x.template?.file === i.template?.file)));
  }
  for (const i of issues) io.err(formatIssue(i));
  if (hasErrors(issues)) return 3;
  io.out(`Tiếp theo / next: sửa/edit templates/${id}/form.json (titleVi, titleEn, kyHieuLoai), rồi/then: vanban preview ${id} --watch`);
  return 0;
}

function usage(io: Io, why: string): number {
  io.err(`${why}\n\n${USAGE}`);
  return 2;
}
