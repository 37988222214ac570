// The generated part of the maintainers' guide: each form's tags, partials and input fields, from the templates,
// the JSON Schemas and the view model of the form's example, so the guide cannot drift from the code.
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { knownFormIds, loadForm } from '../forms/registry';
import { ROOT } from '../paths';
import { docxData } from '../render/docx/render';
import { emptyViewModel } from './check';
import { paragraphs, tagsOf } from './docx-xml';
import { exampleFor, exampleViewModel } from './examples';

type Lang = 'vi' | 'en';

/** What each tag of template.docx prints; a test fails when a tag has no line here. */
export const TAG_MEANING: Record<string, { vi: string; en: string }> = {
  dauVanBan: { vi: 'ô 1–4: cơ quan, Quốc hiệu, Tiêu ngữ, số ký hiệu, địa danh và ngày', en: 'boxes 1–4: agency, Quốc hiệu, Tiêu ngữ, number, place and date' },
  tenLoaiTrichYeu: { vi: 'tên loại văn bản và trích yếu', en: 'document type name and subject line' },
  kinhGui: { vi: 'khối "Kính gửi:" (trống khi văn bản không có)', en: 'the "Kính gửi:" block (empty when the document has none)' },
  canCu: { vi: 'các căn cứ, in nghiêng', en: 'legal bases, in italics' },
  moDau: { vi: 'các đoạn mở đầu', en: 'opening paragraphs' },
  noiDung: { vi: 'nội dung, đánh số I., 1., 1.1., a)', en: 'the body, numbered I., 1., 1.1., a)' },
  ketLuan: { vi: 'các đoạn kết, kết thúc bằng ./.', en: 'closing paragraphs, ending in ./.' },
  cuoiVanBan: { vi: 'nơi nhận và chữ ký (ô 7–9)', en: 'recipients and signature (boxes 7–9)' },
  phan: { vi: 'các phần của báo cáo, biên bản: đoạn và bảng', en: 'sections of a report or minutes: paragraphs and tables' },
  chuKyDoi: { vi: 'hai chữ ký cạnh nhau', en: 'two signatures side by side' },
  noiNhanRieng: { vi: 'nơi nhận đứng riêng (biên bản)', en: 'recipients on their own (minutes)' },
  phuLuc: { vi: 'phụ lục trên trang riêng, đánh số trang riêng', en: 'appendix on its own pages, numbered on its own' },
  dongMau: { vi: 'dòng nhỏ "Mẫu số …" trên đầu văn bản', en: 'the small "Mẫu số …" line above the header' },
  soKyHieu: { vi: 'chữ: "Số: 47/KH-HĐTĐKT"', en: 'text: "Số: 47/KH-HĐTĐKT"' },
  diaDanhNgay: { vi: 'chữ: "Hoàng Mai, ngày 09 tháng 6 năm 2021"', en: 'text: "Hoàng Mai, ngày 09 tháng 6 năm 2021"' },
  tenLoai: { vi: 'chữ: tên loại, in hoa', en: 'text: the type name, capitals' },
  trichYeu: { vi: 'chữ: trích yếu', en: 'text: the subject line' },
  metaTitle: { vi: 'thuộc tính tệp (docProps/core.xml): tiêu đề', en: 'file property (docProps/core.xml): title' },
  metaAuthor: { vi: 'thuộc tính tệp: tác giả (cơ quan)', en: 'file property: author (the agency)' },
  metaSubject: { vi: 'thuộc tính tệp: chủ đề', en: 'file property: subject' },
  metaKeywords: { vi: 'thuộc tính tệp: từ khóa', en: 'file property: keywords' },
  metaCreated: { vi: 'thuộc tính tệp: ngày tạo (ngày văn bản)', en: 'file property: created (the document date)' },
};

const T = {
  vi: {
    all: 'Mọi thẻ của template.docx', tag: 'thẻ', kind: 'loại', prints: 'in ra', block: 'khối (OOXML)', text: 'chữ',
    form: 'Mẫu', docx: 'Thẻ trong template.docx', hbs: 'Khối trong template.hbs', fields: 'Trường của mô hình hiển thị (template.hbs đọc được)',
    input: 'Trường đầu vào (schemas/', required: 'bắt buộc', example: 'Ví dụ', dossier: 'Hồ sơ: không có mẫu riêng; vẽ bằng mẫu của các văn bản thành phần.',
    none: '(không có)',
  },
  en: {
    all: 'Every tag of template.docx', tag: 'tag', kind: 'kind', prints: 'prints', block: 'block (OOXML)', text: 'text',
    form: 'Form', docx: 'Tags in template.docx', hbs: 'Partials in template.hbs', fields: 'View-model fields (what template.hbs can read)',
    input: 'Input fields (schemas/', required: 'required', example: 'Example', dossier: 'A dossier: no templates of its own; drawn with the templates of its documents.',
    none: '(none)',
  },
};

