// The plumbing under every kernel: pooled buffers, uploads recorded in order
// with kernels, one submit per read, and a compiled pipeline reused by key.
import { describe, expect, it } from 'vitest';
import { testDevice } from './gpu';
import { BufferPool, bucketSize } from '../../engine/backend/webgpu/pool';
import { GpuQueue } from '../../engine/backend/webgpu/queue';
import { PipelineCache } from '../../engine/backend/webgpu/pipelines';

const double = {
  key: 'test-double',
  code: () => `@group(0) @binding(0) var<storage, read_write> a: array<f32>;
@compute @workgroup_size(64) fn main(@builtin(global_invocation_id) g: vec3u) {
  if (g.x < 8u) { a[g.x] = a[g.x] * 2.0; }
}`,
};

describe('webgpu plumbing', () => {
  it('has an adapter (a missing one fails the suite)', async () => {
    const { device, adapterName } = await testDevice();
    expect(device).toBeTruthy();
    expect(adapterName.length).toBeGreaterThan(0);
  });

  it('rounds buffer sizes to buckets and reuses released buffers', async () => {
    const { device } = await testDevice();
    expect(bucketSize(1)).toBe(16);
    expect(bucketSize(17)).toBe(32);
    expect(bucketSize(4096)).toBe(4096);
    const pool = new BufferPool(device);
    const a = pool.acquire(100);
    expect(pool.liveBytes).toBe(128);
    pool.release(a);
    expect(pool.acquire(120)).toBe(a);
    expect(pool.acquire(120)).not.toBe(a);
    pool.clear();
  });

  it('keeps upload, kernel, upload, kernel in order and submits once per read', async () => {
    const { device } = await testDevice();
    const pool = new BufferPool(device);
    const queue = new GpuQueue(device);
    const cache = new PipelineCache(device);
    const buf = pool.acquire(32);
    const pipeline = cache.get(double);
    expect(cache.get(double)).toBe(pipeline);
    queue.upload(buf, 0, new Float32Array([1, 2, 3, 4, 5, 6, 7, 8]));
    queue.dispatch(pipeline, [buf], [1, 1, 1]);
    const snapshot = pool.acquire(32);
    queue.copy(buf, 0, snapshot, 0, 32);
    // This upload is recorded after the kernel; a queue.writeBuffer here would
    // have overtaken it.
    queue.upload(buf, 0, new Float32Array([10, 20]));
    queue.dispatch(pipeline, [buf], [1, 1, 1]);
    expect(queue.submits).toBe(0);
    const first = new Float32Array(await queue.read(snapshot, 0, 32));
    expect(queue.submits).toBe(1);
    expect([...first]).toEqual([2, 4, 6, 8, 10, 12, 14, 16]);
    const second = new Float32Array(await queue.read(buf, 4, 12));
    expect([...second]).toEqual([40, 12, 16]);
  });
});
