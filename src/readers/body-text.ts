// The body as lines of text, each with the label the document prints (I., 1., 1.1., a), 1), -, +), and back: what the
// web form's text editor of the body shows and reads. Numbers come from the view model, so they are the printed ones.
import type { BlockIn } from '../schema/common';
import { RunParser } from '../viewmodel/body';
import { plainText } from '../viewmodel/rich-text';
import type { ParagraphKind } from '../viewmodel/types';
import { recogniseBody } from './recognise';
import { docNhan } from './regulated';

export interface BodyLine {
  kieu: ParagraphKind;
  /** The label as printed ("" for a plain paragraph). */
  nhan: string;
  /** The text as the input holds it (markup kept); a mục's title as typed, which the document prints in capitals. */
  text: string;
  /** The line as the document prints it, label and all. */
  printed: string;
}

/** The input's own texts in the order the view model numbers them. */
function texts(blocks: readonly BlockIn[], out: string[] = []): string[] {
  for (const b of blocks) {
    if (typeof b === 'string') out.push(b);
    else if ('gach' in b) out.push(b.gach, ...(b.cong ?? []));
    else {
      out.push('tieuDe' in b ? b.tieuDe : 'khoan' in b ? b.khoan : 'diem' in b ? b.diem : b.soThuTu);
      if (b.noiDung) texts(b.noiDung, out);
    }
  }
  return out;
}

export function bodyLines(noiDung: readonly BlockIn[]): BodyLine[] {
  const paragraphs = new RunParser().blocks(noiDung, ['noiDung']);
  const raw = texts(noiDung);
  return paragraphs.map((p, i) => ({ kieu: p.kieu, nhan: p.nhan, text: raw[i] ?? '', printed: `${p.nhan ? `${p.nhan} ` : ''}${plainText(p.runs)}` }));
}

export function bodyText(noiDung: readonly BlockIn[]): string {
  return bodyLines(noiDung)
    .map((l) => (l.nhan ? `${l.nhan} ${l.text}` : l.text))
    .join('\n');
}

/** "1. 1. Thi đua": a label typed over Word's own list number is read once. */
function once(line: string): string {
  const a = docNhan(line);
  const b = a ? docNhan(a.text) : undefined;
  return a && b && b.nhan.kieu === a.nhan.kieu ? `${line.slice(0, line.length - a.text.length)}${b.text}` : line;
}

/** Text typed or pasted as a body: its blocks (typed labels become levels), and the lines as they will print. */
export function bodyFromText(text: string): { noiDung: BlockIn[]; moDau: string[]; ketLuan: string[]; lines: BodyLine[] } {
  const paragraphs = text
    .normalize('NFC')
    .split(/\r?\n/)
    .map((l) => once(l.replace(/\s+/g, ' ').trim()))
    .filter(Boolean);
  const r = recogniseBody(paragraphs);
  return { ...r, lines: bodyLines(r.noiDung) };
}
