// The op table behind the golden suite: one entry per op key of
// scripts/golden/ops.py, calling the engine's functional API. Backend-neutral:
// every tensor comes from the runner, built on the backend under test.

import * as E from '../../engine/index';
import type { Tensor } from '../../engine/index';

export type Arg = Tensor | number | boolean | E.PyFloat | null | Arg[];
export type Kw = Record<string, unknown>;
export type OpFn = (args: Arg[], kw: Kw) => Tensor | Tensor[] | Promise<Tensor | Tensor[]>;

const T = (a: Arg) => a as Tensor;
const S = (a: Arg) => a as E.TensorOrScalar;
const num = (v: unknown, d: number) => (v === undefined ? d : v instanceof E.PyFloat ? v.value : (v as number));
const dimArg = (v: unknown) => (v === undefined ? undefined : (v as number | number[]));

function binary(f: (a: E.TensorOrScalar, b: E.TensorOrScalar, alpha?: E.Scalar) => Tensor): OpFn {
  return (a, kw) => f(S(a[0]), S(a[1]), kw.alpha as number | undefined);
}

export const opTable: Record<string, OpFn> = {
  add: binary(E.add),
  sub: binary(E.sub),
  mul: (a) => E.mul(S(a[0]), S(a[1])),
  div: (a) => E.div(S(a[0]), S(a[1])),
  rsub: (a) => E.rsub(T(a[0]), S(a[1])),
  rdiv: (a) => E.rdiv(T(a[0]), S(a[1])),
  rpow: (a) => E.pow(S(a[1]), T(a[0])),
  floor_divide: (a) => E.floorDivide(S(a[0]), S(a[1])),
  remainder: (a) => E.remainder(S(a[0]), S(a[1])),
  pow: (a) => E.pow(S(a[0]), S(a[1])),
  maximum: (a) => E.maximum(T(a[0]), T(a[1])),
  minimum: (a) => E.minimum(T(a[0]), T(a[1])),
  neg: (a) => E.neg(T(a[0])),
  abs: (a) => E.abs(T(a[0])),
  exp: (a) => E.exp(T(a[0])),
  log: (a) => E.log(T(a[0])),
  sqrt: (a) => E.sqrt(T(a[0])),
  sigmoid: (a) => E.sigmoid(T(a[0])),
  tanh: (a) => E.tanh(T(a[0])),
  relu: (a) => E.relu(T(a[0])),
  sin: (a) => E.sin(T(a[0])),
  cos: (a) => E.cos(T(a[0])),
  reciprocal: (a) => E.reciprocal(T(a[0])),
  rsqrt: (a) => E.rsqrt(T(a[0])),
  square: (a) => E.square(T(a[0])),
  log1p: (a) => E.log1p(T(a[0])),
  sign: (a) => E.sign(T(a[0])),
  floor: (a) => E.floor(T(a[0])),
  ceil: (a) => E.ceil(T(a[0])),
  round: (a) => E.round(T(a[0])),
  trunc: (a) => E.trunc(T(a[0])),
  clamp: (a, kw) => E.clamp(T(a[0]), (kw.min ?? null) as E.Scalar | null, (kw.max ?? null) as E.Scalar | null),
  eq: (a) => E.eq(S(a[0]), S(a[1])),
  ne: (a) => E.ne(S(a[0]), S(a[1])),
  lt: (a) => E.lt(S(a[0]), S(a[1])),
  le: (a) => E.le(S(a[0]), S(a[1])),
  gt: (a) => E.gt(S(a[0]), S(a[1])),
  ge: (a) => E.ge(S(a[0]), S(a[1])),
  where: (a) => E.where(T(a[0]), S(a[1]), S(a[2])),
  logical_not: (a) => E.logicalNot(T(a[0])),
  logical_and: (a) => E.logicalAnd(T(a[0]), T(a[1])),
  sum: (a, kw) => E.sum(T(a[0]), dimArg(kw.dim), (kw.keepdim as boolean) ?? false),
  mean: (a, kw) => E.mean(T(a[0]), dimArg(kw.dim), (kw.keepdim as boolean) ?? false),
  prod: (a, kw) => E.prod(T(a[0]), kw.dim as number | undefined, (kw.keepdim as boolean) ?? false),
  std: (a, kw) => E.std(T(a[0]), { dim: dimArg(kw.dim), keepdim: kw.keepdim as boolean, unbiased: kw.unbiased as boolean, correction: kw.correction as number }),
  var: (a, kw) => E.variance(T(a[0]), { dim: dimArg(kw.dim), keepdim: kw.keepdim as boolean, unbiased: kw.unbiased as boolean, correction: kw.correction as number }),
  max: (a) => E.max(T(a[0])),
  min: (a) => E.min(T(a[0])),
  max_dim: (a, kw) => {
    const r = E.max(T(a[0]), kw.dim as number, (kw.keepdim as boolean) ?? false);
    return [r.values, r.indices];
  },
  min_dim: (a, kw) => {
    const r = E.min(T(a[0]), kw.dim as number, (kw.keepdim as boolean) ?? false);
    return [r.values, r.indices];
  },
  amax: (a, kw) => E.amax(T(a[0]), dimArg(kw.dim) ?? null, (kw.keepdim as boolean) ?? false),
  amin: (a, kw) => E.amin(T(a[0]), dimArg(kw.dim) ?? null, (kw.keepdim as boolean) ?? false),
  argmax: (a, kw) => E.argmax(T(a[0]), (kw.dim ?? null) as number | null, (kw.keepdim as boolean) ?? false),
  argmin: (a, kw) => E.argmin(T(a[0]), (kw.dim ?? null) as number | null, (kw.keepdim as boolean) ?? false),
  topk: (a, kw) => {
    const r = E.topk(T(a[0]), kw.k as number, num(kw.dim, -1), (kw.largest as boolean) ?? true);
    return [r.values, r.indices];
  },
  sort: (a, kw) => {
    const r = E.sort(T(a[0]), num(kw.dim, -1), (kw.descending as boolean) ?? false);
    return [r.values, r.indices];
  },
  cumsum: (a, kw) => E.cumsum(T(a[0]), kw.dim as number),
  softmax: (a, kw) => E.softmax(T(a[0]), kw.dim as number),
  log_softmax: (a, kw) => E.logSoftmax(T(a[0]), kw.dim as number),
  mm: (a) => E.mm(T(a[0]), T(a[1])),
  matmul: (a) => E.matmul(T(a[0]), T(a[1])),
  bmm: (a) => E.bmm(T(a[0]), T(a[1])),
  dot: (a) => E.dot(T(a[0]), T(a[1])),
  addmm: (a, kw) => E.addmm(T(a[0]), T(a[1]), T(a[2]), num(kw.beta, 1), num(kw.alpha, 1)),
  cat: (a, kw) => E.cat(a[0] as Tensor[], num(kw.dim, 0)),
  stack: (a, kw) => E.stack(a[0] as Tensor[], num(kw.dim, 0)),
  view: (a, kw) => E.view(T(a[0]), kw.shape as number[]),
  reshape: (a, kw) => E.reshape(T(a[0]), kw.shape as number[]),
  flatten: (a, kw) => E.flatten(T(a[0]), num(kw.start_dim, 0), num(kw.end_dim, -1)),
  squeeze: (a, kw) => E.squeeze(T(a[0]), kw.dim as number | undefined),
  unsqueeze: (a, kw) => E.unsqueeze(T(a[0]), kw.dim as number),
  t: (a) => E.t(T(a[0])),
  T: (a) => E.reverseDims(T(a[0])),
  transpose: (a, kw) => E.transpose(T(a[0]), kw.dim0 as number, kw.dim1 as number),
  permute: (a, kw) => E.permute(T(a[0]), kw.dims as number[]),
  expand: (a, kw) => E.expand(T(a[0]), kw.size as number[]),
  contiguous: (a) => E.contiguous(T(a[0])),
  to: (a, kw) => E.to(T(a[0]), kw.dtype as E.DType),
  gather: (a, kw) => E.gather(T(a[0]), kw.dim as number, T(a[1])),
  index: (a, kw) => E.index(T(a[0]), kw.entries as E.IndexEntry[]),
  arange: (_a, kw) => (kw.start === undefined ? E.arange(kw.end as E.Scalar) : E.arange(kw.start as E.Scalar, kw.end as E.Scalar, kw.step as E.Scalar)),
  linspace: (_a, kw) => E.linspace(num(kw.start, 0), num(kw.end, 0), num(kw.steps, 0)),
  eye: (_a, kw) => E.eye(num(kw.n, 0), num(kw.m, 0)),
  full: (_a, kw) => E.full(kw.size as number[], kw.value as E.Scalar),
  zeros_like: (a) => E.zerosLike(T(a[0])),
  ones_like: (a) => E.onesLike(T(a[0])),
  tensor: (_a, kw) => E.tensor(kw.data as E.NestedData),
  any: (a, kw) => E.any(T(a[0]), dimArg(kw.dim) ?? null, (kw.keepdim as boolean) ?? false),
  all: (a, kw) => E.all(T(a[0]), dimArg(kw.dim) ?? null, (kw.keepdim as boolean) ?? false),
  logsumexp: (a, kw) => E.logsumexp(T(a[0]), kw.dim as number, (kw.keepdim as boolean) ?? false),
  masked_fill: (a, kw) => E.maskedFill(T(a[0]), T(a[1]), kw.value as E.Scalar),
  narrow: (a, kw) => E.narrow(T(a[0]), num(kw.dim, 0), num(kw.start, 0), num(kw.length, 0)),
  select: (a, kw) => E.select(T(a[0]), num(kw.dim, 0), num(kw.index, 0)),
  split: (a, kw) => E.split(T(a[0]), kw.size as number | number[], num(kw.dim, 0))[num(kw.pick, 0)],
  chunk: (a, kw) => E.chunk(T(a[0]), num(kw.chunks, 1), num(kw.dim, 0))[num(kw.pick, 0)],
  index_put: (a, kw) => {
    const x = E.clone(T(a[0]));
    E.indexPut(x, kw.entries as E.IndexEntry[], kw.value as Tensor | number);
    return x;
  },
};
