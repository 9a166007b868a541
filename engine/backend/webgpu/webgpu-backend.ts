// The WebGPU backend: the same Backend interface and kernel semantics as the
// CPU backend (backend.ts), on a GPUDevice the caller passes in. Kernels are
// recorded, not run: they are submitted together when a value is read, and
// reading is asynchronous (mapAsync). See storage.ts for how each dtype is
// stored and the limits that follow (no float64, int64 within int32 range).
import type { Backend, KernelAttrs, KernelName, Storage, TensorView } from '../backend';
import type { DType, StorageArray } from '../../core/dtype';
import { numelOf } from '../../core/shape';
import { runtimeError } from '../../core/errors';
import type { GpuContext, GpuKernel, GpuView } from './context';
import type { Info } from './layout';
import { BufferPool, bucketSize } from './pool';
import { PipelineCache } from './pipelines';
import type { KernelProgram } from './pipelines';
import { GpuQueue } from './queue';
import type { GpuCounters } from './queue';
import type { KernelTimes } from './profiler';
import { GpuStorage, decode, encode, wgslType } from './storage';
import { allKernels, ELEMENTWISE_KERNELS } from './kernels/index';
import { sameView } from './kernels/elementwise';

/** Host copies of storages up to this many elements are kept after a read. */
const MIRROR_LIMIT = 1 << 16;

/** Kernels that write only some elements of their output (in place, by
 *  index): a storage they write must hold its zeros first. Every other kernel
 *  writes each element of its output view. */
const PARTIAL_WRITERS: ReadonlySet<KernelName> = new Set(['index_put', 'scatter_add']);

export interface WebGPUOptions {
  /** Matmul kernel candidate (kernels/matmul.ts MATMUL_VARIANTS); 'auto' by default. */
  matmul?: string;
}

/** What the backend asked of the device (see GpuCounters) plus memory. */
export interface WebGPUStats extends GpuCounters {
  pipelines: number;
  liveBytes: number;
  pooledBytes: number;
  /** Storage buffers created by the pool (also counted in createBuffer). */
  poolCreates: number;
  /** Clears skipped because the first kernel writing a reused buffer overwrote all of it. */
  clearsSkipped: number;
  /** Storages freed by dispose() (scopes included) rather than by GC. */
  disposed: number;
  /** Storages returned to the pool by the FinalizationRegistry (GC). */
  collected: number;
  /** In-place inputs an elementwise kernel read through its output binding instead of a copy. */
  inPlaceReads: number;
  /** One-element writes recorded as a fill dispatch rather than an upload (copy). */
  scalarFills: number;
}

export class WebGPUBackend implements Backend {
  readonly name = 'webgpu';
  private readonly pool: BufferPool;
  private readonly queue: GpuQueue;
  private readonly pipelines: PipelineCache;
  private readonly kernels = new Map<KernelName, GpuKernel>();
  /** Device errors (validation, out of memory) not yet reported. */
  private readonly errors: string[] = [];
  private readonly reclaim: FinalizationRegistry<GPUBuffer>;
  private lost: string | null = null;
  /** Open allocation scopes (beginScope): storages allocated while one is open. */
  private readonly scopes: Set<GpuStorage>[] = [];
  private readonly extra = { clearsSkipped: 0, disposed: 0, collected: 0, inPlaceReads: 0, scalarFills: 0 };
  private readonly onError = (e: Event): void => {
    this.errors.push((e as GPUUncapturedErrorEvent).error.message);
  };
  /** Kernel tuning, e.g. which matmul candidate runs. */
  readonly options: Required<WebGPUOptions>;

