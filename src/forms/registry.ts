// Finds forms by discovery: every templates/<id>/form.json paired with src/forms/<id>.ts, no list to edit.
import fs from 'node:fs';
import path from 'node:path';
import { FORMS_DIR, TEMPLATES_DIR } from '../paths';
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

export function loadForm(id: string): Promise<LoadedForm> {
  let p = cache.get(id);
  if (!p) {
    p = (async () => {
      if (!knownFormIds().includes(id)) throw new Error(`Unknown form ${id}`);
      const templateDir = path.join(TEMPLATES_DIR, id);
      const settings = JSON.parse(fs.readFileSync(path.join(templateDir, 'form.json'), 'utf8')) as FormSettings;
      const mod = (await import(path.join(FORMS_DIR, `${id}.ts`))) as { default: FormDefinition<any> };
      if (mod.default.id !== id || settings.id !== id) throw new Error(`Form ${id}: id mismatch between form.json and src/forms/${id}.ts`);
      return { definition: mod.default, settings, templateDir };
    })();
    cache.set(id, p);
  }
  return p;
}
