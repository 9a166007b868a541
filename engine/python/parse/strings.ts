// String literal text -> value. Lezer gives us the raw slice; Python's escape
// rules and prefixes (r, b, u, f) are applied here.

export interface StringPrefix {
  raw: boolean;
  bytes: boolean;
  format: boolean;
}

/** Body of a literal without prefix and quotes (offsets into `text`). */
export function stringBody(text: string): { start: number; end: number; prefix: StringPrefix } {
  let i = 0;
  const prefix: StringPrefix = { raw: false, bytes: false, format: false };
  while (i < text.length && text[i] !== '"' && text[i] !== "'") {
    const c = text[i].toLowerCase();
    if (c === 'r') prefix.raw = true;
    else if (c === 'b') prefix.bytes = true;
    else if (c === 'f') prefix.format = true;
    i++;
  }
  const q = text[i];
  const qlen = text.startsWith(q + q + q, i) ? 3 : 1;
  const start = i + qlen;
  return { start, end: Math.max(start, text.length - qlen), prefix };
}

const SIMPLE: Record<string, string> = {
  n: '\n', t: '\t', r: '\r', '\\': '\\', "'": "'", '"': '"', a: '\x07', b: '\b', f: '\f', v: '\v', '0': '\0',
};

export function decodeEscapes(s: string, raw: boolean): string {
  if (raw || s.indexOf('\\') < 0) return s;
  let out = '';
  for (let i = 0; i < s.length; i++) {
    const c = s[i];
    if (c !== '\\' || i + 1 >= s.length) {
      out += c;
      continue;
    }
    const n = s[++i];
    if (n === '\n') continue;
    if (n === 'x' && /^[0-9a-fA-F]{2}$/.test(s.slice(i + 1, i + 3))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 3), 16));
      i += 2;
    } else if (n === 'u' && /^[0-9a-fA-F]{4}$/.test(s.slice(i + 1, i + 5))) {
      out += String.fromCharCode(parseInt(s.slice(i + 1, i + 5), 16));
      i += 4;
    } else if (n === 'U' && /^[0-9a-fA-F]{8}$/.test(s.slice(i + 1, i + 9))) {
      out += String.fromCodePoint(parseInt(s.slice(i + 1, i + 9), 16));
      i += 8;
    } else if (/[0-7]/.test(n)) {
      let j = i;
      while (j < s.length && j < i + 3 && /[0-7]/.test(s[j])) j++;
      out += String.fromCharCode(parseInt(s.slice(i, j), 8));
      i = j - 1;
    } else if (n in SIMPLE) {
      out += SIMPLE[n];
    } else {
      out += '\\' + n;
    }
  }
  return out;
}

/** Literal text of an f-string segment: `{{`/`}}` are single braces. */
export function decodeFStringText(s: string, raw: boolean): string {
  return decodeEscapes(s.replace(/\{\{/g, '{').replace(/\}\}/g, '}'), raw);
}
