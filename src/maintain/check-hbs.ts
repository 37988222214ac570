// Checks a template.hbs: handlebars syntax in strict mode, partials from templates/_blocks, fields of the view model,
// and regulated text typed by hand; each problem with its line:column.
import Handlebars from 'handlebars';
import { makeIssue } from '../errors/catalogue';
import type { Issue } from '../errors/issue';
import { closest } from '../schema/validate';
import { findRegulated } from './regulated';

type Node = hbs.AST.Node & Record<string, unknown>;
type Path = hbs.AST.PathExpression;

/** Block helpers that keep the context: a field inside them is still a field of the view model. */
const SAME_CONTEXT = new Set(['if', 'unless']);
/** Helpers the renderer registers (src/render/html/render.ts) besides handlebars' own. */
const HELPERS = new Set(['pct', 'oKyHref', 'if', 'unless', 'each', 'with', 'lookup', 'log']);

function lineCol(source: string, index: number): string {
  const before = source.slice(0, index);
  return `${before.split('\n').length}:${index - before.lastIndexOf('\n')}`;
}

/** Comments are not typed text: blank them out, keeping offsets. */
function withoutComments(source: string): string {
  return source.replace(/\{\{!--[\s\S]*?--\}\}|\{\{![\s\S]*?\}\}/g, (c) => c.replace(/[^\n]/g, ' '));
}

export interface HbsCheck {
  file: string;
  source: string;
  partials: readonly string[];
  /** Top-level fields of the form's view model; undefined skips the field check. */
  fields?: readonly string[];
}

export function checkHbs({ file, source, partials, fields }: HbsCheck): Issue[] {
  const issues: Issue[] = [];
  const at = (loc: string) => ({ template: { file, place: loc } });
  for (const r of findRegulated(withoutComments(source))) {
    issues.push(makeIssue('template.regulated_text', { whatVi: r.rule.vi, whatEn: r.rule.en, text: r.match, use: r.rule.partial }, at(lineCol(source, r.index))));
  }
  let ast: hbs.AST.Program;
  try {
    ast = Handlebars.parse(source);
    Handlebars.precompile(source, { strict: true });
  } catch (err) {
    const e = err as Error & { lineNumber?: number; column?: number };
    const line = e.lineNumber ?? Number(/line (\d+)/.exec(e.message)?.[1] ?? 0);
    const detail = e.message.split('\n').filter((l) => l.trim() && !/^-*\^$/.test(l.trim())).join(' | ');
    issues.push(makeIssue('template.hbs_syntax', { detail }, at(line ? `${line}:${(e.column ?? 0) + 1}` : '')));
    return issues;
  }
  const pos = (n: { loc?: hbs.AST.SourceLocation }) => (n.loc ? `${n.loc.start.line}:${n.loc.start.column + 1}` : '');
  const field = (expr: unknown, rootContext: boolean) => {
    const p = expr as Path;
    if (!rootContext || !fields || p?.type !== 'PathExpression' || p.data || p.depth > 0 || p.parts.length === 0) return;
    const name = p.parts[0]!;
    if (!fields.includes(name)) issues.push(makeIssue('template.unknown_field', { name: p.original, known: fields.join(', '), suggest: closest(name, [...fields]) ?? '' }, at(pos(p))));
  };
  const params = (n: Node, rootContext: boolean) => {
    for (const p of (n.params as unknown[] | undefined) ?? []) {
      const pn = p as Node;
      if (pn.type === 'SubExpression') params(pn, rootContext);
      else field(pn, rootContext);
    }
    for (const pair of ((n.hash as { pairs?: { value: unknown }[] } | undefined)?.pairs ?? [])) field(pair.value, rootContext);
  };
  const walk = (program: hbs.AST.Program | undefined, rootContext: boolean) => {
    for (const s of program?.body ?? []) {
      const n = s as Node;
      if (n.type === 'MustacheStatement' || n.type === 'BlockStatement') {
        const path = n.path as Path;
        const isHelper = path.type === 'PathExpression' && (HELPERS.has(path.original) || ((n.params as unknown[]).length > 0));
        if (!isHelper) field(path, rootContext);
        params(n, rootContext);
        if (n.type === 'BlockStatement') {
          const keeps = SAME_CONTEXT.has(path.original);
          walk(n.program as hbs.AST.Program, rootContext && keeps);
          walk(n.inverse as hbs.AST.Program | undefined, rootContext && keeps);
        }
      } else if (n.type === 'PartialStatement' || n.type === 'PartialBlockStatement') {
        const name = (n.name as Path).original;
        if (!partials.includes(name)) issues.push(makeIssue('template.unknown_partial', { name, known: partials.join(', '), suggest: closest(name, [...partials]) ?? '' }, at(pos(n.name as Path))));
        params(n, rootContext);
        if (n.type === 'PartialBlockStatement') walk(n.program as hbs.AST.Program, false);
      }
    }
  };
  walk(ast, true);
  return issues;
}
