// Golden outputs: each example's and fixture's DOCX XML, PDF text, signature sidecar and view model are exactly as recorded in
// test/golden/. On a difference the actual file is written beside the golden as <name>.actual.
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import { GOLDEN_DIR, goldenFilesOnDisk, goldenInputs, goldenOutputs, normaliseXml } from '../scripts/golden';
import { ROOT } from '../src/paths';

let outputs: Map<string, string>;
beforeAll(async () => {
  outputs = await goldenOutputs();
}, 300_000);

describe('golden outputs', () => {
  it('cover every example and input fixture, and no golden is left over', () => {
    expect(goldenInputs().length).toBeGreaterThanOrEqual(9);
    const dirs = new Set([...outputs.keys()].map((k) => k.split('/')[0]));
    for (const input of goldenInputs()) expect([...dirs], input).toContain(path.basename(input, '.json'));
    const missing = [...outputs.keys()].filter((k) => !fs.existsSync(path.join(GOLDEN_DIR, k)));
    const stale = goldenFilesOnDisk().filter((f) => !outputs.has(f));
    expect({ missing, stale }, 'record or drop them with: npm run golden:update').toEqual({ missing: [], stale: [] });
  });

  it('hold nothing that depends on the machine (paths, temporary folders)', () => {
    for (const [name, text] of outputs) {
      expect(text.includes(ROOT), name).toBe(false);
      expect(text.includes(os.tmpdir()), name).toBe(false);
    }
  });

  it('match the outputs (on a difference see <name>.actual; if intended: npm run golden:update)', () => {
    const differ: string[] = [];
    for (const [name, text] of outputs) {
      const file = path.join(GOLDEN_DIR, ...name.split('/'));
      if (!fs.existsSync(file)) continue;
      if (fs.readFileSync(file, 'utf8') === text) {
        fs.rmSync(`${file}.actual`, { force: true });
        continue;
      }
      fs.writeFileSync(`${file}.actual`, text);
      differ.push(`diff -u test/golden/${name} test/golden/${name}.actual`);
    }
    expect(differ, 'outputs differ from the goldens; compare, and if the change is intended run npm run golden:update').toEqual([]);
  });

  it('normalise DOCX XML to one paragraph, row or cell per line', () => {
    expect(normaliseXml('<w:body><w:p><w:r><w:t>a</w:t></w:r></w:p><w:tbl><w:tr><w:tc><w:p/></w:tc></w:tr></w:tbl><w:sectPr/></w:body>')).toBe(
      '<w:body>\n<w:p><w:r><w:t>a</w:t></w:r></w:p>\n<w:tbl>\n<w:tr>\n<w:tc>\n<w:p/></w:tc></w:tr></w:tbl>\n<w:sectPr/>\n</w:body>\n',
    );
  });
});
