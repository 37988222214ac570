// Scaffolds a new form from an existing one: templates/<id>/, src/forms/<id>.ts, data/examples/<id>.json, its schema.
import fs from 'node:fs';
import path from 'node:path';
import { knownFormIds, loadForm, moduleFormIds, templateFormIds } from '../forms/registry';
import { FORMS_DIR, ROOT, TEMPLATES_DIR } from '../paths';
import { FORM_ID } from './check';
import { exampleFor } from './examples';
import { writeSchemas } from './schemas';

export const EXAMPLES_DIR = path.join(ROOT, 'data', 'examples');
const RESERVED = new Set(['types', 'registry', 'blocks', 'examples']);

/** Why an id cannot name a new form, in Vietnamese and English, or undefined when it can. */
export function badFormId(id: string): { vi: string; en: string } | undefined {
  if (!FORM_ID.test(id) || id.length > 40) {
    return {
      vi: `"${id}" không hợp lệ: mã mẫu viết thường không dấu, các từ nối bằng "-", bắt đầu bằng chữ, tối đa 40 ký tự (ví dụ "giay-moi").`,
      en: `"${id}" is invalid: a form id is lower-case ASCII words joined by "-", starting with a letter, at most 40 characters (e.g. "giay-moi").`,
    };
  }
  if (RESERVED.has(id)) return { vi: `"${id}" là tên dành riêng.`, en: `"${id}" is a reserved name.` };
  if (templateFormIds().includes(id) || moduleFormIds().includes(id) || fs.existsSync(path.join(TEMPLATES_DIR, id)) || fs.existsSync(path.join(FORMS_DIR, `${id}.ts`))) {
    return { vi: `Mẫu "${id}" đã có (templates/${id}/ hoặc src/forms/${id}.ts).`, en: `Form "${id}" exists already (templates/${id}/ or src/forms/${id}.ts).` };
  }
  return undefined;
}

export function badSource(from: string): { vi: string; en: string } | undefined {
  if (!knownFormIds().includes(from)) return { vi: `Không có mẫu nguồn "${from}".`, en: `There is no form "${from}" to start from.` };
  if (!fs.existsSync(path.join(TEMPLATES_DIR, from, 'template.docx'))) {
    return { vi: `"${from}" là hồ sơ, không có mẫu riêng để chép.`, en: `"${from}" is a dossier with no templates of its own to copy.` };
  }
  return undefined;
}

/** The definition module: the source's, with the new id, so the new form starts with the same schema and view model. */
function definitionSource(id: string, from: string, titleVi: string): string {
  const text = fs.readFileSync(path.join(FORMS_DIR, `${from}.ts`), 'utf8');
  const lines = text.split('\n');
  lines[0] = `// Form "${id}": ${titleVi}; started from "${from}" (change the schema and the view model as the form needs).`;
  const body = lines.join('\n');
  const idLiteral = new RegExp(`\\bid: '${from}'`, 'g');
  if ((body.match(idLiteral) ?? []).length === 1) return body.replace(idLiteral, `id: '${id}'`);
  return [
    lines[0],
    `import base from './${from}';`,
    "import type { FormDefinition } from './types';",
    '',
    `const form: FormDefinition<any> = { ...base, id: '${id}' };`,
    'export default form;',
    '',
  ].join('\n');
}

export interface NewFormResult {
  files: string[];
}

export async function scaffoldForm(id: string, from: string): Promise<NewFormResult> {
  const source = await loadForm(from);
  const files: string[] = [];
  const write = (file: string, data: string | Buffer) => {
    fs.mkdirSync(path.dirname(file), { recursive: true });
    fs.writeFileSync(file, data, { flag: 'wx' });
    files.push(file);
  };
  const dir = path.join(TEMPLATES_DIR, id);
  const titleVi = `Mẫu ${id} (sửa tiêu đề trong form.json)`;
  const settings = { ...source.settings, id, titleVi, titleEn: `Form ${id} (edit the title in form.json)` };
  write(path.join(dir, 'form.json'), `${JSON.stringify(settings, null, 2)}\n`);
  for (const f of ['template.docx', 'template.hbs']) write(path.join(dir, f), fs.readFileSync(path.join(source.templateDir, f)));
  write(path.join(FORMS_DIR, `${id}.ts`), definitionSource(id, from, titleVi));
  const exampleFile = exampleFor(from);
  if (exampleFile) {
    const { $schema: _, form: __, ...rest } = JSON.parse(fs.readFileSync(exampleFile, 'utf8')) as Record<string, unknown>;
    const example = { $schema: `../../schemas/${id}.schema.json`, form: id, ...rest };
    write(path.join(EXAMPLES_DIR, `${id}.json`), `${JSON.stringify(example, null, 2)}\n`);
  }
  files.push(...(await writeSchemas()));
  return { files };
}
