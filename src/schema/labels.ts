// Vietnamese and English labels carried by each schema field, so messages, the web form and JSON Schema share one source.
import { z } from 'zod';

declare module 'zod/v4/core' {
  interface GlobalMeta {
    /** Vietnamese label of the field. */
    vi?: string;
    /** English label of the field. */
    en?: string;
    /** What to write there, in Vietnamese and English. */
    helpVi?: string;
    helpEn?: string;
    /** How a form should ask for the value when its type alone does not say: a date that may omit the day, a local date and time. */
    widget?: 'date' | 'datetime';
    /** Vietnamese names of enum values, for choosers. */
    enumVi?: Record<string, string>;
  }
}

export interface Label {
  vi: string;
  en: string;
  helpVi?: string;
  helpEn?: string;
}

/** Hints for the web form, carried into the JSON Schema next to the labels. */
export interface FormHints {
  widget?: 'date' | 'datetime';
  enumVi?: Record<string, string>;
  /** A field about one kind of subject only: the web form shows it when the nearest "doiTuong" is that kind. */
  chiCho?: 'tap-the' | 'ca-nhan';
}

/** Marks a field as about collectives or individuals only (FormHints.chiCho), its label kept. */
export function onlyFor<T extends z.ZodType>(schema: T, who: 'tap-the' | 'ca-nhan'): T {
  return schema.meta({ ...schema.meta(), chiCho: who }) as T;
}

/** Attaches a label (and optional help and form hints) to a schema. */
export function label<T extends z.ZodType>(schema: T, vi: string, en: string, help?: { vi: string; en: string }, hints?: FormHints): T {
  return schema.meta({ vi, en, ...(help ? { helpVi: help.vi, helpEn: help.en } : {}), ...hints }) as T;
}

export function labelOf(schema: z.ZodType | undefined): Label | undefined {
  let s: z.ZodType | undefined = schema;
  for (let depth = 0; s && depth < 8; depth++) {
    const m = s.meta();
    if (m?.vi && m.en) return { vi: m.vi, en: m.en, helpVi: m.helpVi, helpEn: m.helpEn };
    s = unwrap(s);
  }
  return undefined;
}

function unwrap(s: z.ZodType): z.ZodType | undefined {
  const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
  if (def.innerType) return def.innerType as z.ZodType;
  if (def.type === 'pipe') return def.in as z.ZodType;
  if (def.type === 'lazy') return (def.getter as () => z.ZodType)();
  return undefined;
}

/** The schema that validates the value at `path` below `root`, for labelling an issue. */
export function schemaAt(root: z.ZodType, path: readonly PropertyKey[]): z.ZodType | undefined {
  let s: z.ZodType | undefined = root;
  for (const key of path) {
    s = child(s, key);
    if (!s) return undefined;
  }
  return s;
}

function child(s: z.ZodType | undefined, key: PropertyKey): z.ZodType | undefined {
  for (let depth = 0; s && depth < 8; depth++) {
    const def = (s as unknown as { _zod: { def: Record<string, unknown> } })._zod.def;
    if (def.type === 'object') return (def.shape as Record<string, z.ZodType>)[String(key)];
    if (def.type === 'array') return def.element as z.ZodType;
    if (def.type === 'union') {
      for (const o of def.options as z.ZodType[]) {
        const c = child(o, key);
        if (c) return c;
      }
      return undefined;
    }
    s = unwrap(s);
  }
  return undefined;
}
