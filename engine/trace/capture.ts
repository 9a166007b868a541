// A tensor's value at one moment. Small tensors are copied at once (a later
// in-place update such as optimizer.step() must not change what an earlier
// line showed); large ones are held by reference and read when the trace is
// finished, which keeps hot loops cheap. Summaries are built only at the end.
import type { DTypeName } from './types';
import { readsSync, type TracedTensor } from './traced-tensor';

/** Tensors up to this many elements are copied when captured. */
export const COPY_LIMIT = 4096;

export interface TensorCapture {
  shape: number[];
  dtype: DTypeName;
  requiresGrad: boolean;
  gradFn: string | null;
  isLeaf: boolean;
  /** Copied values, or null when `source` must be read at finish. */
  values: ArrayLike<number> | null;
  source: TracedTensor;
  grad: TensorCapture | null;
  nodeId?: number;
}

function copyValues(t: TracedTensor): ArrayLike<number> | null {
  if (t.numel() > COPY_LIMIT || !readsSync(t)) return null;
  const v = t.readSync!();
  // readSync may return the storage itself for contiguous tensors: copy.
  const sliceable = v as { slice?: () => ArrayLike<number> };
  return typeof sliceable.slice === 'function' ? sliceable.slice() : Array.from(v);
}

export function captureTensor(t: TracedTensor, withGrad = true): TensorCapture {
  const grad = withGrad && t.grad ? captureTensor(t.grad, false) : null;
  return {
    shape: [...t.shape],
    dtype: t.dtype,
    requiresGrad: t.requiresGrad,
    gradFn: t.gradFn ? t.gradFn.name : null,
    isLeaf: t.isLeaf,
    values: copyValues(t),
    source: t,
    grad,
  };
}

export async function valuesOf(c: TensorCapture): Promise<ArrayLike<number>> {
  if (c.values) return c.values;
  return readsSync(c.source) ? c.source.readSync!() : await c.source.read();
}

export async function readTensor(t: TracedTensor): Promise<ArrayLike<number>> {
  return readsSync(t) ? t.readSync!() : await t.read();
}
