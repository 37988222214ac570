// `vanban import <file> [--form ID] [--out FILE.json]`: a Word document, a text or Markdown file becomes the input of
// its form, with what the recogniser could not place and what is still missing; `vanban import <sheet> --into FILE`
// puts a spreadsheet's nominees and council members into a hồ sơ, tờ trình or biên bản.
import fs from 'node:fs';
import path from 'node:path';
import { check, formatIssue, fromText, fromValue, parse, VanbanError } from '../api';
import { atomicWrite } from '../output/write';
import { ROOT } from '../paths';
import { readParagraphs } from '../readers/files';
import { mergeSheet, SHEET_TARGETS } from '../readers/into-input';
import { readNominees } from '../readers/nominees';
import { assembleDossier } from '../readers/dossier-from-documents';
import { DOCUMENT_FORMS, importDocument, type ImportedDocument } from '../readers/import-document';
import { isSheetFile, readSheets } from '../readers/sheets';
import type { Io } from './main';

const USAGE = `Cách dùng / Usage:
  vanban import <tệp.docx|.txt|.md> [--form MẪU] [--out TỆP.json]
    --form MẪU   loại văn bản nếu không tự nhận ra / the form, when the document does not say
                 (ke-hoach, phat-dong, to-trinh, bien-ban, bao-cao-thanh-tich)
    --out TỆP    ghi vào tệp; mặc định in ra màn hình / write to a file; default: standard output
  vanban import <tờ trình> <biên bản> [<báo cáo>…] --form ho-so-khen-thuong [--out TỆP.json]
                 ghép hồ sơ từ các văn bản của nó / a hồ sơ put together from its documents
  vanban import <danh-sach.xlsx|.csv> --into TỆP.json [--out TỆP.json]
    --into TỆP   hồ sơ, tờ trình hoặc biên bản nhận danh sách đề nghị và thành viên Hội đồng (ghi lại vào tệp này
                 nếu không có --out) / the hồ sơ, tờ trình or biên bản that receives the nominees and council members
                 (written back unless --out is given)

Mã thoát / Exit codes: 0 đã nhận, hợp lệ / recognised and valid, 1 còn thiếu trường hoặc không đọc được tệp /
fields still missing or the file cannot be read (the result is written when there is one), 2 sai cách gọi / usage`;

const FORMS = DOCUMENT_FORMS;

export async function run(argv: string[], io: Io): Promise<number> {
  const files: string[] = [];
  let form: string | undefined;
  let out: string | undefined;
  let into: string | undefined;
  for (let i = 0; i < argv.length; i++) {
    const a = argv[i]!;
    const value = () => (a.includes('=') ? a.slice(a.indexOf('=') + 1) : argv[++i]);
    if (a === '--help' || a === '-h') {
      io.out(USAGE);
      return 0;
    } else if (a === '--form' || a.startsWith('--form=')) form = value();
    else if (a === '--out' || a.startsWith('--out=')) out = value();
    else if (a === '--into' || a.startsWith('--into=')) into = value();
    else if (a.startsWith('-')) return usage(io, `Tùy chọn không rõ / unknown option: ${a}`);
    else files.push(a);
  }
  const file = files[0];
  if (!file) return usage(io, 'Thiếu tệp cần nhập / no file given');
  if (form === 'ho-so-khen-thuong') return importDossier(files, out, io);
  if (files.length > 1) return usage(io, `Thừa đối số / extra argument: ${files[1]} (nhiều văn bản chỉ dùng với --form ho-so-khen-thuong / several documents go with --form ho-so-khen-thuong)`);
  if (isSheetFile(file)) return importSheet(file, into, out, io);
  if (into !== undefined) return usage(io, '--into chỉ dùng với bảng tính .xlsx hoặc .csv / --into is for a .xlsx or .csv spreadsheet');
  if (form !== undefined && !FORMS.includes(form)) return usage(io, `--form: ${form}; dùng / use: ${FORMS.join(', ')}`);
  if (out !== undefined && !out.endsWith('.json')) return usage(io, '--out cần tên tệp .json / needs a .json file name');

  let paragraphs: string[];
  try {
    paragraphs = readParagraphs(file);
  } catch (err) {
    if (!(err instanceof VanbanError)) throw err;
    for (const i of err.issues) io.err(formatIssue(i));
    return 1;
  }
  const schemaOf = (form: string) => path.join(ROOT, 'schemas', `${form}.schema.json`);
  // The schema path is relative to where the input is written, so an editor finds it.
  const relative = (form: string) => path.relative(out ? path.dirname(path.resolve(out)) : process.cwd(), schemaOf(form)).split(path.sep).join('/');
  const imported = await importDocument(paragraphs, file, { form, schemaRef: relative });
  if (!imported.form || !imported.input) {
    return usage(io, `Không nhận ra loại văn bản (không thấy dòng tên loại như "KẾ HOẠCH", "TỜ TRÌNH"): dùng --form / the document type was not found: use --form (${FORMS.join(', ')})`);
  }
  for (const i of imported.issues) io.err(formatIssue(i));
  const json = `${JSON.stringify(imported.input, null, 2)}\n`;
  if (out) {
    atomicWrite(out, json);
    io.err(`→ ${out} (${imported.form})`);
  } else {
    io.out(json.trimEnd());
  }
  return imported.ok ? 0 : 1;
}

