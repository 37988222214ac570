// Turns issues into the lines a person reads on a terminal: place first, then Vietnamese, English and the fix.
import type { Issue } from './issue';

export function formatIssue(issue: Issue): string {
  const where = [issue.source, issue.path ?? (issue.template ? placeOfTemplate(issue.template) : undefined)]
    .filter(Boolean)
    .join(' ');
  const head = `${issue.severity === 'error' ? 'LỖI/ERROR' : 'CẢNH BÁO/WARNING'} [${issue.code}]${where ? ` ${where}` : ''}`;
  const lines = [head, `  vi: ${issue.message.vi}`, `  en: ${issue.message.en}`];
  // A fix that reads the same in both languages (a command line) is printed once.
  if (issue.hint) lines.push(...new Set([`  → ${issue.hint.vi}`, `  → ${issue.hint.en}`]));
  return lines.join('\n');
}

function placeOfTemplate(t: NonNullable<Issue['template']>): string {
  return `${t.file}${t.place ? ` ${t.place}` : ''}${t.offset !== undefined ? `@${t.offset}` : ''}${t.tag ? ` {${t.tag}}` : ''}`;
}
