// Every issue code of the catalogue is triggered by some test: a code no test names is a message nobody has seen.
import fs from 'node:fs';
import path from 'node:path';
import fg from 'fast-glob';
import { describe, expect, it } from 'vitest';
import { CATALOGUE } from '../../src/errors/catalogue';
import { ROOT } from '../../src/paths';

/** Codes that no test can reach on purpose, each with the reason. */
const UNREACHED: Record<string, string> = {
  'render.docx_template': 'docxtemplater failing on a template that passed the check: the check runs the same renderer first',
  'render.pdf_failed': 'Chromium failing to print for a reason other than a crash or a hang, which have their own tests',
};

describe('the catalogue of issue codes', () => {
  const tests = fg.sync(['test/**/*.ts', 'test/corpus/*.json'], { cwd: ROOT, ignore: ['test/unit/catalogue.test.ts'] }).map((f) => fs.readFileSync(path.join(ROOT, f), 'utf8')).join('\n');

  it('has every code named by at least one test, but for the few listed with their reason', () => {
    const unnamed = Object.keys(CATALOGUE).filter((c) => !tests.includes(`'${c}'`) && !tests.includes(`"${c}"`) && !tests.includes(`[${c}]`));
    expect(unnamed.sort()).toEqual(Object.keys(UNREACHED).sort());
  });

  it('has a Vietnamese and an English message and a fix for every error', () => {
    for (const [code, entry] of Object.entries(CATALOGUE)) {
      const m = entry.message({});
      expect(m.vi, code).not.toBe(m.en);
      if (entry.severity === 'error') expect('hint' in entry, code).toBe(true);
    }
  });
});
