// The narrow Backend interface: allocate, write, read (async), dispose, run a
// kernel by name. Ops never touch memory themselves: they compute shapes and
// dtypes, allocate outputs and call run(). A backend with lazy submission
// (WebGPU) may queue run() calls and only flush on read(); the CPU backend
// runs at once and also offers readSync().
//
// Kernel contract (every backend implements the same semantics):
// - Every TensorView may be strided (any strides, stride 0 = broadcast, any
//   offset) unless a kernel says otherwise. Outputs may be strided views too
//   (in-place ops and index assignment write through views).
// - Elementwise kernels receive inputs already broadcast (expanded) to the
//   output's shape and already cast to the compute dtype; the output dtype is
//   the compute dtype, except comparisons/logical ops which write bool.
// - Values are computed as PyTorch's CPU kernels do for that dtype (float32
//   results rounded to float32, integer division truncating as C++...).

import type { DType, StorageArray } from '../core/dtype';

/** Memory owned by one backend; its contents are reachable only via the backend. */
export interface Storage {
  readonly backend: Backend;
  readonly dtype: DType;
  /** Number of elements (not bytes). */
  readonly size: number;
}

/** A strided window on a storage: what kernels read and write. Tensor implements it. */
export interface TensorView {
  readonly storage: Storage;
  readonly shape: readonly number[];
  readonly strides: readonly number[];
  readonly offset: number;
  readonly dtype: DType;
}

export type AttrValue = number | boolean | string | null | readonly number[];
export type KernelAttrs = { readonly [name: string]: AttrValue };

/**
 * Kernel names and their semantics. `in` = inputs, `out` = outputs.
 *
 * Unary elementwise (in: [x], out: [y], same shape, same dtype unless noted):
 *   neg abs exp log sqrt rsqrt sigmoid tanh relu sign floor ceil round trunc
 *   reciprocal sin cos log1p expm1 log2 log10 square; logical_not (y: bool);
 *   isnan isinf (y: bool); clamp {min: number|null, max: number|null}.
 * Binary elementwise (in: [a, b] same dtype, out: [y]):
 *   add sub {alpha?: number}, mul div floor_divide remainder pow maximum
 *   minimum atan2 fmod; eq ne lt le gt ge logical_and logical_or logical_xor (y: bool).
 *   div on integer dtypes is never asked for (ops cast to float first).
 * where: in [cond(bool), a, b] (a, b same dtype), out [y].
 * copy: in [x], out [y] same shape, y's dtype may differ (C++ cast rules).
 * fill: in [], out [y] {value: number}.
 * Reductions: in [x], out [y] where y.shape = x.shape with reduced dims set
 *   to 1 (keepdim form), {dims: number[]} (sorted, non-empty):
 *   sum prod mean amax amin; argmax argmin (y: int64, first occurrence);
 *   max_dim min_dim out [values, indices(int64)] with dims of length 1;
 *   var {correction: number, sqrt: boolean} (sqrt=true gives std);
 *   any all (y: bool); logsumexp.
 * softmax log_softmax: in [x], out [y] same shape {dim: number}.
 * matmul: in [a (B,M,K), b (B,K,N)], out [y (B,M,N)]: batched mm, 3-D views.
 * index: in [src, i0..ik-1 (int64, all of shape I)], out [y] of shape
 *   I ++ src.shape[k:]: y[p, r] = src[i0[p], ..., ik-1[p], r]. Indices are
 *   already wrapped (non-negative) and bounds-checked.
 * index_put: in [values (shape I ++ dst.shape[k:]), i0..ik-1], out [dst]
 *   (written in place) {accumulate: boolean}.
 * gather: in [x, index(int64)], out [y] {dim}. scatter_add: in [src, index],
 *   out [dst] (in place, accumulate) {dim}.
 * topk: in [x], out [values, indices] {k, dim, largest: boolean, sorted: boolean}.
 * sort: in [x], out [values, indices] {dim, descending: boolean}.
 * cumsum cumprod: in [x], out [y] {dim}.
 */
export type KernelName = string;

export interface Backend {
  readonly name: string;
  alloc(dtype: DType, size: number): Storage;
  /** Copies `data` into storage elements [offset, offset + data.length). */
  write(storage: Storage, data: ArrayLike<number>, offset?: number): void;
  /** The whole storage, in element order, once all queued work has finished. */
  read(storage: Storage): Promise<StorageArray>;
  /** Only backends that can answer synchronously (CPU). */
  readSync?(storage: Storage): StorageArray;
  /** Frees now (optional: unreferenced storages are also reclaimed by GC). */
  dispose(storage: Storage): void;
  run(kernel: KernelName, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void;
  /** Whether run(kernel) is implemented: ops use it to pick a fused path. */
  hasKernel(kernel: KernelName): boolean;
  /**
   * Optional (backends that pool device memory): storages allocated from now
   * until the matching endScope() belong to the scope; endScope frees those
   * not in `keep` (unless `free` is false) instead of waiting for GC. Only for
   * callers that know which of their temporaries escape (autograd's backward).
   */
  beginScope?(): void;
  endScope?(keep: Iterable<Storage>, free?: boolean): void;
}
