// The losses' kernel paths free their temporaries (masks, scalars, partial
// sums) when the call returns instead of at GC, keeping only the loss and
// what its backward reads. The check that the kept ones are the right ones:
// between forward and backward the freed buffers are handed out again and
// overwritten, and the loss and grads still equal the CPU backend's.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import { crossEntropy, mseLoss } from '../../engine/nn/functional/index';
import { defaultGenerator } from '../../engine/random/index';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { testDevice } from './gpu';

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});
afterEach(() => E.setDefaultBackend(E.cpuBackend));

const N = 12;
const C = 5;
const LABELS = [0, 1, 2, 3, 4, 1, 1, 0, 2, 4, 3, 1];

interface Case {
  name: string;
  loss: (x: Tensor, be: Backend) => Tensor;
  /** Storages the loss call frees at once on WebGPU, with grad on and under no_grad. */
  freed: { grad: number; noGrad: number };
}

const CASES: Case[] = [
  {
    // 4 scalars, the ignore mask, the gathered -log p, its negation, the
    // per-row losses, their sum; kept: the loss, row weights, indices, total.
    name: 'cross_entropy, mean',
    loss: (x, be) => crossEntropy(x, E.fromValues(LABELS, [N], 'int64', be)),
    freed: { grad: 9, noGrad: 12 },
  },
  {
    name: 'cross_entropy, class weights, ignore_index, reduction none',
    loss: (x, be) => E.sum(crossEntropy(x, E.fromValues(LABELS, [N], 'int64', be), {
      weight: E.fromValues([1, 0.5, 2, 1.5, 0.25], [C], 'float32', be), ignoreIndex: 1, reduction: 'none',
    })),
    freed: { grad: 9, noGrad: 12 },
  },
  {
    // The squares, their sum and the divisor; kept: the loss and the difference.
    name: 'mse_loss, mean',
    loss: (x, be) => mseLoss(x, E.fromValues(Array.from({ length: N * C }, (_, i) => (i % 7) / 3), [N, C], 'float32', be)),
    freed: { grad: 3, noGrad: 4 },
  },
];

async function run(be: Backend, c: Case): Promise<{ loss: number[]; grad: number[]; freed: number }> {
  E.setDefaultBackend(be);
  defaultGenerator.manualSeed(11);
  const x = E.randn([N, C], { backend: be });
  x.requiresGrad = true;
  if (be === gpu) gpu.resetStats();
  const loss = c.loss(x, be);
  const freed = be === gpu ? gpu.stats().disposed : 0;
  // Hand the freed buffers out again, full of 7s, before backward reads what the loss kept.
  const clobber = Array.from({ length: 16 }, (_, i) => E.full(i % 2 ? [N, 1] : [N, C], 7, { backend: be }));
  E.backward(loss);
  const values = { loss: Array.from(await loss.read()), grad: Array.from(await x.grad!.read()), freed };
  expect(clobber.length).toBe(16);
  return values;
}

function close(a: number[], b: number[], tol: number): string | null {
  if (a.length !== b.length) return `length ${a.length} vs ${b.length}`;
  for (let i = 0; i < a.length; i++) if (!(Math.abs(a[i] - b[i]) <= tol * (1 + Math.abs(b[i])))) return `[${i}] ${a[i]} vs ${b[i]}`;
  return null;
}

describe('webgpu loss temporaries', () => {
  for (const c of CASES) {
    it(`${c.name}: frees its temporaries at once; loss and grad equal the CPU's`, async () => {
      const cpu = await run(E.cpuBackend, c);
      const web = await run(gpu, c);
      expect(web.freed).toBe(c.freed.grad);
      expect(close(web.loss, cpu.loss, 1e-5)).toBeNull();
      expect(close(web.grad, cpu.grad, 1e-5)).toBeNull();
    });

    it(`${c.name} under no_grad frees what backward would have read too`, async () => {
      E.setDefaultBackend(gpu);
      defaultGenerator.manualSeed(11);
      const x = E.randn([N, C], { backend: gpu });
      // The recording call's value (checked against the CPU above): the same kernels.
      const want = Array.from(await c.loss(x, gpu).read());
      gpu.resetStats();
      const loss = E.noGrad(() => c.loss(x, gpu));
      expect(gpu.stats().disposed).toBe(c.freed.noGrad);
      E.full([N, C], 7, { backend: gpu });
      expect(Array.from(await loss.read())).toEqual(want);
    });
  }
});
