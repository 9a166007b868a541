// Lazy submission: kernels and uploads are recorded into one command encoder
// and submitted together when a value is read (or when enough work is
// pending). Reading is the only thing that waits, through mapAsync.
//
// Uploads are recorded as copies from a freshly mapped staging buffer inside
// the same encoder, never with queue.writeBuffer: writeBuffer runs at once on
// the queue, ahead of recorded-but-unsubmitted kernels, and would let a write
// overtake an earlier read of a reused buffer.
import { BufferUsage, MapMode } from './flags';

/** Submit after this many recorded commands, to bound the staging garbage. */
const MAX_PENDING = 256;

export class GpuQueue {
  private encoder: GPUCommandEncoder | null = null;
  private pass: GPUComputePassEncoder | null = null;
  private pending = 0;
  /** Per-submission temporaries (staging and metadata buffers). */
  private garbage: GPUBuffer[] = [];
  /** Number of queue.submit calls so far (tests check laziness with it). */
  submits = 0;

  constructor(private readonly device: GPUDevice) {}

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
    const buffer = this.device.createBuffer({ size, usage, mappedAtCreation: true });
    fill(buffer.getMappedRange());
    buffer.unmap();
    this.garbage.push(buffer);
    return buffer;
  }

  dispatch(pipeline: GPUComputePipeline, entries: GPUBuffer[], workgroups: [number, number, number]): void {
    const bindGroup = this.device.createBindGroup({
      layout: pipeline.getBindGroupLayout(0),
      entries: entries.map((buffer, binding) => ({ binding, resource: { buffer } })),
    });
    if (!this.pass) this.pass = this.getEncoder().beginComputePass();
    this.pass.setPipeline(pipeline);
    this.pass.setBindGroup(0, bindGroup);
    this.pass.dispatchWorkgroups(workgroups[0], workgroups[1], workgroups[2]);
    this.counted();
  }

  /** Records an upload of `data` into `dst` at byte `dstOffset`. */
  upload(dst: GPUBuffer, dstOffset: number, data: ArrayBufferView): void {
    const bytes = data.byteLength;
    if (bytes === 0) return;
    const padded = Math.ceil(bytes / 4) * 4;
    const staging = this.temporary(padded, BufferUsage.COPY_SRC, (range) => {
      new Uint8Array(range, 0, bytes).set(new Uint8Array(data.buffer, data.byteOffset, bytes));
    });
    this.copy(staging, 0, dst, dstOffset, padded);
  }

  copy(src: GPUBuffer, srcOffset: number, dst: GPUBuffer, dstOffset: number, bytes: number): void {
    this.endPass();
    this.getEncoder().copyBufferToBuffer(src, srcOffset, dst, dstOffset, bytes);
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
      this.device.queue.submit([this.encoder.finish()]);
      this.submits++;
      this.encoder = null;
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
    this.counted();
  }

  /** Submits pending work and copies `bytes` from `src` back to the CPU. */
  async read(src: GPUBuffer, srcOffset: number, bytes: number): Promise<ArrayBuffer> {
    const padded = Math.max(4, Math.ceil(bytes / 4) * 4);
    const staging = this.device.createBuffer({ size: padded, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST });
    this.copy(src, srcOffset, staging, 0, padded);
    this.flush();
    try {
      await staging.mapAsync(MapMode.READ);
      return staging.getMappedRange().slice(0, bytes);
    } finally {
      staging.destroy();
    }
  }
}
