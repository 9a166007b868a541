// cumprod along a dim (the `cumprod` scan kernel; ints and bools give int64).
// Backward (CumprodBackward0), safe with zeros in x: grad_j is
// sum_{i >= j} g_i * prod_{k <= i, k != j} x_k, computed as the cumprod of an
// [n, n] copy of x with x_j replaced by 1 in row j (n^2 memory along the dim,
// fine at tutorial sizes; dividing by x_j would break on zeros).

import { isFloating } from '../core/dtype';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { castTensor, unaryOp } from './elementwise';
import { expand } from './expand';
import { fromValues } from './factories';
import { mul } from './mul';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { unsqueeze } from './squeeze';
import { sum } from './sum';
import { view } from './view';
import { where } from './where';

function scan(x: Tensor, d: number): Tensor {
  return unaryOp('cumprod', x, x.dtype, { dim: d });
}

/** An [n, n] bool mask, viewed to sit at dims d, d+1 of a rank r+1 tensor. */
function pairMask(x: Tensor, n: number, d: number, keep: (j: number, i: number) => boolean): Tensor {
  const v = new Uint8Array(n * n);
  for (let j = 0; j < n; j++) for (let i = 0; i < n; i++) v[j * n + i] = keep(j, i) ? 1 : 0;
  const trailing = x.shape.length - 1 - d;
  return view(fromValues(v, [n, n], 'bool', x.backend), [n, n, ...new Array<number>(trailing).fill(1)]);
}

function cumprodGrad(g: Tensor, x: Tensor, d: number): Tensor {
  const n = x.shape[d];
  const big = [...x.shape.slice(0, d), n, ...x.shape.slice(d)];
  const rows = where(pairMask(x, n, d, (j, i) => j === i), 1, expand(unsqueeze(x, d), big));
  const partial = scan(castTensor(rows, x.dtype), d + 1);
  const weighted = where(pairMask(x, n, d, (j, i) => i >= j), mul(partial, unsqueeze(g, d)), 0);
  return sum(weighted, d + 1);
}

export function cumprod(x: Tensor, dim: number): Tensor {
  const d = normalizeDim(dim, x.shape.length);
  const input = isFloating(x.dtype) || x.dtype === 'int64' ? x : castTensor(x, 'int64');
  const out = x.shape.length === 0 ? unaryOp('copy', input) : scan(input, d);
  if (shouldRecord1(x)) {
    record(out, 'CumprodBackward0', [x], ([g]) => [x.shape.length === 0 || x.numel() === 0 ? g : cumprodGrad(g!, x, d)], [x]);
  }
  notifyOp('cumprod', [x], out);
  return out;
}
