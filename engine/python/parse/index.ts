// parse(source): Lezer tree -> Module. Statements before the first syntax error
// are kept so the lines above a half-typed line still run (live mode); the
// error itself is reported at its range.
import { parser } from '@lezer/python';
import type { Module, Stmt } from '../ast';
import { ConvertContext, SyntaxErrorAt, findError, isBareYieldGap, kids } from './context';
import { convertStatements } from './stmt';
import { lezerInput } from './fstring-spec-fix';
import { LineError, checkLines, scanLines } from './lines';
import { DISPLAY_MARKER } from '../notebook-marker';

export function parse(source: string): Module {
  const mod = parseStatements(source);
  markDisplayed(source, mod);
  mod.source = source;
  return mod;
}

/** Notebook sources name the statements Jupyter would display (notebook.ts). */
function markDisplayed(source: string, mod: Module): void {
  const at = source.lastIndexOf(DISPLAY_MARKER);
  if (at < 0 || source.lastIndexOf('\n', source.length - 2) + 1 !== at) return;
  const wanted = new Set(source.slice(at + DISPLAY_MARKER.length).trim().split(/\s+/));
  for (const s of mod.body) {
    if (s.kind === 'Expr' && wanted.has(`${s.range.line}:${s.range.col}`)) s.display = true;
  }
}

function parseStatements(source: string): Module {
  const cx = new ConvertContext(source);
  const tree = parser.parse(lezerInput(source));
  const body: Stmt[] = [];
  // One pass over the whole tree finds the first error node (cheap cursor
  // walk); statements that end before it convert normally.
  let firstError: { from: number; to: number } | null = null;
  tree.iterate({
    enter: (n) => {
      if (firstError) return false;
      if (n.type.isError && !isBareYieldGap(n.node)) {
        firstError = { from: n.from, to: n.to };
        return false;
      }
      return undefined;
    },
  });
  const errAt = firstError as { from: number; to: number } | null;
  const early = tokenError(source, errAt?.from ?? Infinity);
  for (const node of kids(tree.topNode)) {
    if (early && node.to > early.detectedAt) {
      return { body, syntaxError: { message: early.message, range: cx.lines.range(early.at, Math.min(early.at + 1, source.length)), type: early.type } };
    }
    const err = errAt && errAt.from <= node.to && errAt.from >= node.from ? findError(node) : null;
    if (err) {
      const open = unclosedBracket(source, node.from, err.from);
      if (open !== null) return { body, syntaxError: { message: `'${source[open]}' was never closed`, range: cx.lines.range(open, open + 1) } };
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
  if (early) return { body, syntaxError: { message: early.message, range: cx.lines.range(early.at, Math.min(early.at + 1, source.length)), type: early.type } };
  return { body, syntaxError: null };
}

/** Tokenizer-level errors (indentation, strings, brackets, missing ':') that
 *  CPython reports before — or instead of — the parser's error at `lezerAt`. */
function tokenError(source: string, lezerAt: number): LineError | null {
  const scan = scanLines(source);
  const candidates: LineError[] = [];
  const lineErr = checkLines(source, scan.lines);
  if (lineErr) candidates.push(lineErr);
  if (scan.error) candidates.push(scan.error);
  if (scan.unclosed !== null) {
    candidates.push({ type: 'SyntaxError', message: `'${source[scan.unclosed]}' was never closed`, at: scan.unclosed, detectedAt: scan.unclosed });
  }
  candidates.sort((a, b) => a.detectedAt - b.detectedAt);
  const first = candidates[0];
  if (!first) return null;
  // A plain parser error earlier in the file wins, except over a bracket that
  // is never closed (CPython blames the bracket).
  if (lezerAt < first.detectedAt && !first.message.endsWith('was never closed')) return null;
  return first;
}

/** When Lezer only fails at the end of the file, the cause is usually an
 *  unclosed bracket earlier: find it (skipping strings and comments). */
function unclosedBracket(source: string, from: number, errAt: number): number | null {
  if (/\S/.test(source.slice(errAt))) return null;
  const stack: number[] = [];
  for (let i = from; i < errAt; i++) {
    const c = source[i];
    if (c === '#') {
      while (i < errAt && source[i] !== '\n') i++;
    } else if (c === '"' || c === "'") {
      const triple = source.startsWith(c.repeat(3), i);
      const q = triple ? c.repeat(3) : c;
      i += q.length;
      while (i < errAt && !source.startsWith(q, i)) i += source[i] === '\\' ? 2 : 1;
      i += q.length - 1;
    } else if ('([{'.includes(c)) stack.push(i);
    else if (')]}'.includes(c)) stack.pop();
  }
  return stack.length ? stack[stack.length - 1] : null;
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
