// DOCX stage: docxtemplater over templates/<form>/template.docx, fed with the regulated blocks as raw OOXML.
import fs from 'node:fs';
import path from 'node:path';
import zlib from 'node:zlib';
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { makeIssue } from '../../errors/catalogue';
import { VanbanError, type Issue } from '../../errors/issue';
import type { DocumentVM } from '../../viewmodel/types';
import { compile, renderCompiled, type CompiledTemplate } from './compiled';
import { templateWithStyles } from './styles';
import { bang, chuKyDoi, chuKyDoiVaNoiNhan, cuoiVanBan, dauVanBan, doanVan, dongMau, kinhGui, noiNhanRieng, phuLuc, tenLoaiTrichYeu } from './blocks';

// pizzip deflates with pako in JavaScript; Node's zlib writes the same raw deflate format several times faster, and
// a batch of thousands spends a third of its DOCX time here otherwise.
(PizZip as unknown as { compressions: { DEFLATE: { compress: (input: Uint8Array) => Uint8Array } } }).compressions.DEFLATE.compress = (input) =>
  zlib.deflateRawSync(input);

interface CachedTemplate {
  bytes: Buffer;
  /** Compiled on first use; null when the template must go through docxtemplater for every document. */
  compiled?: CompiledTemplate | null;
}

const templateCache = new Map<string, CachedTemplate>();

function cachedTemplate(templateDir: string): CachedTemplate {
  const file = path.join(templateDir, 'template.docx');
  let t = templateCache.get(file);
  if (!t) {
    // The named paragraph styles go into the template once, not into every document.
    t = { bytes: templateWithStyles(fs.readFileSync(file)) };
    templateCache.set(file, t);
  }
  return t;
}

/** Drops the cached template files, so an edited template.docx is read again (preview, check). */
export function forgetDocxTemplates(): void {
  templateCache.clear();
}

/** Values a template may use: the blocks (raw OOXML, `{@name}`) and plain strings (`{name}`). */
export function docxData(vm: DocumentVM, extra: Record<string, string> = {}): Record<string, string> {
  return {
    dauVanBan: dauVanBan(vm.header),
    tenLoaiTrichYeu: tenLoaiTrichYeu(vm),
    kinhGui: kinhGui(vm.kinhGui),
    canCu: doanVan(vm.canCu),
    moDau: doanVan(vm.moDau),
    noiDung: doanVan(vm.noiDung),
    ketLuan: doanVan(vm.ketLuan),
    cuoiVanBan: cuoiVanBan(vm),
    phan: (vm.phan ?? []).map((p) => doanVan(p.doan) + bang(p.bang ?? undefined)).join(''),
    // The Nơi nhận under two signatures is drawn in their block, so that it never starts a page alone (see
    // chuKyDoiVaNoiNhan); a template that places {@noiNhanRieng} after {@chuKyDoi} gets it there.
    chuKyDoi: vm.chuKyDoi ? chuKyDoiVaNoiNhan(vm.chuKyDoi.trai, vm.chuKyDoi.phai, vm.noiNhan) : '',
    noiNhanRieng: vm.chuKyDoi ? '' : noiNhanRieng(vm.noiNhan),
    phuLuc: phuLuc(vm.phuLuc),
    dongMau: dongMau(vm.dongMau ?? ''),
    soKyHieu: vm.header.soKyHieu,
    diaDanhNgay: vm.header.diaDanhNgay,
    tenLoai: vm.tenLoai,
    trichYeu: vm.trichYeu,
    metaTitle: vm.meta.title,
    metaAuthor: vm.meta.author,
    metaSubject: vm.meta.subject,
    metaKeywords: vm.meta.keywords.join(', '),
    metaCreated: vm.meta.creationDate.replace(/\+07:00$/, '+07:00'),
    ...extra,
  };
}

interface DocxtemplaterError {
  properties?: { id?: string; explanation?: string; file?: string; offset?: number; xtag?: string; errors?: DocxtemplaterError[] };
  message?: string;
}

function templateIssues(err: unknown, file: string): Issue[] {
  const e = err as DocxtemplaterError;
  const list = e.properties?.errors?.length ? e.properties.errors : [e];
  return list.map((x) =>
    makeIssue('render.docx_template', { detail: `${x.properties?.explanation ?? x.message ?? String(x)}${x.properties?.id ? ` [${x.properties.id}]` : ''}` }, {
      template: { file, offset: x.properties?.offset, tag: x.properties?.xtag },
    }),
  );
}

/**
 * Renders the DOCX; the zip entries get the document's date so the same input gives the same bytes. A template
 * compiled once is filled without docxtemplater (src/render/docx/compiled.ts); `viaDocxtemplater` forces the
 * per-document path, which the tests compare it with.
 */
export function renderDocx(vm: DocumentVM, templateDir: string, extra: Record<string, string> = {}, opts: { viaDocxtemplater?: boolean } = {}): Buffer {
  const data = docxData(vm, extra);
  const date = new Date(vm.meta.creationDate);
  const t = cachedTemplate(templateDir);
  if (!opts.viaDocxtemplater) {
    if (t.compiled === undefined) t.compiled = compile(t.bytes, Object.keys(data)) ?? null;
    const docx = t.compiled ? renderCompiled(t.compiled, data, vm.meta.creationDate) : undefined;
    if (docx) return docx;
  }
  return renderWithDocxtemplater(t.bytes, data, date, path.join(templateDir, 'template.docx'));
}

function renderWithDocxtemplater(bytes: Buffer, data: Record<string, string>, date: Date, file: string): Buffer {
  let doc: Docxtemplater;
  try {
    const zip = new PizZip(bytes);
    doc = new Docxtemplater(zip, {
      paragraphLoop: true,
      linebreaks: true,
      // A missing value is an error, never the word "undefined".
      nullGetter(part) {
        throw new Error(`Tag {${part.value}} has no value in the view model`);
      },
    });
    doc.render(data);
  } catch (err) {
    throw new VanbanError(templateIssues(err, path.relative(process.cwd(), file)));
  }
  const zip = doc.getZip();
  for (const f of Object.values(zip.files) as { date: Date }[]) f.date = date;
  return zip.generate({ type: 'nodebuffer', compression: 'DEFLATE' });
}
