// The checks of test/layout-defects.ts see every kind of defect: pages printed from view models spoiled on purpose (an
// agency torn at "KHEN / THƯỞNG", a date line in a narrow column, a rule on the text, crushed table columns, keeps taken
// away …) must each be reported, so that a layout that regresses fails test/layout.test.ts.
import fs from 'node:fs';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { prepare } from '../src/pipeline/prepare';
import { BrowserPool } from '../src/render/pdf/browser';
import { printRaw } from '../src/render/pdf/print';
import { renderHtml } from '../src/render/html/render';
import { signatureSpacePt } from '../src/layout/tokens';
import type { DocumentVM, ParagraphVM } from '../src/viewmodel/types';
import { ROOT, TEMPLATES_DIR } from '../src/paths';
import { libreOfficeToPdf, tmpDir } from './helpers';
import { needTool } from './needs';
import { renderDocx } from '../src/render/docx/render';
import { hardCases } from './layout-cases';
import { compareOutputs, findDefects, type DefectKind } from './layout-defects';

const pool = new BrowserPool(1);
afterAll(() => pool.close());
const dir = tmpDir('defects');
const cases = hardCases(tmpDir('defects-cases'));
let n = 0;

async function vmOf(file: string): Promise<DocumentVM> {
  const p = await prepare(JSON.parse(fs.readFileSync(file, 'utf8')), file);
  return structuredClone(p.documents[0]!.vm);
}

const fixture = (name: string) => path.join(ROOT, 'test', 'fixtures', 'layout', `${name}.json`);
const generated = (name: string) => cases.find((c) => path.basename(c) === `${name}.json`)!;

/** Prints a view model as the PDF stage would (the page numbers aside), with an optional change to the HTML. */
async function print(vm: DocumentVM, html: (s: string) => string = (s) => s): Promise<string> {
  const file = path.join(dir, `${n++}.pdf`);
  fs.writeFileSync(file, await printRaw(pool, html(renderHtml(vm, path.join(TEMPLATES_DIR, vm.form)))));
  return file;
}

const CRUSHED = [0.035, 0.3, 0.3, 0.2, 0.05, 0.05, 0.065];
const haveLibreOffice = needTool('soffice', 'the check of a crushed table in a DOCX (test/layout-defects.test.ts)');

const kinds = (pdf: string, vm: DocumentVM): DefectKind[] => [...new Set(findDefects(pdf, vm).map((d) => d.kind))];

/** Body paragraphs without the keeps the layout sets. */
function unkept(vm: DocumentVM): DocumentVM {
  const strip = (l: ParagraphVM[]) => l.map(({ giuVoiSau: _g, khongTach: _k, ...p }) => p);
  return { ...vm, noiDung: strip(vm.noiDung), ketLuan: strip(vm.ketLuan), moDau: strip(vm.moDau), canCu: strip(vm.canCu) };
}

