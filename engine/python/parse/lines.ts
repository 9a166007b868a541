// A light tokenizer pass for the errors CPython's tokenizer reports before
// parsing — and which Lezer tolerates or reports vaguely: bad indentation,
// unterminated strings, brackets never closed, and block headers missing
// their ':'. Works on logical lines (joined across brackets, backslashes and
// triple-quoted strings).

export interface LineError {
  type: 'SyntaxError' | 'IndentationError';
  message: string;
  /** Offset where CPython's caret points. */
  at: number;
  /** Offset from which the error is detected (statements before it still run). */
  detectedAt: number;
}

export interface LogicalLine {
  start: number;
  /** Offset after the last significant character (comments and blanks excluded). */
  end: number;
  indent: number;
  line: number;
  /** Top-level ':' outside brackets (not ':='). */
  hasColon: boolean;
  /** Last significant character is a top-level ':' (opens an indented block). */
  opensBlock: boolean;
  firstWord: string;
}

const HEADER_WORDS = new Set(['if', 'elif', 'else', 'for', 'while', 'def', 'class', 'try', 'except', 'finally', 'with']);

function blockName(word: string): string {
  if (word === 'def') return 'function definition';
  if (word === 'class') return 'class definition';
  return `'${word}' statement`;
}

export function scanLines(src: string): { lines: LogicalLine[]; error: LineError | null; unclosed: number | null } {
  const lines: LogicalLine[] = [];
  const brackets: number[] = [];
  let i = 0;
  let lineNo = 1;
  const n = src.length;
  while (i < n) {
    // Start of a physical line outside brackets: measure indentation.
    let indent = 0;
    while (i < n && (src[i] === ' ' || src[i] === '\t' || src[i] === '\f')) {
      indent = src[i] === '\t' ? (indent + 8) & ~7 : indent + 1;
      i++;
    }
    if (i >= n) break;
    if (src[i] === '\n' || src[i] === '#' || src[i] === '\r') {
      while (i < n && src[i] !== '\n') i++;
      i++;
      lineNo++;
      continue;
    }
    const ll: LogicalLine = { start: i, end: i, indent, line: lineNo, hasColon: false, opensBlock: false, firstWord: /^[A-Za-z_]\w*/.exec(src.slice(i, i + 20))?.[0] ?? '' };
    let lastSig = '';
    for (;;) {
      if (i >= n) break;
      const c = src[i];
      if (c === '\n') {
        lineNo++;
        if (brackets.length === 0) {
          i++;
          break;
        }
        i++;
        continue;
      }
      if (c === '#') {
        while (i < n && src[i] !== '\n') i++;
        continue;
      }
      if (c === '\\' && src[i + 1] === '\n') {
        i += 2;
        lineNo++;
        continue;
      }
      if (c === '"' || c === "'") {
        const q = src.startsWith(c.repeat(3), i) ? c.repeat(3) : c;
        const open = i;
        const openLine = lineNo;
        i += q.length;
        let closed = false;
        while (i < n) {
          if (src[i] === '\\') {
            if (src[i + 1] === '\n') lineNo++;
            i += 2;
            continue;
          }
          if (src.startsWith(q, i)) {
            i += q.length;
            closed = true;
            break;
          }
          if (src[i] === '\n') {
            if (q.length === 1) break;
            lineNo++;
          }
          i++;
        }
        if (!closed) {
          const kind = q.length === 3 ? 'unterminated triple-quoted string literal' : 'unterminated string literal';
          // Back up over the string prefix (f, r, b...) for the caret.
          let p = open;
          while (p > 0 && /[rRbBuUfF]/.test(src[p - 1])) p--;
          const eofLine = src.endsWith('\n') ? lineNo - 1 : lineNo;
          return { lines, error: { type: 'SyntaxError', message: `${kind} (detected at line ${q.length === 3 ? eofLine : openLine})`, at: p, detectedAt: p }, unclosed: null };
        }
        ll.end = i;
        lastSig = 'str';
        continue;
      }
      if ('([{'.includes(c)) brackets.push(i);
      else if (')]}'.includes(c)) brackets.pop();
      else if (c === ':' && brackets.length === 0 && src[i + 1] !== '=') ll.hasColon = true;
      if (c !== ' ' && c !== '\t' && c !== '\r' && c !== '\f') {
        ll.end = i + 1;
        lastSig = c === ':' && brackets.length === 0 && src[i + 1] !== '=' ? ':' : c;
      }
      i++;
    }
    ll.opensBlock = lastSig === ':';
    lines.push(ll);
  }
  return { lines, error: null, unclosed: brackets.length ? brackets[0] : null };
}

/** Indentation errors and missing ':' on block headers, in source order. */
export function checkLines(src: string, lines: LogicalLine[]): LineError | null {
  const stack = [0];
  for (let k = 0; k < lines.length; k++) {
    const l = lines[k];
    const prev = lines[k - 1];
    const top = stack[stack.length - 1];
    if (prev && prev.opensBlock) {
      if (l.indent <= top) {
        return { type: 'IndentationError', message: `expected an indented block after ${blockName(prev.firstWord)} on line ${prev.line}`, at: l.start, detectedAt: prev.end };
      }
      stack.push(l.indent);
    } else if (l.indent > top) {
      return { type: 'IndentationError', message: 'unexpected indent', at: l.start, detectedAt: prev ? prev.end : l.start };
    } else if (l.indent < top) {
      while (stack.length > 1 && stack[stack.length - 1] > l.indent) stack.pop();
      if (stack[stack.length - 1] !== l.indent) {
        return { type: 'IndentationError', message: 'unindent does not match any outer indentation level', at: l.end, detectedAt: prev ? prev.end : l.start };
      }
    }
    if (HEADER_WORDS.has(l.firstWord) && !l.hasColon && isHeader(src, l)) {
      return { type: 'SyntaxError', message: "expected ':'", at: l.end, detectedAt: l.start };
    }
  }
  const last = lines[lines.length - 1];
  if (last && last.opensBlock) {
    return { type: 'IndentationError', message: `expected an indented block after ${blockName(last.firstWord)} on line ${last.line}`, at: last.start, detectedAt: last.end };
  }
  return null;
}

/** `if x` is a header; `if_x = 1` never gets here, `else = 1` is not one. */
function isHeader(src: string, l: LogicalLine): boolean {
  return !/^\s*(=[^=]|\.)/.test(src.slice(l.start + l.firstWord.length, l.end));
}
