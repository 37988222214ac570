// The maintainers' guide: its generated section (each form's tags, partials and fields) is up to date, in both languages.
import fs from 'node:fs';
import { describe, expect, it } from 'vitest';
import { docxData } from '../src/render/docx/render';
import { emptyViewModel } from '../src/maintain/check';
import { maintainerDocs, TAG_MEANING } from '../src/maintain/tags-doc';
import { knownFormIds } from '../src/forms/registry';

describe('docs/maintainers.*.md', () => {
  it('have an up-to-date generated section (regenerate: npx tsx scripts/gen-maintainer-docs.ts)', async () => {
    const docs = await maintainerDocs();
    expect(docs.size).toBe(2);
    for (const [file, text] of docs) {
      expect(fs.readFileSync(file, 'utf8'), file).toBe(text);
      for (const id of knownFormIds()) expect(text, `${file} ${id}`).toContain(`\`${id}\``);
      expect(text).toContain('`{@dauVanBan}`');
    }
  });
  it('say what every tag of template.docx prints', () => {
    expect(Object.keys(TAG_MEANING).sort()).toEqual(Object.keys(docxData(emptyViewModel('x'))).sort());
  });
});
