// Every kernel the CPU backend has, on WebGPU, against the CPU backend, with
// strided inputs and outputs and every dtype the GPU stores. The golden suite
// (ops.test.ts) checks PyTorch's values through the ops; this checks the
// kernels the golden table does not reach and the dtype/layout corners.
import { beforeAll, describe, expect, it } from 'vitest';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
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

const SPECIAL = [0, -0, NaN, Infinity, -Infinity, 0.5, -0.5, 1.5, 2.5, -2.5, 1, -1, 1e-7, 88, -88, 100, -100, 3.14159];
const floats = (n: number, seed: number, lo = -3, hi = 3) => [...SPECIAL, ...values(n, seed, 'float32', lo, hi)];
/** A 4x6 view of a 6x4 storage (transposed) and a 4x6 output that skips every other column. */
const T46: Pick<Operand, 'shape' | 'strides'> = { shape: [4, 6], strides: [1, 4] };
const OUT_STRIDED = (dtype: DType): Operand => ({ dtype, shape: [4, 6], strides: [12, 2], offset: 1 });

const LOOSE: Tolerance = { rtol: 2e-5, atol: 2e-6 };
const TRANSCENDENTAL: Tolerance = { rtol: 1e-5, atol: 1e-5 };

const UNARY_FLOAT = ['neg', 'abs', 'exp', 'log', 'sqrt', 'rsqrt', 'sigmoid', 'tanh', 'relu', 'sign', 'floor', 'ceil', 'round', 'trunc', 'reciprocal', 'sin', 'cos', 'log1p', 'expm1', 'log2', 'log10', 'square'];
const UNARY_INT = ['neg', 'abs', 'relu', 'sign', 'floor', 'ceil', 'round', 'trunc', 'square'];

describe('unary kernels vs cpu', () => {
  for (const k of UNARY_FLOAT) {
    it(`${k} float32, contiguous and special values`, async () => {
      const data = floats(30, 3);
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', shape: [data.length], data }], [{ dtype: 'float32', shape: [data.length] }], {}, TRANSCENDENTAL)).toBeNull();
    });
    it(`${k} float32, transposed in, strided out`, async () => {
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', ...T46 }], [OUT_STRIDED('float32')], {}, TRANSCENDENTAL)).toBeNull();
    });
  }
  for (const dtype of ['int32', 'int64'] as DType[]) {
    for (const k of UNARY_INT) {
      it(`${k} ${dtype}`, async () => {
        expect(await compareKernel(gpu, k, [{ dtype, ...T46 }], [OUT_STRIDED(dtype)])).toBeNull();
      });
    }
  }
  for (const [k, dtype] of [['logical_not', 'float32'], ['logical_not', 'int64'], ['logical_not', 'bool'], ['isnan', 'float32'], ['isinf', 'float32'], ['isnan', 'int32']] as [string, DType][]) {
    it(`${k} ${dtype} -> bool`, async () => {
      const data = dtype === 'float32' ? floats(6, 5) : values(24, 5, dtype);
      expect(await compareKernel(gpu, k, [{ dtype, shape: [data.length], data }], [{ dtype: 'bool', shape: [data.length] }])).toBeNull();
    });
  }
  it('clamp with both, one or no bound (float32, int64)', async () => {
    for (const [min, max] of [[-1, 1.5], [null, 0.25], [-0.5, null], [null, null]]) {
      const data = floats(10, 9);
      expect(await compareKernel(gpu, 'clamp', [{ dtype: 'float32', shape: [data.length], data }], [{ dtype: 'float32', shape: [data.length] }], { min, max })).toBeNull();
      expect(await compareKernel(gpu, 'clamp', [{ dtype: 'int64', ...T46 }], [OUT_STRIDED('int64')], { min: min === null ? null : -1, max: max === null ? null : 1 })).toBeNull();
    }
  });
});

