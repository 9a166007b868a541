// The math module.
import { pyError } from '../runtime/exceptions';
import { PyBuiltin, PyValue } from '../runtime/objects';
import { findDunder, typeName, typeOf } from '../runtime/protocol';
import { toFloat, floatToInt } from '../builtins/constructors';
import { bigintArg } from '../builtins/args';
import { makeModule, registerModule } from './registry';
import type { CallContext } from '../runtime/objects';

async function num(ctx: CallContext, v: PyValue): Promise<number> {
  if (typeof v === 'string' || v === null || (typeof v === 'object' && !findDunder(typeOf(v), '__float__') && !findDunder(typeOf(v), '__index__'))) {
    throw pyError('TypeError', `must be real number, not ${typeName(v)}`);
  }
  return toFloat(ctx, v);
}

function domain(ok: boolean): void {
  if (!ok) throw pyError('ValueError', 'math domain error');
}

function f1(name: string, f: (x: number) => number, check?: (x: number) => boolean): [string, PyBuiltin] {
  return [name, new PyBuiltin(name, async (args, _k, ctx) => {
    if (args.length !== 1) throw pyError('TypeError', `math.${name}() takes exactly one argument (${args.length} given)`);
    const x = await num(ctx, args[0]);
    if (check) domain(check(x));
    const r = f(x);
    if (Number.isNaN(r) && !Number.isNaN(x)) domain(false);
    if (!Number.isFinite(r) && Number.isFinite(x)) throw pyError('OverflowError', 'math range error');
    return r;
  })];
}

function gcd(a: bigint, b: bigint): bigint {
  a = a < 0n ? -a : a;
  b = b < 0n ? -b : b;
  while (b) [a, b] = [b, a % b];
  return a;
}

registerModule('math', () => makeModule('math', {
  pi: Math.PI, e: Math.E, tau: 2 * Math.PI, inf: Infinity, nan: NaN,
  ...Object.fromEntries([
    f1('sqrt', Math.sqrt, (x) => x >= 0),
    f1('exp', Math.exp),
    f1('log2', Math.log2, (x) => x > 0),
    f1('log10', Math.log10, (x) => x > 0),
    f1('log1p', Math.log1p, (x) => x > -1),
    f1('expm1', Math.expm1),
    f1('sin', Math.sin, (x) => Number.isFinite(x) || Number.isNaN(x)),
    f1('cos', Math.cos, (x) => Number.isFinite(x) || Number.isNaN(x)),
    f1('tan', Math.tan, (x) => Number.isFinite(x) || Number.isNaN(x)),
    f1('asin', Math.asin, (x) => x >= -1 && x <= 1),
    f1('acos', Math.acos, (x) => x >= -1 && x <= 1),
    f1('atan', Math.atan),
    f1('sinh', Math.sinh), f1('cosh', Math.cosh), f1('tanh', Math.tanh),
    f1('asinh', Math.asinh), f1('acosh', Math.acosh, (x) => x >= 1), f1('atanh', Math.atanh, (x) => x > -1 && x < 1),
    f1('fabs', Math.abs),
    f1('degrees', (x) => (x * 180) / Math.PI),
    f1('radians', (x) => (x * Math.PI) / 180),
    f1('erf', erf), f1('erfc', (x) => 1 - erf(x)),
    f1('gamma', gamma, (x) => !(Number.isInteger(x) && x <= 0)),
    f1('lgamma', (x) => Math.log(Math.abs(gamma(x)))),
  ]),
  log: new PyBuiltin('log', async (args, _k, ctx) => {
    const x = await num(ctx, args[0]);
    if (typeof args[0] === 'bigint' && args[0] > 0n && !Number.isFinite(x)) {
      const s = args[0].toString(2).length;
      return Math.log(Number(args[0] >> BigInt(s - 60))) + (s - 60) * Math.LN2;
    }
    domain(x > 0);
    if (args.length > 1) {
      const b = await num(ctx, args[1]);
      domain(b > 0 && b !== 1);
      return Math.log(x) / Math.log(b);
    }
    return Math.log(x);
  }),
  pow: new PyBuiltin('pow', async (args, _k, ctx) => {
    const x = await num(ctx, args[0]);
    const y = await num(ctx, args[1]);
    if (x === 0 && y < 0) domain(false);
    const r = x ** y;
    if (Number.isNaN(r) && !Number.isNaN(x) && !Number.isNaN(y)) domain(false);
    return r;
  }),
  atan2: new PyBuiltin('atan2', async (args, _k, ctx) => Math.atan2(await num(ctx, args[0]), await num(ctx, args[1]))),
  hypot: new PyBuiltin('hypot', async (args, _k, ctx) => Math.hypot(...(await Promise.all(args.map((a) => num(ctx, a)))))),
  copysign: new PyBuiltin('copysign', async (args, _k, ctx) => {
    const x = Math.abs(await num(ctx, args[0]));
    const y = await num(ctx, args[1]);
    return y < 0 || Object.is(y, -0) ? -x : x;
  }),
  fmod: new PyBuiltin('fmod', async (args, _k, ctx) => {
    const y = await num(ctx, args[1]);
    const x = await num(ctx, args[0]);
    domain(y !== 0 && Number.isFinite(x));
    return x % y;
  }),
  floor: new PyBuiltin('floor', async (args, _k, ctx) => intResult(ctx, args[0], '__floor__', Math.floor)),
  ceil: new PyBuiltin('ceil', async (args, _k, ctx) => intResult(ctx, args[0], '__ceil__', Math.ceil)),
  trunc: new PyBuiltin('trunc', async (args, _k, ctx) => intResult(ctx, args[0], '__trunc__', Math.trunc)),
  isnan: new PyBuiltin('isnan', async (args, _k, ctx) => Number.isNaN(await num(ctx, args[0]))),
  isinf: new PyBuiltin('isinf', async (args, _k, ctx) => {
    const x = await num(ctx, args[0]);
    return x === Infinity || x === -Infinity;
  }),
  isfinite: new PyBuiltin('isfinite', async (args, _k, ctx) => Number.isFinite(await num(ctx, args[0]))),
  isclose: new PyBuiltin('isclose', async (args, kw, ctx) => {
    const a = await num(ctx, args[0]);
    const b = await num(ctx, args[1]);
    const rel = kw?.get('rel_tol') !== undefined ? await num(ctx, kw.get('rel_tol') as PyValue) : 1e-9;
    const abs = kw?.get('abs_tol') !== undefined ? await num(ctx, kw.get('abs_tol') as PyValue) : 0;
    if (a === b) return true;
    if (!Number.isFinite(a) || !Number.isFinite(b)) return false;
    const d = Math.abs(a - b);
    return d <= Math.abs(rel * b) || d <= Math.abs(rel * a) || d <= abs;
  }),
  factorial: new PyBuiltin('factorial', (args) => {
    const v = args[0];
    if (typeof v === 'number') throw pyError('TypeError', "'float' object cannot be interpreted as an integer");
    const n = bigintArg(v);
    if (n < 0n) throw pyError('ValueError', 'factorial() not defined for negative values');
    let r = 1n;
    for (let i = 2n; i <= n; i++) r *= i;
    return r;
  }),
  gcd: new PyBuiltin('gcd', (args) => args.map(bigintArg).reduce((a, b) => gcd(a, b), 0n)),
  comb: new PyBuiltin('comb', (args) => {
    const n = bigintArg(args[0]);
    let k = bigintArg(args[1]);
    if (n < 0n || k < 0n) throw pyError('ValueError', 'n must be a non-negative integer');
    if (k > n) return 0n;
    if (k > n - k) k = n - k;
    let r = 1n;
    for (let i = 1n; i <= k; i++) r = (r * (n - k + i)) / i;
    return r;
  }),
  prod: new PyBuiltin('prod', async (args, kw, ctx) => {
    const { toArray } = await import('../runtime/iter');
    const { binaryOp } = await import('../runtime/ops');
    let acc: PyValue = kw?.get('start') ?? 1n;
    for (const x of await toArray(ctx, args[0])) {
      const r = binaryOp(ctx, '*', acc, x);
      acc = r instanceof Promise ? await r : r;
    }
    return acc;
  }),
  fsum: new PyBuiltin('fsum', async (args, _k, ctx) => {
    const { toArray } = await import('../runtime/iter');
    // Shewchuk's exact summation, as CPython's fsum.
    const partials: number[] = [];
    for (const v of await toArray(ctx, args[0])) {
      let x = await num(ctx, v);
      let i = 0;
      for (const y0 of partials) {
        let y = y0;
        if (Math.abs(x) < Math.abs(y)) [x, y] = [y, x];
        const hi = x + y;
        const lo = y - (hi - x);
        if (lo) partials[i++] = lo;
        x = hi;
      }
      partials.length = i;
      partials.push(x);
    }
    return partials.reduce((a, b) => a + b, 0);
  }),
}));

