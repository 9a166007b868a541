// GPU time per kernel from timestamp queries (only when the device has the
// 'timestamp-query' feature and someone asked: each timed dispatch gets a
// compute pass of its own, which costs a little). Each submission takes a
// slot (query set + resolve buffer + readback buffer); its timestamps are
// read back in the background and added up by label (the program key).
import { BufferUsage, MapMode } from './flags';

const QUERY_RESOLVE = 0x0200;

export interface KernelTimes {
  /** Sum of kernel durations, ms, by label. */
  byKernel: Map<string, { ms: number; count: number }>;
  /** Sum over all timed dispatches, ms. */
  totalMs: number;
  /** Per submission: last end minus first begin, summed, ms (includes copies/clears and gaps). */
  spanMs: number;
}

interface Slot {
  querySet: GPUQuerySet;
  resolve: GPUBuffer;
  readback: GPUBuffer;
  labels: string[];
}

export class GpuProfiler {
  private readonly free: Slot[] = [];
  private current: Slot | null = null;
  private readonly inFlight = new Set<Promise<void>>();
  private times: KernelTimes = { byKernel: new Map(), totalMs: 0, spanMs: 0 };
  private generation = 0;

  constructor(private readonly device: GPUDevice, private readonly capacity: number) {}

  /** timestampWrites for the next dispatch, or null once this submission's slot is full. */
  slot(label: string): GPUComputePassTimestampWrites | null {
    if (!this.current) this.current = this.free.pop() ?? this.create();
    const s = this.current;
    if (s.labels.length >= this.capacity) return null;
    const i = s.labels.length;
    s.labels.push(label);
    return { querySet: s.querySet, beginningOfPassWriteIndex: 2 * i, endOfPassWriteIndex: 2 * i + 1 };
  }

  private create(): Slot {
    const n = 2 * this.capacity;
    return {
      querySet: this.device.createQuerySet({ type: 'timestamp', count: n }),
      resolve: this.device.createBuffer({ size: n * 8, usage: QUERY_RESOLVE | BufferUsage.COPY_SRC }),
      readback: this.device.createBuffer({ size: n * 8, usage: BufferUsage.MAP_READ | BufferUsage.COPY_DST }),
      labels: [],
    };
  }

  /** Records resolving this submission's timestamps (before encoder.finish()). */
  resolve(encoder: GPUCommandEncoder): void {
    const s = this.current;
    if (!s || s.labels.length === 0) return;
    const n = 2 * s.labels.length;
    encoder.resolveQuerySet(s.querySet, 0, n, s.resolve, 0);
    encoder.copyBufferToBuffer(s.resolve, 0, s.readback, 0, n * 8);
  }

  /** After the submit: reads the timestamps back without blocking anyone. */
  submitted(): void {
    const s = this.current;
    this.current = null;
    if (!s) return;
    if (s.labels.length === 0) {
      this.free.push(s);
      return;
    }
    const gen = this.generation;
    const p = s.readback.mapAsync(MapMode.READ).then(() => {
      const t = new BigInt64Array(s.readback.getMappedRange().slice(0, s.labels.length * 16));
      s.readback.unmap();
      if (gen === this.generation) this.add(s.labels, t);
      s.labels = [];
      this.free.push(s);
    });
    this.inFlight.add(p);
    void p.finally(() => this.inFlight.delete(p));
  }

  private add(labels: readonly string[], t: BigInt64Array): void {
    let first = Infinity;
    let last = -Infinity;
    labels.forEach((label, i) => {
      const b = Number(t[2 * i]);
      const e = Number(t[2 * i + 1]);
      if (b === 0 && e === 0) return;
      first = Math.min(first, b);
      last = Math.max(last, e);
      const ms = Math.max(0, e - b) / 1e6;
      const k = this.times.byKernel.get(label) ?? { ms: 0, count: 0 };
      k.ms += ms;
      k.count++;
      this.times.byKernel.set(label, k);
      this.times.totalMs += ms;
    });
    if (last > first) this.times.spanMs += (last - first) / 1e6;
  }

  async settled(): Promise<KernelTimes> {
    while (this.inFlight.size > 0) await Promise.all([...this.inFlight]);
    return this.times;
  }

  reset(): void {
    this.generation++;
    this.times = { byKernel: new Map(), totalMs: 0, spanMs: 0 };
  }

  destroy(): void {
    for (const s of this.free) {
      s.querySet.destroy();
      s.resolve.destroy();
      s.readback.destroy();
    }
    this.free.length = 0;
  }
}
