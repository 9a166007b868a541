// bincount, histc and cummax/cummin: counts and running extremes, computed on
// the host from the values (read asynchronously; bincount's length depends on
// them). cummax/cummin record CummaxBackward0/CumminBackward0: the grad goes
// to the running extreme's index (scatter-add along dim).

import { isFloating } from '../core/dtype';
import { TorchError, runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { fromValues, zeros } from './factories';
import { scatterAddInto } from './gather';
import type { ValuesIndices } from './max';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';

const C10: Record<string, string> = { float32: 'Float', float64: 'Double', int64: 'Long', int32: 'Int', bool: 'Bool' };

export async function bincount(x: Tensor, weights: Tensor | null = null, minlength = 0): Promise<Tensor> {
  if (isFloating(x.dtype)) throw new TorchError('NotImplementedError', `"bincount_cpu" not implemented for '${C10[x.dtype]}'`);
  const v = await x.read();
  let neg = false;
  for (let i = 0; i < v.length; i++) if (v[i] < 0) neg = true;
  if (x.shape.length !== 1 || neg) throw runtimeError('bincount only supports 1-d non-negative integral inputs.');
  if (minlength < 0) throw runtimeError('minlength should be >= 0');
  let n = minlength;
  for (let i = 0; i < v.length; i++) n = Math.max(n, v[i] + 1);
  const w = weights === null ? null : await weights.read();
  if (weights !== null && weights.numel() !== v.length) throw runtimeError('weights should be 1-d and have the same length as input');
  const out = new Float64Array(n);
  for (let i = 0; i < v.length; i++) out[v[i]] += w === null ? 1 : w[i];
  const dtype = weights === null ? 'int64' : isFloating(weights.dtype) ? weights.dtype : 'float64';
  const t = fromValues(out, [n], dtype, x.backend);
  notifyOp('bincount', weights === null ? [x] : [x, weights], t);
  return t;
}

export async function histc(x: Tensor, bins = 100, min = 0, max = 0): Promise<Tensor> {
  if (!isFloating(x.dtype)) throw new TorchError('NotImplementedError', `"histogram_cpu" not implemented for '${C10[x.dtype]}'`);
  if (bins <= 0) throw runtimeError('torch.histc: bins must be > 0');
  const v = await x.read();
  let lo = min;
  let hi = max;
  if (lo === hi && v.length > 0) {
    lo = Infinity;
    hi = -Infinity;
    for (let i = 0; i < v.length; i++) { lo = Math.min(lo, v[i]); hi = Math.max(hi, v[i]); }
  }
  if (lo === hi) { lo -= 1; hi += 1; }
  if (lo > hi) throw runtimeError('torch.histc: max must be larger than min');
  const out = new Float64Array(bins);
  for (let i = 0; i < v.length; i++) {
    const e = v[i];
    if (!(e >= lo && e <= hi)) continue;
    const pos = Math.min(Math.floor(((e - lo) * bins) / (hi - lo)), bins - 1);
    out[pos] += 1;
  }
  const t = fromValues(out, [bins], x.dtype, x.backend);
  notifyOp('histc', [x], t);
  return t;
}

async function cumExtreme(x: Tensor, dim: number, isMax: boolean): Promise<ValuesIndices> {
  const d = normalizeDim(dim, x.shape.length);
  const shape = x.shape.length === 0 ? [1] : x.shape;
  const v = await x.read();
  const n = shape[d];
  const inner = shape.slice(d + 1).reduce((a, b) => a * b, 1);
  const outer = shape.slice(0, d).reduce((a, b) => a * b, 1);
  const vals = new Float64Array(v.length);
  const idx = new Float64Array(v.length);
  for (let o = 0; o < outer; o++) {
    for (let q = 0; q < inner; q++) {
      let best = 0;
      for (let i = 0; i < n; i++) {
        const p = (o * n + i) * inner + q;
        const bp = (o * n + best) * inner + q;
        // Ties move to the later index; a NaN sticks once seen.
        if (i === 0 || Number.isNaN(v[p]) || (!Number.isNaN(v[bp]) && (isMax ? v[p] >= v[bp] : v[p] <= v[bp]))) best = i;
        vals[p] = v[(o * n + best) * inner + q];
        idx[p] = best;
      }
    }
  }
  const values = fromValues(vals, x.shape.slice(), x.dtype, x.backend);
  const indices = fromValues(idx, x.shape.slice(), 'int64', x.backend);
  if (shouldRecord1(x)) {
    const xs = x.shape.slice();
    record([values, indices], isMax ? 'CummaxBackward0' : 'CumminBackward0', [x], ([g]) => {
      if (xs.length === 0) return [g];
      const z = zeros(xs, { dtype: g!.dtype, backend: g!.backend });
      scatterAddInto(z, d, indices, g!);
      return [z];
    }, [indices]);
  }
  notifyOp(isMax ? 'cummax' : 'cummin', [x], values);
  return { values, indices };
}

export const cummax = (x: Tensor, dim: number) => cumExtreme(x, dim, true);
export const cummin = (x: Tensor, dim: number) => cumExtreme(x, dim, false);
