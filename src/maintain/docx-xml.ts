// Reads WordprocessingML the way a maintainer sees it: numbered paragraphs, their text and the runs it sits in.
export interface TextPiece {
  text: string;
  /** Index of the <w:r> the piece belongs to, within its paragraph. */
  run: number;
}

export interface XmlParagraph {
  /** 1-based, in document order (table cells included). */
  index: number;
  /** Offset of the paragraph in the part's XML. */
  offset: number;
  xml: string;
  pieces: TextPiece[];
  text: string;
}

export function decodeXml(s: string): string {
  return s
    .replace(/&lt;/g, '<').replace(/&gt;/g, '>').replace(/&quot;/g, '"').replace(/&apos;/g, "'")
    .replace(/&#(\d+);/g, (_, d: string) => String.fromCodePoint(Number(d)))
    .replace(/&#x([0-9a-f]+);/gi, (_, h: string) => String.fromCodePoint(parseInt(h, 16)))
    .replace(/&amp;/g, '&');
}

export function paragraphs(xml: string): XmlParagraph[] {
  const out: XmlParagraph[] = [];
  for (const m of xml.matchAll(/<w:p\/>|<w:p(?:\s[^>]*)?>[\s\S]*?<\/w:p>/g)) {
    const pieces: TextPiece[] = [];
    let run = -1;
    for (const r of m[0].matchAll(/<w:r(?:\s[^>]*)?>([\s\S]*?)<\/w:r>|<w:r\/>/g)) {
      run++;
      for (const t of (r[1] ?? '').matchAll(/<w:t(?:\s[^>]*)?>([^<]*)<\/w:t>/g)) pieces.push({ text: decodeXml(t[1]!), run });
    }
    out.push({ index: out.length + 1, offset: m.index, xml: m[0], pieces, text: pieces.map((p) => p.text).join('') });
  }
  return out;
}

/** Paragraph holding a character offset of the part's joined text (the offsets docxtemplater reports). */
export function paragraphAtTextOffset(paras: XmlParagraph[], offset: number): XmlParagraph | undefined {
  let seen = 0;
  for (const p of paras) {
    if (offset < seen + p.text.length) return p;
    seen += p.text.length;
  }
  return paras[paras.length - 1];
}

/** Paragraph around an offset of the XML itself. */
export function paragraphAtXmlOffset(paras: XmlParagraph[], offset: number): XmlParagraph | undefined {
  return paras.find((p) => offset >= p.offset && offset < p.offset + p.xml.length);
}

export function attr(xml: string, name: string): string | undefined {
  const m = new RegExp(`\\s${name}="([^"]*)"`).exec(xml);
  return m ? m[1] : undefined;
}

/** Tags `{…}` of a paragraph with the runs their characters lie in. */
export function tagsOf(p: XmlParagraph): { raw: string; name: string; runs: number }[] {
  const owner: number[] = [];
  for (const piece of p.pieces) for (let i = 0; i < piece.text.length; i++) owner.push(piece.run);
  return [...p.text.matchAll(/\{([^{}]*)\}/g)].map((m) => {
    const runs = new Set(owner.slice(m.index, m.index + m[0].length));
    return { raw: m[0], name: m[1]!.replace(/^\s*[@#/^]?\s*/, '').trim(), runs: runs.size };
  });
}
