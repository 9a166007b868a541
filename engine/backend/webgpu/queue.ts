// Lazy submission: kernels and uploads are recorded into one command encoder
// and submitted together when a value is read (or when enough work is
// pending). Reading is the only thing that waits, through mapAsync.
//
// Uploads are recorded as copies from a freshly mapped staging buffer inside
// the same encoder, never with queue.writeBuffer: writeBuffer runs at once on
// the queue, ahead of recorded-but-unsubmitted kernels, and would let a write
// overtake an earlier read of a reused buffer.
//
// Per-dispatch costs are kept off the device: kernel metadata ("info") goes
// into persistent ring chunks written once per submission (see InfoRing), bind
// groups are cached by what they bind, and readback staging buffers are
// pooled, so a training step that repeats the same work creates no buffers.
import { BufferUsage, MapMode } from './flags';
import { bucketSize } from './pool';
import { GpuProfiler } from './profiler';
import type { KernelTimes } from './profiler';

/** Submit after this many recorded commands, to bound the staging garbage. */
const MAX_PENDING = 256;
/** Bind groups kept; the cache is emptied when it grows past this. */
const MAX_BIND_GROUPS = 4096;
/** Bytes of one info chunk (host copy + GPU buffer). */
const INFO_CHUNK = 64 * 1024;
/** Uploads up to this size go through the info ring instead of a staging buffer of their own. */
const MAX_RING_UPLOAD = 4096;

/** What the queue has asked of the device so far: the bench divides by steps. */
export interface GpuCounters {
  createBuffer: number;
  createBindGroup: number;
  bindGroupHits: number;
  dispatches: number;
  /** Compute passes begun: copies and clears end a pass. */
  passes: number;
  copies: number;
  clears: number;
  submits: number;
  reads: number;
  uploadBytes: number;
  readBytes: number;
  infoBytes: number;
  /** ms between issuing a read (submit + mapAsync) and its values arriving. */
  readWaitMs: number;
}

export function zeroCounters(): GpuCounters {
  return {
    createBuffer: 0, createBindGroup: 0, bindGroupHits: 0, dispatches: 0, passes: 0, copies: 0, clears: 0,
    submits: 0, reads: 0, uploadBytes: 0, readBytes: 0, infoBytes: 0, readWaitMs: 0,
  };
}

/** A buffer or a window on one, as a bind group entry takes it. */
export type Binding = GPUBuffer | { buffer: GPUBuffer; offset: number; size: number };

/**
 * Kernel metadata (and small uploads) for one submission, sub-allocated from persistent chunks at
 * the device's storage offset alignment. The host copy is written to the GPU
 * with queue.writeBuffer right before the submit: that is ordered after every
 * earlier submit (which may still read the chunk) and before this one.
 */
class InfoRing {
  private readonly chunks: { buffer: GPUBuffer; host: Uint8Array<ArrayBuffer>; used: number }[] = [];
  private current = 0;

  constructor(private readonly device: GPUDevice, private readonly counters: GpuCounters, private readonly align: number) {}

  put(bytes: ArrayBuffer): { buffer: GPUBuffer; offset: number; size: number } {
    const size = Math.max(16, Math.ceil(bytes.byteLength / 4) * 4);
    let chunk = this.chunks[this.current];
    while (chunk && chunk.used + size > chunk.host.byteLength) chunk = this.chunks[++this.current];
    if (!chunk) {
      const capacity = Math.max(INFO_CHUNK, bucketSize(size));
      this.counters.createBuffer++;
      chunk = { buffer: this.device.createBuffer({ size: capacity, usage: BufferUsage.STORAGE | BufferUsage.COPY_DST | BufferUsage.COPY_SRC }), host: new Uint8Array(capacity), used: 0 };
      this.chunks[this.current] = chunk;
    }
    const offset = chunk.used;
    chunk.host.set(new Uint8Array(bytes), offset);
    chunk.used = Math.ceil((offset + size) / this.align) * this.align;
        return { buffer: chunk.buffer, offset, size };
  }

