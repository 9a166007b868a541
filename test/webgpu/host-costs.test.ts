// What the WebGPU backend asks of the device per step, and that the shortcuts
// behind those counts keep the results: kernel metadata and small uploads
// ride in a persistent ring (no buffer per dispatch), readback staging is
// reused, a reused buffer is zeroed only when something could see its old
// contents, backward frees its temporaries at once, and timestamp queries
// give GPU time per kernel.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as E from '../../engine/index';
import type { Tensor } from '../../engine/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss } from '../../engine/nn/index';
import { SGD } from '../../engine/optim/index';
import { defaultGenerator } from '../../engine/random/index';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import type { TensorView } from '../../engine/backend/backend';
import { createDawnDevice } from '../../extension/gpu/dawn';
import { testDevice } from './gpu';

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});
afterEach(() => E.setDefaultBackend(E.cpuBackend));

function vec(data: number[]): TensorView {
  const storage = gpu.alloc('float32', data.length);
  gpu.write(storage, data);
  return { storage, shape: [data.length], strides: [1], offset: 0, dtype: 'float32' };
}

describe('webgpu host costs', () => {
  it('dispatches, uploads and reads create no buffers once the pool holds the sizes', async () => {
    const a = vec([1, 2, 3, 4]);
    const y = vec([0, 0, 0, 0]);
    // Warm up: the first GPU read makes its staging buffer. The in-place add
    // reads y through its output binding (no copy, so no pooled buffer).
    gpu.run('add', [y, a], [y]);
    await gpu.read(y.storage);
    gpu.resetStats();
    for (let i = 0; i < 50; i++) gpu.run('add', [y, a], [y]);
    gpu.write(a.storage, [5, 6, 7, 8]); // a small upload: through the ring
    gpu.run('add', [y, a], [y]);
    expect([...(await gpu.read(y.storage))]).toEqual([56, 108, 160, 212]);
    const s = gpu.stats();
    expect(s.dispatches).toBe(51);
    expect(s.copies).toBe(1 + 1); // the upload, the readback: in-place adds copy nothing
    expect(s.inPlaceReads).toBe(51);
    expect(s.createBuffer).toBe(0);
    // The same kernel on the same buffers binds one group per distinct info slot.
    expect(s.createBindGroup + s.bindGroupHits).toBe(51);
    expect(s.submits).toBe(1);
    expect(s.reads).toBe(1);
    expect(s.uploadBytes).toBe(16);
  });

  it('metadata past one ring chunk (200 reductions in one submit) stays with its own dispatch', async () => {
    const x = vec([1, 2, 3, 4, 5]);
    gpu.resetStats();
    const outs = Array.from({ length: 200 }, (_, i) => {
      const y = gpu.alloc('float32', 1);
      // Each reduction sees a different window of x, so each info differs.
      const n = 1 + (i % 5);
      gpu.run('sum', [{ ...x, shape: [n], strides: [1] }], [{ storage: y, shape: [1], strides: [1], offset: 0, dtype: 'float32' }], { dims: [0] });
      return { y, want: (n * (n + 1)) / 2 };
    });
    // Over 256 bytes each, so 200 of them take more than one 64 KiB chunk of 256-byte slots.
    expect(gpu.stats().infoBytes / gpu.stats().dispatches).toBeGreaterThan(256);
    expect(gpu.stats().submits).toBe(0);
    const got = await Promise.all(outs.map(async (o) => (await gpu.read(o.y))[0]));
    expect(got).toEqual(outs.map((o) => o.want));
  });

  it('a reused buffer reads as zeros, and is not cleared when a kernel overwrites all of it', async () => {
    const old = gpu.alloc('float32', 6);
    gpu.write(old, [1, 2, 3, 4, 5, 6]);
    gpu.dispose(old);
    gpu.resetStats();
    const fresh = gpu.alloc('float32', 6); // the same pooled buffer, still holding 1..6
    expect([...(await gpu.read(fresh))]).toEqual([0, 0, 0, 0, 0, 0]);
    expect(gpu.stats().clears).toBe(1);

    const src = vec([7, 8, 9, 10, 11, 12]);
    gpu.dispose(fresh);
    gpu.resetStats();
    const out = gpu.alloc('float32', 6);
    gpu.run('neg', [src], [{ storage: out, shape: [6], strides: [1], offset: 0, dtype: 'float32' }]);
    expect([...(await gpu.read(out))]).toEqual([-7, -8, -9, -10, -11, -12]);
    expect(gpu.stats().clears).toBe(0);
    expect(gpu.stats().clearsSkipped).toBe(1);

    // A kernel that writes only some elements (index_put) must see zeros elsewhere.
    gpu.dispose(out);
    const dst = gpu.alloc('float32', 6);
    const idx = gpu.alloc('int64', 2);
    gpu.write(idx, [1, 4]);
    const vals = vec([3, 5]);
    gpu.run('index_put', [vals, { storage: idx, shape: [2], strides: [1], offset: 0, dtype: 'int64' }], [{ storage: dst, shape: [6], strides: [1], offset: 0, dtype: 'float32' }], { accumulate: true });
    expect([...(await gpu.read(dst))]).toEqual([0, 3, 0, 0, 5, 0]);

    // So must a strided output that covers only part of its storage.
    gpu.dispose(dst);
    const half = gpu.alloc('float32', 6);
    gpu.run('fill', [], [{ storage: half, shape: [3], strides: [2], offset: 0, dtype: 'float32' }], { value: 1 });
    expect([...(await gpu.read(half))]).toEqual([1, 0, 1, 0, 1, 0]);
  });

  it('backward frees its temporaries at once; grads (leaf and retained) survive', async () => {
    E.setDefaultBackend(gpu);
    defaultGenerator.manualSeed(3);
    const w = E.requiresGrad_(E.randn([4, 3], { backend: gpu }));
    const x = E.randn([5, 4], { backend: gpu });
    const h = E.relu(E.matmul(x, w));
    E.retainGrad(h);
    const loss = E.sum(E.mul(h, h));
    gpu.resetStats();
    E.backward(loss);
    expect(gpu.stats().disposed).toBeGreaterThan(0);
    // The same graph on the CPU backend gives the same grads.
    const wc = E.requiresGrad_(E.fromValues(Array.from(await w.read()), [4, 3], 'float32', E.cpuBackend));
    const xc = E.fromValues(Array.from(await x.read()), [5, 4], 'float32', E.cpuBackend);
    const hc = E.relu(E.matmul(xc, wc));
    E.retainGrad(hc);
    E.backward(E.sum(E.mul(hc, hc)));
    const near = (a: ArrayLike<number>, b: ArrayLike<number>) => Array.from(a).every((v, i) => Math.abs(v - b[i]) <= 1e-4 * (1 + Math.abs(b[i])));
    expect(near(await w.grad!.read(), await wc.grad!.read())).toBe(true);
    expect(near(await h.grad!.read(), await hc.grad!.read())).toBe(true);
  });

  it('a warm MLP training step makes no buffers but storages, and frees backward temporaries at once', async () => {
    E.setDefaultBackend(gpu);
    defaultGenerator.manualSeed(0);
    const model = new Sequential(new Linear(20, 16), new ReLU(), new Linear(16, 4));
    const x = E.randn([8, 20], { backend: gpu });
    const target = E.fromValues([0, 1, 2, 3, 0, 1, 2, 3], [8], 'int64', gpu);
    const criterion = new CrossEntropyLoss();
    const opt = new SGD([...model.parameters()], { lr: 0.1 });
    const step = async (): Promise<number> => {
      opt.zeroGrad();
      const loss = (await criterion.call((await model.call(x)) as Tensor, target)) as Tensor;
      E.backward(loss);
      opt.step();
      return (await loss.read())[0];
    };
    for (let i = 0; i < 3; i++) await step();
    gpu.resetStats();
    const steps = 4;
    for (let i = 0; i < steps; i++) await step();
    const s = gpu.stats();
    // Metadata, uploads and readback staging reuse what the warm-up made; only
    // storages whose tensors wait for GC to come back may still be created.
    expect(s.createBuffer).toBe(s.poolCreates);
    expect(s.submits).toBe(steps);
    expect(s.reads).toBe(steps);
    // Each step's backward hands at least its matmul/relu grad temporaries back.
    expect(s.disposed / steps).toBeGreaterThanOrEqual(6);
    // One compute pass and one copy (the loss readback) per step: SGD updates
    // in place without copies, the loss's 0-d scalars are fills, not uploads.
    expect(s.passes).toBe(steps);
    expect(s.copies).toBe(steps);
    expect(s.inPlaceReads).toBe(4 * steps);
  });

  it('0-d writes are one-element fills (no copy) and store what an upload would', async () => {
    const cases: [E.DType, number][] = [
      ['float32', 1.5], ['float32', NaN], ['float32', -0], ['float32', 1e-40], ['float32', -Infinity], ['float32', 0.1],
      ['int64', -123456], ['int32', 2147483647], ['bool', 1], ['bool', 0],
    ];
    gpu.resetStats();
    const outs = cases.map(([dtype, v]) => {
      const s = gpu.alloc(dtype, 1);
      gpu.write(s, [v]);
      // Read through a kernel: a plain read would answer from the host mirror.
      const y = gpu.alloc(dtype, 1);
      const view = (st: typeof s): TensorView => ({ storage: st, shape: [1], strides: [1], offset: 0, dtype });
      gpu.run('copy', [view(s)], [view(y)]);
      return y;
    });
    const st = gpu.stats();
    expect(st.copies).toBe(0);
    expect(st.passes).toBe(1);
    expect(st.scalarFills).toBe(cases.length);
    const got = await Promise.all(outs.map(async (y) => (await gpu.read(y))[0]));
    // The same values through a host round trip of each dtype's storage.
    const want = cases.map(([dtype, v]) => (dtype === 'float32' ? Math.fround(v) : dtype === 'bool' ? (v ? 1 : 0) : v));
    got.forEach((v, i) => expect(Object.is(v, want[i]), `${cases[i][0]} ${cases[i][1]} read ${v}`).toBe(true));
  });

  it('times each kernel on the GPU when the device has timestamp queries', async () => {
    const { device } = await createDawnDevice({ timestamps: true });
    if (!device.features.has('timestamp-query')) {
      // Without the feature the backend must say so rather than pretend.
      const b = createWebGPUBackend(device);
      expect(b.enableProfiling()).toBe(false);
      expect(await b.kernelTimes()).toBeNull();
      return;
    }
    const b = createWebGPUBackend(device);
    expect(b.enableProfiling()).toBe(true);
    const a = b.alloc('float32', 64 * 64);
    b.write(a, Array.from({ length: 64 * 64 }, (_, i) => i % 7));
    const y = b.alloc('float32', 64 * 64);
    const v = (s: typeof a): TensorView => ({ storage: s, shape: [1, 64, 64], strides: [4096, 64, 1], offset: 0, dtype: 'float32' });
    b.run('matmul', [v(a), v(a)], [v(y)]);
    b.run('relu', [{ ...v(y), shape: [4096], strides: [1] }], [{ ...v(y), shape: [4096], strides: [1] }]);
    await b.read(y);
    const kt = (await b.kernelTimes())!;
    const names = [...kt.byKernel.keys()];
    expect(names.some((k) => k.startsWith('matmul:f32:'))).toBe(true);
    expect(names.some((k) => k.startsWith('ew:relu:'))).toBe(true);
    expect([...kt.byKernel.values()].reduce((n, k) => n + k.count, 0)).toBe(2);
    expect(kt.totalMs).toBeGreaterThan(0);
    b.destroy();
    device.destroy();
  });
});
