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
import { unique } from '../../engine/ops/unique';
import { isclose } from '../../engine/ops/isclose';
import { meshgrid } from '../../engine/ops/meshgrid';
import { repeatIndices, repeatInterleave } from '../../engine/ops/repeat-interleave';

const T = (a: Arg) => a as Tensor;
const num = (v: unknown, d: number) => (v === undefined ? d : v instanceof E.PyFloat ? v.value : (v as number));
const scalar = (v: unknown) => (v === undefined ? null : (v as E.Scalar));

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
  isclose: (a, kw) => isclose(T(a[0]), T(a[1]), num(kw.rtol, 1e-5), num(kw.atol, 1e-8), (kw.equal_nan as boolean | undefined) ?? false),
  meshgrid: (a) => meshgrid(a as Tensor[], 'ij'),
  meshgrid_xy: (a) => meshgrid(a as Tensor[], 'xy'),
  repeat_interleave: (a, kw) => repeatInterleave(T(a[0]), typeof a[1] === 'number' ? a[1] : T(a[1]), (kw.dim ?? null) as number | null),
  repeat_interleave_counts: (a) => repeatIndices(T(a[0])),
  outer: (a) => E.mul(E.reshape(T(a[0]), [-1, 1]), T(a[1])),
  clip: (a, kw) => E.clamp(T(a[0]), scalar(kw.min), scalar(kw.max)),
};
