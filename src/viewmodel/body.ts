// Flattens nested body content into numbered paragraphs (regulations §1.4.1 B) and warns of markup left open.
import type { BlockIn } from '../schema/common';
import { makeIssue } from '../errors/catalogue';
import { jsonPath, type Issue } from '../errors/issue';
import { diemLetter, headingLabel } from './numbering';
import { appendText, parseRichText, type Run } from './rich-text';
import { inHoa, stripEndPunctuation } from './text';
import type { ParagraphKind, ParagraphVM } from './types';

const HEADING_KINDS: ParagraphKind[] = ['muc', 'khoan', 'tieuKhoan', 'tieuKhoan', 'diem'];

export class RunParser {
  readonly issues: Issue[] = [];
  constructor(private readonly source?: string) {}

  runs(text: string, path: PropertyKey[]): Run[] {
    const { runs, problems } = parseRichText(text);
    for (const pr of problems) {
      this.issues.push(makeIssue('schema.markup', { path: jsonPath(path), marker: pr.marker }, { source: this.source, path: jsonPath(path) }));
    }
    return runs;
  }

  paragraphs(texts: readonly string[] | undefined, path: PropertyKey[], kieu: ParagraphKind = 'doan'): ParagraphVM[] {
    return (texts ?? []).map((t, i) => ({ kieu, nhan: '', runs: this.runs(t, [...path, i]) }));
  }

  /**
   * Numbers by position, so a gap or a repeat in the source cannot reach the document. Headings ("tieuDe") and
   * untitled numbered items ("khoan") share one counter per level; lettered points ("diem") have their own.
   */
  blocks(blocks: readonly BlockIn[], path: PropertyKey[], depth = 0, parents: number[] = []): ParagraphVM[] {
    const out: ParagraphVM[] = [];
    let number = 0;
    let letter = 0;
    let item = 0;
    blocks.forEach((b, i) => {
      const p = [...path, i];
      if (typeof b === 'string') {
        out.push({ kieu: 'doan', nhan: '', runs: this.runs(b, p) });
      } else if ('gach' in b) {
        out.push({ kieu: 'gach', nhan: '-', runs: this.runs(b.gach, [...p, 'gach']) });
        (b.cong ?? []).forEach((c, j) => out.push({ kieu: 'cong', nhan: '+', runs: this.runs(c, [...p, 'cong', j]) }));
      } else if ('soThuTu' in b) {
        // Numbered items "1) 2) 3)" count among themselves, as điểm letters do.
        out.push({ kieu: 'soThuTu', nhan: `${++item})`, runs: this.runs(b.soThuTu, [...p, 'soThuTu']) });
        if (b.noiDung) out.push(...this.blocks(b.noiDung, [...p, 'noiDung'], depth + 1, [...parents, -1]));
      } else if ('diem' in b) {
        out.push({ kieu: 'diem', nhan: `${diemLetter(letter++)})`, runs: this.runs(b.diem, [...p, 'diem']) });
        if (b.noiDung) out.push(...this.blocks(b.noiDung, [...p, 'noiDung'], depth + 1, [...parents, -1]));
      } else {
        const titled = 'tieuDe' in b;
        const textOf = titled ? b.tieuDe : b.khoan;
        let kieu: ParagraphKind = HEADING_KINDS[Math.min(depth, HEADING_KINDS.length - 1)]!;
        if (!titled && kieu !== 'diem') kieu = 'khoanThuong';
        let runs = this.runs(textOf, [...p, titled ? 'tieuDe' : 'khoan']);
        // Mục titles are IN HOA (§1.4.1 B).
        if (kieu === 'muc') runs = runs.map((r) => ({ ...r, text: inHoa(r.text) }));
        out.push({ kieu, nhan: headingLabel(depth, number, [...parents, number]), runs });
        if (b.noiDung) out.push(...this.blocks(b.noiDung, [...p, 'noiDung'], depth + 1, [...parents, number]));
        number++;
      }
    });
    return out;
  }
}

/** Căn cứ lines end with ";" and the last with "." (§1.4 ô 6, PL I II.6.a). */
export function canCuParagraphs(parser: RunParser, canCu: readonly string[] | undefined, path: PropertyKey[]): ParagraphVM[] {
  const list = canCu ?? [];
  return list.map((c, i) => {
    const runs = parser.runs(stripEndPunctuation(c), [...path, i]);
    return { kieu: 'canCu' as const, nhan: '', runs: appendText(runs, i === list.length - 1 ? '.' : ';') };
  });
}

/** The body closes with the mark "./." (§1.4 notes: every sample of PL III). */
export function closeBody(paragraphs: ParagraphVM[]): ParagraphVM[] {
  if (paragraphs.length === 0) return paragraphs;
  const last = paragraphs[paragraphs.length - 1]!;
  const runs = last.runs.map((r) => ({ ...r }));
  const lastRun = runs[runs.length - 1];
  if (lastRun) lastRun.text = lastRun.text.replace(/[\s.]*(\.\/\.)?\s*$/u, '');
  return [...paragraphs.slice(0, -1), { ...last, runs: appendText(runs.filter((r) => r.text.length > 0), './.') }];
}
