// A Tensor is a strided view (shape, strides, offset, dtype) over a Storage
// owned by a backend. Views share storage and the version counter with their
// base, as in PyTorch. The class holds data and answers questions about it;
// everything that computes lives in ops/ (functional API, PyTorch names).

import type { Backend, Storage, TensorView } from './backend/backend';
import type { DType, StorageArray } from './core/dtype';
import { allocArray } from './core/dtype';
import { runtimeError, valueError } from './core/errors';
import { contiguousStrides, isContiguousLayout, normalizeDim, numelOf } from './core/shape';
import type { Node } from './autograd/node';

/** Shared by a tensor and all its views; bumped by every in-place op. */
export class VersionCounter {
  v = 0;
}

export type NestedList = number | boolean | NestedList[];

export class Tensor implements TensorView {
  readonly storage: Storage;
  readonly shape: number[];
  readonly strides: number[];
  readonly offset: number;
  readonly dtype: DType;
  /** Only leaves carry this flag as state; a non-leaf requires grad iff it has a gradFn. */
  requiresGrad: boolean;
  /** Accumulated gradient; PyTorch only populates it on leaves (and retain_grad()). */
  grad: Tensor | null = null;
  /** The autograd node that produced this tensor; null for leaves. */
  gradFn: Node | null;
  /** Which output of gradFn this tensor is (max/min/topk have two). */
  outputNr = 0;
  /** Set by retain_grad(): a non-leaf that keeps its .grad. */
  retainsGrad = false;
  private vc: VersionCounter | null;
  /** The tensor this one is a view of (null when it owns its layout). */
  readonly base: Tensor | null;
  /** Free slot for the trace/bindings (e.g. a node id); the engine never reads it. */
  tag: unknown = undefined;

  constructor(
    storage: Storage,
    shape: number[],
    strides: number[],
    offset: number,
    dtype: DType,
    base: Tensor | null = null,
    versionCounter?: VersionCounter,
  ) {
    this.storage = storage;
    this.shape = shape;
    this.strides = strides;
    this.offset = offset;
    this.dtype = dtype;
    this.base = base;
    // Created on first use: most op outputs are never viewed nor modified.
    this.vc = versionCounter ?? (base !== null ? base.versionCounter : null);
    this.requiresGrad = false;
    this.gradFn = null;
  }

  /** A fresh contiguous tensor on `backend`. */
  static empty(backend: Backend, shape: number[], dtype: DType): Tensor {
    const n = numelOf(shape);
    return new Tensor(backend.alloc(dtype, n), shape, contiguousStrides(shape), 0, dtype);
  }

  get backend(): Backend {
    return this.storage.backend;
  }
  get isLeaf(): boolean {
    return this.gradFn === null;
  }
  get versionCounter(): VersionCounter {
    return this.vc ?? (this.vc = new VersionCounter());
  }
  get version(): number {
    return this.vc === null ? 0 : this.vc.v;
  }
  /** Marks an in-place modification (autograd checks saved tensors against it). */
  bumpVersion(): void {
    this.versionCounter.v++;
  }

  numel(): number {
    return numelOf(this.shape);
  }
  dim(): number {
    return this.shape.length;
  }
  size(dim?: number): number | number[] {
    if (dim === undefined) return this.shape.slice();
    return this.shape[normalizeDim(dim, this.shape.length)];
  }
  isContiguous(): boolean {
    return isContiguousLayout(this.shape, this.strides);
  }

  /** Contiguous row-major copy of the values, whatever the backend. */
  async read(): Promise<StorageArray> {
    if (this.backend.readSync) return this.readSync();
    const all = await this.backend.read(this.storage);
    return gatherRowMajor(all, this);
  }

  /** Contiguous row-major copy, synchronously (CPU backend only). */
  readSync(): StorageArray {
    const rs = this.backend.readSync;
    if (!rs) {
      throw runtimeError(`this tensor lives on the ${this.backend.name} backend; its values must be read asynchronously`);
    }
    return gatherRowMajor(rs.call(this.backend, this.storage), this);
  }

  /** The single value of a one-element tensor, as Python's item(). */
  item(): number {
    this.checkItem();
    return this.readSync()[0];
  }
  async itemAsync(): Promise<number> {
    this.checkItem();
    return (await this.read())[0];
  }
  private checkItem(): void {
    const n = this.numel();
    if (n !== 1) {
      throw runtimeError(`a Tensor with ${n} elements cannot be converted to Scalar`);
    }
  }

  /** Nested JS arrays like tensor.tolist(); bool tensors give booleans. */
  tolist(): NestedList {
    return nest(this.readSync(), this.shape, this.dtype === 'bool');
  }
  async tolistAsync(): Promise<NestedList> {
    return nest(await this.read(), this.shape, this.dtype === 'bool');
  }

  /** The truth value of a one-element tensor (`if t:`), with PyTorch's error otherwise. */
  truthValue(): boolean {
    if (this.numel() !== 1) {
      throw runtimeError('Boolean value of Tensor with more than one value is ambiguous');
    }
    return this.readSync()[0] !== 0;
  }
}

export function nest(values: ArrayLike<number>, shape: readonly number[], asBool: boolean): NestedList {
  if (shape.length === 0) return asBool ? values[0] !== 0 : values[0];
  let pos = 0;
  const build = (d: number): NestedList[] => {
    const out: NestedList[] = [];
    for (let i = 0; i < shape[d]; i++) {
      if (d === shape.length - 1) {
        const v = values[pos++];
        out.push(asBool ? v !== 0 : v);
      } else out.push(build(d + 1));
    }
    return out;
  };
  return build(0);
}

/** Copies a strided view out of a flat storage array into row-major order. */
export function gatherRowMajor(src: StorageArray, v: TensorView): StorageArray {
  const n = numelOf(v.shape);
  if (isContiguousLayout(v.shape, v.strides)) return src.slice(v.offset, v.offset + n);
  const out = allocArray(v.dtype, n);
  const nd = v.shape.length;
  const idx = new Array<number>(nd).fill(0);
  let p = v.offset;
  for (let i = 0; i < n; i++) {
    out[i] = src[p];
    for (let d = nd - 1; d >= 0; d--) {
      idx[d]++;
      p += v.strides[d];
      if (idx[d] < v.shape[d]) break;
      p -= v.strides[d] * v.shape[d];
      idx[d] = 0;
    }
  }
  return out;
}

/** For callers that build tensors from raw values (shape already validated). */
export function checkShape(shape: readonly number[]): number[] {
  for (const s of shape) {
    if (!Number.isInteger(s) || s < 0) throw valueError(`negative dimension ${s}`);
  }
  return shape.slice();
}