const BINARY_FLOAT = ['add', 'sub', 'mul', 'div', 'floor_divide', 'remainder', 'pow', 'maximum', 'minimum', 'atan2', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_and', 'logical_or', 'logical_xor'];
const BINARY_INT = ['add', 'sub', 'mul', 'floor_divide', 'remainder', 'maximum', 'minimum', 'eq', 'ne', 'lt', 'le', 'gt', 'ge', 'logical_and', 'logical_or', 'logical_xor'];
const isCompare = (k: string) => ['eq', 'ne', 'lt', 'le', 'gt', 'ge'].includes(k) || k.startsWith('logical');

describe('binary kernels vs cpu', () => {
  for (const k of BINARY_FLOAT) {
    it(`${k} float32: special values against each other`, async () => {
      // The CPU backend computes pow with JS Math.pow, which differs from
      // C's pow (PyTorch's) for 1 ** nan and (-1) ** ±inf: leave those out.
      const pairs = SPECIAL.flatMap((x) => SPECIAL.map((y) => [x, y])).filter(([x, y]) => k !== 'pow' || !(Math.abs(x) === 1 && !Number.isFinite(y)));
      const a = pairs.map((p) => p[0]);
      const b = pairs.map((p) => p[1]);
      const out = isCompare(k) ? 'bool' : 'float32';
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', shape: [a.length], data: a }, { dtype: 'float32', shape: [b.length], data: b }], [{ dtype: out, shape: [a.length] }], {}, TRANSCENDENTAL)).toBeNull();
    });
    it(`${k} float32: broadcast row (stride 0) with a transposed operand`, async () => {
      const out = isCompare(k) ? 'bool' : 'float32';
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', ...T46 }, { dtype: 'float32', shape: [4, 6], strides: [0, 1] }], [OUT_STRIDED(out)], {}, TRANSCENDENTAL)).toBeNull();
    });
  }
  for (const dtype of ['int32', 'int64', 'bool'] as DType[]) {
    for (const k of BINARY_INT) {
      // Ops never ask for bool arithmetic (they promote first); the CPU stores 2 for True + True.
      if (dtype === 'bool' && !isCompare(k)) continue;
      it(`${k} ${dtype}`, async () => {
        // Divisors stay non-zero: integer division by zero is a documented difference.
        const b = values(24, 31, dtype, 1, 5).map((v, i) => (i % 2 ? -v : v));
        const out = isCompare(k) ? 'bool' : dtype;
        expect(await compareKernel(gpu, k, [{ dtype, shape: [4, 6], data: values(24, 30, dtype, -20, 20) }, { dtype, shape: [4, 6], data: dtype === 'bool' ? values(24, 31, 'bool') : b }], [OUT_STRIDED(out)])).toBeNull();
      });
    }
  }
  it('add/sub with alpha', async () => {
    for (const k of ['add', 'sub']) {
      expect(await compareKernel(gpu, k, [{ dtype: 'float32', shape: [24] }, { dtype: 'float32', shape: [24] }], [{ dtype: 'float32', shape: [24] }], { alpha: -0.25 }, LOOSE)).toBeNull();
      expect(await compareKernel(gpu, k, [{ dtype: 'int64', shape: [24] }, { dtype: 'int64', shape: [24] }], [{ dtype: 'int64', shape: [24] }], { alpha: 3 })).toBeNull();
    }
  });
  it('pow on integers (non-negative exponents) and float scalar exponents', async () => {
    expect(await compareKernel(gpu, 'pow', [{ dtype: 'int64', shape: [20], data: values(20, 4, 'int64', -5, 5) }, { dtype: 'int64', shape: [20], data: values(20, 5, 'int64', 0, 6) }], [{ dtype: 'int64', shape: [20] }])).toBeNull();
    for (const e of [0, 1, 2, 3, 0.5, -1, -2, -0.5, 1.7]) {
      expect(await compareKernel(gpu, 'pow', [{ dtype: 'float32', shape: [24], data: floats(6, 8) }, { dtype: 'float32', shape: [24], strides: [0], data: [e] }], [{ dtype: 'float32', shape: [24] }], {}, TRANSCENDENTAL)).toBeNull();
    }
  });
});

describe('copy, fill, where vs cpu', () => {
  const dtypes: DType[] = ['float32', 'int32', 'int64', 'bool'];
  for (const from of dtypes) {
    for (const to of dtypes) {
      it(`copy ${from} -> ${to}, transposed to strided`, async () => {
        const data = from === 'float32' ? [...floats(6, 2)].filter((v) => Number.isFinite(v) || to !== 'int32' && to !== 'int64').slice(0, 24) : undefined;
        const inp: Operand = data ? { dtype: from, shape: [data.length], data } : { dtype: from, ...T46 };
        const out: Operand = data ? { dtype: to, shape: [data.length] } : OUT_STRIDED(to);
        expect(await compareKernel(gpu, 'copy', [inp], [out])).toBeNull();
      });
    }
  }
  for (const dtype of dtypes) {
    it(`fill ${dtype} into a strided view`, async () => {
      expect(await compareKernel(gpu, 'fill', [], [OUT_STRIDED(dtype)], { value: dtype === 'float32' ? -2.75 : dtype === 'bool' ? 1 : 3 })).toBeNull();
    });
    it(`where ${dtype} with a broadcast condition`, async () => {
      expect(await compareKernel(gpu, 'where', [{ dtype: 'bool', shape: [4, 6], strides: [1, 0] }, { dtype, ...T46 }, { dtype, shape: [4, 6] }], [OUT_STRIDED(dtype)])).toBeNull();
    });
  }
});
