// Reuses storage buffers: creating a GPUBuffer costs far more than a kernel on
// a small tensor, and a training loop frees and allocates the same sizes every
// step. Sizes are rounded up to a power of two so one bucket serves many sizes.
//
// A buffer released while unsubmitted commands still read it may be handed out
// again at once: commands in one encoder run in order, and uploads go through
// the same encoder (never queue.writeBuffer), so a later write cannot overtake
// an earlier read.
import { STORAGE_USAGE } from './flags';

const MIN_BYTES = 16;

export function bucketSize(bytes: number): number {
  let size = MIN_BYTES;
  while (size < bytes) size *= 2;
  return size;
}

export class BufferPool {
  private readonly free = new Map<number, GPUBuffer[]>();
  private readonly sizes = new WeakMap<GPUBuffer, number>();
  /** Bytes currently handed out (for tests and the memory budget). */
  liveBytes = 0;
  /** Bytes held in the free lists. */
  pooledBytes = 0;
  /** Buffers created (not reused) since the counter was last reset. */
  creates = 0;

  /** `retire` destroys a buffer once work already recorded with it is submitted. */
  constructor(
    private readonly device: GPUDevice,
    private readonly retire: (b: GPUBuffer) => void = (b) => b.destroy(),
    private readonly maxPooledBytes = 256 * 1024 * 1024,
    private readonly onCreate: () => void = () => {},
  ) {}

  /** A buffer of at least `bytes`; `onReuse` runs when it held earlier data (a new one is zeros). */
  acquire(bytes: number, onReuse?: (b: GPUBuffer, size: number) => void): GPUBuffer {
    const size = bucketSize(bytes);
    const list = this.free.get(size);
    let buffer = list?.pop();
    if (buffer) {
      this.pooledBytes -= size;
      onReuse?.(buffer, size);
    } else {
      buffer = this.device.createBuffer({ size, usage: STORAGE_USAGE });
      this.creates++;
      this.onCreate();
      this.sizes.set(buffer, size);
    }
    this.liveBytes += size;
    return buffer;
  }

  release(buffer: GPUBuffer): void {
    const size = this.sizes.get(buffer);
    if (size === undefined) throw new Error('internal error: buffer released to a pool that did not allocate it');
    this.liveBytes -= size;
    if (this.pooledBytes + size > this.maxPooledBytes) {
      this.retire(buffer);
      return;
    }
    let list = this.free.get(size);
    if (!list) this.free.set(size, (list = []));
    list.push(buffer);
    this.pooledBytes += size;
  }

  /** Destroys every pooled buffer (buffers still handed out are the caller's). */
  clear(): void {
    for (const list of this.free.values()) for (const b of list) b.destroy();
    this.free.clear();
    this.pooledBytes = 0;
  }
}
