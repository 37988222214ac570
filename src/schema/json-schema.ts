// JSON Schema of a form's input, generated from its zod schema with the labels as title/description: one source for
// editors (schemas/*.schema.json), the web form and the API.
import { z } from 'zod';
import { loadForm } from '../forms/registry';

/** Editors show "title" and "description": fill them from the Vietnamese and English labels. */
function describe(node: unknown): void {
  if (Array.isArray(node)) return node.forEach(describe);
  if (!node || typeof node !== 'object') return;
  const n = node as Record<string, unknown>;
  if (typeof n.vi === 'string' && typeof n.en === 'string') {
    n.title = `${n.vi} / ${n.en}`;
    if (typeof n.helpVi === 'string') n.description = `${n.helpVi}\n${n.helpEn ?? ''}`;
  }
  Object.values(n).forEach(describe);
}

export async function formJsonSchema(id: string): Promise<Record<string, unknown>> {
  const form = await loadForm(id);
  const json = z.toJSONSchema(form.definition.schema, { io: 'input', unrepresentable: 'any', target: 'draft-2020-12' }) as Record<string, unknown>;
  const props = json.properties as Record<string, Record<string, unknown>>;
  // The form key is a constant per file.
  props.form = { const: id, description: `${form.settings.titleVi} / ${form.settings.titleEn}` };
  json.title = `vanban: ${form.settings.titleVi} (${id})`;
  describe(json);
  return json;
}
