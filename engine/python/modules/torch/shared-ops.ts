// Ops that exist both as Tensor methods and torch functions
// (`x.sum(dim=1)` and `torch.sum(x, dim=1)`): one signature, one
// implementation; `input` is self for the method form.
import { pyError } from '../../runtime/exceptions';
import { PyTuple, type PyValue } from '../../runtime/objects';
import type { Tensor } from '../../../tensor';
import { asTensor, expectTensor, makeSize, toDType, wrapTensor } from './classes';
import { isSequence, items, toBool, toDims, toInt, toNumber, toShape } from './convert';
import { type Bound } from './signature';
import { toOperand } from './operand';
import { returnTypes } from './return-types';
import * as E from './engine-ops';
import { withOperands } from './hooks';
import { MORE } from './more-ops';
import { ACTIVATION_SHARED } from './activation-loss-bindings';
import { TENSORFN } from './tensorfn-ops';

export interface SharedOp {
  params: string[];
  /** Leading parameters that must be given (default: just the first). */
  required?: number;
  impl: (b: Bound, rest: PyValue[]) => PyValue | Promise<PyValue>;
  /** Extra positional args are collected into `rest` (view(*shape)). */
  varargs?: boolean;
}

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name]!, 'op', name);
const W = wrapTensor;
const opt = <X>(v: PyValue | undefined, f: (v: PyValue) => X): X | undefined => (v === undefined || v === null ? undefined : f(v));
const keep = (b: Bound): boolean => (b.keepdim === undefined ? false : toBool(b.keepdim, 'keepdim'));
const dimOr = (b: Bound): number | undefined => opt(b.dim, (v) => toInt(v, 'dim'));

function operand(v: PyValue | undefined, what: string) {
  const o = v === undefined ? null : toOperand(v);
  if (o === null) throw pyError('TypeError', `${what} must be a Tensor or a number`);
  return o;
}

function unary(f: (t: Tensor) => Tensor): SharedOp {
  return { params: ['input'], impl: (b) => W(f(T(b))) };
}

function reduction(f: (t: Tensor, dims: number[] | undefined, keepdim: boolean) => Tensor): SharedOp {
  return {
    params: ['input', 'dim', 'keepdim', '*', 'dtype'],
    impl: (b) => {
      let t = T(b);
      if (b.dtype !== undefined && b.dtype !== null) t = E.to(t, toDType(b.dtype));
      return W(f(t, toDims(b.dim), keep(b)));
    },
  };
}

/** max/min: whole tensor -> tensor; with dim -> (values, indices); with a tensor -> elementwise. */
function extremum(name: 'max' | 'min'): SharedOp {
  return {
    params: ['input', 'dim', 'keepdim'],
    impl: (b) => {
      const t = T(b);
      const other = asTensor(b.dim ?? null);
      if (other) return W(name === 'max' ? E.maximum(t, other) : E.minimum(t, other));
      if (b.dim === undefined || b.dim === null) return W(name === 'max' ? E.maxAll(t) : E.minAll(t));
      const [values, indices] = (name === 'max' ? E.maxDim : E.minDim)(t, toInt(b.dim, 'dim'), keep(b));
      return returnTypes(name, values, indices);
    },
  };
}

