// `vanban preview`: DOCX, PDF and PNG pages of a form, and in watch mode again on every change, with one browser.
import fs from 'node:fs';
import path from 'node:path';
import { spawn } from 'node:child_process';
import { afterAll, describe, expect, it } from 'vitest';
import { ROOT } from '../src/paths';
import { main } from '../src/cli/main';
import { pdfInfo, pdfText, repoCopy, tmpDir, vanbanIn } from './helpers';

/** Width and height of a PNG, from its IHDR chunk. */
function pngSize(file: string): { width: number; height: number } {
  const b = fs.readFileSync(file);
  expect(b.subarray(1, 4).toString('latin1')).toBe('PNG');
  return { width: b.readUInt32BE(16), height: b.readUInt32BE(20) };
}

const cleanup: string[] = [];
afterAll(() => {
  for (const d of cleanup) fs.rmSync(d, { recursive: true, force: true });
});

describe('vanban preview', () => {
  it('renders the form’s example (a test fixture here) to DOCX, PDF and one A4 PNG per page, and prints where they are', () => {
    const out = tmpDir('preview');
    cleanup.push(out);
    const r = vanbanIn(ROOT, ['preview', 'to-trinh', '--out', out]);
    // The fixture's money rests on a coefficient the spec leaves unconfirmed (§5.4): that warning, and nothing else.
    expect(r.err.split('\n').filter((l) => /^(LỖI|CẢNH BÁO)/.test(l))).toEqual([`CẢNH BÁO/WARNING [rule.unconfirmed_value] ${path.join(ROOT, 'test/fixtures/to-trinh.json')} $.tinhTien`]);
    expect(r.code).toBe(0);
    expect(r.out).toContain('test/fixtures/to-trinh.json');
    const files = fs.readdirSync(out).sort();
    expect(files).toEqual(expect.arrayContaining(['to-trinh.docx', 'to-trinh.pdf', 'to-trinh-1.png']));
    const pngs = files.filter((f) => f.endsWith('.png'));
    const pages = Number(pdfInfo(path.join(out, 'to-trinh.pdf')).Pages);
    expect(pages).toBeGreaterThan(1);
    expect(pngs).toHaveLength(pages);
    for (const f of pngs) {
      expect(r.out).toContain(path.join(out, f));
      expect(pngSize(path.join(out, f))).toEqual({ width: 794, height: 1123 });
    }
  });

  it('gives an environment error (exit 4) with the install hint when pdftoppm is missing', () => {
    const r = vanbanIn(ROOT, ['preview', 'ke-hoach', '--out', tmpDir('preview-env')], { PATH: '/nonexistent' });
    expect(r.code).toBe(4);
    expect(r.err).toContain('[env.no_pdftoppm]');
    expect(r.err).toContain('apt-get install poppler-utils');
  });

  it.each([[['preview']], [['preview', 'no-such-form']], [['preview', 'ke-hoach', '--data']], [['preview', 'ke-hoach', '--data', 'missing.json']], [['preview', 'ke-hoach', '--bogus']]])('exits 2 for %j', async (args) => {
    const err: string[] = [];
    expect(await main(args, { out: () => undefined, err: (s) => err.push(s) })).toBe(2);
    expect(err.join('\n')).toMatch(/vanban preview <mẫu>|no such data file/);
  });
});

describe('vanban preview --watch', () => {
  it('renders again after a change of the data or a template, reports a broken template and keeps watching, stops on SIGINT', async () => {
    const root = repoCopy('watch');
    cleanup.push(root);
    const dataDir = path.join(root, 'work');
    fs.mkdirSync(dataDir);
    const data = path.join(dataDir, 'kh.json');
    const input = JSON.parse(fs.readFileSync(path.join(ROOT, 'test/fixtures/minimal-ke-hoach.json'), 'utf8'));
    fs.writeFileSync(data, JSON.stringify(input));
    const out = path.join(root, 'pv');
    const child = spawn(process.execPath, [path.join(root, 'bin/vanban.mjs'), 'preview', 'ke-hoach', '--data', data, '--watch', '--out', out], { cwd: root });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (d) => (stdout += d));
    child.stderr.on('data', (d) => (stderr += d));
    const exited = new Promise<number | null>((resolve) => child.on('exit', (code) => resolve(code)));
    const renders = () => stdout.split('\n').filter((l) => l.startsWith('OK ')).length;
    const until = async (what: string, ok: () => boolean, ms = 60_000) => {
      const end = Date.now() + ms;
      while (!ok()) {
        if (Date.now() > end) throw new Error(`timed out waiting for ${what}\n${stdout}\n${stderr}`);
        await new Promise((r) => setTimeout(r, 100));
      }
    };
    try {
      await until('first render', () => renders() === 1 && stdout.includes('watching'));

      // Three saves in a row are one change.
      for (const n of [1, 2, 3]) fs.writeFileSync(data, JSON.stringify({ ...input, trichYeu: `Kế hoạch thử lần ${n}` }));
      await until('render after the data changed', () => renders() === 2);
      await new Promise((r) => setTimeout(r, 1500));
      expect(renders()).toBe(2);
      expect(pdfText(path.join(out, 'ke-hoach.pdf'))).toContain('Kế hoạch thử lần 3');

      const hbs = path.join(root, 'templates/ke-hoach/template.hbs');
      const good = fs.readFileSync(hbs, 'utf8');
      fs.writeFileSync(hbs, good.replace('{{> dauVanBan header}}', '{{> dauVanBann header}}'));
      await until('the broken template reported', () => stderr.includes('[template.unknown_partial] templates/ke-hoach/template.hbs 1:5'));
      await until('the refusal', () => stdout.includes('preview not rendered'));
      expect(child.exitCode).toBe(null);

      fs.writeFileSync(hbs, good.replace('{{> tenLoaiTrichYeu this}}', '{{> tenLoaiTrichYeu this}}\n{{> kinhGui kinhGui}}'));
      await until('render after the template was mended', () => renders() === 3);
      expect(stdout).toContain('  pv/ke-hoach-1.png');
    } finally {
      child.kill('SIGINT');
    }
    expect(await exited).toBe(0);
    expect(stdout).toContain('Đã dừng / stopped');
  }, 150_000);
});
