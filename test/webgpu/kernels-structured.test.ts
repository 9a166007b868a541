// Reductions, softmax, scans, matmul, indexing and sorting on WebGPU against
// the CPU backend, over strided operands.
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import type { DType } from '../../engine/core/dtype';
import { testDevice } from './gpu';
import { compareKernel, values } from './kernel-harness';
import type { Operand, Tolerance } from './kernel-harness';

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});

/** float32 sums run in a different order on the GPU (tree vs cascade). */
const SUM: Tolerance = { rtol: 1e-5, atol: 1e-5 };

/** A 3x4x5 view over a 5x4x3 storage (dims reversed): nothing is contiguous. */
const X345: Pick<Operand, 'shape' | 'strides'> = { shape: [3, 4, 5], strides: [1, 3, 12] };

function keep(shape: number[], dims: number[]): number[] {
  return shape.map((s, d) => (dims.includes(d) ? 1 : s));
}

const DIM_SETS = [[0], [1], [2], [0, 2], [0, 1, 2]];

describe('reductions vs cpu', () => {
  for (const k of ['sum', 'mean', 'prod', 'amax', 'amin', 'logsumexp']) {
    for (const dims of DIM_SETS) {
      it(`${k} float32 over [${dims}] of a permuted view`, async () => {
        const x: Operand = { dtype: 'float32', ...X345, data: values(60, 11, 'float32', k === 'prod' ? 0.5 : -3, k === 'prod' ? 1.5 : 3) };
        expect(await compareKernel(gpu, k, [x], [{ dtype: 'float32', shape: keep(X345.shape, dims) }], { dims }, SUM)).toBeNull();
      });
    }
  }
  for (const dtype of ['int32', 'int64'] as DType[]) {
    for (const k of ['sum', 'prod', 'amax', 'amin']) {
      it(`${k} ${dtype} over [1]`, async () => {
        const x: Operand = { dtype, ...X345, data: values(60, 12, dtype, -4, 5) };
        expect(await compareKernel(gpu, k, [x], [{ dtype, shape: keep(X345.shape, [1]) }], { dims: [1] })).toBeNull();
      });
    }
  }
  for (const k of ['argmax', 'argmin']) {
    it(`${k}: first of ties, NaN wins`, async () => {
      const data = [1, 3, 3, 0, 2, 2, NaN, 5, NaN, -1, -1, -1];
      const x: Operand = { dtype: 'float32', shape: [3, 4], data };
      expect(await compareKernel(gpu, k, [x], [{ dtype: 'int64', shape: [3, 1] }], { dims: [1] })).toBeNull();
      expect(await compareKernel(gpu, k, [x], [{ dtype: 'int64', shape: [1, 4] }], { dims: [0] })).toBeNull();
      expect(await compareKernel(gpu, k, [{ dtype: 'int64', ...X345 }], [{ dtype: 'int64', shape: [3, 1, 5] }], { dims: [1] })).toBeNull();
    });
  }
  for (const k of ['max_dim', 'min_dim']) {
    it(`${k}: values and indices`, async () => {
      const x: Operand = { dtype: 'float32', ...X345, data: values(60, 13, 'float32', -2, 2).map((v) => Math.round(v)) };
      expect(await compareKernel(gpu, k, [x], [{ dtype: 'float32', shape: [3, 4, 1] }, { dtype: 'int64', shape: [3, 4, 1] }], { dims: [2] })).toBeNull();
    });
  }
  it('var and std with corrections', async () => {
    for (const [correction, sqrt] of [[1, false], [0, true], [1, true], [2, false]] as [number, boolean][]) {
      for (const dims of [[1], [0, 2]]) {
        expect(await compareKernel(gpu, 'var', [{ dtype: 'float32', ...X345 }], [{ dtype: 'float32', shape: keep(X345.shape, dims) }], { dims, correction, sqrt }, SUM)).toBeNull();
      }
    }
  });
  it('any and all over float, int and bool', async () => {
    for (const dtype of ['float32', 'int64', 'bool'] as DType[]) {
      const data = values(60, 14, dtype, -1, 2).map((v, i) => (i % 7 === 0 ? 0 : v));
      for (const k of ['any', 'all']) {
        for (const dims of [[0], [2], [0, 1, 2]]) {
          expect(await compareKernel(gpu, k, [{ dtype, ...X345, data }], [{ dtype: 'bool', shape: keep(X345.shape, dims) }], { dims })).toBeNull();
        }
      }
    }
  });
  it('logsumexp of -inf rows and NaN', async () => {
    const data = [-Infinity, -Infinity, -Infinity, 1, NaN, 2, 0, 1000, 999];
    expect(await compareKernel(gpu, 'logsumexp', [{ dtype: 'float32', shape: [3, 3], data }], [{ dtype: 'float32', shape: [3, 1] }], { dims: [1] })).toBeNull();
  });
  it('lines longer than the serial limit take the workgroup path (every reduction)', async () => {
    // 3 lines of 100: past SERIAL_MAX_ITEMS, so 64 threads fold each line.
    const data = values(300, 21, 'float32', -2, 2).map((v, i) => (i === 150 ? NaN : i % 37 === 0 ? 2 : v));
    const x: Operand = { dtype: 'float32', shape: [100, 3], strides: [1, 100], data };
    for (const k of ['sum', 'mean', 'amax', 'amin', 'logsumexp']) {
      expect(await compareKernel(gpu, k, [x], [{ dtype: 'float32', shape: [1, 3] }], { dims: [0] }, SUM)).toBeNull();
    }
    for (const k of ['argmax', 'argmin']) {
      expect(await compareKernel(gpu, k, [x], [{ dtype: 'int64', shape: [1, 3] }], { dims: [0] })).toBeNull();
    }
    expect(await compareKernel(gpu, 'max_dim', [x], [{ dtype: 'float32', shape: [1, 3] }, { dtype: 'int64', shape: [1, 3] }], { dims: [0] })).toBeNull();
    expect(await compareKernel(gpu, 'var', [x], [{ dtype: 'float32', shape: [1, 3] }], { dims: [0], correction: 1, sqrt: true }, SUM)).toBeNull();
    for (const k of ['softmax', 'log_softmax']) {
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', shape: [3, 100] }], [{ dtype: 'float32', shape: [3, 100] }], { dim: 1 }, SUM)).toBeNull();
    }
    expect(await compareKernel(gpu, 'any', [{ dtype: 'int64', shape: [3, 100], data: new Array(300).fill(0).map((_, i) => (i === 250 ? 1 : 0)) }], [{ dtype: 'bool', shape: [3, 1] }], { dims: [1] })).toBeNull();
  });
  it('a sum longer than one workgroup sweep', async () => {
    expect(await compareKernel(gpu, 'sum', [{ dtype: 'float32', shape: [3, 1000] }], [{ dtype: 'float32', shape: [3, 1] }], { dims: [1] }, { rtol: 1e-5, atol: 1e-4 })).toBeNull();
  });
});

