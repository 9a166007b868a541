// In-place kernels on WebGPU: an elementwise kernel that reads exactly the
// view it writes (p.add_(g), x.relu_()) binds that buffer once, read_write,
// instead of reading a copy; every other aliasing (overlapping but different
// views, a row-wise kernel like softmax) still reads a copy. Values are the CPU
// backend's for the same kernel on the same views; counts come from stats().
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import * as E from '../../engine/index';
import type { Backend, Tensor } from '../../engine/index';
import type { KernelAttrs, TensorView } from '../../engine/backend/backend';
import type { DType } from '../../engine/core/dtype';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import { createWebGPUBackend } from '../../engine/backend/webgpu/index';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';
import { Linear, ReLU, Sequential, CrossEntropyLoss } from '../../engine/nn/index';
import { SGD } from '../../engine/optim/index';
import { defaultGenerator } from '../../engine/random/index';
import { testDevice } from './gpu';

let gpu: WebGPUBackend;
beforeAll(async () => {
  gpu = createWebGPUBackend((await testDevice()).device);
});
afterEach(() => E.setDefaultBackend(E.cpuBackend));

type View = Omit<TensorView, 'storage' | 'dtype'>;
interface Step { kernel: string; inputs: { buf: number; view: View }[]; output: { buf: number; view: View }; attrs?: KernelAttrs }

type Stats = ReturnType<WebGPUBackend['stats']>;

/** Runs `steps` on `be` over fresh storages holding `data`, reads them all back; on WebGPU, the counts of the steps alone. */
async function runOn(be: Backend, data: number[][], steps: Step[], dtypes: DType[] = []): Promise<{ values: number[][]; stats: Stats | null }> {
  const storages = data.map((d, k) => {
    const s = be.alloc(dtypes[k] ?? 'float32', d.length);
    be.write(s, d);
    return s;
  });
  const tv = (o: { buf: number; view: View }): TensorView => ({ ...o.view, storage: storages[o.buf], dtype: storages[o.buf].dtype });
  if (be === gpu) gpu.resetStats();
  for (const st of steps) be.run(st.kernel, st.inputs.map(tv), [tv(st.output)], st.attrs);
  const stats = be === gpu ? gpu.stats() : null;
  const values = await Promise.all(storages.map(async (s) => Array.from(await be.read(s))));
  return { values, stats };
}

/** Same steps on the CPU backend and on WebGPU: equal values; WebGPU's counts for the steps. */
async function compare(data: number[][], steps: Step[], dtypes: DType[] = []): Promise<Stats> {
  const want = (await runOn(cpuBackend, data, steps, dtypes)).values;
  const got = await runOn(gpu, data, steps, dtypes);
  expect(got.values).toEqual(want);
  return got.stats!;
}

const vec = (n: number, offset = 0): View => ({ shape: [n], strides: [1], offset });
// Exactly representable values, so fused and unfused float math agree bit for bit.
const halves = (n: number, k: number) => Array.from({ length: n }, (_, i) => ((i * 7 + k) % 13) / 2 - 3);

