// Finds forms by discovery: every templates/<id>/form.json paired with src/forms/<id>.ts, no list to edit.
import fs from 'node:fs';
import path from 'node:path';
import { pathToFileURL } from 'node:url';
import { makeIssue } from '../errors/catalogue';
import { VanbanError } from '../errors/issue';
import { COMPILED_DIR, FORMS_DIR, ROOT, TEMPLATES_DIR } from '../paths';
import type { FormDefinition, FormSettings } from './types';

export interface LoadedForm {
  definition: FormDefinition<any>;
  settings: FormSettings;
  templateDir: string;
}

const NOT_FORMS = new Set(['types', 'registry']);

/** Form ids that have a template folder. */
export function templateFormIds(): string[] {
  return fs
    .readdirSync(TEMPLATES_DIR, { withFileTypes: true })
    .filter((d) => d.isDirectory() && !d.name.startsWith('_') && fs.existsSync(path.join(TEMPLATES_DIR, d.name, 'form.json')))
    .map((d) => d.name)
    .sort();
}

/** Form ids that have a definition module. */
export function moduleFormIds(): string[] {
  return fs
    .readdirSync(FORMS_DIR)
    .filter((f) => f.endsWith('.ts') && !NOT_FORMS.has(f.slice(0, -3)))
    .map((f) => f.slice(0, -3))
    .sort();
}

export function knownFormIds(): string[] {
  const modules = new Set(moduleFormIds());
  return templateFormIds().filter((id) => modules.has(id));
}

const cache = new Map<string, Promise<LoadedForm>>();

/** Forgets the loaded settings, so an edited form.json is read again (preview). */
export function forgetForms(): void {
  cache.clear();
}

/**
 * Loads a form's settings and definition. Whatever a maintainer can get wrong in either half is a template error with
 * its file and fix (a VanbanError), never an internal one.
 */
export function loadForm(id: string): Promise<LoadedForm> {
  let p = cache.get(id);
  if (!p) {
    p = (async () => {
      if (!knownFormIds().includes(id)) throw new Error(`Unknown form ${id}`);
      const templateDir = path.join(TEMPLATES_DIR, id);
      const jsonFile = path.join(templateDir, 'form.json');
      const modFile = path.join(FORMS_DIR, `${id}.ts`);
      const shown = (f: string) => path.relative(ROOT, f).split(path.sep).join('/');
      let settings: FormSettings;
      try {
        settings = JSON.parse(fs.readFileSync(jsonFile, 'utf8')) as FormSettings;
      } catch (err) {
        const msg = (err as Error).message;
        throw new VanbanError([makeIssue('template.form_json', { detailVi: `không phải JSON hợp lệ (${msg})`, detailEn: `not valid JSON (${msg})` }, { template: { file: shown(jsonFile) } })]);
      }
      if (settings?.id !== id) {
        throw new VanbanError([makeIssue('template.form_json', { detailVi: `"id" là "${String(settings?.id)}" nhưng thư mục là "${id}"`, detailEn: `"id" is "${String(settings?.id)}" but the folder is "${id}"` }, { template: { file: shown(jsonFile), place: '$.id' } })]);
      }
      const bad = (detailVi: string, detailEn: string) =>
        new VanbanError([makeIssue('template.definition', { file: shown(modFile), id, detailVi, detailEn }, { template: { file: shown(modFile) } })]);
      let mod: { default?: Partial<FormDefinition<any>> };
      try {
        // Compiled, the form is an entry of the same build, so it shares the schema modules of the code loading it.
        mod = (await import(COMPILED_DIR ? pathToFileURL(path.join(COMPILED_DIR, 'forms', `${id}.mjs`)).href : modFile)) as typeof mod;
      } catch (err) {
        const msg = (err as Error).message.split('\n')[0]!;
        throw bad(`không nạp được (${msg})`, `it does not load (${msg})`);
      }
      const def = mod.default;
      if (!def || typeof def !== 'object' || !def.schema) throw bad('không có "export default" là một định nghĩa mẫu có "schema"', 'it has no "export default" form definition with a "schema"');
      if (def.id !== id) throw bad(`"id" là "${String(def.id)}" nhưng thư mục là "${id}"`, `its "id" is "${String(def.id)}" but the folder is "${id}"`);
      if (typeof def.toViewModel !== 'function' && typeof def.toDocuments !== 'function') throw bad('thiếu hàm "toViewModel"', 'it has no "toViewModel" function');
      return { definition: def as FormDefinition<any>, settings, templateDir };
    })();
    cache.set(id, p);
  }
  return p;
}
