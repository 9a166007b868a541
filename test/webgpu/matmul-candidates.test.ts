// Every matmul kernel candidate (kernels/matmul.ts MATMUL_VARIANTS, picked
// with TL_MATMUL in the benchmark) against the CPU backend, over the layouts
// training produces: contiguous, a transposed operand on either side (the
// backward pass), batch broadcast, ragged edges, and shapes just off the
// 4-alignment the vec4 loads need (those must fall back, not misread).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { MATMUL_VARIANTS, matmulSharedBytes } from '../../engine/backend/webgpu/kernels/matmul';
import { testDevice } from './gpu';
import { compareKernel } from './kernel-harness';
import type { Operand } from './kernel-harness';

const f32 = (shape: number[], strides?: number[], offset?: number): Operand => ({ dtype: 'float32', shape, strides, offset });

const CASES: [string, Operand, Operand, number[]][] = [
  ['contiguous 64x784 @ 784x128 (the MLP forward)', f32([1, 64, 784]), f32([1, 784, 128]), [1, 64, 128]],
  ['a transposed (grad of W: x.t() @ g)', f32([1, 128, 64], [0, 1, 128]), f32([1, 64, 36]), [1, 128, 36]],
  ['b transposed (g @ W, W stored as out x in)', f32([1, 20, 12]), f32([1, 12, 40], [0, 1, 12]), [1, 20, 40]],
  ['both transposed', f32([1, 36, 16], [0, 1, 36]), f32([1, 16, 8], [0, 1, 16]), [1, 36, 8]],
  ['batched, b broadcast over batch', f32([3, 20, 24]), f32([3, 24, 16], [0, 16, 1]), [3, 20, 16]],
  ['ragged: nothing 4-aligned (scalar fallback)', f32([2, 33, 70]), f32([2, 70, 21]), [2, 33, 21]],
  ['aligned sizes, odd offset (fallback)', f32([1, 8, 12], undefined, 1), f32([1, 12, 8]), [1, 8, 8]],
  ['large tiles with edges (260x264 @ 264x268)', f32([1, 260, 264]), f32([1, 264, 268]), [1, 260, 268]],
  // Enough 128x128 tiles (128) that 'fit' / 'v4fit' pick T = 8, and a grid
  // where v4fit picks T = 4.
  ['many tiles: 16 x (256x8 @ 8x512)', f32([16, 256, 8]), f32([16, 8, 512]), [16, 256, 512]],
  ['medium grid: 4 x (128x8 @ 8x516)', f32([4, 128, 8]), f32([4, 8, 516]), [4, 128, 516]],
];

describe('matmul candidates vs cpu', () => {
  const backends = new Map<string, WebGPUBackend>();
  let limit = 0;
  beforeAll(async () => {
    const { device } = await testDevice();
    limit = device.limits.maxComputeWorkgroupStorageSize;
    for (const v of MATMUL_VARIANTS.keys()) backends.set(v, createWebGPUBackend(device, { matmul: v }));
  });
  afterAll(() => {
    for (const b of backends.values()) b.destroy();
  });
  for (const v of MATMUL_VARIANTS.keys()) {
    it(`${v}: every layout`, async () => {
      if (matmulSharedBytes(v) > limit) {
        // The device cannot run it: the kernel must say so, not compute garbage.
        expect(matmulSharedBytes(v)).toBeGreaterThan(16384);
        return;
      }
      const gpu = backends.get(v)!;
      for (const [name, a, b, out] of CASES) {
        const k = a.shape[2];
        const diff = await compareKernel(gpu, 'matmul', [a, b], [{ dtype: 'float32', shape: out }], {}, { rtol: 1e-5, atol: 2e-6 * k });
        expect(diff, `${v}: ${name}`).toBeNull();
      }
      // The vec4 candidates really ran their vec4 programs, for all four operand layouts.
      const vec4 = [...new Set(gpu.programKeys().filter((k) => k.includes(':vec4:')).map((k) => k.split(':')[3]))].sort();
      // (v4fit tiles the small cases at T = 2, which has no vec4 form.)
      const expected = !MATMUL_VARIANTS.get(v)!.vec4 ? [] : v === 'v4fit' ? ['kn'] : ['kk', 'kn', 'mk', 'mn'];
      expect(vec4).toEqual(expected);
      if (v === 'v4fit') expect(gpu.programKeys().filter((k) => k.includes(':vec4:')).sort()).toEqual(['matmul:f32:vec4:kn:4x32', 'matmul:f32:vec4:kn:8x16']);
      if (v === 'fit') expect(gpu.programKeys().filter((k) => k.startsWith('matmul')).sort()).toEqual(['matmul:f32:2x16:unrolled', 'matmul:f32:8x8:unrolled']);
    });
  }
  it('an unknown candidate is an error naming the choices', async () => {
    const gpu = createWebGPUBackend((await testDevice()).device, { matmul: 'nope' });
    await expect(compareKernel(gpu, 'matmul', [f32([1, 2, 2]), f32([1, 2, 2])], [f32([1, 2, 2])])).rejects.toThrow(/unknown matmul variant 'nope'.*auto/);
    gpu.destroy();
  });
});