  /** Writes this submission's metadata and starts the next submission's at the front. */
  upload(): void {
    for (let i = 0; i <= this.current && i < this.chunks.length; i++) {
      const c = this.chunks[i];
      if (c.used > 0) this.device.queue.writeBuffer(c.buffer, 0, c.host, 0, Math.min(c.used, c.host.byteLength));
      c.used = 0;
    }
    this.current = 0;
  }

  destroy(): void {
    for (const c of this.chunks) c.buffer.destroy();
    this.chunks.length = 0;
    this.current = 0;
  }
}

export class GpuQueue {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pending = 0;
  /** Per-submission temporaries (upload staging buffers, retired buffers). */
  private garbage: GPUBuffer[] = [];
  readonly counters = zeroCounters();
  private readonly info: InfoRing;
  private readonly bindGroups = new Map<string, GPUBindGroup>();
  private readonly ids = new WeakMap<object, number>();
  private nextId = 1;
  /** Free MAP_READ staging buffers by size. */
  private readonly readStaging = new Map<number, GPUBuffer[]>();
  private profiler: GpuProfiler | null = null;
  private timing = false;

  constructor(private readonly device: GPUDevice) {
    this.info = new InfoRing(device, this.counters, device.limits?.minStorageBufferOffsetAlignment ?? 256);
  }

  /** Number of queue.submit calls so far (tests check laziness with it). */
  get submits(): number {
    return this.counters.submits;
  }

  /** Times every dispatch with timestamp queries from now on, or stops (needs the device's 'timestamp-query' feature). */
  enableProfiling(on = true): boolean {
    if (!this.device.features.has('timestamp-query')) return false;
    this.profiler ??= new GpuProfiler(this.device, MAX_PENDING);
    this.timing = on;
    return true;
  }

  /** GPU ms per kernel label for every submission whose timestamps have arrived. */
  async kernelTimes(): Promise<KernelTimes | null> {
    if (!this.profiler) return null;
    return this.profiler.settled();
  }

  resetCounters(): void {
    Object.assign(this.counters, zeroCounters());
    this.profiler?.reset();
  }

  private getEncoder(): GPUCommandEncoder {
    if (!this.encoder) this.encoder = this.device.createCommandEncoder();
    return this.encoder;
  }

  private endPass(): void {
    if (this.pass) {
      this.pass.end();
      this.pass = null;
    }
  }

  private counted(): void {
    if (++this.pending >= MAX_PENDING) this.flush();
  }

  /** A buffer mapped at creation, filled by `fill`, freed after the next submit. */
  temporary(bytes: number, usage: number, fill: (range: ArrayBuffer) => void): GPUBuffer {
    const size = Math.max(16, Math.ceil(bytes / 4) * 4);
    this.counters.createBuffer++;
    const buffer = this.device.createBuffer({ size, usage, mappedAtCreation: true });
    fill(buffer.getMappedRange());
    buffer.unmap();
    this.garbage.push(buffer);
    return buffer;
  }

  /** A binding of `bytes` (kernel metadata) valid for commands recorded before the next submit. */
  infoBinding(bytes: ArrayBuffer): Binding {
    this.counters.infoBytes += bytes.byteLength;
    return this.info.put(bytes);
  }

  private id(o: object): number {
    let id = this.ids.get(o);
    if (id === undefined) this.ids.set(o, (id = this.nextId++));
    return id;
  }

