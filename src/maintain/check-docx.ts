// Checks a template.docx: tag syntax, tags known to the view model, tags split by Word, regulated text typed by hand,
// and the NĐ 30 page (A4 portrait, margins, Times New Roman, page number centred in the header from page 2).
import PizZip from 'pizzip';
import Docxtemplater from 'docxtemplater';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { closest } from '../schema/validate';
import { TOKENS, twips } from '../render/tokens';
import { attr, paragraphAtTextOffset, paragraphAtXmlOffset, paragraphs, tagsOf, type XmlParagraph } from './docx-xml';
import { findRegulated } from './regulated';

/** NĐ 30 PL I, I.3 (regulations.md §1.1): allowed margins in mm, inclusive. */
export const MARGIN_RANGES = {
  top: { min: 20, max: 25, vi: 'trên', en: 'top', token: TOKENS.page.marginTopMm },
  bottom: { min: 20, max: 25, vi: 'dưới', en: 'bottom', token: TOKENS.page.marginBottomMm },
  left: { min: 30, max: 35, vi: 'trái', en: 'left', token: TOKENS.page.marginLeftMm },
  right: { min: 15, max: 20, vi: 'phải', en: 'right', token: TOKENS.page.marginRightMm },
} as const;

/** Page numbers are 13–14 pt (half-points in OOXML). */
const PAGE_NUMBER_HALF_POINTS = [26, 28];
const TWIPS_SLACK = 5;

const mm = (tw: number) => Math.round((tw * 25.4) / 1440 * 10) / 10;
const place = (part: string, p?: XmlParagraph) => (p ? `${part} đoạn/paragraph ${p.index}` : part);

interface Ctx {
  file: string;
  issues: Issue[];
}

function add(ctx: Ctx, issue: Issue): void {
  ctx.issues.push(issue);
}

function where(ctx: Ctx, placeText: string, tag?: string) {
  return { template: { file: ctx.file, place: placeText, ...(tag ? { tag } : {}) } };
}

