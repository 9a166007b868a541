// The narrow view of a tensor the recorder needs. It is structural on purpose:
// the engine's Tensor (engine/tensor.ts) satisfies it, and the recorder stays
// testable and independent of how storage or backends work.
import type { DTypeName, SourceRange } from './types';

export interface TracedTensor {
  readonly shape: readonly number[];
  readonly dtype: DTypeName;
  readonly requiresGrad: boolean;
  readonly gradFn: { readonly name: string } | null | undefined;
  readonly isLeaf: boolean;
  readonly grad: TracedTensor | null | undefined;
  /** In-place version counter; lets a lazily held value be checked later. */
  readonly version?: number;
  numel(): number;
  /** Contiguous row-major copy; it throws unless the backend reads synchronously. */
  readSync?(): ArrayLike<number>;
  read(): Promise<ArrayLike<number>>;
  /** The engine Tensor's backend: only one with readSync (the CPU) answers at once. */
  readonly backend?: { readonly readSync?: unknown };
}

/** Whether `t.readSync()` answers without throwing (WebGPU reads are async). */
export function readsSync(t: TracedTensor): boolean {
  return t.readSync !== undefined && (t.backend === undefined || t.backend.readSync !== undefined);
}

/** Prints values exactly as PyTorch would (engine/format's formatTensor). */
export type TensorPrinter = (t: {
  shape: readonly number[];
  dtype: DTypeName;
  values: ArrayLike<number>;
  requiresGrad: boolean;
  gradFn: string | null;
}) => string;

/** Where the interpreter is: the call expressions being evaluated (outermost
 *  first) and the statement being executed. */
export interface ExecLocation {
  stack: readonly SourceRange[];
  /** The current statement's range. */
  range: SourceRange | null;
  /** Dotted nn.Module path whose forward is running ("model.fc1"), if any. */
  module?: string;
}

export function isTracedTensor(v: unknown): v is TracedTensor {
  if (typeof v !== 'object' || v === null) return false;
  const t = v as Partial<TracedTensor>;
  return Array.isArray(t.shape) && typeof t.dtype === 'string' && typeof t.numel === 'function' && typeof t.read === 'function';
}
