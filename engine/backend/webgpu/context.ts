// What a WebGPU kernel gets to work with: its operands with their buffers
// resolved, and a way to record a dispatch. Kernels never see the pool, the
// queue or the pipeline cache directly.
import type { DType } from '../../core/dtype';
import type { KernelAttrs } from '../backend';
import type { Info } from './layout';
import type { KernelProgram } from './pipelines';

/** A strided view whose storage is a GPU buffer of 32-bit words. */
export interface GpuView {
  readonly buffer: GPUBuffer;
  readonly dtype: DType;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
}

export interface GpuContext {
  /** Records one dispatch; `buffers` bind in order after the info buffer (the program key labels it in profiles). */
  dispatch(program: KernelProgram, info: Info, buffers: readonly GPUBuffer[], workgroups: [number, number, number]): void;
  /** A contiguous scratch view, freed automatically after the kernel. */
  scratch(dtype: DType, shape: readonly number[]): GpuView;
  /** Records view[...] = value. */
  fill(view: GpuView, value: number): void;
  /** Kernel tuning chosen when the backend was created. */
  readonly options: { readonly matmul: string };
}

export type GpuKernel = (ctx: GpuContext, inputs: readonly GpuView[], outputs: readonly GpuView[], attrs: KernelAttrs) => void;
