import type { KernelAttrs, TensorView } from '../../backend';
import type { StorageArray } from '../../../core/dtype';

export type CpuKernel = (inputs: readonly TensorView[], outputs: readonly TensorView[], attrs: KernelAttrs) => void;

/** The typed array behind a CPU view. */
export function dataOf(v: TensorView): StorageArray {
  return (v.storage as unknown as { data: StorageArray }).data;
}
