// The small safe inline markup shared by both renderers: **bold**, *italic*, \* for a literal asterisk. Never HTML or XML.

export interface Run {
  text: string;
  /** Space-separated style names: "b" bold, "i" italic; "" plain. Both renderers map these names. */
  cls: string;
  /** A line break the layout decided (text ""): DOCX <w:br/>, PDF <br>. */
  br?: boolean;
}

export interface MarkupProblem {
  marker: string;
}

/** Splits marked-up text into runs; an unclosed marker is kept as typed and reported. */
export function parseRichText(src: string): { runs: Run[]; problems: MarkupProblem[] } {
  const runs: Run[] = [];
  const problems: MarkupProblem[] = [];
  let bold = false;
  let italic = false;
  let buf = '';
  const tokens: { kind: 'text' | 'b' | 'i'; text: string }[] = [];
  for (let i = 0; i < src.length; i++) {
    const c = src[i]!;
    if (c === '\\' && (src[i + 1] === '*' || src[i + 1] === '\\')) {
      buf += src[i + 1];
      i++;
    } else if (c === '*' && src[i + 1] === '*') {
      if (buf) tokens.push({ kind: 'text', text: buf });
      buf = '';
      tokens.push({ kind: 'b', text: '**' });
      i++;
    } else if (c === '*') {
      if (buf) tokens.push({ kind: 'text', text: buf });
      buf = '';
      tokens.push({ kind: 'i', text: '*' });
    } else {
      buf += c;
    }
  }
  if (buf) tokens.push({ kind: 'text', text: buf });

  // A marker with no partner later in the text is literal.
  const count = { b: tokens.filter((t) => t.kind === 'b').length, i: tokens.filter((t) => t.kind === 'i').length };
  const literal = new Set<number>();
  for (const kind of ['b', 'i'] as const) {
    if (count[kind] % 2 === 1) {
      const last = tokens.map((t) => t.kind).lastIndexOf(kind);
      literal.add(last);
      problems.push({ marker: kind === 'b' ? '**' : '*' });
    }
  }
  const push = (text: string) => {
    const cls = [bold ? 'b' : '', italic ? 'i' : ''].filter(Boolean).join(' ');
    const prev = runs[runs.length - 1];
    if (prev && prev.cls === cls) prev.text += text;
    else runs.push({ text, cls });
  };
  tokens.forEach((t, idx) => {
    if (t.kind === 'text' || literal.has(idx)) push(t.text);
    else if (t.kind === 'b') bold = !bold;
    else italic = !italic;
  });
  return { runs: runs.filter((r) => r.text.length > 0), problems };
}

export function plainText(runs: readonly Run[]): string {
  return runs.map((r) => r.text).join('');
}

/** Appends plain text (such as the closing "./." mark) after the runs. */
export function appendText(runs: readonly Run[], text: string): Run[] {
  const last = runs[runs.length - 1];
  if (last && last.cls === '') return [...runs.slice(0, -1), { text: last.text + text, cls: '' }];
  return [...runs, { text, cls: '' }];
}
