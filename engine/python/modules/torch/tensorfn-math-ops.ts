// More torch.* functions with Tensor-method twins: cumulative products and
// extremes, diagonals, differences, tiling, interpolation, order statistics,
// counting and a few elementwise functions (expm1, atan2, frac, fmod).
// Tensor.repeat (a method only in PyTorch) and torch.logspace are defined here too.
import type { Tensor } from '../../../tensor';
import { PyBuiltin, type Kwargs, type PyValue } from '../../runtime/objects';
import { asTensor, expectTensor, tensorClass, toDType, wrapTensor } from './classes';
import { isSequence, items, toBool, toDims, toInt, toNumber, toShape } from './convert';
import { bind, type Bound } from './signature';
import type { SharedOp } from './shared-ops';
import { returnTypes } from './return-types';
import { defMethod } from './define';
import { cumprod } from '../../../ops/cumprod';
import { diag, trace } from '../../../ops/diag';
import { diff } from '../../../ops/diff';
import { repeat, tile } from '../../../ops/repeat';
import { lerp } from '../../../ops/lerp';
import { kthvalue, median, medianDim, mode } from '../../../ops/order-stats';
import { take } from '../../../ops/take';
import { bincount, cummax, cummin, histc } from '../../../ops/counting';
import { atan2, expm1, fmod, frac } from '../../../ops/more-math';
import { logspace } from '../../../ops/logspace';
import { countNonzero, diagonal, trilIndices, triuIndices } from '../../../ops/diagonal';
import { toOperand } from './operand';
import { to as castTo } from '../../../ops/cast';
import { pyError } from '../../runtime/exceptions';

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'op', name);
const W = wrapTensor;
const optT = (v: PyValue | undefined): Tensor | null => (v === undefined || v === null ? null : expectTensor(v, 'op', 'tensor'));
const intOr = (v: PyValue | undefined, d: number, what: string): number => (v === undefined || v === null ? d : toInt(v, what));
const keep = (b: Bound): boolean => (b.keepdim === undefined ? false : toBool(b.keepdim, 'keepdim'));
const unary = (f: (t: Tensor) => Tensor): SharedOp => ({ params: ['input'], impl: (b) => W(f(T(b))) });

function tensorOrNumber(v: PyValue | undefined, what: string): Tensor | number {
  const t = asTensor(v ?? null);
  return t ?? toNumber(v!, what);
}

