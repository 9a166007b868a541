// numpy dtypes as Python values: `arr.dtype` is a dtype object (repr
// "dtype('float64')", str 'float64'); np.float32 / np.int64 ... are the scalar
// types, callable (np.float32(0.1)) and accepted wherever a dtype is.

import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyClass, PyInstance, type PyValue, builtinClasses } from '../../runtime/objects';
import { castValue, type NpDType } from './ndarray';
import { asFloat32, wrapFloat32 } from './scalar32';

export const npDtypeClass = new PyClass('dtype', [builtinClasses.object]);
npDtypeClass.module = 'numpy';

const dtypeObjects = new Map<NpDType, PyInstance>();

export function pyNpDtype(d: NpDType): PyInstance {
  let o = dtypeObjects.get(d);
  if (!o) {
    o = new PyInstance(npDtypeClass);
    o.native = d;
    dtypeObjects.set(d, o);
  }
  return o;
}

/** np.float32, np.int64, ...: callables that make a scalar of that type. */
export const scalarTypes = new Map<string, PyBuiltin>();
const scalarTypeDtype = new Map<PyBuiltin, NpDType>();

for (const d of ['float64', 'float32', 'int64', 'int32', 'bool'] as const) {
  const name = d === 'bool' ? 'bool_' : d;
  const f = new PyBuiltin(name, (args) => {
    const v = args[0] ?? 0n;
    const f32 = asFloat32(v);
    const n = f32 !== null ? f32 : typeof v === 'boolean' ? (v ? 1 : 0) : typeof v === 'bigint' ? Number(v) : typeof v === 'number' ? v : NaN;
    if (Number.isNaN(n) && typeof v !== 'number' && f32 === null) throw pyError('TypeError', `${name}() argument must be a number`);
    const c = castValue(n, d);
    return d === 'bool' ? c !== 0 : d.startsWith('int') ? BigInt(c) : d === 'float32' ? wrapFloat32(c) : c;
  });
  scalarTypes.set(name, f);
  scalarTypeDtype.set(f, d);
}

const NAMES: Record<string, NpDType> = {
  float64: 'float64', float: 'float64', double: 'float64', f8: 'float64', float32: 'float32', single: 'float32', f4: 'float32',
  int64: 'int64', int: 'int64', i8: 'int64', int32: 'int32', i4: 'int32', bool: 'bool', bool_: 'bool',
};

/** Any dtype spelling numpy accepts here, or undefined for None. */
export function toNpDtype(v: PyValue | undefined): NpDType | undefined {
  if (v === undefined || v === null) return undefined;
  if (v instanceof PyInstance && v.cls === npDtypeClass) return v.native as NpDType;
  if (v instanceof PyBuiltin && scalarTypeDtype.has(v)) return scalarTypeDtype.get(v);
  if (v === builtinClasses.float) return 'float64';
  if (v === builtinClasses.int) return 'int64';
  if (v === builtinClasses.bool) return 'bool';
  if (typeof v === 'string' && NAMES[v]) return NAMES[v];
  // torch dtypes (np.array(..., dtype=torch.float32) is an error in numpy, but
  // the tutorials never do it); anything else is refused.
  throw pyError('TypeError', `data type ${typeof v === 'string' ? `'${v}'` : 'given'} not understood`);
}

npDtypeClass.dict.set('__repr__', new PyBuiltin('__repr__', (a) => `dtype('${(a[0] as PyInstance).native as string}')`));
npDtypeClass.dict.set('__str__', new PyBuiltin('__str__', (a) => (a[0] as PyInstance).native as string));
npDtypeClass.dict.set('__eq__', new PyBuiltin('__eq__', (a) => {
  const self = (a[0] as PyInstance).native as NpDType;
  try {
    return toNpDtype(a[1]) === self;
  } catch {
    return false;
  }
}));
npDtypeClass.dict.set('__ne__', new PyBuiltin('__ne__', (a) => {
  const self = (a[0] as PyInstance).native as NpDType;
  try {
    return toNpDtype(a[1]) !== self;
  } catch {
    return true;
  }
}));
npDtypeClass.dict.set('__hash__', new PyBuiltin('__hash__', (a) => BigInt(((a[0] as PyInstance).native as string).length)));
