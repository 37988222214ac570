// Finds where a JSON text first goes wrong, token by token with an explicit stack: no depth of brackets can overflow it.
import { createScanner } from 'jsonc-parser';

/** The first syntax error of a text: its name (as jsonc-parser names them) and its offset. */
export interface JsonSyntaxError {
  error: string;
  offset: number;
}

// jsonc-parser's token kinds and scan errors are const enums, which isolated modules cannot inline: their values here.
const T = {
  openBrace: 1, closeBrace: 2, openBracket: 3, closeBracket: 4, comma: 5, colon: 6,
  nullKw: 7, trueKw: 8, falseKw: 9, string: 10, number: 11,
  lineComment: 12, blockComment: 13, lineBreak: 14, trivia: 15, unknown: 16, eof: 17,
} as const;
const SCAN_ERRORS = ['', 'UnexpectedEndOfComment', 'UnexpectedEndOfString', 'UnexpectedEndOfNumber', 'InvalidUnicode', 'InvalidEscapeCharacter', 'InvalidCharacter'];

/** What the parser waits for next. */
const enum Want {
  Value,
  /** A value, or `]` right after `[`. */
  FirstItem,
  /** A key, or `}` right after `{`. */
  FirstKey,
  Key,
  Colon,
  /** `,` or the close of the innermost container, or the end of the text at the top. */
  Next,
}

/**
 * The first error of strict JSON (no comments, no trailing commas) in `text`, or undefined when the tokens form one
 * value. Containers are kept on an array, so ten thousand unclosed `[` cost ten thousand entries and no stack frames.
 */
export function locateSyntaxError(text: string): JsonSyntaxError | undefined {
  const scanner = createScanner(text, false);
  const open: number[] = [];
  let want: Want = Want.Value;
  for (;;) {
    // A number, not jsonc-parser's const enum, so that the states below compare it with the values above.
    const token: number = scanner.scan();
    const offset = scanner.getTokenOffset();
    const scanError = scanner.getTokenError();
    if (scanError !== 0) return { error: SCAN_ERRORS[scanError] ?? 'InvalidSymbol', offset };
    if (token === T.trivia || token === T.lineBreak) continue;
    if (token === T.lineComment || token === T.blockComment) return { error: 'InvalidCommentToken', offset };
    const fail = (error: string) => ({ error, offset });
    const closeOf = () => (open[open.length - 1] === T.openBrace ? T.closeBrace : T.closeBracket);
    // Every state answers the end of the text, so the loop ends there (the compiler checks that no state lets it by).
    switch (want) {
      case Want.Value:
      case Want.FirstItem:
        if (want === Want.FirstItem && token === T.closeBracket) {
          open.pop();
          want = Want.Next;
        } else if (token === T.openBrace) {
          open.push(T.openBrace);
          want = Want.FirstKey;
        } else if (token === T.openBracket) {
          open.push(T.openBracket);
          want = Want.FirstItem;
        } else if (token === T.string || token === T.number || token === T.nullKw || token === T.trueKw || token === T.falseKw) {
          want = Want.Next;
        } else if (token === T.unknown) {
          return fail('InvalidSymbol');
        } else return fail('ValueExpected');
        break;
      case Want.FirstKey:
      case Want.Key:
        if (want === Want.FirstKey && token === T.closeBrace) {
          open.pop();
          want = Want.Next;
        } else if (token === T.string) want = Want.Colon;
        else return fail('PropertyNameExpected');
        break;
      case Want.Colon:
        if (token !== T.colon) return fail('ColonExpected');
        want = Want.Value;
        break;
      case Want.Next:
        if (open.length === 0) return token === T.eof ? undefined : fail('EndOfFileExpected');
        if (token === T.comma) want = open[open.length - 1] === T.openBrace ? Want.Key : Want.Value;
        else if (token === closeOf()) {
          open.pop();
          want = Want.Next;
        } else if (token === T.eof || token === T.closeBrace || token === T.closeBracket) return fail(closeOf() === T.closeBrace ? 'CloseBraceExpected' : 'CloseBracketExpected');
        else return fail('CommaExpected');
        break;
    }
  }
}