  constructor(readonly device: GPUDevice, options: WebGPUOptions = {}) {
    this.options = { matmul: options.matmul ?? 'auto' };
    this.queue = new GpuQueue(device);
    this.pool = new BufferPool(device, (b) => this.queue.retire(b), undefined, () => this.queue.counters.createBuffer++);
    this.pipelines = new PipelineCache(device);
    for (const [name, k] of allKernels) {
      if (this.kernels.has(name)) throw new Error(`webgpu kernel registered twice: ${name}`);
      this.kernels.set(name, k);
    }
    // A storage the program dropped without dispose() returns its buffer here.
    this.reclaim = new FinalizationRegistry((buffer) => {
      this.extra.collected++;
      this.pool.release(buffer);
    });
    device.addEventListener('uncapturederror', this.onError);
    void device.lost.then((info) => {
      this.lost = info.message || info.reason;
    });
  }

  alloc(dtype: DType, size: number): GpuStorage {
    wgslType(dtype); // float64 raises here, before any buffer exists
    this.checkAlive();
    // Storages start as zeros, as on the CPU backend (factories rely on it).
    // A new buffer is zeros already; a reused one is cleared lazily (zeroed),
    // and not at all when the first kernel to touch it overwrites all of it.
    let reused = false;
    const buffer = this.pool.acquire(Math.max(1, size) * 4, () => {
      reused = true;
    });
    const storage = new GpuStorage(this, dtype, size, buffer);
    storage.needsZero = reused;
    this.reclaim.register(storage, buffer, storage);
    this.scopes[this.scopes.length - 1]?.add(storage);
    return storage;
  }

  write(storage: Storage, data: ArrayLike<number>, offset = 0): void {
    const s = this.own(storage);
    if (s.disposed) throw new Error('internal error: a disposed WebGPU storage was written');
    if (offset === 0 && data.length === s.size) s.needsZero = false;
    else this.zeroed(s);
    const words = encode(s.dtype, data);
    if (offset === 0 && s.size === 1 && data.length === 1) {
      // A 0-d value (a loss's ignore_index or divisor, an optimizer's
      // momentum) rides in the metadata of a one-element fill: an upload is
      // a copy command, which would end the compute pass around it.
      const value = decode(s.dtype, copyWords(words), 1)[0];
      const view: GpuView = { buffer: s.buffer, dtype: s.dtype, shape: [1], strides: [1], offset: 0 };
      this.kernels.get('fill')!(this.context([]), [], [view], { value });
      this.extra.scalarFills++;
    } else {
      this.queue.upload(s.buffer, offset * 4, words);
    }
    s.mirror = offset === 0 && data.length === s.size && s.size <= MIRROR_LIMIT ? decode(s.dtype, copyWords(words), s.size) : null;
  }

  async read(storage: Storage): Promise<StorageArray> {
    const s = this.own(storage);
    if (s.disposed) throw new Error('internal error: a disposed WebGPU storage was read');
    if (s.mirror) return s.mirror.slice();
    this.zeroed(s);
    const words = await this.queue.read(s.buffer, 0, s.size * 4);
    this.throwDeviceErrors();
    const values = decode(s.dtype, words, s.size);
    if (s.size <= MIRROR_LIMIT) s.mirror = values.slice();
    return values;
  }

  /**
   * The values of a storage when the host already knows them (it was written
   * from the host, or read back, and no kernel has written to it since);
   * null otherwise. Lets ops that inspect small index tensors synchronously
   * (bounds checks) work on this backend without a GPU round trip.
   */
  peekSync(storage: Storage): StorageArray | null {
    return this.own(storage).mirror;
  }

  dispose(storage: Storage): void {
    const s = this.own(storage);
    if (s.disposed) return;
    s.disposed = true;
    s.mirror = null;
    this.reclaim.unregister(s);
    this.extra.disposed++;
    this.pool.release(s.buffer);
  }

  /**
   * Starts tracking allocations: every storage allocated until the matching
   * endScope() belongs to the scope. For code that knows which of its
   * temporaries escape (autograd's backward: only the grads it hands to
   * leaves), so they can go back to the pool now instead of at GC.
   */
  beginScope(): void {
    this.scopes.push(new Set());
  }

