// The CPU backend: storages are typed arrays, kernels run at once. It is the
// reference every other backend is tested against.

import type { Backend, KernelAttrs, KernelName, Storage, TensorView } from '../backend';
import type { DType, StorageArray } from '../../core/dtype';
import { allocArray } from '../../core/dtype';
import { allKernels } from './kernels/index';
import type { CpuKernel } from './kernels/types';

export class CpuStorage implements Storage {
  readonly backend: Backend;
  readonly dtype: DType;
  readonly data: StorageArray;
  constructor(backend: Backend, dtype: DType, data: StorageArray) {
    this.backend = backend;
    this.dtype = dtype;
    this.data = data;
  }
  get size(): number {
    return this.data.length;
  }
}

export class CpuBackend implements Backend {
  readonly name = 'cpu';
  private readonly kernels = new Map<KernelName, CpuKernel>();

  constructor(kernels: ReadonlyArray<readonly [KernelName, CpuKernel]>) {
    for (const [name, k] of kernels) {
      if (this.kernels.has(name)) throw new Error(`cpu kernel registered twice: ${name}`);
      this.kernels.set(name, k);
    }
  }

  alloc(dtype: DType, size: number): CpuStorage {
    return new CpuStorage(this, dtype, allocArray(dtype, size));
  }

  /** Wraps an existing array without copying (factories, from_numpy-like sharing). */
  wrap(dtype: DType, data: StorageArray): CpuStorage {
    return new CpuStorage(this, dtype, data);
  }

  write(storage: Storage, data: ArrayLike<number>, offset = 0): void {
    (storage as CpuStorage).data.set(data, offset);
  }

  read(storage: Storage): Promise<StorageArray> {
    return Promise.resolve((storage as CpuStorage).data);
  }

  readSync(storage: Storage): StorageArray {
    return (storage as CpuStorage).data;
  }

  dispose(_storage: Storage): void {
    // Typed arrays are reclaimed by GC once unreferenced.
  }

  run(kernel: KernelName, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void {
    const k = this.kernels.get(kernel);
    if (k === undefined) throw new Error(`no kernel '${kernel}' on the cpu backend`);
    k(inputs, outputs, attrs ?? NO_ATTRS);
  }

  hasKernel(kernel: KernelName): boolean {
    return this.kernels.has(kernel);
  }
}

const NO_ATTRS: KernelAttrs = {};

export const cpuBackend = new CpuBackend(allKernels);
