// str methods.
import { percentFormat } from '../format/percent';
import { PyDict } from '../runtime/dict';
import { PyException, excClass, newException, pyError } from '../runtime/exceptions';
import { toArray } from '../runtime/iter';
import { CallContext, PyList, PyTuple, PyValue, builtinClasses as B } from '../runtime/objects';
import { getAttr, repr, str, typeName } from '../runtime/protocol';
import { getItem } from '../runtime/subscript';
import { formatValue } from '../runtime/format-value';
import { toFloat, toInt } from './constructors';
import { arity, intArg, methods } from './args';

function self(args: PyValue[], name: string): string {
  const s = args[0];
  if (typeof s !== 'string') throw pyError('TypeError', `descriptor '${name}' requires a 'str' object but received a '${typeName(s)}'`);
  return s;
}

function strip(s: string, chars: PyValue, left: boolean, right: boolean): string {
  const set = chars === null || chars === undefined ? null : String(chars);
  const isStrip = (c: string) => (set === null ? /\s/.test(c) : set.includes(c));
  let a = 0;
  let b = s.length;
  if (left) while (a < b && isStrip(s[a])) a++;
  if (right) while (b > a && isStrip(s[b - 1])) b--;
  return s.slice(a, b);
}

function splitWs(s: string, maxsplit: number): string[] {
  const out: string[] = [];
  let i = 0;
  while (i < s.length) {
    while (i < s.length && /\s/.test(s[i])) i++;
    if (i >= s.length) break;
    if (maxsplit >= 0 && out.length === maxsplit) {
      out.push(s.slice(i).replace(/\s+$/, ''));
      return out;
    }
    let j = i;
    while (j < s.length && !/\s/.test(s[j])) j++;
    out.push(s.slice(i, j));
    i = j;
  }
  return out;
}

function splitSep(s: string, sep: string, maxsplit: number): string[] {
  if (sep === '') throw pyError('ValueError', 'empty separator');
  const parts = s.split(sep);
  if (maxsplit < 0 || parts.length <= maxsplit + 1) return parts;
  return [...parts.slice(0, maxsplit), parts.slice(maxsplit).join(sep)];
}

function idx(args: PyValue[], i: number, len: number, dflt: number): number {
  const v = args[i];
  if (v === undefined || v === null) return dflt;
  let n = intArg(v);
  if (n < 0) n = Math.max(0, n + len);
  return Math.min(n, len);
}

/** str.format: {} {0} {name} {x.attr} {x[0]} {!r} {:spec} */
export async function strFormat(ctx: CallContext, fmt: string, args: PyValue[], kwargs: Map<string, PyValue> | null): Promise<string> {
  let out = '';
  let auto = 0;
  let i = 0;
  while (i < fmt.length) {
    const c = fmt[i];
    if (c === '{' && fmt[i + 1] === '{') { out += '{'; i += 2; continue; }
    if (c === '}' && fmt[i + 1] === '}') { out += '}'; i += 2; continue; }
    if (c === '}') throw pyError('ValueError', "Single '}' encountered in format string");
    if (c !== '{') { out += c; i++; continue; }
    let depth = 1;
    let j = i + 1;
    while (j < fmt.length && depth > 0) {
      if (fmt[j] === '{') depth++;
      else if (fmt[j] === '}') depth--;
      j++;
    }
    if (depth > 0) throw pyError('ValueError', "Single '{' encountered in format string");
    const field = fmt.slice(i + 1, j - 1);
    i = j;
    const m = /^([^!:]*)(?:!([rsa]))?(?::(.*))?$/s.exec(field);
    if (!m) throw pyError('ValueError', 'Invalid format string');
    const [, name, conv, specRaw] = m;
    const spec = specRaw ? await strFormat(ctx, specRaw, args, kwargs) : '';
    const head = /^[^.[]*/.exec(name)![0];
    let v: PyValue;
    if (head === '') {
      if (auto < 0) throw pyError('ValueError', 'cannot switch from manual field specification to automatic field numbering');
      if (auto >= args.length) throw pyError('IndexError', `Replacement index ${auto} out of range for positional args tuple`);
      v = args[auto++];
    } else if (/^\d+$/.test(head)) {
      const k = Number(head);
      if (k >= args.length) throw pyError('IndexError', `Replacement index ${k} out of range for positional args tuple`);
      v = args[k];
    } else {
      const kv = kwargs?.get(head);
      if (kv === undefined) throw new PyException(newException(excClass('KeyError'), [head]));
      v = kv;
    }
    const rest = name.slice(head.length);
    const re = /\.(\w+)|\[([^\]]*)\]/g;
    let mm: RegExpExecArray | null;
    while ((mm = re.exec(rest))) {
      if (mm[1] !== undefined) v = await getAttr(ctx, v, mm[1]);
      else v = await getItem(ctx, v, /^\d+$/.test(mm[2]) ? BigInt(mm[2]) : mm[2]);
    }
    if (conv === 'r' || conv === 'a') v = await repr(ctx, v);
    else if (conv === 's') v = await str(ctx, v);
    out += await formatValue(ctx, v, spec);
  }
  return out;
}

