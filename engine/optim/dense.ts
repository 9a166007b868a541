// Direct access to a CPU tensor's elements for the optimizers' update loops:
// one pass per parameter instead of five or six elementwise ops, with each
// step rounded exactly as ATen's float32 kernels round it (fused
// multiply-adds where AVX2 fuses). A non-contiguous tensor is read into a
// row-major copy and written back.

import { Tensor, gatherRowMajor } from '../tensor';
import { CpuStorage } from '../backend/cpu/cpu-backend';
import { runtimeError } from '../core/errors';
import { contiguousStrides } from '../core/shape';
import type { StorageArray } from '../core/dtype';

export interface Dense {
  data: StorageArray;
  off: number;
  /** Writes the values back when `data` is a copy (non-contiguous tensor). */
  commit(): void;
}

const NOOP = (): void => {};

export function dense(t: Tensor): Dense {
  const st = t.storage;
  if (!(st instanceof CpuStorage)) {
    throw runtimeError(`optimizer steps run on the cpu backend; this parameter lives on ${st.backend.name}`);
  }
  if (t.isContiguous()) return { data: st.data, off: t.offset, commit: NOOP };
  const copy = gatherRowMajor(st.data, t);
  return {
    data: copy,
    off: 0,
    commit: () => {
      const tmp = new Tensor(st.backend.alloc(t.dtype, copy.length), t.shape.slice(), contiguousStrides(t.shape), 0, t.dtype);
      st.backend.write(tmp.storage, copy, 0);
      st.backend.run('copy', [tmp], [t]);
    },
  };
}

/** A zero-filled tensor shaped like t (state buffers: exp_avg, momentum_buffer). */
export function zerosLike(t: Tensor): Tensor {
  const z = Tensor.empty(t.backend, t.shape.slice(), t.dtype);
  z.backend.run('fill', [], [z], { value: 0 });
  return z;
}

/** torch.full_like(t, value) (Adagrad's initial sum). */
export function fullLike(t: Tensor, value: number): Tensor {
  const z = Tensor.empty(t.backend, t.shape.slice(), t.dtype);
  z.backend.run('fill', [], [z], { value });
  return z;
}

/** grad.detach().clone(): a contiguous copy. */
export function cloneDetached(t: Tensor): Tensor {
  const c = Tensor.empty(t.backend, t.shape.slice(), t.dtype);
  c.backend.run('copy', [t], [c]);
  return c;
}

/** A 0-dim float32 tensor (Adam's `step`). */
export function scalarTensor(t: Tensor, value: number): Tensor {
  const s = Tensor.empty(t.backend, [], 'float32');
  s.backend.write(s.storage, [value], 0);
  return s;
}
