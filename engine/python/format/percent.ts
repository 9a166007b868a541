// printf-style `'%5.2f' % x`. Values arrive already converted by the caller:
// the interpreter passes a `convert` callback for %s/%r (they may run user code).
import { formatFloat, formatInt } from './spec';

export type PercentArg = bigint | number | string | boolean | null | object;

export interface PercentHooks {
  str(v: PercentArg): Promise<string>;
  repr(v: PercentArg): Promise<string>;
  /** int/float coercion for numeric codes; throws a Python TypeError otherwise. */
  number(v: PercentArg, code: string): bigint | number;
  /** Mapping lookup for %(name)s. */
  lookup(key: string): PercentArg;
  typeError(msg: string): Error;
}

export async function percentFormat(fmt: string, args: PercentArg[], hooks: PercentHooks, mapping: boolean): Promise<string> {
  let out = '';
  let ai = 0;
  const next = (): PercentArg => {
    if (ai >= args.length) throw hooks.typeError('not enough arguments for format string');
    return args[ai++];
  };
  const re = /%(?:\(([^)]*)\))?([-+ #0]*)(\*|\d+)?(?:\.(\*|\d+))?([diouxXeEfFgGcrsa%])/g;
  let last = 0;
  let m: RegExpExecArray | null;
  while ((m = re.exec(fmt))) {
    out += fmt.slice(last, m.index);
    last = re.lastIndex;
    const [, key, flags, widthS, precS, code] = m;
    if (code === '%') {
      out += '%';
      continue;
    }
    const width = widthS === '*' ? Number(next()) : widthS ? Number(widthS) : 0;
    const prec = precS === '*' ? Number(next()) : precS !== undefined ? Number(precS) : null;
    const v = key !== undefined ? hooks.lookup(key) : next();
    let body: string;
    const left = flags.includes('-');
    const zero = flags.includes('0') && !left;
    const sign = flags.includes('+') ? '+' : flags.includes(' ') ? ' ' : '';
    if (code === 's' || code === 'r' || code === 'a') {
      body = code === 's' ? await hooks.str(v) : await hooks.repr(v);
      if (prec !== null) body = body.slice(0, prec);
      out += left ? body.padEnd(width) : body.padStart(width);
      continue;
    }
    if (code === 'c') {
      body = typeof v === 'string' ? v : String.fromCodePoint(Number(v));
      out += left ? body.padEnd(width) : body.padStart(width);
      continue;
    }
    const n = hooks.number(v, code);
    let spec = (left ? '<' : zero ? '0' : '') + sign + (flags.includes('#') ? '#' : '');
    if (left) spec = '<' + sign + (flags.includes('#') ? '#' : '');
    const w = width ? String(width) : '';
    if ('diu'.includes(code)) {
      const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
      body = formatInt(i, spec + w + 'd');
    } else if ('oxX'.includes(code)) {
      const i = typeof n === 'bigint' ? n : BigInt(Math.trunc(n));
      body = formatInt(i, spec + w + code);
    } else {
      const f = typeof n === 'bigint' ? Number(n) : n;
      body = formatFloat(f, spec + w + '.' + (prec ?? 6) + code);
    }
    out += body;
  }
  out += fmt.slice(last);
  if (!mapping && ai < args.length) throw hooks.typeError('not all arguments converted during string formatting');
  return out;
}
