// Python values <-> what the engine takes. Python ints are bigints in the
// interpreter, floats are numbers, bools are booleans: the distinction drives
// PyTorch's type promotion (`t * 2` keeps int64, `t * 2.0` gives float32).
import type { ScalarKind } from '../../../core/dtype';
import { pyError } from '../../runtime/exceptions';
import { PyInstance, PyList, PyObject, PyTuple, type PyValue } from '../../runtime/objects';

/** The type's name as error messages print it (CPython's tp_name). */
export function typeName(v: PyValue | undefined): string {
  if (v === null || v === undefined) return 'NoneType';
  switch (typeof v) {
    case 'boolean': return 'bool';
    case 'bigint': return 'int';
    case 'number': return 'float';
    case 'string': return 'str';
    default: return (v as PyObject).cls.tpName;
  }
}

export function isScalar(v: PyValue): v is boolean | bigint | number {
  return typeof v === 'boolean' || typeof v === 'bigint' || typeof v === 'number';
}

export function scalarKind(v: boolean | bigint | number): ScalarKind {
  return typeof v === 'boolean' ? 'bool' : typeof v === 'bigint' ? 'int' : 'float';
}

export function scalarNumber(v: boolean | bigint | number): number {
  return typeof v === 'boolean' ? (v ? 1 : 0) : Number(v);
}

/** An int argument (Python int or bool; an object with __index__ is resolved by the caller). */
export function toInt(v: PyValue, what: string): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyError('TypeError', `${what} must be int, not ${typeName(v)}`);
}

export function toNumber(v: PyValue, what: string): number {
  if (isScalar(v)) return scalarNumber(v);
  throw pyError('TypeError', `${what} must be a number, not ${typeName(v)}`);
}

export function toBool(v: PyValue, what: string): boolean {
  if (typeof v === 'boolean') return v;
  if (typeof v === 'bigint') return v !== 0n;
  throw pyError('TypeError', `${what} must be bool, not ${typeName(v)}`);
}

export function isSequence(v: PyValue): v is PyList | PyTuple {
  return v instanceof PyList || v instanceof PyTuple;
}

export function items(v: PyList | PyTuple): readonly PyValue[] {
  return v.items;
}

/** A shape given as varargs `(2, 3)` or as one sequence `((2, 3))` / torch.Size. */
export function toShape(args: readonly PyValue[], fn: string): number[] {
  const one = args.length === 1 ? args[0] : undefined;
  // torch.Size is an instance whose native value is the shape itself.
  if (one instanceof PyInstance && Array.isArray(one.native)) return (one.native as number[]).slice();
  if (one !== undefined && !isSequence(one) && typeof one !== 'bigint' && typeof one !== 'boolean') {
    throw pyError('TypeError', `${fn}(): argument 'size' (position 1) must be tuple of ints, not ${typeName(one)}`);
  }
  const src = one !== undefined && isSequence(one) ? items(one) : args;
  return src.map((a) => {
    if (typeof a === 'bigint' || typeof a === 'boolean') return Number(a);
    throw pyError('TypeError', `${fn}(): argument 'size' must be tuple of ints, but found element of type ${typeName(a)} at pos ${src.indexOf(a)}`);
  });
}

/** dim=int or dim=(ints) -> list of dims, or undefined for None/absent. */
export function toDims(v: PyValue | undefined): number[] | undefined {
  if (v === undefined || v === null) return undefined;
  if (isSequence(v)) return items(v).map((d) => toInt(d, 'dim'));
  return [toInt(v, 'dim')];
}

/** A JS number read from a tensor of `dtype`, as the Python value item() gives. */
export function pyNumber(x: number, integral: boolean, isBool: boolean): PyValue {
  if (isBool) return x !== 0;
  if (integral) return BigInt(Math.trunc(x));
  return x;
}
