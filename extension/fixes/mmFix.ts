// The classic fixes for a matrix-product shape clash, e.g. the tutorial's
// torch.mm(features, weights) with (1x5) and (1x5): reshape or transpose an
// operand so the inner dimensions agree. Only candidates are computed here;
// the provider re-runs the program with each and offers those that work.

export interface ShapeClash {
  a: [number, number];
  b: [number, number];
}

export interface FixCandidate {
  title: string;
  /** Absolute offsets of the argument text to replace. */
  from: number;
  to: number;
  replacement: string;
}

const CLASH = /mat1 and mat2 shapes cannot be multiplied \((\d+)x(\d+) and (\d+)x(\d+)\)/;

export function parseClash(message: string): ShapeClash | null {
  const m = CLASH.exec(message);
  if (!m) return null;
  const [r1, c1, r2, c2] = m.slice(1, 5).map(Number);
  return { a: [r1, c1], b: [r2, c2] };
}

export interface CallArg {
  text: string;
  from: number;
  to: number;
}

/** The two positional operands of `f(a, b)` found in source[from, to), with
 *  their absolute offsets; null unless the span is such a call. */
export function callOperands(source: string, from: number, to: number): [CallArg, CallArg] | null {
  if (!source.slice(from, to).includes('(') && source[to] === '(') to = matchingClose(source, to) + 1;
  const call = source.slice(from, to);
  const open = call.indexOf('(');
  if (open < 0 || !call.trimEnd().endsWith(')')) return null;
  const close = call.trimEnd().length - 1;
  const args: CallArg[] = [];
  let depth = 0;
  let start = open + 1;
  let quote: string | null = null;
  for (let i = open + 1; i <= close; i++) {
    const ch = call[i];
    if (quote) {
      if (ch === quote && call[i - 1] !== '\\') quote = null;
    } else if (ch === '"' || ch === "'") {
      quote = ch;
    } else if (ch === '(' || ch === '[' || ch === '{') {
      depth++;
    } else if ((ch === ')' || ch === ']' || ch === '}') && depth > 0) {
      depth--;
    } else if ((ch === ',' && depth === 0) || i === close) {
      args.push(trimmed(call, start, i, from));
      start = i + 1;
    }
  }
  const positional = args.filter((a) => a.text !== '');
  if (positional.length !== 2 || positional.some((a) => /^\w+\s*=[^=]/.test(a.text))) return null;
  return [positional[0], positional[1]];
}

/** Offset of the bracket closing the one at `open` (or the text's end). */
function matchingClose(source: string, open: number): number {
  let depth = 0;
  for (let i = open; i < source.length; i++) {
    if (source[i] === '(') depth++;
    else if (source[i] === ')' && --depth === 0) return i;
  }
  return source.length - 1;
}

function trimmed(call: string, start: number, end: number, base: number): CallArg {
  const raw = call.slice(start, end);
  const lead = raw.length - raw.trimStart().length;
  const text = raw.trim();
  return { text, from: base + start + lead, to: base + start + lead + text.length };
}

/** Fixes worth trying for this clash, in the order they are offered. */
export function mmFixCandidates(clash: ShapeClash, [a, b]: [CallArg, CallArg]): FixCandidate[] {
  const [, k] = clash.a;
  const [r2, c2] = clash.b;
  const out: FixCandidate[] = [];
  const numel = r2 * c2;
  if (k > 0 && numel % k === 0 && !(r2 === k && c2 === numel / k)) {
    const view = `${operand(b.text)}.view(${k}, ${numel / k})`;
    out.push({ title: `Reshape the second operand: ${view}`, from: b.from, to: b.to, replacement: view });
  }
  if (c2 === k) {
    const t = `${operand(b.text)}.T`;
    out.push({ title: `Transpose the second operand: ${t}`, from: b.from, to: b.to, replacement: t });
  }
  if (clash.a[0] === r2 && c2 !== k) {
    const t = `${operand(a.text)}.T`;
    out.push({ title: `Transpose the first operand: ${t}`, from: a.from, to: a.to, replacement: t });
  }
  return out;
}

export function applyFix(source: string, fix: FixCandidate): string {
  return source.slice(0, fix.from) + fix.replacement + source.slice(fix.to);
}

/** Parenthesise an operand unless it is a name, attribute, call or subscript
 *  chain, where `.view(...)` / `.T` already binds to the whole of it. */
function operand(text: string): string {
  return /^[A-Za-z_][\w.]*(\([^()]*\)|\[[^[\]]*\])*$/.test(text) ? text : `(${text})`;
}

/** Did the program, re-run with a fix applied, get past the fixed call? It
 *  did when it raised nothing, or raised somewhere that does not overlap the
 *  replaced text (a later, unrelated error is not the fix's fault). */
export function fixWorked(error: { range: { from: number; to: number } } | null, fixed: { from: number; to: number }): boolean {
  return !error || error.range.to < fixed.from || error.range.from > fixed.to;
}
