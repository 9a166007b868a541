// Element access for the fused loss kernels, which compute on the CPU
// backend's arrays directly so their summation order and roundings can be
// ATen's own (nll_loss's cascade sum, mse's norm * (a - b) * g).

import { Tensor, gatherRowMajor } from '../../tensor';
import { CpuStorage } from '../../backend/cpu/cpu-backend';
import { runtimeError } from '../../core/errors';
import type { DType, StorageArray } from '../../core/dtype';

/** Row-major values of t (a live array when t is contiguous: read only). */
export function rowMajor(t: Tensor, op: string): StorageArray {
  const st = t.storage;
  if (!(st instanceof CpuStorage)) {
    throw runtimeError(`${op}: not implemented on the ${st.backend.name} backend yet`);
  }
  if (t.isContiguous()) return t.offset === 0 && st.data.length === t.numel() ? st.data : st.data.subarray(t.offset, t.offset + t.numel());
  return gatherRowMajor(st.data, t);
}

/** A new contiguous tensor on t's backend holding `values`. */
export function tensorLike(t: Tensor, shape: number[], dtype: DType, values: ArrayLike<number>): Tensor {
  const out = Tensor.empty(t.backend, shape, dtype);
  out.backend.write(out.storage, values, 0);
  return out;
}

export function roundTo(dtype: DType): (x: number) => number {
  return dtype === 'float32' ? Math.fround : (x: number) => x;
}
