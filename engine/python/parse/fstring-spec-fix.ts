// Two places where @lezer/python rejects valid Python, patched in the text
// Lezer sees (same length, so every offset is unchanged; the AST reads values
// from the original source):
//  - `{x:=5}` inside an f-string: Lezer reads a walrus, but a top-level `:` in
//    a replacement field always starts the format spec (`:=6` pads after the
//    sign). Such `:=` becomes `: `.
//  - `5.` (a float with nothing after the dot): Lezer needs a digit there, so
//    it sees `50`; parseNumber reads "5." from the source and makes 5.0.

export function lezerInput(source: string): string {
  if (!source.includes(':=') && !/\d\.(?![\d\w])/.test(source)) return source;
  const out = source.split('');
  let i = 0;
  const n = source.length;
  while (i < n) {
    const c = source[i];
    if (c === '#') {
      while (i < n && source[i] !== '\n') i++;
      continue;
    }
    if (c === '.' && /\d/.test(source[i - 1] ?? '') && !/[\w.]/.test(source[i + 1] ?? '') && isNumberEnd(source, i)) {
      out[i] = '0';
      i++;
      continue;
    }
    if (c !== '"' && c !== "'") {
      i++;
      continue;
    }
    let p = i - 1;
    while (p >= 0 && /[rRbBuUfF]/.test(source[p]) && i - p <= 2) p--;
    const prefix = /[A-Za-z0-9_]/.test(source[p] ?? ' ') ? '' : source.slice(p + 1, i);
    i = scanString(source, i, /f/i.test(prefix), out);
  }
  return out.join('');
}

/** The digits before `.` at i form a number (not the tail of a name like x1). */
function isNumberEnd(s: string, i: number): boolean {
  let j = i - 1;
  while (j >= 0 && /[\d_]/.test(s[j])) j--;
  return j < 0 || !/[\w.]/.test(s[j]);
}

/** Scans a string literal starting at its quote; returns the index after it. */
function scanString(s: string, start: number, isF: boolean, out: string[]): number {
  const q = s[start];
  const quote = s.startsWith(q + q + q, start) ? q + q + q : q;
  let i = start + quote.length;
  while (i < s.length) {
    if (s[i] === '\\') {
      i += 2;
      continue;
    }
    if (s.startsWith(quote, i)) return i + quote.length;
    if (quote.length === 1 && s[i] === '\n') return i;
    if (isF && s[i] === '{') {
      if (s[i + 1] === '{') {
        i += 2;
        continue;
      }
      i = scanField(s, i + 1, out);
      continue;
    }
    i++;
  }
  return i;
}

/** A replacement field after its `{`; returns the index after its `}`. */
function scanField(s: string, start: number, out: string[]): number {
  let depth = 0;
  let i = start;
  while (i < s.length) {
    const c = s[i];
    if (c === '"' || c === "'") {
      i = scanString(s, i, false, out);
      continue;
    }
    if ('([{'.includes(c)) depth++;
    else if (')]'.includes(c)) depth--;
    else if (c === '}') {
      if (depth === 0) return i + 1;
      depth--;
    } else if (c === ':' && depth === 0) {
      if (s[i + 1] === '=') out[i + 1] = ' ';
      return scanSpec(s, i + 1, out);
    } else if (c === '\n' && depth < 0) return i;
    i++;
  }
  return i;
}

function scanSpec(s: string, start: number, out: string[]): number {
  let i = start;
  while (i < s.length) {
    if (s[i] === '{') {
      i = scanField(s, i + 1, out);
      continue;
    }
    if (s[i] === '}') return i + 1;
    if (s[i] === '\n' || s[i] === '"' || s[i] === "'") return i;
    i++;
  }
  return i;
}
