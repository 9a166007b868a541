// Op keys of scripts/golden/ops_tensorfn.py (test/golden/ops-tensorfn.json).
// The value-dependent ops (nonzero, unique, masked_select, ...) are async.

import * as E from '../../engine/index';
import type { Tensor } from '../../engine/index';
import type { Arg, OpFn } from './ops-table';
import { tril, triu } from '../../engine/ops/tril';
import { roll } from '../../engine/ops/roll';
import { indexSelect } from '../../engine/ops/index-select';
import { maskedSelect } from '../../engine/ops/masked-select';
import { nonzero, nonzeroTuple } from '../../engine/ops/nonzero';
import { oneHot } from '../../engine/ops/one-hot';
import { unique, uniqueDim } from '../../engine/ops/unique';
import { isclose } from '../../engine/ops/isclose';
import { meshgrid } from '../../engine/ops/meshgrid';
import { repeatIndices, repeatInterleave } from '../../engine/ops/repeat-interleave';
import { cumprod } from '../../engine/ops/cumprod';
import { diag, trace } from '../../engine/ops/diag';
import { diff } from '../../engine/ops/diff';
import { repeat, tile } from '../../engine/ops/repeat';
import { lerp } from '../../engine/ops/lerp';
import { kthvalue, median, medianDim, mode } from '../../engine/ops/order-stats';
import { take } from '../../engine/ops/take';
import { bincount, cummax, cummin, histc } from '../../engine/ops/counting';
import { atan2, expm1, fmod, frac } from '../../engine/ops/more-math';
import { logspace } from '../../engine/ops/logspace';
import { countNonzero, diagonal, trilIndices, triuIndices } from '../../engine/ops/diagonal';

const T = (a: Arg) => a as Tensor;
const num = (v: unknown, d: number) => (v === undefined ? d : v instanceof E.PyFloat ? v.value : (v as number));
const scalar = (v: unknown) => (v === undefined ? null : (v as E.Scalar));
const pair = (r: E.ValuesIndices) => [r.values, r.indices];
const numArg = (a: Arg) => (a instanceof E.PyFloat ? a.value : (a as number));

export const opTable: Record<string, OpFn> = {
  tril: (a, kw) => tril(T(a[0]), num(kw.diagonal, 0)),
  triu: (a, kw) => triu(T(a[0]), num(kw.diagonal, 0)),
  roll: (a, kw) => roll(T(a[0]), kw.shifts as number | number[], (kw.dims ?? null) as number | number[] | null),
  index_select: (a) => indexSelect(T(a[0]), a[1] as number, T(a[2])),
  masked_select: (a) => maskedSelect(T(a[0]), T(a[1])),
  nonzero: (a) => nonzero(T(a[0])),
  nonzero_tuple: (a) => nonzeroTuple(T(a[0])),
  one_hot: (a, kw) => oneHot(T(a[0]), num(kw.num_classes, -1)),
  unique: async (a) => {
    const r = await unique(T(a[0]));
    return [r.values, r.inverse, r.counts];
  },
  unique_dim: async (a) => {
    const r = await uniqueDim(T(a[0]), 0);
    return [r.values, r.inverse, r.counts];
  },
  unique_dim1: async (a) => {
    const r = await uniqueDim(T(a[0]), 1);
    return [r.values, r.inverse, r.counts];
  },
  isclose: (a, kw) => isclose(T(a[0]), T(a[1]), num(kw.rtol, 1e-5), num(kw.atol, 1e-8), (kw.equal_nan as boolean | undefined) ?? false),
  meshgrid: (a) => meshgrid(a as Tensor[], 'ij'),
  meshgrid_xy: (a) => meshgrid(a as Tensor[], 'xy'),
  repeat_interleave: (a, kw) => repeatInterleave(T(a[0]), typeof a[1] === 'number' ? a[1] : T(a[1]), (kw.dim ?? null) as number | null),
  repeat_interleave_counts: (a) => repeatIndices(T(a[0])),
  outer: (a) => E.mul(E.reshape(T(a[0]), [-1, 1]), T(a[1])),
  clip: (a, kw) => E.clamp(T(a[0]), scalar(kw.min), scalar(kw.max)),
  cumprod: (a, kw) => cumprod(T(a[0]), kw.dim as number),
  diag: (a, kw) => diag(T(a[0]), num(kw.diagonal, 0)),
  trace: (a) => trace(T(a[0])),
  diff: (a, kw) => diff(T(a[0]), num(kw.n, 1), num(kw.dim, -1), (a[1] ?? null) as Tensor | null, (a[2] ?? null) as Tensor | null),
  repeat: (a) => repeat(T(a[0]), a[1] as number[]),
  tile: (a) => tile(T(a[0]), a[1] as number[]),
  lerp: (a) => lerp(T(a[0]), T(a[1]), a[2] instanceof E.Tensor ? a[2] : numArg(a[2])),
  median: (a) => median(T(a[0])),
  median_dim: async (a, kw) => pair(await medianDim(T(a[0]), kw.dim as number, (kw.keepdim as boolean | undefined) ?? false)),
  kthvalue: async (a, kw) => pair(await kthvalue(T(a[0]), a[1] as number, num(kw.dim, -1), (kw.keepdim as boolean | undefined) ?? false)),
  mode: async (a, kw) => pair(await mode(T(a[0]), num(kw.dim, -1), (kw.keepdim as boolean | undefined) ?? false)),
  cummax: async (a, kw) => pair(await cummax(T(a[0]), kw.dim as number)),
  cummin: async (a, kw) => pair(await cummin(T(a[0]), kw.dim as number)),
  take: (a) => take(T(a[0]), T(a[1])),
  bincount: (a, kw) => bincount(T(a[0]), (a[1] ?? null) as Tensor | null, num(kw.minlength, 0)),
  histc: (a, kw) => histc(T(a[0]), num(kw.bins, 100), num(kw.min, 0), num(kw.max, 0)),
  expm1: (a) => expm1(T(a[0])),
  atan2: (a) => atan2(T(a[0]), T(a[1])),
  frac: (a) => frac(T(a[0])),
  fmod: (a) => fmod(T(a[0]), a[1] instanceof E.Tensor ? a[1] : (a[1] as E.Scalar)),
  diagonal: (a, kw) => diagonal(T(a[0]), num(kw.offset, 0), num(kw.dim1, 0), num(kw.dim2, 1)),
  tril_indices: (a, kw) => trilIndices(a[0] as number, a[1] as number, num(kw.offset, 0)),
  triu_indices: (a, kw) => triuIndices(a[0] as number, a[1] as number, num(kw.offset, 0)),
  count_nonzero: (a, kw) => countNonzero(T(a[0]), kw.dim === undefined ? null : [kw.dim as number]),
  logspace: (a, kw) => logspace(numArg(a[0]), numArg(a[1]), a[2] as number, num(kw.base, 10)),
  logspace_f64: (a) => logspace(numArg(a[0]), numArg(a[1]), a[2] as number, 10, { dtype: 'float64' }),
};
