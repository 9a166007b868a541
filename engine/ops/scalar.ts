// Python scalars as ops accept them. A JS number cannot tell `2` from `2.0`,
// and PyTorch's promotion depends on it, so bindings wrap a Python float
// whose value is integral in PyFloat; a plain number is an int when integral.

import type { ScalarKind } from '../core/dtype';
import type { Tensor } from '../tensor';

export class PyFloat {
  constructor(readonly value: number) {}
}

export type Scalar = number | boolean | PyFloat;
export type TensorOrScalar = Tensor | Scalar;

export function isScalar(x: unknown): x is Scalar {
  return typeof x === 'number' || typeof x === 'boolean' || x instanceof PyFloat;
}

export function scalarKind(s: Scalar): ScalarKind {
  if (typeof s === 'boolean') return 'bool';
  if (s instanceof PyFloat) return 'float';
  return Number.isInteger(s) ? 'int' : 'float';
}

export function scalarValue(s: Scalar): number {
  if (typeof s === 'boolean') return s ? 1 : 0;
  if (s instanceof PyFloat) return s.value;
  return s;
}