const BLOCK_TAGS = new Set(['dauVanBan', 'tenLoaiTrichYeu', 'kinhGui', 'canCu', 'moDau', 'noiDung', 'ketLuan', 'cuoiVanBan', 'phan', 'chuKyDoi', 'noiNhanRieng', 'phuLuc', 'dongMau']);

function docxTags(file: string): string[] {
  const zip = new PizZip(fs.readFileSync(file));
  const tags: string[] = [];
  for (const p of paragraphs(zip.file('word/document.xml')!.asText())) for (const t of tagsOf(p)) tags.push(t.raw);
  return tags;
}

function hbsPartials(file: string): string[] {
  return [...fs.readFileSync(file, 'utf8').matchAll(/\{\{>\s*([^}]+?)\s*\}\}/g)].map((m) => `{{> ${m[1]}}}`);
}

/** The generated section in one language. */
export async function tagsSection(lang: Lang): Promise<string> {
  const t = T[lang];
  const out: string[] = [];
  out.push(`### ${t.all}`, '', `| ${t.tag} | ${t.kind} | ${t.prints} |`, '| --- | --- | --- |');
  for (const key of Object.keys(docxData(emptyViewModel('x')))) {
    const block = BLOCK_TAGS.has(key);
    out.push(`| \`{${block ? '@' : ''}${key}}\` | ${block ? t.block : t.text} | ${TAG_MEANING[key]?.[lang] ?? '?'} |`);
  }
  for (const id of knownFormIds()) {
    const form = await loadForm(id);
    out.push('', `### ${t.form} \`${id}\`: ${lang === 'vi' ? form.settings.titleVi : form.settings.titleEn}`, '');
    const example = exampleFor(id);
    if (example) out.push(`${t.example}: \`${path.relative(ROOT, example).split(path.sep).join('/')}\``, '');
    if (form.settings.hoSo) out.push(t.dossier, '');
    else {
      out.push(`- ${t.docx}: ${docxTags(path.join(form.templateDir, 'template.docx')).map((x) => `\`${x}\``).join(' ') || t.none}`);
      out.push(`- ${t.hbs}: ${hbsPartials(path.join(form.templateDir, 'template.hbs')).map((x) => `\`${x}\``).join(' ') || t.none}`);
      const vm = await exampleViewModel(id);
      if (vm) out.push(`- ${t.fields}: ${Object.keys(vm.vm).map((k) => `\`${k}\``).join(', ')}`);
    }
    const schema = JSON.parse(fs.readFileSync(path.join(ROOT, 'schemas', `${id}.schema.json`), 'utf8')) as { properties: Record<string, { title?: string }>; required?: string[] };
    const fields = Object.entries(schema.properties).filter(([k]) => k !== 'form' && k !== '$schema').map(([k, v]) => {
      const title = v.title?.split(' / ')[lang === 'vi' ? 0 : 1] ?? '';
      return `\`${k}\`${title ? ` (${title})` : ''}${schema.required?.includes(k) ? ` *${t.required}*` : ''}`;
    });
    out.push(`- ${t.input}${id}.schema.json): ${fields.join(', ')}`);
  }
  return `${out.join('\n')}\n`;
}

export const BEGIN = '<!-- BEGIN generated by scripts/gen-maintainer-docs.ts: do not edit -->';
export const END = '<!-- END generated -->';

/** docs/maintainers.<lang>.md with its generated section brought up to date. */
export async function maintainerDocs(): Promise<Map<string, string>> {
  const files = new Map<string, string>();
  for (const lang of ['vi', 'en'] as const) {
    const file = path.join(ROOT, 'docs', `maintainers.${lang}.md`);
    const text = fs.readFileSync(file, 'utf8');
    const a = text.indexOf(BEGIN);
    const b = text.indexOf(END);
    if (a < 0 || b < a) throw new Error(`${file}: the markers of the generated section are missing`);
    files.set(file, `${text.slice(0, a + BEGIN.length)}\n${await tagsSection(lang)}${text.slice(b)}`);
  }
  return files;
}
