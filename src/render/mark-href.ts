// The invisible links the HTML carries for the PDF stage (src/render/marks.ts reads them back): their addresses only,
// so that writing HTML does not load the PDF library.

/**
 * The host is reserved (RFC 2606): nothing ever resolves it, and every request is refused anyway. An absolutely
 * positioned link takes no room, so a marked layout is the layout of the unmarked page.
 */
export const MARK_BASE = 'https://vanban.invalid/';

export type MarkKind = 'piece' | 'ky';

export function markHref(kind: MarkKind, id: string): string {
  return `${MARK_BASE}${kind}/${id}`;
}