async function intResult(ctx: CallContext, v: PyValue, dunder: string, f: (x: number) => number): Promise<PyValue> {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  if (v !== null && typeof v === 'object') {
    const d = findDunder(typeOf(v), dunder);
    if (d) return ctx.call(d, [v]);
  }
  return floatToInt(f(await num(ctx, v)));
}

function erf(x: number): number {
  // Abramowitz-Stegun 7.1.26 is too coarse for Python's digits; use a series /
  // continued fraction with full double precision instead.
  const ax = Math.abs(x);
  if (ax < 2.5) {
    let sum = x;
    let term = x;
    const x2 = x * x;
    for (let n = 1; n < 200; n++) {
      term *= -x2 / n;
      const add = term / (2 * n + 1);
      sum += add;
      if (Math.abs(add) < 1e-17 * Math.abs(sum)) break;
    }
    return (2 / Math.sqrt(Math.PI)) * sum;
  }
  // erfc continued fraction for large |x|.
  let f = 0;
  for (let n = 60; n >= 1; n--) f = (n / 2) / (ax + f);
  const erfc = Math.exp(-ax * ax) / Math.sqrt(Math.PI) / (ax + f);
  return x > 0 ? 1 - erfc : erfc - 1;
}

function gamma(x: number): number {
  if (Number.isInteger(x) && x > 0 && x < 171) {
    let r = 1;
    for (let i = 2; i < x; i++) r *= i;
    return r;
  }
  if (x < 0.5) return Math.PI / (Math.sin(Math.PI * x) * gamma(1 - x));
  const g = 7;
  const c = [0.99999999999980993, 676.5203681218851, -1259.1392167224028, 771.32342877765313, -176.61502916214059,
    12.507343278686905, -0.13857109526572012, 9.9843695780195716e-6, 1.5056327351493116e-7];
  x -= 1;
  let a = c[0];
  const t = x + g + 0.5;
  for (let i = 1; i < g + 2; i++) a += c[i] / (x + i);
  return Math.sqrt(2 * Math.PI) * t ** (x + 0.5) * Math.exp(-t) * a;
}
