// The float32 op cases of the shared PyTorch 2.13 reference, bit for bit:
// the tutorial's single neuron and 2-layer network (seed 7), the autograd
// square/mean case, and the mlp_sgd forward/backward (to 1e-6).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import * as E from '../../engine/index';
import type { Tensor } from '../../engine/index';
import { defaultGenerator } from '../../engine/random/index';

interface RefTensor { dtype: string; shape: number[]; b64: string; values: number[] }
const ref = JSON.parse(readFileSync('/work/shared/reference/torch-2.13-avx2.json', 'utf8')) as Record<string, Record<string, unknown>>;

function bytesOf(r: RefTensor): Float32Array {
  const buf = Buffer.from(r.b64, 'base64');
  return new Float32Array(buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength));
}

function expectExact(t: Tensor, r: RefTensor): void {
  expect(t.dtype).toBe(r.dtype);
  expect(t.shape).toEqual(r.shape);
  expect(Array.from(t.readSync())).toEqual(Array.from(bytesOf(r)));
}

function expectClose(t: Tensor, r: RefTensor, tol: number): void {
  expect(t.shape).toEqual(r.shape);
  const got = t.readSync();
  r.values.forEach((v, i) => expect(Math.abs(got[i] - v)).toBeLessThanOrEqual(tol));
}

const activation = (x: Tensor) => E.div(1, E.add(1, E.exp(E.neg(x))));

describe('reference: tutorial seed 7', () => {
  const sn = ref.tutorial_seed7.single_neuron as Record<string, RefTensor>;
  it('single neuron: sum form and mm form, each bit-exact', () => {
    defaultGenerator.manualSeed(7);
    const features = E.randn([1, 5]);
    const weights = E.randnLike(features);
    const bias = E.randn([1, 1]);
    expectExact(features, sn.features);
    expectExact(weights, sn.weights);
    expectExact(bias, sn.bias);
    expectExact(activation(E.add(E.sum(E.mul(features, weights)), bias)), sn.y_sum);
    expectExact(activation(E.add(E.mm(features, E.view(weights, [5, 1])), bias)), sn.y_mm);
  });

  it('mm of the unreshaped weights raises PyTorch\'s error', () => {
    const err = ref.tutorial_seed7.single_neuron as unknown as { mm_error: { type: string; message: string } };
    defaultGenerator.manualSeed(7);
    const f = E.randn([1, 5]);
    const w = E.randnLike(f);
    let caught: unknown = null;
    try {
      E.mm(f, w);
    } catch (e) {
      caught = e;
    }
    expect(caught).toBeInstanceOf(E.TorchError);
    expect((caught as E.TorchError).pyType).toBe(err.mm_error.type);
    expect((caught as E.TorchError).message).toBe(err.mm_error.message);
  });

  it('2-layer network: every intermediate bit-exact', () => {
    const m = ref.tutorial_seed7.mlp as Record<string, RefTensor>;
    defaultGenerator.manualSeed(7);
    const features = E.randn([1, 3]);
    const W1 = E.randn([3, 2]);
    const W2 = E.randn([2, 1]);
    const B1 = E.randn([1, 2]);
    const B2 = E.randn([1, 1]);
    expectExact(features, m.features);
    expectExact(W1, m.W1);
    expectExact(W2, m.W2);
    expectExact(B1, m.B1);
    expectExact(B2, m.B2);
    const h = activation(E.add(E.mm(features, W1), B1));
    expectExact(h, m.h);
    expectExact(activation(E.add(E.mm(h, W2), B2)), m.output);
  });
});

describe('reference: autograd_square_mean', () => {
  it('y = x*x, z = y.mean(), z.backward() matches bit for bit', () => {
    const a = ref.autograd_square_mean as Record<string, RefTensor>;
    const x = E.fromValues(bytesOf(a.x), [2, 2], 'float32');
    E.requiresGrad_(x);
    const y = E.mul(x, x);
    const z = E.mean(y);
    expectExact(y, a.y);
    expectExact(z, a.z);
    expect(z.gradFn?.name).toBe('MeanBackward0');
    E.backward(z);
    expectExact(x.grad!, a.x_grad);
    // x ** 2 gives the same numbers through PowBackward0.
    const x2 = E.requiresGrad_(E.fromValues(bytesOf(a.x), [2, 2], 'float32'));
    const z2 = E.mean(E.pow(x2, 2));
    E.backward(z2);
    expectExact(z2, a.z);
    expectExact(x2.grad!, a.x_grad);
  });
});

