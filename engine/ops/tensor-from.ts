// torch.tensor(data): nested JS arrays/numbers/booleans with PyTorch's dtype
// inference (bool < int64 < float32 default; any float makes it float).

import type { DType } from '../core/dtype';
import { DEFAULT_FLOAT, allocArray, castScalar } from '../core/dtype';
import { typeError, valueError } from '../core/errors';
import { Tensor } from '../tensor';
import type { FactoryOptions } from './factories';
import { finish, fromValues } from './factories';
import { PyFloat } from './scalar';
import { castTensor } from './elementwise';
import { notifyOp } from './observer';

export type NestedData = number | boolean | PyFloat | Tensor | readonly NestedData[];

function pyTypeName(x: unknown): string {
  if (typeof x === 'string') return 'str';
  if (x === null || x === undefined) return 'NoneType';
  return typeof x;
}

export function tensor(data: NestedData, opts?: FactoryOptions): Tensor {
  if (data instanceof Tensor) {
    const t = castTensor(data, opts?.dtype ?? data.dtype);
    return finish(t, opts);
  }
  const shape: number[] = [];
  let probe: NestedData = data;
  while (Array.isArray(probe)) {
    shape.push(probe.length);
    if (probe.length === 0) break;
    probe = probe[0];
  }
  if (probe instanceof Tensor) {
    for (const s of probe.shape) shape.push(s);
  }
  const flat: number[] = [];
  let kind: 'bool' | 'int' | 'float' | null = null;
  const rank = (k: 'bool' | 'int' | 'float') => (k === 'bool' ? 0 : k === 'int' ? 1 : 2);
  const note = (k: 'bool' | 'int' | 'float') => {
    if (kind === null || rank(k) > rank(kind)) kind = k;
  };
  let tensorDtype: DType | null = null;
  const walk = (x: NestedData, d: number): void => {
    if (Array.isArray(x)) {
      if (d >= shape.length || x.length !== shape[d]) {
        throw valueError(`expected sequence of length ${shape[d]} at dim ${d} (got ${x.length})`);
      }
      for (const e of x) walk(e, d + 1);
      return;
    }
    if (d < shape.length && !(x instanceof Tensor)) {
      throw typeError(`new(): invalid data type '${pyTypeName(x)}'`);
    }
    if (typeof x === 'boolean') {
      note('bool');
      flat.push(x ? 1 : 0);
    } else if (typeof x === 'number') {
      note(Number.isInteger(x) ? 'int' : 'float');
      flat.push(x);
    } else if (x instanceof PyFloat) {
      note('float');
      flat.push(x.value);
    } else if (x instanceof Tensor) {
      tensorDtype = tensorDtype === null ? x.dtype : tensorDtype;
      for (const v of x.readSync()) flat.push(v);
    } else {
      throw typeError(`new(): invalid data type '${pyTypeName(x)}'`);
    }
  };
  walk(data, 0);
  const k = kind as 'bool' | 'int' | 'float' | null;
  const inferred: DType = tensorDtype ?? (k === 'bool' ? 'bool' : k === 'int' ? 'int64' : DEFAULT_FLOAT);
  const dtype = opts?.dtype ?? inferred;
  const vals = allocArray(dtype, flat.length);
  for (let i = 0; i < flat.length; i++) vals[i] = castScalar(flat[i], dtype);
  const t = finish(fromValues(vals, shape, dtype, opts?.backend), opts);
  notifyOp('tensor', [], t);
  return t;
}
