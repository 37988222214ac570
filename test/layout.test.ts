// Pages a văn thư signs as they come: every example and every hard case (test/layout-cases.ts) rendered to PDF and DOCX,
// the DOCX laid out by LibreOffice, and every page of both read back (word positions, rules, table borders) for the
// defects of test/layout-defects.ts; then the two outputs of each input compared page by page.
import fs from 'node:fs';
import path from 'node:path';
import { beforeAll, describe, expect, it } from 'vitest';
import fg from 'fast-glob';
import type { DocumentVM } from '../src/viewmodel/types';
import { ROOT } from '../src/paths';
import { runBatch } from '../src/pipeline/run';
import { EXAMPLES, libreOfficeToPdf, tmpDir } from './helpers';
import { hardCases } from './layout-cases';
import { compareOutputs, findDefects, type Defect } from './layout-defects';
import { needTool } from './needs';

const haveLibreOffice = needTool('soffice', 'the LibreOffice layout of every DOCX (test/layout.test.ts)');

const out = tmpDir('layout');
const loOut = tmpDir('layout-lo');
const inputs = [...EXAMPLES.map((e) => path.join(ROOT, e)), ...fg.sync('test/fixtures/*.json', { cwd: ROOT, absolute: true }).sort(), ...hardCases(tmpDir('layout-cases'))];
const report = await runBatch(inputs, { outDir: out, formats: ['docx', 'pdf'], dumpViewModel: true });
const DOCS = report.jobs.flatMap((j) => j.files.filter((f) => f.endsWith('.docx')).map((f) => path.relative(out, f).replace(/\.docx$/, ''))).sort();

const lo = new Map<string, string>();
beforeAll(() => {
  if (!haveLibreOffice) return;
  const dirs = new Map<string, string[]>();
  for (const d of DOCS) {
    const f = path.join(out, `${d}.docx`);
    dirs.set(path.dirname(f), [...(dirs.get(path.dirname(f)) ?? []), f]);
  }
  for (const [dir, files] of dirs) {
    const target = path.join(loOut, path.relative(out, dir));
    fs.mkdirSync(target, { recursive: true });
    // Twenty a call: one LibreOffice start for many documents, and no call long enough to time out on a busy machine.
    for (let i = 0; i < files.length; i += 20) {
      const part = files.slice(i, i + 20);
      libreOfficeToPdf(part, target).forEach((p, k) => lo.set(path.relative(out, part[k]!).replace(/\.docx$/, ''), p));
    }
  }
}, 600_000);

const shown = (list: Defect[]) => list.map((d) => `${d.kind} (page ${d.page}): ${d.detail}`);

it('renders every example and every hard case', () => {
  expect(report.summary).toMatchObject({ inputs: inputs.length, written: inputs.length, invalid: 0, failed: 0 });
  expect(DOCS.length).toBeGreaterThan(inputs.length);
});

describe.each(DOCS)('%s', (stem) => {
  const vm = (): DocumentVM => JSON.parse(fs.readFileSync(path.join(out, `${stem}.view-model.json`), 'utf8'));
  const pdf = () => path.join(out, `${stem}.pdf`);

  it('PDF: no upper-case block torn, no wrapped title or date line, trích yếu whole, rules clear, tables fitted, no lone caption, signature or line', () => {
    expect(shown(findDefects(pdf(), vm()))).toEqual([]);
  });

  it.runIf(haveLibreOffice)('DOCX as LibreOffice lays it out: the same', () => {
    const file = lo.get(stem)!;
    expect(fs.existsSync(file), 'LibreOffice wrote no PDF').toBe(true);
    expect(shown(findDefects(file, vm()))).toEqual([]);
  });

  it.runIf(haveLibreOffice)('DOCX and PDF: same page count, every page starting on the same line, rules of the same length in the same place', () => {
    expect(shown(compareOutputs(pdf(), lo.get(stem)!, vm()))).toEqual([]);
  });
});
