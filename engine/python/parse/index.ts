// parse(source): Lezer tree -> Module. Statements before the first syntax error
// are kept so the lines above a half-typed line still run (live mode); the
// error itself is reported at its range.
import { parser } from '@lezer/python';
import type { Module, Stmt } from '../ast';
import { ConvertContext, SyntaxErrorAt, findError, kids } from './context';
import { convertStatements } from './stmt';

export function parse(source: string): Module {
  const cx = new ConvertContext(source);
  const tree = parser.parse(source);
  const body: Stmt[] = [];
  for (const node of kids(tree.topNode)) {
    const err = findError(node);
    if (err) {
      return { body, syntaxError: { message: syntaxMessage(cx, err.from), range: errorRange(cx, err.from, err.to) } };
    }
    const out: Stmt[] = [];
    try {
      convertStatements(cx, node, out);
    } catch (e) {
      if (e instanceof SyntaxErrorAt) return { body, syntaxError: { message: e.message, range: e.range } };
      throw e;
    }
    body.push(...out);
  }
  return { body, syntaxError: null };
}

function errorRange(cx: ConvertContext, from: number, to: number) {
  // Zero-width error nodes sit where Lezer gave up: point at that character.
  return cx.lines.range(from, Math.max(to, Math.min(from + 1, cx.source.length)));
}

function syntaxMessage(cx: ConvertContext, at: number): string {
  const lineStart = cx.source.lastIndexOf('\n', at - 1) + 1;
  const before = cx.source.slice(lineStart, at);
  if (/^\s+$/.test(before) && at > 0) return 'unexpected indent';
  return 'invalid syntax';
}
