// A template.docx compiled once and filled many times: docxtemplater renders it a single time with a marker in place
// of every tag, and each document then joins the marked parts with its own values. What docxtemplater would do per
// document (unzip, parse, render, re-zip the unchanged parts) is done once per template.
import { createRequire } from 'node:module';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { storePart, writeZip, type StoredPart } from './zip-writer';

// docxtemplater's own escaping of a plain value, so that both ways write the same bytes.
const { utf8ToWord } = createRequire(import.meta.url)('docxtemplater/js/doc-utils.js') as { utf8ToWord: (s: string) => string };

const OPEN = '\uE000';
const CLOSE = '\uE001';
const MARK = /\uE000(\d+)\uE001/g;

interface Slot {
  key: string;
  /** `{@key}`: raw OOXML put in place of its paragraph; else `{key}`: text, escaped. */
  raw: boolean;
}

/** One templated part as text pieces with slots between them: piece, slot, piece, slot, …, piece. */
interface Part {
  name: string;
  pieces: string[];
  slots: Slot[];
}

export interface CompiledTemplate {
  parts: Part[];
  /** The zip's entries in order: an untemplated part deflated once, or the name of a part filled per document. */
  entries: (StoredPart | string)[];
}

/**
 * Compiles a template for filling by `fill`, or returns undefined when its shape may depend on the data (loops,
 * conditions, a raw tag inside a table cell, anything docxtemplater refuses): such a template is rendered by
 * docxtemplater for every document, which also reports its mistakes.
 */
export function compile(bytes: Buffer, keys: readonly string[]): CompiledTemplate | undefined {
  const slots: Slot[] = [];
  try {
    const zip = new PizZip(bytes);
    const doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      errorLogging: false,
      // The parser is also given the tag's parsed part (docxtemplater's scope manager), which says raw or not.
      parser: ((tag: string, meta?: { tag?: { module?: string } }) => {
        const part = meta?.tag;
        return {
          get: () => {
            if (part?.module && part.module !== 'rawxml') throw new Error(`a ${part.module} tag: rendered per document`);
            if (!keys.includes(tag)) throw new Error(`{${tag}} is not a value of the view model`);
            slots.push({ key: tag, raw: part?.module === 'rawxml' });
            return `${OPEN}${slots.length - 1}${CLOSE}`;
          },
        };
      }) as unknown as (tag: string) => { get(scope: unknown): unknown },
      nullGetter() {
        throw new Error('no value');
      },
    });
    doc.render({});
    const out = doc.getZip();
    const parts: Part[] = [];
    const entries: (StoredPart | string)[] = [];
    // In the template's order ([Content_Types].xml first, where readers look), which docxtemplater's zip does not keep.
    const order = Object.keys(new PizZip(bytes).files);
    const names = [...order.filter((n) => out.files[n]), ...Object.keys(out.files).filter((n) => !order.includes(n))];
    for (const name of names) {
      if (out.files[name]!.dir) continue;
      const text = out.file(name)!.asText();
      if (!text.includes(OPEN)) {
        entries.push(storePart(name, out.file(name)!.asUint8Array()));
        continue;
      }
      entries.push(name);
      const pieces: string[] = [];
      const partSlots: Slot[] = [];
      let last = 0;
      for (const m of text.matchAll(MARK)) {
        const slot = slots[Number(m[1])]!;
        const before = text.slice(last, m.index);
        // docxtemplater adds an empty paragraph to a table cell that a raw tag leaves empty: a data-dependent shape.
        if (slot.raw && /<w:tc[ >](?:(?!<\/w:tc>)[\s\S])*$/.test(text.slice(0, m.index))) return undefined;
        pieces.push(before);
        partSlots.push(slot);
        last = m.index + m[0].length;
      }
      pieces.push(text.slice(last));
      parts.push({ name, pieces, slots: partSlots });
    }
    return { parts, entries };
  } catch {
    return undefined;
  }
}

/** Characters docxtemplater refuses in a value (it reports them); such a document takes docxtemplater's path. */
// eslint-disable-next-line no-control-regex
const CORRUPT = /[\x00-\x08\x0B\x0C\x0E-\x1F]/;

/**
 * The parts of one document, or undefined when a value needs docxtemplater's own handling (a line break or a
 * refused character in a plain value).
 */
export function fill(t: CompiledTemplate, data: Readonly<Record<string, string>>): Map<string, string> | undefined {
  const out = new Map<string, string>();
  for (const part of t.parts) {
    let s = part.pieces[0]!;
    for (let i = 0; i < part.slots.length; i++) {
      const slot = part.slots[i]!;
      const v = data[slot.key];
      if (v === undefined || v === null) return undefined;
      if (slot.raw) s += v;
      else {
        if (v.includes('\n') || CORRUPT.test(v)) return undefined;
        s += utf8ToWord(v);
      }
      s += part.pieces[i + 1]!;
    }
    out.set(part.name, s);
  }
  return out;
}

/** The DOCX of one document from a compiled template, dated `isoDate`; undefined where `fill` declines. */
export function renderCompiled(t: CompiledTemplate, data: Readonly<Record<string, string>>, isoDate: string): Buffer | undefined {
  const parts = fill(t, data);
  if (!parts) return undefined;
  return writeZip(
    t.entries.map((e) => (typeof e === 'string' ? storePart(e, Buffer.from(parts.get(e)!, 'utf8'), 3) : e)),
    isoDate,
  );
}
