// A template compiled once (src/render/docx/compiled.ts) writes the same DOCX parts as docxtemplater rendering the
// template for each document, and leaves to docxtemplater what only it can do right.
import { spawnSync } from 'node:child_process';
import fs from 'node:fs';
import path from 'node:path';
import PizZip from 'pizzip';
import { describe, expect, it } from 'vitest';
import { check, fromText } from '../src/api';
import { compile, fill } from '../src/render/docx/compiled';
import { renderDocx } from '../src/render/docx/render';
import { scaffoldDocx } from '../src/render/docx/base';
import { EXAMPLES, tmpDir } from './helpers';

const INPUTS = [...EXAMPLES, 'test/fixtures/bien-ban.json', 'test/fixtures/bao-cao-thanh-tich.json', 'test/fixtures/to-trinh.json', 'test/fixtures/minimal-ke-hoach.json'].filter((f) =>
  fs.existsSync(f),
);

function parts(docx: Buffer): Record<string, string> {
  const zip = new PizZip(docx);
  return Object.fromEntries(Object.keys(zip.files).filter((n) => !zip.files[n]!.dir).map((n) => [n, zip.file(n)!.asText()]));
}

describe('a compiled template', () => {
  describe.each(INPUTS)('%s', (input) => {
    it('writes every part as docxtemplater does, document by document', async () => {
      const file = await check(fromText(fs.readFileSync(input, 'utf8'), input));
      expect(file.ok, JSON.stringify(file.messages.slice(0, 3))).toBe(true);
      for (const doc of file.prepared!.documents.filter((d) => d.formats.includes('docx'))) {
        const fast = renderDocx(doc.vm, doc.templateDir);
        const slow = renderDocx(doc.vm, doc.templateDir, {}, { viaDocxtemplater: true });
        expect(parts(fast), `${input} ${doc.name}`).toEqual(parts(slow));
        expect(Object.keys(new PizZip(fast).files)[0]).toBe('[Content_Types].xml');
        // A ZIP that Info-ZIP finds whole (CRCs, sizes, directory), the same bytes when rendered again.
        const f = path.join(tmpDir('docx-compiled'), 'x.docx');
        fs.writeFileSync(f, fast);
        expect(spawnSync('unzip', ['-tq', f]).status).toBe(0);
        expect(renderDocx(doc.vm, doc.templateDir).equals(fast)).toBe(true);
      }
    });
  });

  it('escapes plain values as docxtemplater does, and hands a line break or a control character to docxtemplater', () => {
    const bytes = scaffoldDocx(['{soKyHieu}', '{@dauVanBan}']);
    const t = compile(bytes, ['soKyHieu', 'dauVanBan', 'metaTitle', 'metaSubject', 'metaAuthor', 'metaKeywords', 'metaCreated'])!;
    expect(t).toBeDefined();
    const base = { dauVanBan: '<w:p/>', metaTitle: 'T & "Q"', metaSubject: 'S', metaAuthor: 'A <B>', metaKeywords: "k'", metaCreated: '2020-01-01T00:00:00+07:00' };
    const doc = fill(t, { ...base, soKyHieu: 'Số: 5/KH-UBND & <x>' })!;
    expect(doc.get('word/document.xml')).toContain('Số: 5/KH-UBND &amp; &lt;x&gt;');
    expect(doc.get('word/document.xml')).toContain('<w:p/>');
    expect(doc.get('docProps/core.xml')).toContain('T &amp; &quot;Q&quot;');
    expect(doc.get('docProps/core.xml')).toContain('A &lt;B&gt;');
    expect(fill(t, { ...base, soKyHieu: 'a\nb' })).toBeUndefined();
    expect(fill(t, { ...base, soKyHieu: 'a\u0001b' })).toBeUndefined();
  });

  it('is not made of a template whose shape depends on the data (a loop or condition, a raw tag in a table cell) or that names an unknown value', () => {
    const keys = ['x', 'metaTitle', 'metaSubject', 'metaAuthor', 'metaKeywords', 'metaCreated'];
    expect(compile(scaffoldDocx(['{#x}', 'a', '{/x}']), keys)).toBeUndefined();
    expect(compile(scaffoldDocx(['{y}']), keys)).toBeUndefined();
    const inCell = new PizZip(scaffoldDocx(['{@x}']));
    const xml = inCell.file('word/document.xml')!.asText().replace(/<w:p>(<w:r><w:t xml:space="preserve">\{@x\}<\/w:t><\/w:r>)<\/w:p>/, '<w:tbl><w:tr><w:tc><w:p>$1</w:p></w:tc></w:tr></w:tbl>');
    expect(xml).toContain('<w:tc>');
    inCell.file('word/document.xml', xml);
    expect(compile(inCell.generate({ type: 'nodebuffer' }), keys)).toBeUndefined();
    expect(compile(scaffoldDocx(['{@x}']), keys)).toBeDefined();
  });
});
