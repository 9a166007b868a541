// repeat_interleave: each element (or slice along dim) repeated. With an int
// count PyTorch expands, copies and views (ViewBackward0); with a tensor of
// counts it index_selects (IndexSelectBackward0) by the expanded positions,
// which are computed on the host from the counts.

import { runtimeError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { contiguous } from './contiguous';
import { expand } from './expand';
import { fromValues } from './factories';
import { indexSelect } from './index-select';
import { notifyOp, quietly } from './observer';
import { unsqueeze } from './squeeze';
import { reshape, view } from './view';

/** repeat_interleave(counts): 0,0,..,1,1,.. (each i repeated counts[i] times). */
export async function repeatIndices(counts: Tensor): Promise<Tensor> {
  if (counts.shape.length > 1) throw runtimeError('repeat_interleave only accept 1D vector as repeat');
  if (counts.dtype !== 'int64' && counts.dtype !== 'int32') throw runtimeError('repeats has to be Long or Int tensor');
  const c = await counts.read();
  const out: number[] = [];
  for (let i = 0; i < c.length; i++) {
    if (c[i] < 0) throw runtimeError('repeats can not be negative');
    for (let k = 0; k < c[i]; k++) out.push(i);
  }
  const t = fromValues(out, [out.length], 'int64', counts.backend);
  notifyOp('repeat_interleave', [counts], t);
  return t;
}

export async function repeatInterleave(x: Tensor, repeats: number | Tensor, dim: number | null = null): Promise<Tensor> {
  const src = dim === null ? quietly(() => reshape(x, [x.numel()])) : x;
  const d = dim === null ? 0 : normalizeDim(dim, x.shape.length);
  if (typeof repeats !== 'number' && repeats.numel() === 1 && repeats.shape.length <= 1) repeats = (await repeats.read())[0];
  if (typeof repeats === 'number') {
    if (repeats < 0) throw runtimeError('repeats can not be negative');
    const shape = src.shape.slice();
    const big = [...shape.slice(0, d + 1), repeats, ...shape.slice(d + 1)];
    const merged = shape.slice();
    merged[d] *= repeats;
    const out = quietly(() => view(contiguous(expand(unsqueeze(src, d + 1), big)), merged));
    notifyOp('repeat_interleave', [x], out);
    return out;
  }
  if (repeats.numel() !== src.shape[d]) throw runtimeError('repeats must have the same size as input along dim');
  return indexSelect(src, d, await repeatIndices(repeats));
}