export const TENSORFN_MATH: Record<string, SharedOp> = {
  cumprod: { required: 2, params: ['input', 'dim', '*', 'dtype'], impl: (b) => {
    let t = T(b);
    if (b.dtype !== undefined && b.dtype !== null) t = castTo(t, toDType(b.dtype));
    return W(cumprod(t, toInt(b.dim!, 'dim')));
  } },
  cummax: { required: 2, params: ['input', 'dim'], impl: async (b) => {
    const r = await cummax(T(b), toInt(b.dim!, 'dim'));
    return returnTypes('cummax', r.values, r.indices);
  } },
  cummin: { required: 2, params: ['input', 'dim'], impl: async (b) => {
    const r = await cummin(T(b), toInt(b.dim!, 'dim'));
    return returnTypes('cummin', r.values, r.indices);
  } },
  diag: { params: ['input', 'diagonal'], impl: (b) => W(diag(T(b), intOr(b.diagonal, 0, 'diagonal'))) },
  trace: unary(trace),
  diagonal: {
    params: ['input', 'offset', 'dim1', 'dim2'],
    impl: (b) => W(diagonal(T(b), intOr(b.offset, 0, 'offset'), intOr(b.dim1, 0, 'dim1'), intOr(b.dim2, 1, 'dim2'))),
  },
  count_nonzero: { params: ['input', 'dim'], impl: (b) => W(countNonzero(T(b), toDims(b.dim) ?? null)) },
  diff: {
    params: ['input', 'n', 'dim', 'prepend', 'append'],
    impl: (b) => W(diff(T(b), intOr(b.n, 1, 'n'), intOr(b.dim, -1, 'dim'), optT(b.prepend), optT(b.append))),
  },
  tile: { required: 2, params: ['input', 'dims'], impl: (b) => W(tile(T(b), toShape([b.dims!], 'tile'))) },
  lerp: { required: 3, params: ['input', 'end', 'weight'], impl: (b) => W(lerp(T(b), T(b, 'end'), tensorOrNumber(b.weight, 'weight'))) },
  median: { params: ['input', 'dim', 'keepdim'], impl: async (b) => {
    if (b.dim === undefined || b.dim === null) return W(await median(T(b)));
    const r = await medianDim(T(b), toInt(b.dim, 'dim'), keep(b));
    return returnTypes('median', r.values, r.indices);
  } },
  kthvalue: { required: 2, params: ['input', 'k', 'dim', 'keepdim'], impl: async (b) => {
    const r = await kthvalue(T(b), toInt(b.k!, 'k'), intOr(b.dim, -1, 'dim'), keep(b));
    return returnTypes('kthvalue', r.values, r.indices);
  } },
  mode: { params: ['input', 'dim', 'keepdim'], impl: async (b) => {
    const r = await mode(T(b), intOr(b.dim, -1, 'dim'), keep(b));
    return returnTypes('mode', r.values, r.indices);
  } },
  take: { required: 2, params: ['input', 'index'], impl: async (b) => W(await take(T(b), T(b, 'index'))) },
  bincount: { params: ['input', 'weights', 'minlength'], impl: async (b) => W(await bincount(T(b), optT(b.weights), intOr(b.minlength, 0, 'minlength'))) },
  histc: {
    params: ['input', 'bins', 'min', 'max'],
    impl: async (b) => W(await histc(T(b), intOr(b.bins, 100, 'bins'), b.min == null ? 0 : toNumber(b.min, 'min'), b.max == null ? 0 : toNumber(b.max, 'max'))),
  },
  expm1: unary(expm1),
  frac: unary(frac),
  atan2: { required: 2, params: ['input', 'other'], impl: (b) => W(atan2(T(b), T(b, 'other'))) },
  arctan2: { required: 2, params: ['input', 'other'], impl: (b) => W(atan2(T(b), T(b, 'other'))) },
  fmod: { required: 2, params: ['input', 'other'], impl: (b) => {
    const other = toOperand(b.other ?? null);
    if (other === null) throw pyError('TypeError', 'fmod(): argument \'other\' must be Tensor or Number');
    return W(fmod(T(b), other));
  } },
};


// x.repeat(2, 3) / x.repeat((2, 3)): a Tensor method only.
defMethod(tensorClass, 'repeat', (self, args) => {
  const sizes = args.length === 1 && isSequence(args[0]) ? items(args[0]).map((v) => toInt(v, 'repeats')) : toShape(args, 'repeat');
  return W(repeat(asTensor(self)!, sizes));
});

const FACTORY_KW = ['dtype', 'requires_grad', 'device', 'layout', 'out'];

/** torch.logspace(start, end, steps, base=10.0, dtype=..., requires_grad=...). */
function logspaceFn(args: PyValue[], kwargs: Kwargs): PyValue {
  const b = bind('logspace', ['start', 'end', 'steps', 'base', ...FACTORY_KW], args, kwargs);
  const dtype = b.dtype === undefined || b.dtype === null ? undefined : toDType(b.dtype);
  const requiresGrad = b.requires_grad === undefined ? undefined : toBool(b.requires_grad, 'requires_grad');
  return W(logspace(toNumber(b.start!, 'start'), toNumber(b.end!, 'end'), toInt(b.steps!, 'steps'),
    b.base === undefined || b.base === null ? 10 : toNumber(b.base, 'base'), { dtype, requiresGrad }));
}

/** torch.tril_indices(row, col, offset=0) / triu_indices: int64 [2, N] coordinates. */
function indicesFn(name: string, f: (r: number, c: number, o: number) => Tensor): PyBuiltin {
  return new PyBuiltin(name, (args, kwargs) => {
    const b = bind(name, ['row', 'col', 'offset', ...FACTORY_KW], args, kwargs);
    const t = f(toInt(b.row!, 'row'), toInt(b.col!, 'col'), intOr(b.offset, 0, 'offset'));
    return W(b.dtype === undefined || b.dtype === null ? t : castTo(t, toDType(b.dtype)));
  });
}

export function tensorfnMathFunctions(): [string, PyValue][] {
  return [
    ['logspace', new PyBuiltin('logspace', logspaceFn)],
    ['tril_indices', indicesFn('tril_indices', trilIndices)],
    ['triu_indices', indicesFn('triu_indices', triuIndices)],
  ];
}
