// The WebGPU backend's own contract: lazy submission, readback, in-place
// kernels, pooled memory that starts as zeros, host mirrors, dtype limits.
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import type { TensorView } from '../../engine/backend/backend';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import { TorchError } from '../../engine/core/errors';
import type { DType } from '../../engine/core/dtype';
import { testDevice } from './gpu';

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});

function vec(dtype: DType, data: number[]): TensorView {
  const storage = gpu.alloc(dtype, data.length);
  gpu.write(storage, data);
  return { storage, shape: [data.length], strides: [1], offset: 0, dtype };
}

describe('webgpu backend', () => {
  it('records kernels without submitting until a value is read', async () => {
    const a = vec('float32', [1, 2, 3]);
    const b = vec('float32', [10, 20, 30]);
    const y = vec('float32', [0, 0, 0]);
    const before = gpu.stats().submits;
    for (let i = 0; i < 5; i++) gpu.run('add', [y, a], [y]); // y += a, in place
    gpu.run('mul', [y, b], [y]);
    expect(gpu.stats().submits).toBe(before);
    expect([...(await gpu.read(y.storage))]).toEqual([50, 200, 450]);
    expect(gpu.stats().submits).toBe(before + 1);
  });

  it('reads a value once, then answers from the host mirror until a kernel writes', async () => {
    const x = vec('int64', [3, 1, 2]);
    expect(gpu.peekSync(x.storage)).toEqual(Float64Array.from([3, 1, 2]));
    gpu.run('neg', [x], [x]);
    expect(gpu.peekSync(x.storage)).toBeNull();
    expect([...(await gpu.read(x.storage))]).toEqual([-3, -1, -2]);
    expect([...gpu.peekSync(x.storage)!]).toEqual([-3, -1, -2]);
  });

  it('hands out pooled buffers again, zeroed', async () => {
    const first = gpu.alloc('float32', 1000);
    gpu.write(first, new Float32Array(1000).fill(7));
    gpu.dispose(first);
    gpu.dispose(first); // a second dispose is harmless
    const second = gpu.alloc('float32', 1000);
    const values = await gpu.read(second);
    expect(values.length).toBe(1000);
    expect(values.every((v) => v === 0)).toBe(true);
  });

  it('writes at an offset and reads back every dtype it stores', async () => {
    const s = gpu.alloc('int32', 5);
    gpu.write(s, [7, 8], 2);
    expect([...(await gpu.read(s))]).toEqual([0, 0, 7, 8, 0]);
    const b = vec('bool', [1, 0, 5]);
    const got = await gpu.read(b.storage);
    expect(got).toBeInstanceOf(Uint8Array);
    expect([...got]).toEqual([1, 0, 1]);
  });

  it('raises PyTorch-style errors for float64 and for int64 beyond 32 bits', () => {
    let err: unknown = null;
    try {
      gpu.alloc('float64', 4);
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(TorchError);
    expect((err as TorchError).pyType).toBe('TypeError');
    expect((err as TorchError).message).toBe(
      "Cannot convert a WebGPU Tensor to float64 dtype as the WebGPU framework doesn't support float64. Please use float32 instead.",
    );
    const s = gpu.alloc('int64', 1);
    expect(() => gpu.write(s, [2 ** 40])).toThrow(/stores int64 as 32-bit integers; 1099511627776 is outside/);
  });

  it('rejects a storage from another backend and names a missing kernel', () => {
    const cpuStorage = cpuBackend.alloc('float32', 2);
    const view: TensorView = { storage: cpuStorage, shape: [2], strides: [1], offset: 0, dtype: 'float32' };
    expect(() => gpu.run('neg', [view], [vec('float32', [0, 0])])).toThrow(/same device/);
    expect(() => gpu.run('no_such_kernel', [], [])).toThrow("no kernel 'no_such_kernel' on the webgpu backend");
    expect(gpu.hasKernel('matmul')).toBe(true);
    expect(gpu.hasKernel('no_such_kernel')).toBe(false);
  });

  it('compiles one pipeline per program, not per shape', async () => {
    const a = vec('float32', [1, 2, 3, 4, 5, 6]);
    gpu.run('exp', [a], [vec('float32', [0, 0, 0, 0, 0, 0])]);
    await gpu.sync();
    const pipelines = gpu.stats().pipelines;
    const m: TensorView = { ...a, shape: [2, 3], strides: [1, 2] };
    gpu.run('exp', [m], [{ ...vec('float32', [0, 0, 0, 0, 0, 0]), shape: [2, 3], strides: [3, 1] }]);
    await gpu.sync();
    expect(gpu.stats().pipelines).toBe(pipelines);
  });
});

describe('webgpu backend: grids past 65535 workgroups', () => {
  it('elementwise over 4.5M elements and a reduction over 70000 lines', async () => {
    const n = 4_500_000; // > 65535 workgroups of 64: the grid spills into y
    const x = gpu.alloc('float32', n);
    gpu.write(x, Float32Array.from({ length: n }, (_, i) => i % 1000));
    const y = gpu.alloc('float32', n);
    gpu.run('add', [{ storage: x, shape: [n], strides: [1], offset: 0, dtype: 'float32' }, { storage: x, shape: [n], strides: [1], offset: 0, dtype: 'float32' }], [{ storage: y, shape: [n], strides: [1], offset: 0, dtype: 'float32' }]);
    const got = await gpu.read(y);
    expect([got[0], got[999], got[1000], got[n - 1]]).toEqual([0, 1998, 0, 2 * ((n - 1) % 1000)]);
    let bad = -1;
    for (let i = 0; i < n && bad < 0; i++) if (got[i] !== 2 * (i % 1000)) bad = i;
    expect(bad).toBe(-1);
    const lines = 70_000;
    const s = gpu.alloc('float32', lines);
    gpu.run('sum', [{ storage: x, shape: [lines, 2], strides: [2, 1], offset: 0, dtype: 'float32' }], [{ storage: s, shape: [lines, 1], strides: [1, 1], offset: 0, dtype: 'float32' }], { dims: [1] });
    const sums = await gpu.read(s);
    let badLine = -1;
    for (let l = 0; l < lines && badLine < 0; l++) if (sums[l] !== ((2 * l) % 1000) + ((2 * l + 1) % 1000)) badLine = l;
    expect(badLine).toBe(-1);
  });
});