describe('the layout checks see', () => {
  it('a clean page as clean', async () => {
    const vm = await vmOf(fixture('ke-hoach-thanh-tra-tinh'));
    expect(findDefects(await print(vm), vm)).toEqual([]);
  });

  it('an agency torn at "KHEN / THƯỞNG" and a lone word', async () => {
    const vm = await vmOf(path.join(ROOT, 'data', 'campaigns', 'ke-hoach-hoang-mai-2021.json'));
    vm.header.banHanh = ['HỘI ĐỒNG THI ĐUA, KHEN', 'THƯỞNG'];
    const found = findDefects(await print(vm), vm).filter((d) => d.kind === 'upper-block');
    expect(found.map((d) => d.detail).join('\n')).toMatch(/lone word "THƯỞNG"/);
    expect(found.map((d) => d.detail).join('\n')).toMatch(/"KHEN \/ THƯỞNG" tears a word/);
  });

  it('a heading and an authority line torn', async () => {
    const vm = await vmOf(fixture('phat-dong-tphcm'));
    vm.chuKy.quyenHan = ['TM. ỦY BAN', 'NHÂN DÂN', 'KT. CHỦ', 'TỊCH', 'PHÓ CHỦ TỊCH'];
    expect(kinds(await print(vm), vm)).toContain('upper-block');
  });

  it('a date line that wraps in a narrow column', async () => {
    const vm = await vmOf(fixture('phat-dong-tphcm'));
    Object.assign(vm.header, { doRongTraiMm: 62, doRongSoMm: 62, doRongPhaiMm: 93, doRongNgayMm: 93 });
    expect(kinds(await print(vm), vm)).toContain('wrapped-line');
  });

  it('a trích yếu torn inside a name and a short fragment', async () => {
    const vm = await vmOf(fixture('ke-hoach-thanh-tra-tinh'));
    const words = vm.trichYeu.split(' ');
    const at = words.indexOf('tra');
    vm.trichYeuDong = [words.slice(0, at).join(' '), words.slice(at, -1).join(' '), words[words.length - 1]!];
    const found = findDefects(await print(vm), vm).filter((d) => d.kind === 'trich-yeu').map((d) => d.detail);
    expect(found.join('\n')).toMatch(/"Thanh \/ tra" tears a word/);
    expect(found.join('\n')).toMatch(/lone word "2025"/);
  });

  it('rules that sit on the text', async () => {
    const vm = await vmOf(fixture('ke-hoach-thanh-tra-tinh'));
    const pdf = await print(vm, (h) => h.replace(/\.rule\{box-sizing:content-box;height:[\d.]+pt;/, '.rule{box-sizing:content-box;height:0.5pt;'));
    expect(kinds(pdf, vm)).toContain('rule-gap');
  });

  it('crushed table columns: a header crushed, words running over their column (Chromium does not split words)', async () => {
    const vm = await vmOf(fixture('bien-ban-hoi-dong-105'));
    vm.phan![0]!.bang!.doRong = CRUSHED;
    const found = findDefects(await print(vm), vm).filter((d) => d.kind === 'table').map((d) => d.detail);
    expect(found.join('\n')).toMatch(/header crushed: "Số \/ phiếu \/ đồng \/ ý"/);
    expect(found.join('\n')).toMatch(/text overflows its column/);
  });

  it.runIf(haveLibreOffice)('crushed table columns in the DOCX: words and figures split (an office suite splits a word too long for its column)', async () => {
    const vm = await vmOf(fixture('bien-ban-hoi-dong-105'));
    vm.phan![0]!.bang!.doRong = CRUSHED;
    const docx = path.join(dir, 'crushed.docx');
    fs.writeFileSync(docx, renderDocx(vm, path.join(TEMPLATES_DIR, vm.form)));
    const [pdf] = libreOfficeToPdf([docx], dir);
    const found = findDefects(pdf!, vm).filter((d) => d.kind === 'table').map((d) => d.detail);
    expect(found.join('\n')).toMatch(/word split in a cell: "S \/ T \/ T"/);
    expect(found.join('\n')).toMatch(/figure wrapped/);
  });

  it('two names of a two-signature footer on different lines', async () => {
    const vm = await vmOf(generated('bao-cao-8'));
    vm.chuKyDoi!.trai.khoangKyPt = signatureSpacePt();
    vm.chuKyDoi!.phai.khoangKyPt = signatureSpacePt();
    expect(kinds(await print(vm), vm)).toContain('names');
  });

  it('without the keeps: a caption at a page foot, a signature page without body, a widow or an orphan', async () => {
    const seen = new Set<DefectKind>();
    for (let items = 14; items <= 30 && seen.size < 3; items++) {
      const vm = unkept(await vmOf(generated(`ke-hoach-${items}`)));
      // A lead-in that announces the last item.
      const body = vm.noiDung;
      body.splice(body.length - 1, 0, { kieu: 'doan', nhan: '', runs: [{ text: 'Các đơn vị thực hiện các nội dung sau:', cls: '' }] });
      const pdf = await print(vm, (h) => h.replace('orphans:2;widows:2;', 'orphans:1;widows:1;'));
      for (const k of kinds(pdf, vm)) seen.add(k);
    }
    for (let items = 12; items <= 26 && !seen.has('widow-orphan'); items++) {
      const vm = unkept(await vmOf(generated(`ke-hoach-dai-${items}`)));
      for (const k of kinds(await print(vm, (h) => h.replace('orphans:2;widows:2;', 'orphans:1;widows:1;')), vm)) seen.add(k);
    }
    expect([...seen].sort()).toEqual(expect.arrayContaining(['caption', 'signature-page', 'widow-orphan']));
  });

  it('a Nơi nhận apart from the signatures of a biên bản', async () => {
    let found = false;
    for (let items = 18; items <= 30 && !found; items++) {
      const vm = unkept(await vmOf(generated(`bien-ban-${items}`)));
      const pdf = await print(vm, (h) => h.replace('break-inside:avoid;break-before:avoid;}', '}'));
      found = findDefects(pdf, vm).some((d) => d.kind === 'signature-page' && d.detail.includes('of the Nơi nhận'));
    }
    expect(found).toBe(true);
  });

  it('two outputs that differ in pages, page breaks and rules', async () => {
    const a = await vmOf(generated('ke-hoach-28'));
    const pa = await print(a);
    const kindsOf = (x: string, y: string, vm: DocumentVM) => [...new Set(compareOutputs(x, y, vm).map((d) => d.kind))];
    // One item more at the start: the same pages, the second one starting an item earlier.
    const b = structuredClone(a);
    b.noiDung.splice(1, 0, b.noiDung[1]!);
    expect(kindsOf(pa, await print(b), a)).toEqual(expect.arrayContaining(['page-break']));
    const longer = structuredClone(a);
    longer.header.gachCoQuanMm *= 1.5;
    expect(kindsOf(pa, await print(longer), a)).toContain('rule-mismatch');
    const more = structuredClone(a);
    more.noiDung = [...more.noiDung, ...more.noiDung];
    expect(kindsOf(pa, await print(more), a)).toContain('page-count');
  });
});
