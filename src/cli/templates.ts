// `vanban templates check [form…|folder…]`: reports every template problem with its file, place and fix; exit 3 if any.
import fs from 'node:fs';
import path from 'node:path';
import { formatIssue } from '../errors/present';
import { moduleFormIds, templateFormIds } from '../forms/registry';
import { checkForms, checkTemplateDir, shown, type FormCheck } from '../maintain/check';
import type { Io } from './main';

const USAGE = `Cách dùng / Usage:
  vanban templates check [mẫu… | thư mục…]   kiểm tra mẫu / check templates (mặc định/default: tất cả/all)

Mã thoát / Exit codes: 0 không có lỗi / clean, 3 mẫu có lỗi / template problems, 2 sai cách gọi / usage`;

export async function run(argv: string[], io: Io): Promise<number> {
  if (argv[0] === '--help' || argv[0] === '-h') {
    io.out(USAGE);
    return 0;
  }
  if (argv[0] !== 'check') {
    io.err(`${argv[0] ? `Lệnh con không rõ / unknown subcommand: ${argv[0]}\n\n` : ''}${USAGE}`);
    return 2;
  }
  const args = argv.slice(1);
  const bad = args.filter((a) => a.startsWith('-'));
  if (bad.length) {
    io.err(`Tùy chọn không rõ / unknown option: ${bad.join(' ')}\n\n${USAGE}`);
    return 2;
  }
  const known = new Set([...templateFormIds(), ...moduleFormIds()]);
  const results: FormCheck[] = [];
  const ids: string[] = [];
  for (const a of args) {
    if (known.has(a)) ids.push(a);
    else if (fs.existsSync(path.join(a, 'form.json')) || (fs.existsSync(a) && fs.statSync(a).isDirectory())) {
      results.push({ id: shown(path.resolve(a)), dir: a, issues: await checkTemplateDir(path.resolve(a)) });
    } else {
      io.err(`Không có mẫu hay thư mục mẫu nào tên / no form or template folder named: ${a}\nCác mẫu / forms: ${[...known].sort().join(', ')}\n\n${USAGE}`);
      return 2;
    }
  }
  if (args.length === 0 || ids.length) results.unshift(...(await checkForms(args.length ? ids : undefined)));
  let problems = 0;
  for (const r of results) {
    for (const i of r.issues) io.err(formatIssue(i));
    problems += r.issues.length;
    io.out(`${r.issues.length ? 'LỖI' : 'OK '} ${r.id}${r.issues.length ? `: ${r.issues.length} vấn đề/problems` : ''}`);
  }
  io.out(problems
    ? `Tổng/Total: ${problems} vấn đề/problems trong/in ${results.filter((r) => r.issues.length).length} mẫu/templates`
    : `Tổng/Total: ${results.length} mẫu đều đúng / templates are clean`);
  return problems ? 3 : 0;
}