describe('webgpu in-place elementwise', () => {
  it('p.add_(g, alpha) on the same view reads no copy', async () => {
    const s = await compare([halves(100, 1), halves(100, 2)], [
      { kernel: 'add', inputs: [{ buf: 0, view: vec(100) }, { buf: 1, view: vec(100) }], output: { buf: 0, view: vec(100) }, attrs: { alpha: -0.5 } },
    ]);
    expect(s.copies).toBe(0);
    expect(s.inPlaceReads).toBe(1);
    expect(s.dispatches).toBe(1);
  });

  it('a transposed view written in place, and x.mul_(x) with both inputs the output', async () => {
    // A 6x4 storage seen as its 4x6 transpose, offset 0.
    const t: View = { shape: [4, 6], strides: [1, 4], offset: 0 };
    const s = await compare([halves(24, 3), halves(24, 5)], [
      { kernel: 'sub', inputs: [{ buf: 0, view: t }, { buf: 1, view: t }], output: { buf: 0, view: t }, attrs: { alpha: 2 } },
      { kernel: 'mul', inputs: [{ buf: 0, view: t }, { buf: 0, view: t }], output: { buf: 0, view: t } },
      { kernel: 'relu', inputs: [{ buf: 0, view: t }], output: { buf: 0, view: t } },
      { kernel: 'clamp', inputs: [{ buf: 1, view: vec(24) }], output: { buf: 1, view: vec(24) }, attrs: { min: -1, max: 1 } },
    ]);
    expect(s.copies).toBe(0);
    expect(s.inPlaceReads).toBe(1 + 2 + 1 + 1);
  });

  it('where(mask, x, y) writing into x reads x in place and y through its own binding', async () => {
    const mask = Array.from({ length: 40 }, (_, i) => (i % 3 === 0 ? 1 : 0));
    const s = await compare([mask, halves(40, 1), halves(40, 4)], [
      { kernel: 'where', inputs: [{ buf: 0, view: vec(40) }, { buf: 1, view: vec(40) }, { buf: 2, view: vec(40) }], output: { buf: 1, view: vec(40) } },
    ], ['bool']);
    expect(s.copies).toBe(0);
    expect(s.inPlaceReads).toBe(1);
  });

  it('an overlapping but different view of the output still reads a copy (old values)', async () => {
    // a[1:] = a[1:] + a[:-1]: the second input overlaps the output shifted by
    // one; read in place it would see elements already written.
    const steps: Step[] = [
      { kernel: 'add', inputs: [{ buf: 0, view: vec(63, 1) }, { buf: 0, view: vec(63, 0) }], output: { buf: 0, view: vec(63, 1) } },
    ];
    const a = halves(64, 2);
    const { values, stats } = await runOn(gpu, [a], steps);
    const s = stats!;
    expect(values[0]).toEqual(a.map((v, i) => (i === 0 ? v : v + a[i - 1])));
    // Both inputs share the output's buffer and one is not its view: the
    // exact one reads in place, the shifted one a copy.
    expect(s.copies).toBe(1);
    expect(s.inPlaceReads).toBe(1);
  });

  it('an expanded (stride 0) output never reads in place', async () => {
    const bcast: View = { shape: [4, 5], strides: [0, 1], offset: 0 };
    const { stats } = await runOn(gpu, [halves(5, 1)], [{ kernel: 'neg', inputs: [{ buf: 0, view: bcast }], output: { buf: 0, view: bcast } }]);
    expect(stats!.inPlaceReads).toBe(0);
    expect(stats!.copies).toBe(1);
  });

  it('softmax over its own view reads a copy (each output reads its whole row)', async () => {
    const m: View = { shape: [3, 8], strides: [8, 1], offset: 0 };
    const data = [halves(24, 6)];
    const steps: Step[] = [{ kernel: 'softmax', inputs: [{ buf: 0, view: m }], output: { buf: 0, view: m }, attrs: { dim: 1 } }];
    const want = (await runOn(cpuBackend, data, steps)).values;
    const got = await runOn(gpu, data, steps);
    expect(got.stats!.copies).toBe(1);
    expect(got.stats!.inPlaceReads).toBe(0);
    got.values[0].forEach((v, i) => expect(Math.abs(v - want[0][i])).toBeLessThan(1e-6));
  });

  it('plain SGD step updates every parameter in place: no copies, same weights as the CPU', async () => {
    async function step(be: Backend): Promise<{ weights: number[][]; copies: number; inPlace: number }> {
      E.setDefaultBackend(be);
      defaultGenerator.manualSeed(3);
      const model = new Sequential(new Linear(6, 5), new ReLU(), new Linear(5, 3));
      const x = E.randn([4, 6], { backend: be });
      const target = E.fromValues([0, 2, 1, 2], [4], 'int64', be);
      const opt = new SGD([...model.parameters()], { lr: 0.5 });
      opt.zeroGrad();
      const loss = (await new CrossEntropyLoss().call((await model.call(x)) as Tensor, target)) as Tensor;
      E.backward(loss);
      if (be === gpu) gpu.resetStats();
      opt.step();
      const s = be === gpu ? gpu.stats() : null;
      const weights = await Promise.all([...model.parameters()].map(async (p) => Array.from(await p.read())));
      return { weights, copies: s?.copies ?? 0, inPlace: s?.inPlaceReads ?? 0 };
    }
    const cpu = await step(E.cpuBackend);
    const web = await step(gpu);
    expect(web.copies).toBe(0);
    expect(web.inPlace).toBe(4);
    web.weights.forEach((w, k) => w.forEach((v, i) => expect(Math.abs(v - cpu.weights[k][i])).toBeLessThanOrEqual(1e-6 * (1 + Math.abs(cpu.weights[k][i])))));
  });
});
