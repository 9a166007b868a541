// Python 3.11's traceback text: frames outermost first, the source line, and
// carets under the expression that failed (`~~^~~` anchors for binary
// operators and subscripts), repeated recursive frames collapsed.
import type { RunError, SourceRange, TraceFrame } from '../trace/types';
import { parse } from './parse/index';

/** The interpreter's traceback frames also carry the range that was running
 *  in that frame (the call site for outer frames); the outermost frame of an
 *  uncaught exception carries the exceptions printed above it. */
export type PyTraceFrame = TraceFrame & { range?: SourceRange; chain?: ChainedError[] };

/** An exception printed above the uncaught one: its __cause__ or __context__. */
export interface ChainedError {
  type: string;
  message: string;
  traceback: PyTraceFrame[];
  /** How it leads to the next one printed: `raise ... from` or raised while handling. */
  link: 'cause' | 'context';
}

const RECURSIVE_CUTOFF = 3;

const LINK_TEXT = {
  cause: '\nThe above exception was the direct cause of the following exception:\n\n',
  context: '\nDuring handling of the above exception, another exception occurred:\n\n',
};

export function formatTraceback(err: RunError, file: string, source: string): string {
  const lines = source.split('\n');
  if (err.type === 'SyntaxError' || err.type === 'IndentationError') {
    const l = lines[err.range.line - 1] ?? '';
    const stripped = l.trimStart();
    const caret = ' '.repeat(Math.max(0, err.range.col - (l.length - stripped.length)));
    // CPython draws no caret for an unexpected indent.
    // (nor for a block header left without a body at the end of the file).
    const noCaret = err.message === 'unexpected indent' || err.message.endsWith(`on line ${err.range.line}`);
    const caretLine = noCaret ? '' : `    ${caret}^\n`;
    return `  File "${file}", line ${err.range.line}\n    ${stripped.trimEnd()}\n${caretLine}${err.type}: ${err.message}\n`;
  }
  const outer = err.traceback[0] as PyTraceFrame | undefined;
  return exceptionChunks(err, outer?.chain ?? [], file, source).join('');
}

/** The traceback text in the pieces traceback.format_exception() returns:
 *  the header, one per frame entry, the exception line, and the chain
 *  above it with the lines that join them. */
export function exceptionChunks(err: DescribedError, chain: readonly ChainedError[], file: string, source: string): string[] {
  const lines = source.split('\n');
  const out: string[] = [];
  for (const c of chain) out.push(...formatOne(c, file, source, lines), LINK_TEXT[c.link]);
  out.push(...formatOne(err, file, source, lines));
  return out;
}

type DescribedError = { type: string; message: string; traceback: PyTraceFrame[] };

function formatOne(err: DescribedError, file: string, source: string, lines: string[]): string[] {
  // An exception never raised (`raise X from ValueError()`) has no traceback.
  const out: string[] = err.traceback.length ? ['Traceback (most recent call last):\n'] : [];
  let last = '';
  let count = 0;
  const flushRepeats = () => {
    if (count > RECURSIVE_CUTOFF) {
      const n = count - RECURSIVE_CUTOFF;
      out.push(`  [Previous line repeated ${n} more time${n > 1 ? 's' : ''}]\n`);
    }
  };
  err.traceback.forEach((f: PyTraceFrame) => {
    const key = `${f.name}:${f.line}`;
    if (key === last) count++;
    else {
      flushRepeats();
      last = key;
      count = 1;
    }
    if (count > RECURSIVE_CUTOFF) return;
    let entry = `  File "${file}", line ${f.line}, in ${f.name}\n`;
    const text = lines[f.line - 1] ?? '';
    if (text.trim()) {
      entry += `    ${text.trim()}\n`;
      const r = f.range;
      if (r && r.line === f.line && r.to > r.from) entry += carets(text, r, source);
    }
    out.push(entry);
  });
  flushRepeats();
  out.push(err.message === '' ? `${err.type}\n` : `${err.type}: ${err.message}\n`);
  return out;
}

function carets(line: string, r: SourceRange, source: string): string {
  const strippedChars = line.length - line.trimStart().length;
  const strippedLen = line.trim().length;
  const start = r.col;
  const end = r.endLine === r.line ? r.endCol : strippedChars + strippedLen;
  const anchors = r.endLine === r.line ? anchorsOf(source.slice(r.from, r.to)) : null;
  if (!(end - start < strippedLen || (anchors && anchors[1] - anchors[0] > 0))) return '';
  let row = '    ' + ' '.repeat(Math.max(0, start - strippedChars));
  if (anchors) {
    row += '~'.repeat(anchors[0]) + '^'.repeat(anchors[1] - anchors[0]) + '~'.repeat(Math.max(0, end - start - anchors[1]));
  } else {
    row += '^'.repeat(Math.max(1, end - start));
  }
  return row + '\n';
}

/** [left_end, right_start] within the segment, as traceback.py computes them. */
function anchorsOf(segment: string): [number, number] | null {
  const m = parse(segment);
  const s = m.body[0];
  if (m.syntaxError || m.body.length !== 1 || !s || s.kind !== 'Expr') return null;
  const e = s.value;
  if (e.kind === 'BinOp') {
    const opStr = segment.slice(e.left.range.to, e.right.range.from);
    const opOffset = opStr.length - opStr.trimStart().length;
    const left = e.left.range.to + opOffset;
    let right = left + 1;
    if (opOffset + 1 < opStr.length && !/\s/.test(opStr[opOffset + 1])) right += 1;
    return [left, right];
  }
  if (e.kind === 'Subscript') return [e.value.range.to, e.index.range.to + 1];
  return null;
}