/** The documents of a hồ sơ (tờ trình, biên bản, reports), each read as its own form, put together as one input. */
async function importDossier(files: string[], out: string | undefined, io: Io): Promise<number> {
  if (out !== undefined && !out.endsWith('.json')) return usage(io, '--out cần tên tệp .json / needs a .json file name');
  const parts: { source: string; doc: ImportedDocument }[] = [];
  let unreadable = false;
  for (const f of files) {
    try {
      parts.push({ source: f, doc: await importDocument(readParagraphs(f), f) });
    } catch (err) {
      if (!(err instanceof VanbanError)) throw err;
      for (const i of err.issues) io.err(formatIssue(i));
      unreadable = true;
    }
  }
  // Each document's own issues that concern what it could not place; the fields are checked on the whole dossier.
  for (const p of parts) for (const i of p.doc.issues.filter((x) => x.code.startsWith('import.'))) io.err(formatIssue(i));
  const { input, issues } = assembleDossier(parts);
  for (const i of issues) io.err(formatIssue(i));
  const schemaRef = path.relative(out ? path.dirname(path.resolve(out)) : process.cwd(), path.join(ROOT, 'schemas', 'ho-so-khen-thuong.schema.json')).split(path.sep).join('/');
  const value = { $schema: schemaRef, ...input };
  const checked = await check(fromValue(value, out ?? 'ho-so.json'), { templates: 'none' });
  for (const i of checked.messages) io.err(formatIssue(i));
  const json = `${JSON.stringify(value, null, 2)}\n`;
  if (out) {
    atomicWrite(out, json);
    io.err(`→ ${out} (ho-so-khen-thuong, ${parts.length} văn bản / documents)`);
  } else io.out(json.trimEnd());
  return checked.ok && !unreadable ? 0 : 1;
}

/** A nominee spreadsheet into a hồ sơ, tờ trình or biên bản input. */
async function importSheet(file: string, into: string | undefined, out: string | undefined, io: Io): Promise<number> {
  if (!into) return usage(io, 'Bảng tính cần --into TỆP.json (hồ sơ, tờ trình hoặc biên bản) / a spreadsheet needs --into FILE.json');
  if (!into.endsWith('.json') || (out !== undefined && !out.endsWith('.json'))) return usage(io, '--into và --out cần tên tệp .json / --into and --out need .json file names');
  const target = parse(fromText(readText(into) ?? '', into));
  if (target.value === undefined || typeof target.value !== 'object' || Array.isArray(target.value)) {
    for (const i of target.messages) io.err(formatIssue(i));
    return usage(io, `Không đọc được ${into} / ${into} cannot be read`);
  }
  const form = (target.value as Record<string, unknown>).form;
  if (!(SHEET_TARGETS as readonly unknown[]).includes(form)) {
    return usage(io, `${into}: "form" là ${JSON.stringify(form)}; bảng tính nhập vào / a spreadsheet goes into: ${SHEET_TARGETS.join(', ')}`);
  }
  let sheets;
  try {
    sheets = await readSheets(file);
  } catch (err) {
    if (!(err instanceof VanbanError)) throw err;
    for (const i of err.issues) io.err(formatIssue(i));
    return 1;
  }
  const read = readNominees(sheets, file);
  const rowIssues = read.issues;
  if (!read.nominees.length && !read.members.length) {
    for (const i of rowIssues) io.err(formatIssue(i));
    return 1;
  }
  const merged = mergeSheet(target.value as Record<string, unknown>, read);
  const checked = await check(fromValue(merged.value, out ?? into), { templates: 'none' });
  for (const i of [...rowIssues, ...checked.messages]) io.err(formatIssue(i));
  const dest = out ?? into;
  atomicWrite(dest, `${JSON.stringify(merged.value, null, 2)}\n`);
  for (const n of merged.notes) io.err(n);
  io.err(`→ ${dest} (${String(form)})`);
  return checked.ok && !rowIssues.length ? 0 : 1;
}

function readText(file: string): string | undefined {
  try {
    return fs.readFileSync(file, 'utf8');
  } catch {
    return undefined;
  }
}

function usage(io: Io, why: string): number {
  io.err(`${why}\n\n${USAGE}`);
  return 2;
}
