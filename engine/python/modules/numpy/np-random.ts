// np.random: numpy's legacy global RandomState (engine/random/numpy-random.ts),
// so np.random.seed(0); np.random.rand(3) prints numpy's own numbers.

import { NumpyRandom } from '../../../random/index';
import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyList, PyModule, PyTuple, type Kwargs, type PyValue } from '../../runtime/objects';
import { asNd, toNdArray, toPyScalar, wrapNd } from './convert';
import { NdArray, sizeOf, type NpDType } from './ndarray';
import { toNpDtype } from './dtypes';

function num(v: PyValue | undefined, dflt: number, what: string): number {
  if (v === undefined || v === null) return dflt;
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyError('TypeError', `${what} must be a number`);
}

/** size=None -> null (one scalar), int -> [n], tuple -> shape. */
function sizeArg(v: PyValue | undefined): number[] | null {
  if (v === undefined || v === null) return null;
  if (typeof v === 'bigint' || typeof v === 'boolean') return [Number(v)];
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map((x) => Number(x as bigint));
  throw pyError('TypeError', "'size' must be an int or a tuple of ints");
}

function dims(args: PyValue[]): number[] {
  return args.map((a) => {
    if (typeof a === 'bigint' || typeof a === 'boolean') return Number(a);
    throw pyError('TypeError', `'${typeof a === 'number' ? 'float' : 'object'}' object cannot be interpreted as an integer`);
  });
}

function fill(shape: number[] | null, dtype: NpDType, draw: () => number): PyValue {
  if (shape === null) return toPyScalar(draw(), dtype);
  const n = sizeOf(shape);
  const vals = new Array<number>(n);
  for (let i = 0; i < n; i++) vals[i] = draw();
  return wrapNd(NdArray.from(vals, shape, dtype));
}

export function createNumpyRandom(): PyModule {
  const rs = new NumpyRandom();
  const m = new PyModule('numpy.random');
  const def = (name: string, f: (args: PyValue[], kwargs: Kwargs) => PyValue) => m.dict.set(name, new PyBuiltin(name, (a, k) => f(a, k)));
  def('seed', ([s]) => {
    if (s === undefined || s === null) rs.seed(null);
    else if (typeof s === 'bigint' || typeof s === 'boolean') {
      const v = Number(s);
      if (v < 0 || v > 0xffffffff) throw pyError('ValueError', 'Seed must be between 0 and 2**32 - 1');
      rs.seed(v);
    } else throw pyError('TypeError', 'Cannot cast scalar from dtype(\'float64\') to dtype(\'int64\') according to the rule \'safe\'');
    return null;
  });
  def('rand', (args) => fill(args.length ? dims(args) : null, 'float64', () => rs.randomSample()));
  def('randn', (args) => fill(args.length ? dims(args) : null, 'float64', () => rs.gauss()));
  for (const name of ['random', 'random_sample', 'sample']) {
    def(name, (args, kw) => fill(sizeArg(kw?.get('size') ?? args[0]), 'float64', () => rs.randomSample()));
  }
  def('standard_normal', (args, kw) => fill(sizeArg(kw?.get('size') ?? args[0]), 'float64', () => rs.gauss()));
  def('normal', (args, kw) => {
    const loc = num(kw?.get('loc') ?? args[0], 0, 'loc');
    const scale = num(kw?.get('scale') ?? args[1], 1, 'scale');
    return fill(sizeArg(kw?.get('size') ?? args[2]), 'float64', () => rs.normal(loc, scale));
  });
  def('uniform', (args, kw) => {
    const lo = num(kw?.get('low') ?? args[0], 0, 'low');
    const hi = num(kw?.get('high') ?? args[1], 1, 'high');
    return fill(sizeArg(kw?.get('size') ?? args[2]), 'float64', () => rs.uniform(lo, hi));
  });
  def('randint', (args, kw) => {
    let lo = num(kw?.get('low') ?? args[0], NaN, 'low');
    const hiV = kw?.get('high') ?? args[1] ?? null;
    let hi: number;
    if (hiV === null) {
      hi = lo;
      lo = 0;
    } else hi = num(hiV, NaN, 'high');
    if (!(lo < hi)) throw pyError('ValueError', 'low >= high');
    const dtype = toNpDtype(kw?.get('dtype')) ?? 'int64';
    return fill(sizeArg(kw?.get('size') ?? args[2]), dtype, () => rs.randint(lo, hi));
  });
  def('shuffle', ([x]) => {
    const a = asNd(x);
    if (a) {
      if (a.ndim === 0) throw pyError('ValueError', 'array must be at least 1-d');
      const inner = sizeOf(a.shape.slice(1));
      const rows = a.values();
      const order = Array.from({ length: a.shape[0] }, (_, i) => i);
      rs.shuffleSwaps(order.length, (i, j) => {
        const t = order[i];
        order[i] = order[j];
        order[j] = t;
      });
      const out: number[] = [];
      for (const r of order) for (let k = 0; k < inner; k++) out.push(rows[r * inner + k]);
      a.assign(out);
    } else if (x instanceof PyList) {
      rs.shuffle(x.items);
    } else throw pyError('TypeError', 'shuffle() expects an array or a list');
    return null;
  });
  def('permutation', ([x]) => {
    if (typeof x === 'bigint' || typeof x === 'boolean') return wrapNd(NdArray.from(rs.permutation(Number(x)), [Number(x)], 'int64'));
    const a = (asNd(x) ?? toNdArray(x)).copy();
    const inner = sizeOf(a.shape.slice(1));
    const rows = a.values();
    const order = Array.from({ length: a.shape[0] }, (_, i) => i);
    rs.shuffleSwaps(order.length, (i, j) => {
      const t = order[i];
      order[i] = order[j];
      order[j] = t;
    });
    const out: number[] = [];
    for (const r of order) for (let k = 0; k < inner; k++) out.push(rows[r * inner + k]);
    return wrapNd(NdArray.from(out, a.shape, a.dtype));
  });
  def('choice', (args, kw) => {
    const x = args[0];
    const pool = typeof x === 'bigint' ? null : (asNd(x) ?? toNdArray(x));
    const n = pool ? pool.shape[0] : Number(x);
    if (n <= 0) throw pyError('ValueError', "'a' cannot be empty unless no samples are taken");
    if (kw?.get('p') !== undefined && kw.get('p') !== null) throw pyError('NotImplementedError', 'np.random.choice with p= is not supported by Tensor Lens');
    const shape = sizeArg(kw?.get('size') ?? args[1]);
    const replace = (kw?.get('replace') ?? args[2] ?? true) !== false;
    const count = shape === null ? 1 : sizeOf(shape);
    let idx: number[];
    if (replace) idx = Array.from({ length: count }, () => rs.randint(0, n));
    else {
      if (count > n) throw pyError('ValueError', "Cannot take a larger sample than population when 'replace=False'");
      idx = rs.permutation(n).slice(0, count);
    }
    const vals = pool ? pool.values() : null;
    const dtype: NpDType = pool ? pool.dtype : 'int64';
    const picked = idx.map((i) => (vals ? vals[i] : i));
    if (shape === null) return toPyScalar(picked[0], dtype);
    return wrapNd(NdArray.from(picked, shape, dtype));
  });
  return m;
}