describe('softmax and scans vs cpu', () => {
  for (const k of ['softmax', 'log_softmax']) {
    for (const dim of [0, 1, 2]) {
      it(`${k} over dim ${dim} of a permuted view, strided out`, async () => {
        expect(await compareKernel(gpu, k, [{ dtype: 'float32', ...X345 }], [{ dtype: 'float32', shape: [3, 4, 5], strides: [40, 10, 2] }], { dim }, SUM)).toBeNull();
      });
    }
    it(`${k} with -inf and large values`, async () => {
      const data = [-Infinity, 0, 1, 1000, 1001, -Infinity, 88, 89, 90];
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', shape: [3, 3], data }], [{ dtype: 'float32', shape: [3, 3] }], { dim: 1 }, SUM)).toBeNull();
    });
  }
  for (const k of ['cumsum', 'cumprod']) {
    for (const dtype of ['float32', 'int64'] as DType[]) {
      it(`${k} ${dtype} along each dim`, async () => {
        for (const dim of [0, 1, 2]) {
          const x: Operand = { dtype, ...X345, data: values(60, 15, dtype, dtype === 'float32' ? 0.5 : -2, dtype === 'float32' ? 1.5 : 3) };
          expect(await compareKernel(gpu, k, [x], [{ dtype, shape: [3, 4, 5] }], { dim }, SUM)).toBeNull();
        }
      });
    }
  }
});

describe('matmul vs cpu', () => {
  const cases: [string, Operand, Operand, number[]][] = [
    ['1x5 @ 5x1 (the tutorial)', { dtype: 'float32', shape: [1, 1, 5] }, { dtype: 'float32', shape: [1, 5, 1] }, [1, 1, 1]],
    ['batched 3x7x9 @ 3x9x5', { dtype: 'float32', shape: [3, 7, 9] }, { dtype: 'float32', shape: [3, 9, 5] }, [3, 7, 5]],
    ['a transposed, b broadcast over batch', { dtype: 'float32', shape: [2, 33, 70], strides: [0, 1, 33] }, { dtype: 'float32', shape: [2, 70, 20], strides: [0, 20, 1] }, [2, 33, 20]],
    ['both transposed, ragged edges', { dtype: 'float32', shape: [1, 65, 17], strides: [0, 1, 65] }, { dtype: 'float32', shape: [1, 17, 66], strides: [0, 1, 17] }, [1, 65, 66]],
    ['large tiles (260x260 @ 260x270)', { dtype: 'float32', shape: [1, 260, 260] }, { dtype: 'float32', shape: [1, 260, 270] }, [1, 260, 270]],
    ['int64', { dtype: 'int64', shape: [2, 4, 6] }, { dtype: 'int64', shape: [2, 6, 3] }, [2, 4, 3]],
  ];
  for (const [name, a, b, out] of cases) {
    it(name, async () => {
      const k = a.shape[2];
      expect(await compareKernel(gpu, 'matmul', [a, b], [{ dtype: a.dtype, shape: out }], {}, { rtol: 1e-5, atol: 2e-6 * k })).toBeNull();
    });
  }
  it('into a strided output (a transposed view)', async () => {
    expect(await compareKernel(gpu, 'matmul', [{ dtype: 'float32', shape: [1, 6, 4] }, { dtype: 'float32', shape: [1, 4, 5] }], [{ dtype: 'float32', shape: [1, 6, 5], strides: [30, 1, 6] }])).toBeNull();
  });
});

