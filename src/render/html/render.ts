// HTML stage: handlebars in strict mode over templates/<form>/template.hbs with the shared block partials.
import fs from 'node:fs';
import path from 'node:path';
import Handlebars from 'handlebars';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError } from '../../errors/issue';
import { TEMPLATES_DIR } from '../../paths';
import { markHref } from '../mark-href';
import { printCss } from './css';

const BLOCKS_DIR = path.join(TEMPLATES_DIR, '_blocks');

type Compiled = (ctx: unknown) => string;

interface Env {
  hb: typeof Handlebars;
  layout: Compiled;
  css: string;
}

let env: Env | undefined;

function compile(hb: typeof Handlebars, file: string): Compiled {
  const source = fs.readFileSync(file, 'utf8');
  // strict: a missing value throws instead of printing nothing; no prototype access.
  const tpl = hb.compile(source, { strict: true, noEscape: false });
  return (ctx) => tpl(ctx, { allowProtoPropertiesByDefault: false, allowProtoMethodsByDefault: false });
}

function environment(): Env {
  if (env) return env;
  const hb = Handlebars.create();
  // Column widths are given as shares of the text width.
  hb.registerHelper('pct', (v: unknown) => `${(Number(v) * 100).toFixed(2)}%`);
  // The mark of a signature space names its slots' fields (src/render/pdf/sig-fields.ts reads it back).
  hb.registerHelper('oKyHref', (slots: { truong: string }[]) => markHref('ky', slots.map((s) => s.truong).join('+')));
  for (const f of fs.readdirSync(BLOCKS_DIR).filter((f) => f.endsWith('.hbs') && f !== 'layout.hbs')) {
    hb.registerPartial(f.slice(0, -4), fs.readFileSync(path.join(BLOCKS_DIR, f), 'utf8'));
  }
  env = { hb, layout: compile(hb, path.join(BLOCKS_DIR, 'layout.hbs')), css: printCss() };
  return env;
}

const formTemplates = new Map<string, Compiled>();

/** Drops the compiled templates and partials, so edited .hbs files are read again (preview, check). */
export function forgetHtmlTemplates(): void {
  env = undefined;
  phuLucTpl = undefined;
  formTemplates.clear();
}

/** Wraps body HTML (one document, or several for one print) in the page layout with the print CSS. */
export function wrapHtml(title: string, body: string): string {
  const e = environment();
  return e.layout({ meta: { title }, css: e.css, body });
}

/** The body of an appendix, printed as a part of its own so the PDF can number its pages separately. */
export function renderAppendixBody(vm: { phuLuc?: unknown }): string | undefined {
  if (!vm.phuLuc) return undefined;
  const e = environment();
  const tpl = (phuLucTpl ??= e.hb.compile('{{> phuLuc this}}', { strict: true }));
  return tpl(vm.phuLuc);
}

let phuLucTpl: HandlebarsTemplateDelegate | undefined;

/** The body HTML of one document from its form's template; `vm` is read, never changed. */
export function renderHtmlBody(vm: unknown, templateDir: string): string {
  const e = environment();
  const file = path.join(templateDir, 'template.hbs');
  try {
    let tpl = formTemplates.get(file);
    if (!tpl) {
      tpl = compile(e.hb, file);
      formTemplates.set(file, tpl);
    }
    return tpl(vm);
  } catch (err) {
    throw new VanbanError([
      makeIssue('render.html_template', { detail: (err as Error).message }, { template: { file: path.relative(process.cwd(), file) } }),
    ]);
  }
}

/** Renders a full HTML page for one document. */
export function renderHtml(vm: { meta: { title: string } }, templateDir: string): string {
  return wrapHtml(vm.meta.title, renderHtmlBody(vm, templateDir));
}