export async function strPercent(ctx: CallContext, fmt: string, arg: PyValue): Promise<string> {
  const mapping = arg instanceof PyDict;
  const args = arg instanceof PyTuple ? [...arg.items] : [arg];
  return percentFormat(fmt, args as never[], {
    str: (v) => str(ctx, v as PyValue),
    repr: (v) => repr(ctx, v as PyValue),
    number: (v, code) => {
      const x = v as PyValue;
      if (typeof x === 'bigint' || typeof x === 'number') return x;
      if (typeof x === 'boolean') return x ? 1n : 0n;
      const kind = 'diouxXc'.includes(code) ? 'a real number' : 'a real number';
      throw pyError('TypeError', `%${code} format: ${kind} is required, not ${typeName(x)}`);
    },
    lookup: (k) => {
      const v = (arg as PyDict).get(k);
      if (v === undefined) throw pyError('KeyError', k);
      return v as never;
    },
    typeError: (msg) => pyError('TypeError', msg),
  }, mapping);
}

export function installStrMethods(): void {
  methods(B.str, {
    upper: (a) => self(a, 'upper').toUpperCase(),
    lower: (a) => self(a, 'lower').toLowerCase(),
    title: (a) => self(a, 'title').toLowerCase().replace(/(^|[^a-zA-Z])([a-z])/g, (_m, p, c) => p + c.toUpperCase()),
    capitalize: (a) => { const s = self(a, 'capitalize'); return s.charAt(0).toUpperCase() + s.slice(1).toLowerCase(); },
    swapcase: (a) => [...self(a, 'swapcase')].map((c) => (c === c.toUpperCase() ? c.toLowerCase() : c.toUpperCase())).join(''),
    strip: (a) => strip(self(a, 'strip'), a[1] ?? null, true, true),
    lstrip: (a) => strip(self(a, 'lstrip'), a[1] ?? null, true, false),
    rstrip: (a) => strip(self(a, 'rstrip'), a[1] ?? null, false, true),
    split: (a, kw) => {
      const s = self(a, 'split');
      const sep = kw?.get('sep') ?? a[1] ?? null;
      const max = intArg(kw?.get('maxsplit') ?? a[2] ?? -1n);
      return new PyList(sep === null ? splitWs(s, max) : splitSep(s, sep as string, max));
    },
    rsplit: (a, kw) => {
      const s = self(a, 'rsplit');
      const sep = kw?.get('sep') ?? a[1] ?? null;
      const max = intArg(kw?.get('maxsplit') ?? a[2] ?? -1n);
      if (max < 0) return new PyList(sep === null ? splitWs(s, -1) : s.split(sep as string));
      const rev = (x: string) => [...x].reverse().join('');
      const parts = sep === null ? splitWs(rev(s), max) : splitSep(rev(s), rev(sep as string), max);
      return new PyList(parts.map(rev).reverse());
    },
    splitlines: (a) => new PyList(self(a, 'splitlines').split(/\r\n|\r|\n/).filter((_, i, arr) => i < arr.length - 1 || arr[i] !== '')),
    join: async (a, _k, ctx) => {
      const sep = self(a, 'join');
      const items = await toArray(ctx, a[1]);
      items.forEach((x, i) => {
        if (typeof x !== 'string') throw pyError('TypeError', `sequence item ${i}: expected str instance, ${typeName(x)} found`);
      });
      return items.join(sep);
    },
    replace: (a) => {
      const s = self(a, 'replace');
      const count = a[3] === undefined ? -1 : intArg(a[3]);
      const old = a[1] as string;
      const neu = a[2] as string;
      if (count < 0) return s.split(old).join(neu);
      const parts = s.split(old);
      return parts.slice(0, count + 1).join(neu) + (parts.length > count + 1 ? old + parts.slice(count + 1).join(old) : '');
    },
    startswith: (a) => {
      const s = self(a, 'startswith');
      const p = a[1];
      const start = idx(a, 2, s.length, 0);
      const opts = p instanceof PyTuple ? p.items : [p];
      return opts.some((x) => s.startsWith(x as string, start));
    },
    endswith: (a) => {
      const s = self(a, 'endswith');
      const p = a[1];
      const opts = p instanceof PyTuple ? p.items : [p];
      return opts.some((x) => s.endsWith(x as string));
    },
    find: (a) => { const s = self(a, 'find'); return BigInt(s.indexOf(a[1] as string, idx(a, 2, s.length, 0))); },
    rfind: (a) => BigInt(self(a, 'rfind').lastIndexOf(a[1] as string)),
    index: (a) => {
      const s = self(a, 'index');
      const r = s.indexOf(a[1] as string, idx(a, 2, s.length, 0));
      if (r < 0) throw pyError('ValueError', 'substring not found');
      return BigInt(r);
    },
    count: (a) => {
      const s = self(a, 'count');
      const sub = a[1] as string;
      if (sub === '') return BigInt(s.length + 1);
      return BigInt(s.split(sub).length - 1);
    },
    isdigit: (a) => /^[0-9]+$/.test(self(a, 'isdigit')),
    isnumeric: (a) => /^[0-9]+$/.test(self(a, 'isnumeric')),
    isdecimal: (a) => /^[0-9]+$/.test(self(a, 'isdecimal')),
    isalpha: (a) => /^[\p{L}]+$/u.test(self(a, 'isalpha')),
    isalnum: (a) => /^[\p{L}0-9]+$/u.test(self(a, 'isalnum')),
    isspace: (a) => /^\s+$/.test(self(a, 'isspace')),
    isupper: (a) => { const s = self(a, 'isupper'); return /[A-Z]/.test(s) && s === s.toUpperCase(); },
    islower: (a) => { const s = self(a, 'islower'); return /[a-z]/.test(s) && s === s.toLowerCase(); },
    isidentifier: (a) => /^[A-Za-z_][A-Za-z0-9_]*$/.test(self(a, 'isidentifier')),
    center: (a) => {
      const s = self(a, 'center');
      const w = intArg(a[1]);
      const f = (a[2] as string) ?? ' ';
      const n = Math.max(0, w - s.length);
      const left = Math.floor(n / 2) + (n % 2 && w % 2 ? 1 : 0);
      return f.repeat(left) + s + f.repeat(n - left);
    },
    ljust: (a) => self(a, 'ljust').padEnd(intArg(a[1]), (a[2] as string) ?? ' '),
    rjust: (a) => self(a, 'rjust').padStart(intArg(a[1]), (a[2] as string) ?? ' '),
    zfill: (a) => {
      const s = self(a, 'zfill');
      const w = intArg(a[1]);
      const sign = s[0] === '-' || s[0] === '+' ? s[0] : '';
      return sign + s.slice(sign.length).padStart(w - sign.length, '0');
    },
    format: (a, kw, ctx) => strFormat(ctx, self(a, 'format'), a.slice(1), kw),
    format_map: (a, _kw, ctx) => strFormat(ctx, self(a, 'format_map'), [], new Map((a[1] as PyDict).entries().map(([k, v]) => [String(k), v]))),
    encode: (a) => self(a, 'encode'),
    partition: (a) => {
      const s = self(a, 'partition');
      const sep = a[1] as string;
      const i = s.indexOf(sep);
      return i < 0 ? new PyTuple([s, '', '']) : new PyTuple([s.slice(0, i), sep, s.slice(i + sep.length)]);
    },
    removeprefix: (a) => { const s = self(a, 'removeprefix'); const p = a[1] as string; return s.startsWith(p) ? s.slice(p.length) : s; },
    removesuffix: (a) => { const s = self(a, 'removesuffix'); const p = a[1] as string; return p && s.endsWith(p) ? s.slice(0, -p.length) : s; },
    __mod__: (a, _k, ctx) => strPercent(ctx, self(a, '__mod__'), a[1]),
    __len__: (a) => BigInt([...self(a, '__len__')].length),
  });
  methods(B.int, {
    bit_length: (a) => { const v = a[0] as bigint; return BigInt((v < 0n ? -v : v).toString(2).replace(/^0$/, '').length); },
    __index__: (a) => a[0] as bigint,
    __int__: (a) => a[0] as bigint,
    __float__: (a) => Number(a[0]),
    conjugate: (a) => a[0],
  });
  methods(B.float, {
    is_integer: (a) => Number.isInteger(a[0] as number),
    __int__: (a, _k, ctx) => toInt(ctx, a[0]),
    __float__: (a, _k, ctx) => toFloat(ctx, a[0]),
    conjugate: (a) => a[0],
  });
  void arity;
}
