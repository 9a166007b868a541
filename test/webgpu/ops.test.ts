// The golden op table (test/golden/ops.json: forward values, grad_fn and
// input grads from real PyTorch, with broadcasting and non-contiguous
// inputs) run through the engine on the WebGPU backend (Dawn + SwiftShader).
//
// Tolerance: every float32 value within 1e-5 + 1e-5 * |expected| (the golden
// runner's float32 tolerance), also for the cases PyTorch's CPU kernels match
// bit for bit: the GPU sums in a different order and fuses multiply-adds.
// float64 cases must raise the WebGPU float64 TypeError (as MPS does).
import { beforeAll, describe, expect, it } from 'vitest';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { checkOpCase, opCases } from '../golden/ops-runner';
import type { OpCase } from '../golden/ops-runner';
import { testDevice } from './gpu';

const FLOAT64_MESSAGE = "Cannot convert a WebGPU Tensor to float64 dtype as the WebGPU framework doesn't support float64. Please use float32 instead.";

/** Errors raised only where values are checked on the host: the CPU kernels
 *  raise from inside the kernel (a GPU kernel cannot; binary.ts documents the
 *  value it gives instead), and gather checks index bounds only when the
 *  backend reads synchronously (engine/ops/gather.ts); binary_cross_entropy checks
 *  its values are in [0, 1] only in CPU memory (engine/nn/functional/binary-cross-entropy.ts). */
const RAISED_ONLY_ON_CPU = new Set(['err_int_pow_neg', 'err_floor_div_zero', 'err_remainder_zero', 'err_gather_oob', 'act_bce_range', 'act_bce_target_range', 'cnn_err_embedding_range']);

function usesFloat64(c: OpCase): boolean {
  return JSON.stringify([c.inputs, c.kwargs, c.out ?? null]).includes('float64');
}

async function runCase(c: OpCase, gpu: WebGPUBackend): Promise<string | null> {
  try {
    return await checkOpCase({ ...c, exact: false, grad_exact: false }, gpu);
  } catch (e) {
    return `threw ${(e as Error).message}`;
  }
}

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});

describe('ops vs PyTorch on the webgpu backend', () => {
  it('has the generated cases', () => {
    expect(opCases.length).toBeGreaterThan(400);
  });
  for (const c of opCases) {
    if (usesFloat64(c)) {
      it(`${c.name} raises the float64 TypeError`, async () => {
        const r = await runCase(c, gpu);
        expect(r).toContain(FLOAT64_MESSAGE);
      });
    } else if (RAISED_ONLY_ON_CPU.has(c.name)) {
      it(`${c.name} returns a value instead of raising`, async () => {
        const r = await runCase(c, gpu);
        expect(r).toBe(`expected ${c.error!.type}: ${c.error!.message}`);
      });
    } else {
      it(c.name, async () => {
        expect(await runCase(c, gpu)).toBeNull();
      });
    }
  }
});
