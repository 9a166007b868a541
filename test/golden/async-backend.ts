// A CPU backend without readSync: the shape of a backend whose values only
// come back asynchronously (WebGPU). Running the golden table on it shows
// which ops still need synchronous reads.
import type { Backend, KernelAttrs, Storage, TensorView } from '../../engine/backend/backend';
import { CpuBackend, CpuStorage } from '../../engine/backend/cpu/cpu-backend';
import { allKernels } from '../../engine/backend/cpu/kernels/index';
import type { DType, StorageArray } from '../../engine/core/dtype';

export class AsyncCpuBackend implements Backend {
  readonly name = 'async-cpu';
  private readonly inner = new CpuBackend(allKernels);
  alloc(dtype: DType, size: number): Storage {
    return new CpuStorage(this, dtype, this.inner.alloc(dtype, size).data);
  }
  write(storage: Storage, data: ArrayLike<number>, offset?: number): void {
    this.inner.write(storage, data, offset);
  }
  read(storage: Storage): Promise<StorageArray> {
    return this.inner.read(storage);
  }
  dispose(storage: Storage): void {
    this.inner.dispose(storage);
  }
  run(kernel: string, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void {
    this.inner.run(kernel, inputs, outputs, attrs);
  }
  hasKernel(kernel: string): boolean {
    return this.inner.hasKernel(kernel);
  }
}
