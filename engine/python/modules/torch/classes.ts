// The Python-visible classes of the torch binding and the wrappers that carry
// engine objects into Python: a tensor is a PyInstance of torch.Tensor (or
// nn.Parameter) whose `native` is the engine Tensor; dtypes are singletons;
// torch.Size is a tuple subclass.
import '../../runtime/types';
import type { DType } from '../../../core/dtype';
import { Tensor } from '../../../tensor';
import { isParameter } from '../../../nn/parameter';
import { pyError } from '../../runtime/exceptions';
import { PyClass, PyInstance, type PyValue, builtinClasses } from '../../runtime/objects';
import { typeName } from './convert';

function torchClass(name: string, bases: PyClass[], module = 'torch'): PyClass {
  const c = new PyClass(name, bases);
  c.module = module;
  return c;
}

export const tensorClass = torchClass('Tensor', [builtinClasses.object]);
export const parameterClass = torchClass('Parameter', [tensorClass], 'torch.nn.parameter');
export const sizeClass = torchClass('Size', [builtinClasses.tuple]);
export const dtypeClass = torchClass('dtype', [builtinClasses.object]);
// Both are C types in PyTorch: error messages name them 'torch.Size', 'torch.dtype'.
sizeClass.cTypeName = 'torch.Size';
dtypeClass.cTypeName = 'torch.dtype';

/** torch.Size: an instance of a tuple subclass whose `native` is the shape
 *  (its tuple behaviour comes from the dunders in size.ts). */
export function makeSize(shape: readonly number[]): PyInstance {
  const o = new PyInstance(sizeClass);
  o.native = shape.slice();
  return o;
}

export function isSize(v: PyValue): v is PyInstance {
  return v instanceof PyInstance && v.cls === sizeClass;
}

export function sizeRepr(shape: readonly (number | bigint)[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

// ---- dtypes ---------------------------------------------------------------

const dtypeObjects = new Map<DType, PyInstance>();
export function pyDtype(d: DType): PyInstance {
  let o = dtypeObjects.get(d);
  if (!o) {
    o = new PyInstance(dtypeClass);
    o.native = d;
    dtypeObjects.set(d, o);
  }
  return o;
}

export const DTYPE_NAMES: Record<string, DType> = {
  float32: 'float32', float: 'float32', float64: 'float64', double: 'float64',
  int64: 'int64', long: 'int64', int32: 'int32', int: 'int32', bool: 'bool',
};

/** Legacy tensor types: torch.FloatTensor etc, as `x.type(torch.FloatTensor)` takes. */
export const legacyClasses = new Map<string, PyClass>();
for (const [name, d] of [
  ['FloatTensor', 'float32'], ['DoubleTensor', 'float64'], ['LongTensor', 'int64'], ['IntTensor', 'int32'], ['BoolTensor', 'bool'],
] as const) {
  const c = torchClass(name, [tensorClass]);
  c.native = d;
  legacyClasses.set(name, c);
}

/** dtype=... arguments: torch.float64, a legacy class, or Python's float/int/bool. */
export function toDType(v: PyValue, what = 'dtype'): DType {
  if (v instanceof PyInstance && v.cls === dtypeClass) return v.native as DType;
  if (v instanceof PyClass) {
    if (v.native && typeof v.native === 'string' && legacyClasses.get(v.name) === v) return v.native as DType;
    if (v === builtinClasses.float) return 'float64';
    if (v === builtinClasses.int) return 'int64';
    if (v === builtinClasses.bool) return 'bool';
  }
  if (typeof v === 'string') {
    const m = /^torch\.(\w+)$/.exec(v);
    const d = m ? DTYPE_NAMES[m[1].replace(/Tensor$/, '')] ?? legacyByName(m[1]) : undefined;
    if (d) return d;
  }
  throw pyError('TypeError', `${what} must be torch.dtype, not ${typeName(v)}`);
}

function legacyByName(n: string): DType | undefined {
  const c = legacyClasses.get(n);
  return c ? (c.native as DType) : undefined;
}

// ---- tensors --------------------------------------------------------------

export function wrapTensor(t: Tensor): PyInstance {
  const cached = t.tag;
  if (cached instanceof PyInstance && cached.native === t) return cached;
  const o = new PyInstance(isParameter(t) ? parameterClass : tensorClass);
  o.native = t;
  t.tag = o;
  return o;
}

export function maybeWrap(t: Tensor | null | undefined): PyValue {
  return t ? wrapTensor(t) : null;
}

export function asTensor(v: PyValue): Tensor | null {
  return v instanceof PyInstance && v.native instanceof Tensor ? v.native : null;
}

export function expectTensor(v: PyValue, fn: string, arg = 'input'): Tensor {
  const t = asTensor(v);
  if (!t) throw pyError('TypeError', `${fn}(): argument '${arg}' (position 1) must be Tensor, not ${typeName(v)}`);
  return t;
}

// dtype objects print as torch.float32 (repr and str alike).
import { defMethod as defDtypeMethod } from './define';
defDtypeMethod(dtypeClass, '__repr__', (self) => `torch.${String((self as PyInstance).native)}`);
defDtypeMethod(dtypeClass, '__str__', (self) => `torch.${String((self as PyInstance).native)}`);
defDtypeMethod(dtypeClass, 'is_floating_point', (self) => ['float32', 'float64'].includes(String((self as PyInstance).native)));
