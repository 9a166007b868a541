// cat and stack: copy each input into its slice of one output.

import { resultType } from '../core/dtype';
import { runtimeError, typeError, valueError } from '../core/errors';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { backendOf, empty } from './elementwise';
import { notifyOp } from './observer';
import { record, shouldRecordAll } from './record';
import { makeView } from './view';
import { unsqueeze } from './squeeze';
import { quietly } from './observer';

function sliceAlong(t: Tensor, dim: number, start: number, len: number): Tensor {
  const shape = t.shape.slice();
  shape[dim] = len;
  return makeView(t, shape, t.strides.slice(), t.offset + start * t.strides[dim]);
}

function catImpl(tensors: readonly Tensor[], dim: number, gradName: string): { out: Tensor; d: number } {
  if (tensors.length === 0) throw valueError('torch.cat(): expected a non-empty list of Tensors');
  // Legacy rule: 1-D empty tensors are skipped.
  const parts = tensors.filter((t) => !(t.shape.length === 1 && t.shape[0] === 0));
  const ref = parts[0] ?? tensors[0];
  tensors.forEach((t, i) => {
    if (t.shape.length === 0) throw runtimeError(`zero-dimensional tensor (at position ${i}) cannot be concatenated`);
  });
  const d = normalizeDim(dim, ref.shape.length);
  let total = 0;
  tensors.forEach((t, i) => {
    if (t.shape.length === 1 && t.shape[0] === 0) return;
    if (t.shape.length !== ref.shape.length) {
      throw runtimeError(`Tensors must have same number of dimensions: got ${ref.shape.length} and ${t.shape.length}`);
    }
    for (let k = 0; k < ref.shape.length; k++) {
      if (k !== d && t.shape[k] !== ref.shape[k]) {
        throw runtimeError(`Sizes of tensors must match except in dimension ${d}. Expected size ${ref.shape[k]} but got size ${t.shape[k]} for tensor number ${i} in the list.`);
      }
    }
    total += t.shape[d];
  });
  const dtype = resultType(tensors.map((t) => ({ dtype: t.dtype, dim: 1 })));
  const shape = ref.shape.slice();
  shape[d] = total;
  const backend = backendOf(...tensors);
  const out = empty(backend, shape, dtype);
  let pos = 0;
  for (const t of parts) {
    backend.run('copy', [t], [sliceAlong(out, d, pos, t.shape[d])]);
    pos += t.shape[d];
  }
  if (shouldRecordAll(tensors)) {
    const sizes = tensors.map((t) => (t.shape.length === 1 && t.shape[0] === 0 ? 0 : t.shape[d]));
    record(out, gradName, tensors, ([g]) => {
      let p = 0;
      return tensors.map((t, i) => {
        const s = sliceAlong(g!, d, p, sizes[i]);
        p += sizes[i];
        return t.requiresGrad ? s : null;
      });
    });
  }
  return { out, d };
}

export function cat(tensors: readonly Tensor[], dim = 0): Tensor {
  if (!Array.isArray(tensors)) throw typeError('cat() received an invalid combination of arguments');
  const { out } = catImpl(tensors, dim, 'CatBackward0');
  notifyOp('cat', tensors.slice(), out);
  return out;
}

export function stack(tensors: readonly Tensor[], dim = 0): Tensor {
  if (tensors.length === 0) throw runtimeError('stack expects a non-empty TensorList');
  const ref = tensors[0];
  tensors.forEach((t, i) => {
    if (t.shape.length !== ref.shape.length || t.shape.some((s, k) => s !== ref.shape[k])) {
      throw runtimeError(`stack expects each tensor to be equal size, but got [${ref.shape.join(', ')}] at entry 0 and [${t.shape.join(', ')}] at entry ${i}`);
    }
  });
  const d = normalizeDim(dim, ref.shape.length + 1);
  const out = quietly(() => {
    const r = catImpl(tensors.map((t) => unsqueeze(t, d)), d, 'StackBackward0');
    return r.out;
  });
  notifyOp('stack', tensors.slice(), out);
  return out;
}
