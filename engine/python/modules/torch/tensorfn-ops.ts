// torch.* functions and their Tensor-method twins for triangles, masks,
// selection, counting and grids (tril, nonzero, unique, index_select, ...),
// plus the torch-only meshgrid. Ops whose output size depends on values are
// async: they read those values first, on any backend.
import * as ops from '../../../ops/index';
import type { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyTuple, type Kwargs, type PyValue } from '../../runtime/objects';
import { asTensor, expectTensor, wrapTensor } from './classes';
import { isSequence, items, toBool, toInt, toNumber } from './convert';
import { type Bound } from './signature';
import type { SharedOp } from './shared-ops';
import { tril, triu } from '../../../ops/tril';
import { roll } from '../../../ops/roll';
import { nonzero, nonzeroTuple } from '../../../ops/nonzero';
import { maskedSelect } from '../../../ops/masked-select';
import { unique, uniqueDim } from '../../../ops/unique';
import { indexSelect } from '../../../ops/index-select';
import { isclose } from '../../../ops/isclose';
import { meshgrid } from '../../../ops/meshgrid';
import { warnUser } from '../../../nn/warnings';

const MESHGRID_WARNING = 'torch.meshgrid: in an upcoming release, it will be required to pass the indexing argument. (Triggered internally at /__w/pytorch/pytorch/aten/src/ATen/native/TensorShape.cpp:4215.)';
import { finfoFunctions } from './finfo';
import { defineInplaceMethods } from './tensorfn-inplace';
import { TENSORFN_MATH, tensorfnMathFunctions } from './tensorfn-math-ops';
import { repeatIndices, repeatInterleave } from '../../../ops/repeat-interleave';

const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'op', name);
const W = wrapTensor;
const tuple = (ts: Tensor[]): PyValue => new PyTuple(ts.map(W));
const flag = (v: PyValue | undefined, d: boolean, what: string): boolean => (v === undefined || v === null ? d : toBool(v, what));
const num = (v: PyValue | undefined, d: number, what: string): number => (v === undefined || v === null ? d : toNumber(v, what));
const intOr = (v: PyValue | undefined, d: number, what: string): number => (v === undefined || v === null ? d : toInt(v, what));
const ints = (v: PyValue, what: string): number | number[] => (isSequence(v) ? items(v).map((x) => toInt(x, what)) : toInt(v, what));
const bound = (v: PyValue | undefined, what: string) => (v === undefined || v === null ? null : typeof v === 'number' ? new ops.PyFloat(v) : toNumber(v, what));

export const TENSORFN: Record<string, SharedOp> = {
  tril: { params: ['input', 'diagonal'], impl: (b) => W(tril(T(b), intOr(b.diagonal, 0, 'diagonal'))) },
  triu: { params: ['input', 'diagonal'], impl: (b) => W(triu(T(b), intOr(b.diagonal, 0, 'diagonal'))) },
  clip: { params: ['input', 'min', 'max'], impl: (b) => W(ops.clamp(T(b), bound(b.min, 'min'), bound(b.max, 'max'))) },
  nonzero: {
    params: ['input', '*', 'as_tuple'],
    impl: async (b) => (flag(b.as_tuple, false, 'as_tuple') ? tuple(await nonzeroTuple(T(b))) : W(await nonzero(T(b)))),
  },
  argwhere: { params: ['input'], impl: async (b) => W(await nonzero(T(b))) },
  masked_select: { required: 2, params: ['input', 'mask'], impl: async (b) => W(await maskedSelect(T(b), T(b, 'mask'))) },
  unique: {
    params: ['input', 'sorted', 'return_inverse', 'return_counts', 'dim'],
    impl: async (b) => {
      const r = b.dim === undefined || b.dim === null ? await unique(T(b)) : await uniqueDim(T(b), toInt(b.dim, 'dim'));
      const inv = flag(b.return_inverse, false, 'return_inverse');
      const cnt = flag(b.return_counts, false, 'return_counts');
      if (!inv && !cnt) return W(r.values);
      return tuple([r.values, ...(inv ? [r.inverse] : []), ...(cnt ? [r.counts] : [])]);
    },
  },
  index_select: { required: 3, params: ['input', 'dim', 'index'], impl: async (b) => W(await indexSelect(T(b), toInt(b.dim!, 'dim'), T(b, 'index'))) },
  repeat_interleave: {
    params: ['input', 'repeats', 'dim', '*', 'output_size'],
    impl: async (b) => {
      const x = T(b);
      const r = b.repeats;
      if (r === undefined || r === null) return W(await repeatIndices(x));
      const rt = asTensor(r);
      return W(await repeatInterleave(x, rt ?? toInt(r, 'repeats'), b.dim === undefined || b.dim === null ? null : toInt(b.dim, 'dim')));
    },
  },
  roll: {
    required: 2,
    params: ['input', 'shifts', 'dims'],
    impl: (b) => W(roll(T(b), ints(b.shifts!, 'shifts'), b.dims === undefined || b.dims === null ? null : ints(b.dims, 'dims'))),
  },
  isclose: {
    required: 2,
    params: ['input', 'other', 'rtol', 'atol', 'equal_nan'],
    impl: (b) => W(isclose(T(b), T(b, 'other'), num(b.rtol, 1e-5, 'rtol'), num(b.atol, 1e-8, 'atol'), flag(b.equal_nan, false, 'equal_nan'))),
  },
  ...TENSORFN_MATH,
  outer: { required: 2, params: ['input', 'vec2'], impl: (b) => W(ops.mul(ops.reshape(T(b), [-1, 1]), T(b, 'vec2'))) },
};

/** torch.meshgrid(*tensors, indexing=...) (a single list or tuple works too). */
function meshgridFn(args: PyValue[], kwargs: Kwargs): PyValue {
  const list = args.length === 1 && isSequence(args[0]) ? items(args[0]) : args;
  const ts = list.map((v) => expectTensor(v, 'meshgrid', 'tensors'));
  const indexing = kwargs?.get('indexing');
  if (indexing !== undefined && indexing !== null && typeof indexing !== 'string') throw pyError('TypeError', 'meshgrid(): indexing must be a str');
  // PyTorch 2.x's UserWarning, word for word (its "Triggered internally at" names ATen's source line).
  if (indexing === undefined || indexing === null) warnUser(MESHGRID_WARNING);
  return tuple(meshgrid(ts, (indexing as string | null | undefined) ?? 'ij'));
}

export function tensorfnFunctions(): Map<string, PyValue> {
  return new Map<string, PyValue>([['meshgrid', new PyBuiltin('meshgrid', meshgridFn)], ...finfoFunctions(), ...tensorfnMathFunctions()]);
}

defineInplaceMethods(TENSORFN);
