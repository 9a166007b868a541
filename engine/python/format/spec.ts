// format(value, spec): Python's format-spec mini-language for int, float, str.
// [[fill]align][sign][z][#][0][width][grouping][.precision][type]
import { formatPyFloat, toExponentialPy, toFixedPy, toGeneralPy } from './float';

export interface ParsedSpec {
  fill: string;
  align: '<' | '>' | '^' | '=' | null;
  sign: '+' | '-' | ' ';
  alt: boolean;
  zero: boolean;
  width: number;
  grouping: ',' | '_' | null;
  precision: number | null;
  type: string;
}

export class FormatSpecError extends Error {}

/** CPython 3.11 refuses decimal conversions of ints over 4300 digits. */
export class IntDigitsError extends Error {}
function decimal(v: bigint): string {
  const s = v.toString();
  if (s.replace('-', '').length > 4300) {
    throw new IntDigitsError('Exceeds the limit (4300 digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit');
  }
  return s;
}

export function parseSpec(spec: string): ParsedSpec {
  const m = /^(?:(.)?([<>^=]))?([+\- ])?(z)?(#)?(0)?(\d+)?([,_])?(?:\.(\d+))?([a-zA-Z%])?$/s.exec(spec);
  if (!m) throw new FormatSpecError('Invalid format specifier');
  return {
    fill: m[1] ?? (m[6] && !m[2] ? '0' : ' '),
    align: (m[2] as ParsedSpec['align']) ?? (m[6] ? '=' : null),
    sign: (m[3] as ParsedSpec['sign']) ?? '-',
    alt: !!m[5],
    zero: !!m[6],
    width: m[7] ? Number(m[7]) : 0,
    grouping: (m[8] as ParsedSpec['grouping']) ?? null,
    precision: m[9] !== undefined ? Number(m[9]) : null,
    type: m[10] ?? '',
  };
}

function pad(body: string, sign: string, s: ParsedSpec, defaultAlign: '<' | '>'): string {
  const align = s.align ?? defaultAlign;
  const len = [...body].length + sign.length;
  const n = Math.max(0, s.width - len);
  if (n === 0) return sign + body;
  const fill = s.fill.repeat(n);
  switch (align) {
    case '<': return sign + body + fill;
    case '>': return fill + sign + body;
    case '=': return sign + fill + body;
    case '^': {
      const left = Math.floor(n / 2);
      return s.fill.repeat(left) + sign + body + s.fill.repeat(n - left);
    }
  }
}

function group(intDigits: string, sep: string, every = 3): string {
  let out = '';
  for (let i = 0; i < intDigits.length; i++) {
    if (i > 0 && (intDigits.length - i) % every === 0) out += sep;
    out += intDigits[i];
  }
  return out;
}

function signOf(neg: boolean, s: ParsedSpec): string {
  return neg ? '-' : s.sign === '+' ? '+' : s.sign === ' ' ? ' ' : '';
}

function applyGrouping(num: string, s: ParsedSpec): string {
  if (!s.grouping) return num;
  const dot = num.search(/[.eE]/);
  const intPart = dot < 0 ? num : num.slice(0, dot);
  return group(intPart, s.grouping) + (dot < 0 ? '' : num.slice(dot));
}

export function formatStr(v: string, specText: string): string {
  if (specText === '') return v;
  const s = parseSpec(specText);
  if (s.type && s.type !== 's') throw new FormatSpecError(`Unknown format code '${s.type}' for object of type 'str'`);
  if (s.sign !== '-') throw new FormatSpecError('Sign not allowed in string format specifier');
  if (s.align === '=') throw new FormatSpecError("'=' alignment not allowed in string format specifier");
  const body = s.precision !== null ? [...v].slice(0, s.precision).join('') : v;
  return pad(body, '', s, '<');
}

export function formatInt(v: bigint, specText: string): string {
  if (specText === '') return decimal(v);
  const s = parseSpec(specText);
  const t = s.type;
  if ('eEfFgG%'.includes(t) && t !== '') return formatFloat(Number(v), specText);
  if (s.precision !== null) throw new FormatSpecError('Precision not allowed in integer format specifier');
  const neg = v < 0n;
  const a = neg ? -v : v;
  let body: string;
  let prefix = '';
  switch (t) {
    case '': case 'd': case 'n': body = decimal(a); break;
    case 'x': body = a.toString(16); prefix = '0x'; break;
    case 'X': body = a.toString(16).toUpperCase(); prefix = '0X'; break;
    case 'o': body = a.toString(8); prefix = '0o'; break;
    case 'b': body = a.toString(2); prefix = '0b'; break;
    case 'c': return pad(String.fromCodePoint(Number(v)), '', s, '<');
    default: throw new FormatSpecError(`Unknown format code '${t}' for object of type 'int'`);
  }
  if (s.grouping) body = group(body, s.grouping, 'xXob'.includes(t) && t !== '' ? 4 : 3);
  const sign = signOf(neg, s) + (s.alt ? prefix : '');
  if (s.zero && s.align === '=' && s.fill === '0' && s.grouping && s.width > body.length + sign.length) {
    body = zeroPadGrouped(body, s.width - sign.length, s.grouping);
    return sign + body;
  }
  return pad(body, sign, s, '>');
}

function zeroPadGrouped(body: string, width: number, sep: string): string {
  let digits = body.replace(/[,_]/g, '');
  let out = group(digits, sep);
  while (out.length < width) {
    digits = '0' + digits;
    out = group(digits, sep);
  }
  return out;
}

export function formatFloat(v: number, specText: string): string {
  if (specText === '') return formatPyFloat(v);
  const s = parseSpec(specText);
  const neg = v < 0 || Object.is(v, -0);
  const a = Math.abs(v);
  let body: string;
  const p = s.precision;
  switch (s.type) {
    case 'f': case 'F':
      body = toFixedPy(a, p ?? 6);
      if (s.alt && !body.includes('.')) body += '.';
      if (s.type === 'F') body = body.toUpperCase();
      break;
    case 'e': case 'E':
      body = toExponentialPy(a, p ?? 6);
      if (s.type === 'E') body = body.toUpperCase();
      break;
    case 'g': case 'G': case 'n':
      body = toGeneralPy(a, p ?? 6, s.alt, s.type === 'G');
      break;
    case '%':
      body = toFixedPy(a * 100, p ?? 6) + '%';
      break;
    case '':
      if (p === null) body = formatPyFloat(a);
      else {
        body = toGeneralPy(a, p, s.alt);
        if (!/[.e]|inf|nan/.test(body)) body += '.0';
      }
      break;
    default:
      throw new FormatSpecError(`Unknown format code '${s.type}' for object of type 'float'`);
  }
  body = applyGrouping(body, s);
  const sign = Number.isNaN(v) ? signOf(false, s) : signOf(neg, s);
  if (s.zero && s.align === '=' && s.fill === '0' && s.grouping && Number.isFinite(v)) {
    const dot = body.search(/[.eE%]/);
    const intPart = dot < 0 ? body : body.slice(0, dot);
    const rest = dot < 0 ? '' : body.slice(dot);
    return sign + zeroPadGrouped(intPart, s.width - sign.length - rest.length, s.grouping) + rest;
  }
  return pad(body, sign, s, '>');
}