export function checkDocx(bytes: Buffer, file: string, knownTags: readonly string[]): Issue[] {
  const ctx: Ctx = { file, issues: [] };
  let zip: PizZip;
  try {
    zip = new PizZip(bytes);
  } catch (err) {
    add(ctx, makeIssue('template.docx_syntax', { detail: `not a DOCX (zip) file: ${(err as Error).message}` }, where(ctx, '')));
    return ctx.issues;
  }
  const text = (name: string) => zip.file(name)?.asText();
  const document = text('word/document.xml');
  if (!document) {
    add(ctx, makeIssue('template.docx_syntax', { detail: 'word/document.xml is missing' }, where(ctx, '')));
    return ctx.issues;
  }
  const parts = Object.keys(zip.files).filter((n) => /^word\/(document|header\d*|footer\d*)\.xml$/.test(n)).sort();
  const parsed = new Map(parts.map((n) => [n, paragraphs(text(n)!)]));

  compileErrors(ctx, zip, parsed);
  for (const part of parts) {
    for (const p of parsed.get(part)!) {
      for (const tag of tagsOf(p)) {
        if (tag.runs > 1) add(ctx, makeIssue('template.split_tag', { tag: tag.raw.slice(1, -1), runs: tag.runs }, where(ctx, place(part, p))));
        if (!knownTags.includes(tag.name)) {
          const near = closest(tag.name, [...knownTags]);
          const prefix = /^\{\s*([@#/^]?)/.exec(tag.raw)?.[1] ?? '';
          add(ctx, makeIssue('template.unknown_tag', { tag: tag.raw.slice(1, -1), known: knownTags.join(', '), suggest: near ? `${prefix}${near}` : '' }, where(ctx, place(part, p))));
        }
      }
      for (const r of findRegulated(p.text)) {
        add(ctx, makeIssue('template.regulated_text', { whatVi: r.rule.vi, whatEn: r.rule.en, text: r.match, use: r.rule.docxTag }, where(ctx, place(part, p))));
      }
    }
  }
  const core = text('docProps/core.xml');
  if (core) {
    for (const m of core.matchAll(/\{([^{}<]*)\}/g)) {
      const name = m[1]!.trim();
      if (!knownTags.includes(name)) add(ctx, makeIssue('template.unknown_tag', { tag: name, known: knownTags.join(', '), suggest: closest(name, [...knownTags]) ?? '' }, where(ctx, 'docProps/core.xml')));
    }
  }
  pageLayout(ctx, zip, document, parsed.get('word/document.xml')!);
  fonts(ctx, zip, document, parsed.get('word/document.xml')!);
  return ctx.issues;
}

interface DxtError {
  properties?: { explanation?: string; file?: string; offset?: number; xtag?: string; id?: string; errors?: DxtError[] };
  message?: string;
}

/** docxtemplater's own parse: unclosed or unopened tags, a block tag sharing its paragraph. */
function compileErrors(ctx: Ctx, zip: PizZip, parsed: Map<string, XmlParagraph[]>): void {
  try {
    new Docxtemplater(new PizZip(zip.generate({ type: 'nodebuffer' })), { paragraphLoop: true, linebreaks: true, errorLogging: false });
  } catch (err) {
    const e = err as DxtError;
    const list = e.properties?.errors?.length ? e.properties.errors : [e];
    for (const x of list) {
      const part = x.properties?.file ?? 'word/document.xml';
      const paras = parsed.get(part);
      const p = paras && x.properties?.offset !== undefined ? paragraphAtTextOffset(paras, x.properties.offset) : undefined;
      const detail = `${x.properties?.explanation ?? x.message ?? String(x)}${x.properties?.id ? ` [${x.properties.id}]` : ''}`;
      add(ctx, makeIssue('template.docx_syntax', { detail }, where(ctx, place(part, p))));
    }
  }
}

function relTarget(zip: PizZip, id: string): string | undefined {
  const rels = zip.file('word/_rels/document.xml.rels')?.asText() ?? '';
  for (const m of rels.matchAll(/<Relationship\s[^>]*\/?>/g)) {
    if (attr(m[0], 'Id') === id) {
      const target = attr(m[0], 'Target') ?? '';
      return target.startsWith('/') ? target.slice(1) : `word/${target}`;
    }
  }
  return undefined;
}

const hasPageField = (xml: string) => /<w:instrText[^>]*>\s*PAGE\b/.test(xml) || /<w:fldSimple\s[^>]*w:instr="\s*PAGE\b/.test(xml);

function pageLayout(ctx: Ctx, zip: PizZip, document: string, paras: XmlParagraph[]): void {
  const sections = [...document.matchAll(/<w:sectPr(?:\s[^>]*)?>[\s\S]*?<\/w:sectPr>/g)];
  if (sections.length === 0) {
    add(ctx, makeIssue('template.page_size', { detail: 'no page settings (w:sectPr) at all' }, where(ctx, 'word/document.xml')));
    return;
  }
  sections.forEach((m, i) => {
    const s = m[0];
    const p = paragraphAtXmlOffset(paras, m.index);
    const at = `word/document.xml ${p ? `đoạn/paragraph ${p.index}, ` : ''}phần/section ${i + 1}`;
    const pgSz = /<w:pgSz\s[^>]*>/.exec(s)?.[0];
    const w = Number(attr(pgSz ?? '', 'w:w'));
    const h = Number(attr(pgSz ?? '', 'w:h'));
    if (!pgSz || !w || !h) add(ctx, makeIssue('template.page_size', { detail: 'no page size (w:pgSz)' }, where(ctx, at)));
    else if (attr(pgSz, 'w:orient') === 'landscape' || w > h) add(ctx, makeIssue('template.page_size', { detail: `landscape ${mm(w)} × ${mm(h)} mm` }, where(ctx, at)));
    else if (Math.abs(w - twips(TOKENS.page.widthMm)) > TWIPS_SLACK || Math.abs(h - twips(TOKENS.page.heightMm)) > TWIPS_SLACK) {
      add(ctx, makeIssue('template.page_size', { detail: `${mm(w)} × ${mm(h)} mm` }, where(ctx, at)));
    }
    const pgMar = /<w:pgMar\s[^>]*>/.exec(s)?.[0];
    for (const [side, range] of Object.entries(MARGIN_RANGES)) {
      const v = pgMar ? attr(pgMar, `w:${side}`) : undefined;
      const value = v === undefined ? NaN : mm(Math.abs(Number(v)));
      if (!(value >= range.min - 0.1 && value <= range.max + 0.1)) {
        add(ctx, makeIssue('template.margin', { sideVi: range.vi, sideEn: range.en, mm: Number.isNaN(value) ? '?' : value, min: range.min, max: range.max, token: range.token }, where(ctx, at)));
      }
    }
    pageNumber(ctx, zip, s, at);
  });
}

function pageNumber(ctx: Ctx, zip: PizZip, sectPr: string, at: string): void {
  const problem = (detailVi: string, detailEn: string, placeText = at) => add(ctx, makeIssue('template.page_number', { detailVi, detailEn }, where(ctx, placeText)));
  if (!/<w:titlePg(?:\s+w:val="(?:1|true|on)")?\s*\/>/.test(sectPr)) problem('trang 1 hiện số trang (thiếu "Trang đầu khác", w:titlePg)', 'page 1 shows a number ("Different First Page", w:titlePg, is off)');
  const refs = [...sectPr.matchAll(/<w:(header|footer)Reference\s[^>]*\/>/g)].map((m) => ({ kind: m[1]!, type: attr(m[0], 'w:type') ?? 'default', part: relTarget(zip, attr(m[0], 'r:id') ?? '') }));
  const defaultHeader = refs.find((r) => r.kind === 'header' && r.type === 'default');
  const headerXml = defaultHeader?.part ? zip.file(defaultHeader.part)?.asText() : undefined;
  if (!headerXml || !hasPageField(headerXml)) {
    problem('đầu trang không có trường số trang (PAGE)', 'the header has no page-number field (PAGE)');
  } else {
    const hp = defaultHeader!.part!;
    const numbered = paragraphs(headerXml).find((p) => hasPageField(p.xml));
    if (numbered && attr(/<w:jc\s[^>]*>/.exec(numbered.xml)?.[0] ?? '', 'w:val') !== 'center') problem('số trang không căn giữa', 'the page number is not centred', hp);
    for (const sz of numbered?.xml.matchAll(/<w:sz\s[^>]*>/g) ?? []) {
      const v = Number(attr(sz[0], 'w:val'));
      if (!PAGE_NUMBER_HALF_POINTS.includes(v)) {
        problem(`cỡ chữ số trang ${v / 2} (cần 13–14)`, `page-number size ${v / 2} pt (13–14 needed)`, hp);
        break;
      }
    }
    if (numbered && /<w:(b|i)(?:\s+w:val="(?:1|true|on)")?\s*\/>/.test(numbered.xml)) problem('số trang in đậm hoặc nghiêng (cần chữ đứng)', 'the page number is bold or italic (upright needed)', hp);
  }
  for (const r of refs) {
    const xml = r.part ? zip.file(r.part)?.asText() : undefined;
    if (!xml || !hasPageField(xml)) continue;
    if (r.kind === 'footer') problem('số trang ở chân trang (cần ở lề trên)', 'the page number is in the footer (the top margin is required)', r.part!);
    else if (r.type === 'first') problem('đầu trang của trang 1 có số trang', 'the first-page header shows a number', r.part!);
  }
}

function fonts(ctx: Ctx, zip: PizZip, document: string, paras: XmlParagraph[]): void {
  const expected = TOKENS.font.family;
  const bad = (xml: string) => {
    const out: string[] = [];
    for (const m of xml.matchAll(/<w:rFonts\s[^>]*>/g)) {
      for (const a of ['w:ascii', 'w:hAnsi', 'w:cs']) {
        const v = attr(m[0], a);
        if (v !== undefined && v !== expected) out.push(v);
      }
      for (const a of ['w:asciiTheme', 'w:hAnsiTheme']) {
        const v = attr(m[0], a);
        if (v !== undefined) out.push(`${v} (theme)`);
      }
    }
    return [...new Set(out)];
  };
  const styles = zip.file('word/styles.xml')?.asText() ?? '';
  const defaults = /<w:docDefaults>[\s\S]*?<\/w:docDefaults>/.exec(styles)?.[0] ?? '';
  const defaultFont = attr(/<w:rFonts\s[^>]*>/.exec(defaults)?.[0] ?? '', 'w:ascii');
  if (defaultFont !== expected) add(ctx, makeIssue('template.font', { font: defaultFont ?? '(none)', where: 'word/styles.xml docDefaults', expected }, where(ctx, 'word/styles.xml docDefaults')));
  const used = new Set([...document.matchAll(/<w:(?:p|r)Style\s+w:val="([^"]+)"/g)].map((m) => m[1]!));
  for (const m of styles.matchAll(/<w:style\s[^>]*>[\s\S]*?<\/w:style>/g)) {
    const id = attr(m[0], 'w:styleId') ?? '';
    const isDefault = attr(m[0], 'w:default') === '1';
    if (!used.has(id) && !isDefault) continue;
    for (const font of bad(m[0])) add(ctx, makeIssue('template.font', { font, where: `style ${id}`, expected }, where(ctx, `word/styles.xml style ${id}`)));
  }
  for (const p of paras) for (const font of bad(p.xml)) add(ctx, makeIssue('template.font', { font, where: `word/document.xml ¶${p.index}`, expected }, where(ctx, place('word/document.xml', p))));
  for (const part of Object.keys(zip.files).filter((n) => /^word\/(header|footer)\d*\.xml$/.test(n)).sort()) {
    for (const font of bad(zip.file(part)!.asText())) add(ctx, makeIssue('template.font', { font, where: part, expected }, where(ctx, part)));
  }
}
