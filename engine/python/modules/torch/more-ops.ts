// More ops shared by Tensor methods and torch functions: elementwise math,
// logical, sorting, gathering, splitting and small linear algebra.
import * as ops from '../../../ops/index';
import type { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyTuple, type PyValue } from '../../runtime/objects';
import { expectTensor, wrapTensor } from './classes';
import { isSequence, items, toBool, toDims, toInt, toNumber } from './convert';
import { type Bound } from './signature';
import { toOperand } from './operand';
import { returnTypes } from './return-types';
import type { SharedOp } from './shared-ops';

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'op', name);
const W = wrapTensor;
const keep = (b: Bound): boolean => (b.keepdim === undefined ? false : toBool(b.keepdim, 'keepdim'));
const unary = (f: (t: Tensor) => Tensor): SharedOp => ({ params: ['input'], impl: (b) => W(f(T(b))) });
const tuple = (ts: Tensor[]): PyValue => new PyTuple(ts.map(W));

function dimsOrNull(v: PyValue | undefined): number | number[] | null {
  const d = toDims(v);
  return d === undefined ? null : d.length === 1 ? d[0] : d;
}

/** round(x, decimals=d) as ATen's round_decimals_kernel: nearbyint(x * 10^d) / 10^d
 *  (x / 10^-d, then times, for d < 0) in the tensor's own precision. */
function roundDecimals(t: Tensor, decimals: number): Tensor {
  if (decimals === 0) return ops.round(t);
  if (t.dtype !== 'float32' && t.dtype !== 'float64') {
    throw Object.assign(new Error(`"round_cpu" not implemented for '${t.dtype === 'int64' ? 'Long' : t.dtype === 'int32' ? 'Int' : 'Bool'}'`), { pyType: 'NotImplementedError' });
  }
  const ten = 10 ** Math.abs(decimals);
  return decimals > 0 ? ops.div(ops.round(ops.mul(t, ten)), ten) : ops.mul(ops.round(ops.div(t, ten)), ten);
}

export const MORE: Record<string, SharedOp> = {
  sin: unary(ops.sin), cos: unary(ops.cos), log1p: unary(ops.log1p), rsqrt: unary(ops.rsqrt), square: unary(ops.square),
  sign: unary(ops.sign), floor: unary(ops.floor), ceil: unary(ops.ceil), trunc: unary(ops.trunc),
  round: { params: ['input', '*', 'decimals'], impl: (b) => W(roundDecimals(T(b), b.decimals === undefined ? 0 : toInt(b.decimals, 'decimals'))) },
  reciprocal: unary(ops.reciprocal), isnan: unary(ops.isnan), isinf: unary(ops.isinf), logical_not: unary(ops.logicalNot),
  maximum: { required: 2, params: ['input', 'other'], impl: (b) => W(ops.maximum(T(b), T(b, 'other'))) },
  minimum: { required: 2, params: ['input', 'other'], impl: (b) => W(ops.minimum(T(b), T(b, 'other'))) },
  logical_and: { required: 2, params: ['input', 'other'], impl: (b) => W(ops.logicalAnd(T(b), T(b, 'other'))) },
  logical_or: { required: 2, params: ['input', 'other'], impl: (b) => W(ops.logicalOr(T(b), T(b, 'other'))) },
  amax: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(ops.amax(T(b), dimsOrNull(b.dim), keep(b))) },
  amin: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(ops.amin(T(b), dimsOrNull(b.dim), keep(b))) },
  any: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(ops.any(T(b), dimsOrNull(b.dim), keep(b))) },
  all: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(ops.all(T(b), dimsOrNull(b.dim), keep(b))) },
  logsumexp: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(ops.logsumexp(T(b), toDims(b.dim) ?? [], keep(b))) },
  cumsum: { required: 2, params: ['input', 'dim', '*', 'dtype'], impl: (b) => W(ops.cumsum(T(b), toInt(b.dim!, 'dim'))) },
  flip: { params: ['input', 'dims'], impl: (b) => {
    let t = T(b);
    for (const d of toDims(b.dims) ?? []) t = ops.flip(t, d);
    return W(t);
  } },
  gather: { required: 3, params: ['input', 'dim', 'index'], impl: (b) => W(ops.gather(T(b), toInt(b.dim!, 'dim'), T(b, 'index'))) },
  masked_fill: {
    required: 3,
    params: ['input', 'mask', 'value'],
    impl: (b) => {
      const v = toOperand(b.value ?? null);
      if (v === null) throw pyError('TypeError', 'masked_fill(): value must be a number or a Tensor');
      return W(ops.maskedFill(T(b), T(b, 'mask'), typeof v === 'object' && 'value' in v ? v.value : v));
    },
  },
  sort: {
    params: ['input', 'dim', 'descending'],
    impl: (b) => {
      const r = ops.sort(T(b), b.dim === undefined ? -1 : toInt(b.dim, 'dim'), b.descending === undefined ? false : toBool(b.descending, 'descending'));
      return returnTypes('sort', r.values, r.indices);
    },
  },
  argsort: {
    params: ['input', 'dim', 'descending'],
    impl: (b) => W(ops.argsort(T(b), b.dim === undefined ? -1 : toInt(b.dim, 'dim'), b.descending === undefined ? false : toBool(b.descending, 'descending'))),
  },
  narrow: { required: 4, params: ['input', 'dim', 'start', 'length'], impl: (b) => W(ops.narrow(T(b), toInt(b.dim!, 'dim'), toInt(b.start!, 'start'), toInt(b.length!, 'length'))) },
  select: { required: 3, params: ['input', 'dim', 'index'], impl: (b) => W(ops.select(T(b), toInt(b.dim!, 'dim'), toInt(b.index!, 'index'))) },
  split: {
    required: 2,
    params: ['tensor', 'split_size_or_sections', 'dim'],
    impl: (b) => {
      const s = b.split_size_or_sections!;
      const sizes = isSequence(s) ? items(s).map((x) => toInt(x, 'split_size')) : toInt(s, 'split_size');
      return tuple(ops.split(T(b, 'tensor'), sizes, b.dim === undefined ? 0 : toInt(b.dim, 'dim')));
    },
  },
  chunk: { required: 2, params: ['input', 'chunks', 'dim'], impl: (b) => tuple(ops.chunk(T(b), toInt(b.chunks!, 'chunks'), b.dim === undefined ? 0 : toInt(b.dim, 'dim'))) },
  dot: { required: 2, params: ['input', 'other'], impl: (b) => W(ops.dot(T(b), T(b, 'other'))) },
  mv: { required: 2, params: ['input', 'vec'], impl: (b) => W(ops.mv(T(b), T(b, 'vec'))) },
  addmm: {
    required: 3,
    params: ['input', 'mat1', 'mat2', '*', 'beta', 'alpha'],
    impl: (b) => W(ops.addmm(T(b), T(b, 'mat1'), T(b, 'mat2'), b.beta === undefined ? 1 : toNumber(b.beta, 'beta'), b.alpha === undefined ? 1 : toNumber(b.alpha, 'alpha'))),
  },
  norm: {
    // The 2-norm (the default p): sqrt(sum(x*x)), over all or the given dims.
    params: ['input', 'p', 'dim', 'keepdim'],
    impl: (b) => {
      if (b.p !== undefined && b.p !== null && b.p !== 'fro' && toNumber(b.p, 'p') !== 2) {
        throw pyError('NotImplementedError', 'Tensor Lens computes norm(p=2) only');
      }
      const t = T(b);
      return W(ops.sqrt(ops.sum(ops.mul(t, t), toDims(b.dim) ?? null, keep(b))));
    },
  },
};