export const SHARED: Record<string, SharedOp> = {
  add: { required: 2, params: ['input', 'other', '*', 'alpha'], impl: (b) => W(E.add(operand(b.input, 'input'), operand(b.other, 'other'), opt(b.alpha, (v) => toNumber(v, 'alpha')))) },
  sub: { required: 2, params: ['input', 'other', '*', 'alpha'], impl: (b) => W(E.sub(operand(b.input, 'input'), operand(b.other, 'other'), opt(b.alpha, (v) => toNumber(v, 'alpha')))) },
  mul: { required: 2, params: ['input', 'other'], impl: (b) => W(E.mul(operand(b.input, 'input'), operand(b.other, 'other'))) },
  div: { required: 2, params: ['input', 'other', '*', 'rounding_mode'], impl: (b) => W(E.div(operand(b.input, 'input'), operand(b.other, 'other'), (opt(b.rounding_mode, (v) => String(v)) ?? null) as 'floor' | 'trunc' | null)) },
  pow: { required: 2, params: ['input', 'exponent'], impl: (b) => W(E.pow(operand(b.input, 'input'), operand(b.exponent, 'exponent'))) },
  matmul: { required: 2, params: ['input', 'other'], impl: (b) => matmulLike(E.matmul, T(b), T(b, 'other')) },
  mm: { required: 2, params: ['input', 'mat2'], impl: (b) => matmulLike(E.mm, T(b), T(b, 'mat2')) },
  bmm: { required: 2, params: ['input', 'mat2'], impl: (b) => matmulLike(E.bmm, T(b), T(b, 'mat2')) },
  eq: { required: 2, params: ['input', 'other'], impl: (b) => W(E.eq(T(b), operand(b.other, 'other'))) },
  ne: { required: 2, params: ['input', 'other'], impl: (b) => W(E.ne(T(b), operand(b.other, 'other'))) },
  lt: { required: 2, params: ['input', 'other'], impl: (b) => W(E.lt(T(b), operand(b.other, 'other'))) },
  le: { required: 2, params: ['input', 'other'], impl: (b) => W(E.le(T(b), operand(b.other, 'other'))) },
  gt: { required: 2, params: ['input', 'other'], impl: (b) => W(E.gt(T(b), operand(b.other, 'other'))) },
  ge: { required: 2, params: ['input', 'other'], impl: (b) => W(E.ge(T(b), operand(b.other, 'other'))) },
  neg: unary((t) => E.neg(t)),
  abs: unary((t) => E.abs(t)),
  exp: unary((t) => E.exp(t)),
  log: unary((t) => E.log(t)),
  sqrt: unary((t) => E.sqrt(t)),
  sigmoid: unary((t) => E.sigmoid(t)),
  tanh: unary((t) => E.tanh(t)),
  relu: unary((t) => E.relu(t)),
  clamp: {
    params: ['input', 'min', 'max'],
    impl: (b) => W(E.clamp(T(b), opt(b.min, (v) => toNumber(v, 'min')) ?? null, opt(b.max, (v) => toNumber(v, 'max')) ?? null)),
  },
  sum: reduction((t, d, k) => E.sum(t, d, k)),
  mean: reduction((t, d, k) => E.mean(t, d, k)),
  prod: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(E.prod(T(b), toDims(b.dim), keep(b))) },
  std: { params: ['input', 'dim', 'unbiased', 'keepdim', '*', 'correction'], impl: (b) => W(E.std(T(b), toDims(b.dim), correction(b), keep(b))) },
  var: { params: ['input', 'dim', 'unbiased', 'keepdim', '*', 'correction'], impl: (b) => W(E.variance(T(b), toDims(b.dim), correction(b), keep(b))) },
  max: extremum('max'),
  min: extremum('min'),
  argmax: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(E.argmax(T(b), dimOr(b), keep(b))) },
  argmin: { params: ['input', 'dim', 'keepdim'], impl: (b) => W(E.argmin(T(b), dimOr(b), keep(b))) },
  topk: {
    required: 2,
    params: ['input', 'k', 'dim', 'largest', 'sorted'],
    impl: (b) => {
      const [values, indices] = E.topk(T(b), toInt(b.k!, 'k'), dimOr(b) ?? -1,
        b.largest === undefined ? true : toBool(b.largest, 'largest'), b.sorted === undefined ? true : toBool(b.sorted, 'sorted'));
      return returnTypes('topk', values, indices);
    },
  },
  softmax: { required: 2, params: ['input', 'dim', '*', 'dtype'], impl: (b) => W(E.softmax(T(b), toInt(b.dim!, 'dim'))) },
  log_softmax: { required: 2, params: ['input', 'dim', '*', 'dtype'], impl: (b) => W(E.logSoftmax(T(b), toInt(b.dim!, 'dim'))) },
  flatten: {
    params: ['input', 'start_dim', 'end_dim'],
    impl: (b) => W(E.flatten(T(b), opt(b.start_dim, (v) => toInt(v, 'start_dim')) ?? 0, opt(b.end_dim, (v) => toInt(v, 'end_dim')) ?? -1)),
  },
  squeeze: { params: ['input', 'dim'], impl: (b) => W(E.squeeze(T(b), toDims(b.dim))) },
  unsqueeze: { required: 2, params: ['input', 'dim'], impl: (b) => W(E.unsqueeze(T(b), toInt(b.dim!, 'dim'))) },
  transpose: { required: 3, params: ['input', 'dim0', 'dim1'], impl: (b) => W(E.transpose(T(b), toInt(b.dim0!, 'dim0'), toInt(b.dim1!, 'dim1'))) },
  t: unary((t) => E.t(t)),
  reshape: { params: ['input'], varargs: true, impl: (b, rest) => W(E.reshape(T(b), toShape(rest, 'reshape'))) },
  permute: { params: ['input'], varargs: true, impl: (b, rest) => W(E.permute(T(b), toShape(rest, 'permute'))) },
  where: {
    required: 3,
    params: ['condition', 'input', 'other'],
    impl: (b) => W(E.where(T(b, 'condition'), operand(b.input, 'input'), operand(b.other, 'other'))),
  },
  allclose: {
    required: 2,
    params: ['input', 'other', 'rtol', 'atol', 'equal_nan'],
    impl: (b) => E.allclose(T(b), T(b, 'other'), opt(b.rtol, (v) => toNumber(v, 'rtol')) ?? 1e-5, opt(b.atol, (v) => toNumber(v, 'atol')) ?? 1e-8),
  },
  equal: { required: 2, params: ['input', 'other'], impl: (b) => E.equal(T(b), T(b, 'other')) },
  numel: { params: ['input'], impl: (b) => BigInt(T(b).numel()) },
  detach: unary((t) => E.detach(t)),
  clone: unary((t) => E.clone(t)),
  ...MORE,
  ...ACTIVATION_SHARED,
  ...TENSORFN,
};