  private bindGroup(pipeline: GPUComputePipeline, entries: readonly Binding[]): GPUBindGroup {
    let key = String(this.id(pipeline));
    for (const e of entries) key += 'buffer' in e ? `|${this.id(e.buffer)}@${e.offset}+${e.size}` : `|${this.id(e)}`;
    let group = this.bindGroups.get(key);
    if (group) {
      this.counters.bindGroupHits++;
      return group;
    }
    if (this.bindGroups.size >= MAX_BIND_GROUPS) this.bindGroups.clear();
    this.counters.createBindGroup++;
    group = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: entries.map((e, binding) => ({ binding, resource: 'buffer' in e ? e : { buffer: e } })),
    });
    this.bindGroups.set(key, group);
    return group;
  }

  /** Records one dispatch; `label` names it in the profile (the program key). */
  dispatch(pipeline: GPUComputePipeline, entries: readonly Binding[], workgroups: [number, number, number], label = 'kernel'): void {
    const bindGroup = this.bindGroup(pipeline, entries);
    const timed = this.timing ? this.profiler?.slot(label) : null;
    if (timed) {
      // One pass per dispatch: WebGPU only timestamps pass boundaries.
      this.endPass();
      this.pass = this.getEncoder().beginComputePass({ timestampWrites: timed });
      this.counters.passes++;
    } else if (!this.pass) {
      this.pass = this.getEncoder().beginComputePass();
      this.counters.passes++;
    }
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(workgroups[0], workgroups[1], workgroups[2]);
    this.counters.dispatches++;
    if (timed) this.endPass();
    this.counted();
  }

  /** Records an upload of `data` into `dst` at byte `dstOffset`. */
  upload(dst: GPUBuffer, dstOffset: number, data: ArrayBufferView): void {
    const bytes = data.byteLength;
    if (bytes === 0) return;
    const padded = Math.ceil(bytes / 4) * 4;
    this.counters.uploadBytes += bytes;
    if (padded <= MAX_RING_UPLOAD) {
      // Small uploads (scalars, labels) ride in the metadata ring: copied
      // from it by a command recorded here, so they keep their order.
      const src = new Uint8Array(padded);
      src.set(new Uint8Array(data.buffer, data.byteOffset, bytes));
      const at = this.info.put(src.buffer);
      this.copy(at.buffer, at.offset, dst, dstOffset, padded);
      return;
    }
    const staging = this.temporary(padded, BufferUsage.COPY_SRC, (range) => {
      new Uint8Array(range, 0, bytes).set(new Uint8Array(data.buffer, data.byteOffset, bytes));
    });
    this.copy(staging, 0, dst, dstOffset, padded);
  }

  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, bytes: number): void {
    this.endPass();
    this.getEncoder().copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
    this.counters.copies++;
    this.counted();
  }

  /** Destroys `buffer` after the next submit (recorded commands may still use it). */
  retire(buffer: GPUBuffer): void {
    this.garbage.push(buffer);
  }

  /** Submits everything recorded so far. */
  flush(): void {
    this.endPass();
    if (this.encoder) {
      this.profiler?.resolve(this.encoder);
      this.info.upload();
      this.device.queue.submit([this.encoder.finish()]);
      this.counters.submits++;
      this.encoder = null;
      this.profiler?.submitted();
    }
    this.pending = 0;
    // Destroying after submit is allowed: the buffers live until the GPU is
    // done with the submitted work.
    for (const b of this.garbage) b.destroy();
    this.garbage = [];
  }

  /** Records zeroing `bytes` of `buffer`. */
  clear(buffer: GPUBuffer, bytes: number): void {
    this.endPass();
    this.getEncoder().clearBuffer(buffer, 0, bytes);
    this.counters.clears++;
    this.counted();
  }

  /** Submits pending work and copies `bytes` from `src` back to the CPU. */
  async read(src: GPUBuffer, srcOffset: number, bytes: number): Promise<ArrayBuffer> {
    const padded = Math.max(4, Math.ceil(bytes / 4) * 4);
    const size = bucketSize(padded);
    let staging = this.readStaging.get(size)?.pop();
    if (!staging) {
      this.counters.createBuffer++;
      staging = this.device.createBuffer({ size, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    }
    this.copy(src, srcOffset, staging, 0, padded);
    this.flush();
    this.counters.reads++;
    this.counters.readBytes += bytes;
    const t0 = performance.now();
    let ok = false;
    try {
      await staging.mapAsync(MapMode.READ, 0, padded);
      const out = staging.getMappedRange(0, padded).slice(0, bytes);
      staging.unmap();
      ok = true;
      return out;
    } finally {
      this.counters.readWaitMs += performance.now() - t0;
      if (ok) {
        let list = this.readStaging.get(size);
        if (!list) this.readStaging.set(size, (list = []));
        list.push(staging);
      } else staging.destroy();
    }
  }

  /** Frees what the queue keeps between submissions (after a final flush). */
  destroy(): void {
    this.flush();
    this.info.destroy();
    for (const list of this.readStaging.values()) for (const b of list) b.destroy();
    this.readStaging.clear();
    this.bindGroups.clear();
    this.profiler?.destroy();
    this.profiler = null;
  }
}