describe('indexing and sorting vs cpu', () => {
  const idx = (shape: number[], data: number[]): Operand => ({ dtype: 'int64', shape, data });
  it('index with one, two and three index tensors', async () => {
    const src: Operand = { dtype: 'float32', ...X345 };
    expect(await compareKernel(gpu, 'index', [src, idx([4], [2, 0, 2, 1])], [{ dtype: 'float32', shape: [4, 4, 5] }])).toBeNull();
    expect(await compareKernel(gpu, 'index', [src, idx([2, 2], [0, 1, 2, 2]), idx([2, 2], [3, 3, 0, 1])], [{ dtype: 'float32', shape: [2, 2, 5] }])).toBeNull();
    expect(await compareKernel(gpu, 'index', [src, idx([3], [0, 1, 2]), idx([3], [1, 2, 3]), { dtype: 'int64', shape: [3], strides: [0], data: [4] }], [{ dtype: 'float32', shape: [3] }])).toBeNull();
  });
  it('index_put with and without accumulate (repeated indices accumulate)', async () => {
    const dst: Operand = { dtype: 'float32', shape: [5, 3] };
    expect(await compareKernel(gpu, 'index_put', [{ dtype: 'float32', shape: [3, 3] }, idx([3], [4, 0, 2])], [dst], { accumulate: false })).toBeNull();
    expect(await compareKernel(gpu, 'index_put', [{ dtype: 'float32', shape: [4, 3] }, idx([4], [1, 1, 3, 1])], [dst], { accumulate: true }, { rtol: 1e-6, atol: 1e-6 })).toBeNull();
    expect(await compareKernel(gpu, 'index_put', [{ dtype: 'int64', shape: [4, 3] }, idx([4], [1, 1, 3, 1])], [{ dtype: 'int64', shape: [5, 3] }], { accumulate: true })).toBeNull();
  });
  it('gather and scatter_add along each dim', async () => {
    for (const dim of [0, 1]) {
      const index = idx([3, 2], dim === 0 ? [0, 3, 3, 1, 2, 0] : [1, 1, 0, 2, 2, 2]);
      expect(await compareKernel(gpu, 'gather', [{ dtype: 'float32', shape: [4, 3], strides: [1, 4] }, index], [{ dtype: 'float32', shape: [3, 2] }], { dim })).toBeNull();
      expect(await compareKernel(gpu, 'scatter_add', [{ dtype: 'float32', shape: [3, 2] }, index], [{ dtype: 'float32', shape: [4, 3] }], { dim }, { rtol: 1e-6, atol: 1e-6 })).toBeNull();
    }
  });
  it('sort and topk: ties in index order, NaN largest', async () => {
    const data = [3, 1, NaN, 1, -2, 3, 0, NaN, 5, 5, -1, 2];
    const x: Operand = { dtype: 'float32', shape: [2, 6], data };
    for (const descending of [false, true]) {
      expect(await compareKernel(gpu, 'sort', [x], [{ dtype: 'float32', shape: [2, 6] }, { dtype: 'int64', shape: [2, 6] }], { dim: 1, descending })).toBeNull();
      expect(await compareKernel(gpu, 'topk', [x], [{ dtype: 'float32', shape: [2, 3] }, { dtype: 'int64', shape: [2, 3] }], { k: 3, dim: 1, largest: descending, sorted: true })).toBeNull();
    }
    expect(await compareKernel(gpu, 'sort', [{ dtype: 'int64', ...X345 }], [{ dtype: 'int64', shape: [3, 4, 5] }, { dtype: 'int64', shape: [3, 4, 5] }], { dim: 0, descending: true })).toBeNull();
    expect(await compareKernel(gpu, 'topk', [{ dtype: 'float32', ...X345 }], [{ dtype: 'float32', shape: [3, 2, 5] }, { dtype: 'int64', shape: [3, 2, 5] }], { k: 2, dim: 1, largest: true, sorted: true })).toBeNull();
  });
});