describe('reference: mlp_sgd forward and backward with engine ops', () => {
  it('output, loss and grads within 1e-6', () => {
    const s = ref.mlp_sgd as Record<string, unknown>;
    const p = s.params_before as Record<string, RefTensor>;
    const g = s.grads as Record<string, RefTensor>;
    const leaf = (r: RefTensor) => E.requiresGrad_(E.fromValues(bytesOf(r), r.shape.slice(), 'float32'));
    const W0 = leaf(p['0.weight']), b0 = leaf(p['0.bias']), W2 = leaf(p['2.weight']), b2 = leaf(p['2.bias']);
    const input = s.input as RefTensor;
    const x = E.fromValues(bytesOf(input), input.shape.slice(), 'float32');
    const target = (s.target as RefTensor).values;
    const hidden = E.relu(E.addmm(b0, x, E.t(W0)));
    const out = E.logSoftmax(E.addmm(b2, hidden, E.t(W2)), 1);
    expectClose(out, s.output as RefTensor, 1e-6);
    const picked = E.index(out, [E.arange(4), E.tensor(target)]);
    const loss = E.neg(E.mean(picked));
    expectClose(loss, s.loss as RefTensor, 1e-6);
    E.backward(loss);
    expectClose(W0.grad!, g['0.weight'], 1e-6);
    expectClose(b0.grad!, g['0.bias'], 1e-6);
    expectClose(W2.grad!, g['2.weight'], 1e-6);
    expectClose(b2.grad!, g['2.bias'], 1e-6);
  });
});

describe('reference: random factories through the ops API', () => {
  const rn = ref.randn as Record<string, RefTensor>;
  for (const [name, n, seed] of [['randn_5_f32', 5, 0], ['randn_17_f32', 17, 0], ['randn_1000_f32', 1000, 0], ['randn_100_f32_seed42', 100, 42]] as const) {
    it(`${name} bit-exact`, () => {
      defaultGenerator.manualSeed(seed);
      expectExact(E.randn([n]), rn[name]);
    });
  }
  it('randn 2x3 and rand 17', () => {
    defaultGenerator.manualSeed(0);
    expectExact(E.randn([2, 3]), rn.randn_2x3_f32);
    defaultGenerator.manualSeed(0);
    expectExact(E.rand([17]), (ref.rand as Record<string, RefTensor>).rand_17_f32);
  });
});

describe('reference: integer and in-place random ops through the ops API', () => {
  const ints = ref.int as Record<string, RefTensor>;
  const asNums = (t: Tensor) => Array.from(t.readSync());
  it('randint and randperm (seed 0) match', () => {
    defaultGenerator.manualSeed(0);
    expect(asNums(E.randint(0, 10, [20]))).toEqual(ints.randint_0_10_20.values);
    defaultGenerator.manualSeed(0);
    expect(asNums(E.randint(-5, 5, [3, 4]))).toEqual(ints['randint_-5_5_3x4'].values);
    defaultGenerator.manualSeed(0);
    expect(asNums(E.randint(0, 2 ** 40, [6]))).toEqual(ints.randint_0_2p40_6.values);
    for (const n of [5, 10, 100]) {
      defaultGenerator.manualSeed(0);
      expect(asNums(E.randperm(n))).toEqual(ints[`randperm_${n}`].values);
    }
  });
  it('normal_ on a non-contiguous view takes the serial path, bit-exact', () => {
    const r = (ref.randn as Record<string, RefTensor>).normal_noncontig_8x4_f32;
    defaultGenerator.manualSeed(0);
    // PyTorch: torch.empty(4, 8).t().normal_() -> shape [8, 4], not contiguous.
    const base = E.zeros([r.shape[1], r.shape[0]]);
    const v = E.t(base);
    E.normal_(v);
    expectExact(E.contiguous(v), r);
  });
  it('uniform_(-2, 3) on 1000 float32 values', () => {
    const r = (ref.rand as Record<string, RefTensor>)['uniform_-2_3_1000_f32'];
    defaultGenerator.manualSeed(0);
    const t = E.zeros([1000]);
    E.uniform_(t, -2, 3);
    expectExact(t, r);
  });
});