/** Matrix products: a shape error remembers both operands for the trace. */
export function matmulLike(f: (a: Tensor, b: Tensor) => Tensor, a: Tensor, b: Tensor): PyValue {
  return W(withOperands([a, b], () => f(a, b)));
}

function correction(b: Bound): number {
  if (b.correction !== undefined && b.correction !== null) return toNumber(b.correction, 'correction');
  if (b.unbiased !== undefined && b.unbiased !== null) return toBool(b.unbiased, 'unbiased') ? 1 : 0;
  return 1;
}

export function sizeOf(t: Tensor, dim: PyValue | undefined): PyValue {
  if (dim === undefined || dim === null) return makeSize(t.shape);
  let d = toInt(dim, 'dim');
  const n = t.shape.length;
  if (d < -n || d >= Math.max(n, 1)) {
    throw pyError('IndexError', `Dimension out of range (expected to be in range of [${-Math.max(n, 1)}, ${Math.max(n, 1) - 1}], but got ${d})`);
  }
  if (d < 0) d += n;
  return BigInt(t.shape[d]);
}

/** Sequence-of-tensors argument (cat, stack). */
export function tensorList(v: PyValue | undefined, fn: string): Tensor[] {
  if (v === undefined || !isSequence(v)) throw pyError('TypeError', `${fn}(): argument 'tensors' (position 1) must be tuple of Tensors`);
  return items(v).map((x) => expectTensor(x, fn, 'tensors'));
}

export { PyTuple };