  /** Ends the innermost scope and frees its storages except `keep` (when `free`). */
  endScope(keep: Iterable<Storage>, free = true): void {
    const scope = this.scopes.pop();
    if (!scope) throw new Error('internal error: endScope without beginScope');
    const outer = this.scopes[this.scopes.length - 1];
    const kept = new Set<Storage>(keep);
    for (const s of scope) {
      if (free && !kept.has(s)) this.dispose(s);
      else if (!s.disposed) outer?.add(s);
    }
  }

  run(kernel: KernelName, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void {
    const k = this.kernels.get(kernel);
    if (k === undefined) throw new Error(`no kernel '${kernel}' on the webgpu backend`);
    this.checkAlive();
    const temps: GPUBuffer[] = [];
    for (const v of inputs) this.zeroed(v.storage as GpuStorage);
    for (const v of outputs) {
      const s = this.own(v.storage);
      if (!s.needsZero) continue;
      if (!PARTIAL_WRITERS.has(kernel) && coversStorage(v)) {
        s.needsZero = false;
        this.extra.clearsSkipped++;
      } else this.zeroed(s);
    }
    const outs = outputs.map((v) => this.resolve(v));
    const outBuffers = new Set(outs.map((v) => v.buffer));
    // A buffer may not be bound for reading and writing in one dispatch, so
    // an input that shares storage with an output (in-place ops) reads a copy,
    // except where an elementwise kernel reads exactly the view it writes
    // (p.add_(g)): each element is read before it is written by the same
    // invocation, so the kernel reads through its read_write output binding.
    const inPlaceOk = ELEMENTWISE_KERNELS.has(kernel) && outs.length === 1 && !selfOverlapping(outs[0]);
    const ins = inputs.map((v) => {
      const g = this.resolve(v);
      if (!outBuffers.has(g.buffer)) return g;
      if (inPlaceOk && sameView(g, outs[0])) {
        this.extra.inPlaceReads++;
        return g;
      }
      const bytes = (v.storage as GpuStorage).size * 4;
      const copy = this.pool.acquire(bytes);
      temps.push(copy);
      this.queue.copy(g.buffer, 0, copy, 0, Math.max(4, Math.ceil(bytes / 4) * 4));
      return { ...g, buffer: copy };
    });
    for (const v of outputs) (v.storage as GpuStorage).mirror = null;
    try {
      k(this.context(temps), ins, outs, attrs ?? {});
    } finally {
      // Safe to hand out again at once: later commands run after this kernel.
      for (const b of temps) this.pool.release(b);
    }
  }

  hasKernel(kernel: KernelName): boolean {
    return this.kernels.has(kernel);
  }

  /** Submits everything recorded so far (benchmarks call it before timing). */
  flush(): void {
    this.queue.flush();
  }

  /** Waits until the GPU has finished all recorded work. */
  async sync(): Promise<void> {
    const probe = this.pool.acquire(4);
    await this.queue.read(probe, 0, 4);
    this.pool.release(probe);
    this.throwDeviceErrors();
  }

  /** Counters since the last resetStats() (tests, the benchmark), compiled pipelines, buffer bytes. */
  stats(): WebGPUStats {
    return {
      ...this.queue.counters,
      ...this.extra,
      pipelines: this.pipelines.size,
      liveBytes: this.pool.liveBytes,
      pooledBytes: this.pool.pooledBytes,
      poolCreates: this.pool.creates,
    };
  }

  /** Keys of the compiled programs, e.g. 'matmul:f32:vec4:kn:8x16'. */
  programKeys(): string[] {
    return this.pipelines.keys();
  }

  resetStats(): void {
    this.queue.resetCounters();
    this.pool.creates = 0;
    Object.assign(this.extra, { clearsSkipped: 0, disposed: 0, collected: 0, inPlaceReads: 0, scalarFills: 0 });
  }

  /** Times each dispatch on the GPU from now on (or stops, `on` false); false when the device lacks 'timestamp-query'. */
  enableProfiling(on = true): boolean {
    return this.queue.enableProfiling(on);
  }

  /** GPU time per kernel since resetStats(), once every submitted timestamp is back; null without profiling. */
  kernelTimes(): Promise<KernelTimes | null> {
    return this.queue.kernelTimes();
  }

  /** Frees pooled buffers and cached pipelines; the device stays the caller's. */
  destroy(): void {
    this.device.removeEventListener('uncapturederror', this.onError);
    this.queue.destroy();
    this.pool.clear();
    this.pipelines.clear();
  }

  private context(temps: GPUBuffer[]): GpuContext {
    return {
      dispatch: (program: KernelProgram, info: Info, buffers: readonly GPUBuffer[], workgroups: [number, number, number]) => {
        const infoBinding = this.queue.infoBinding(info.bytes());
        this.queue.dispatch(this.pipelines.get(program), [infoBinding, ...buffers], workgroups, program.key);
      },
      options: this.options,
      scratch: (dtype: DType, shape: readonly number[]): GpuView => {
        const buffer = this.pool.acquire(Math.max(1, numelOf(shape)) * 4);
        temps.push(buffer);
        const strides: number[] = [];
        let s = 1;
        for (let d = shape.length - 1; d >= 0; d--) {
          strides[d] = s;
          s *= shape[d];
        }
        return { buffer, dtype, shape, strides, offset: 0 };
      },
      fill: (view: GpuView, value: number) => {
        this.kernels.get('fill')!(this.context(temps), [], [view], { value });
      },
    };
  }

  /** Records the zero-fill a reused storage still owes (before anything reads it). */
  private zeroed(s: GpuStorage): void {
    if (!s.needsZero) return;
    s.needsZero = false;
    this.queue.clear(s.buffer, bucketSize(Math.max(1, s.size) * 4));
  }

  private own(storage: Storage): GpuStorage {
    if (!(storage instanceof GpuStorage) || storage.backend !== this) {
      throw runtimeError(`Expected all tensors to be on the same device, but found a tensor on the ${storage.backend.name} backend`);
    }
    return storage;
  }

  private resolve(v: TensorView): GpuView {
    const s = this.own(v.storage);
    if (s.disposed) throw new Error('internal error: a disposed WebGPU storage was used');
    return { buffer: s.buffer, dtype: v.dtype, shape: v.shape, strides: v.strides, offset: v.offset };
  }

  private checkAlive(): void {
    if (this.lost !== null) throw runtimeError(`the WebGPU device was lost: ${this.lost}`);
  }

  private throwDeviceErrors(): void {
    if (this.errors.length === 0) return;
    const first = this.errors.splice(0).join('\n');
    throw new Error(`internal error: WebGPU reported: ${first}`);
  }
}

/** Whether writing every element of `v` writes every element of its storage. */
function coversStorage(v: TensorView): boolean {
  if (v.offset !== 0 || numelOf(v.shape) !== v.storage.size) return false;
  let expected = 1;
  for (let d = v.shape.length - 1; d >= 0; d--) {
    if (v.shape[d] !== 1 && v.strides[d] !== expected) return false;
    expected *= v.shape[d];
  }
  return true;
}

/** Whether two elements of `v` share a location (a stride 0 over a dim of size > 1, as expand makes). */
function selfOverlapping(v: GpuView): boolean {
  return v.shape.some((n, d) => n > 1 && v.strides[d] === 0);
}

function copyWords(words: Float32Array | Int32Array | Uint32Array): ArrayBuffer {
  return words.buffer.slice(words.byteOffset, words.byteOffset + words.byteLength) as ArrayBuffer;
}

/** The engine's WebGPU backend on `device` (created by the caller: Dawn in Node, navigator.gpu in a page). */
export function createWebGPUBackend(device: GPUDevice, options: WebGPUOptions = {}): WebGPUBackend {
  return new WebGPUBackend(device, options);
}
