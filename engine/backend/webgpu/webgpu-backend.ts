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
import { BufferUsage } from './flags';
import { BufferPool } from './pool';
import { PipelineCache } from './pipelines';
import type { KernelProgram } from './pipelines';
import { GpuQueue } from './queue';
import { GpuStorage, decode, encode, wgslType } from './storage';
import { allKernels } from './kernels/index';

/** Host copies of storages up to this many elements are kept after a read. */
const MIRROR_LIMIT = 1 << 16;

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

  constructor(readonly device: GPUDevice) {
    this.queue = new GpuQueue(device);
    this.pool = new BufferPool(device, (b) => this.queue.retire(b));
    this.pipelines = new PipelineCache(device);
    for (const [name, k] of allKernels) {
      if (this.kernels.has(name)) throw new Error(`webgpu kernel registered twice: ${name}`);
      this.kernels.set(name, k);
    }
    // A storage the program dropped without dispose() returns its buffer here.
    this.reclaim = new FinalizationRegistry((buffer) => this.pool.release(buffer));
    device.addEventListener('uncapturederror', (e) => {
      this.errors.push((e as GPUUncapturedErrorEvent).error.message);
    });
    void device.lost.then((info) => {
      this.lost = info.message || info.reason;
    });
  }

  alloc(dtype: DType, size: number): GpuStorage {
    wgslType(dtype); // float64 raises here, before any buffer exists
    this.checkAlive();
    // Storages start as zeros, as on the CPU backend (factories rely on it).
    const buffer = this.pool.acquire(Math.max(1, size) * 4, (b, bytes) => this.queue.clear(b, bytes));
    const storage = new GpuStorage(this, dtype, size, buffer);
    this.reclaim.register(storage, buffer, storage);
    return storage;
  }

  write(storage: Storage, data: ArrayLike<number>, offset = 0): void {
    const s = this.own(storage);
    const words = encode(s.dtype, data);
    this.queue.upload(s.buffer, offset * 4, words);
    s.mirror = offset === 0 && data.length === s.size && s.size <= MIRROR_LIMIT ? decode(s.dtype, copyWords(words), s.size) : null;
  }

  async read(storage: Storage): Promise<StorageArray> {
    const s = this.own(storage);
    if (s.mirror) return s.mirror.slice();
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
    this.pool.release(s.buffer);
  }

  run(kernel: KernelName, inputs: readonly TensorView[], outputs: readonly TensorView[], attrs?: KernelAttrs): void {
    const k = this.kernels.get(kernel);
    if (k === undefined) throw new Error(`no kernel '${kernel}' on the webgpu backend`);
    this.checkAlive();
    const temps: GPUBuffer[] = [];
    const outs = outputs.map((v) => this.resolve(v));
    const outBuffers = new Set(outs.map((v) => v.buffer));
    // A buffer may not be bound for reading and writing in one dispatch, so
    // an input that shares storage with an output (in-place ops) reads a copy.
    const ins = inputs.map((v) => {
      const g = this.resolve(v);
      if (!outBuffers.has(g.buffer)) return g;
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

  /** Counters for tests: submits so far, compiled pipelines, buffer bytes. */
  stats(): { submits: number; pipelines: number; liveBytes: number; pooledBytes: number } {
    return { submits: this.queue.submits, pipelines: this.pipelines.size, liveBytes: this.pool.liveBytes, pooledBytes: this.pool.pooledBytes };
  }

  /** Frees pooled buffers and cached pipelines; the device stays the caller's. */
  destroy(): void {
    this.queue.flush();
    this.pool.clear();
    this.pipelines.clear();
  }

  private context(temps: GPUBuffer[]): GpuContext {
    return {
      dispatch: (program: KernelProgram, info: Info, buffers: readonly GPUBuffer[], workgroups: [number, number, number]) => {
        const bytes = info.bytes();
        const infoBuffer = this.queue.temporary(bytes.byteLength, BufferUsage.STORAGE, (range) => {
          new Uint8Array(range).set(new Uint8Array(bytes));
        });
        this.queue.dispatch(this.pipelines.get(program), [infoBuffer, ...buffers], workgroups);
      },
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

function copyWords(words: Float32Array | Int32Array | Uint32Array): ArrayBuffer {
  return words.buffer.slice(words.byteOffset, words.byteOffset + words.byteLength) as ArrayBuffer;
}

/** The engine's WebGPU backend on `device` (created by the caller: Dawn in Node, navigator.gpu in a page). */
export function createWebGPUBackend(device: GPUDevice): WebGPUBackend {
  return new WebGPUBackend(device);
}
