import { describe, expect, it } from 'vitest';
import { Dropout, Flatten, LogSoftmax, ReLU, Sigmoid, Softmax, Tanh, functional as F, init, type Module } from '../../engine/nn';
import { defaultGenerator, fillUniform } from '../../engine/random';
import type { Tensor } from '../../engine/tensor';
import { transpose } from '../../engine/ops/transpose';
import { contiguous } from '../../engine/ops/contiguous';
import { fromEnc, fromValues, golden, values } from './nn-helpers';

const g = golden('nn-modules.json');

function nextRand(n: number): number[] {
  const a = new Float32Array(n);
  fillUniform(defaultGenerator, a);
  return Array.from(a);
}

describe('activation modules match torch', () => {
  const x = () => fromEnc(g.activations.input);
  const cases: [string, Module][] = [
    ['Flatten()', new Flatten()], ['Flatten(0,1)', new Flatten(0, 1)], ['ReLU', new ReLU()],
    ['Sigmoid', new Sigmoid()], ['Tanh', new Tanh()], ['Softmax(dim=1)', new Softmax(1)],
    ['LogSoftmax(dim=2)', new LogSoftmax(2)],
  ];
  for (const [k, m] of cases) {
    it(k, () => {
      const y = m.callSync(x()) as Tensor;
      expect(y.shape).toEqual(g.activations[k].shape);
      // transcendental kernels: within a few float32 ulps of PyTorch's SLEEF results
      values(y).forEach((v, i) => expect(v).toBeCloseTo(g.activations[k].values[i], 6));
    });
  }
  it('softmax(dim=-1) and implicit dims', () => {
    const y = F.softmax(x(), -1);
    values(y).forEach((v, i) => expect(v).toBeCloseTo(g.activations['Softmax(dim=-1)'].values[i], 6));
    expect(F.implicitSoftmaxDim(3)).toBe(0);
    expect(F.implicitSoftmaxDim(2)).toBe(1);
  });
});

describe('Dropout draws its mask like torch', () => {
  for (const [k, c] of Object.entries<any>(g.dropout)) {
    if (k === 'eval_identity') continue;
    it(k, () => {
      defaultGenerator.manualSeed(c.seed);
      const x = fromEnc(c.input);
      x.requiresGrad = true;
      const y = new Dropout(c.p).callSync(x) as Tensor;
      expect(values(y)).toEqual(c.output.values);
      expect(y.gradFn!.name).toBe(c.grad_fn);
      expect(nextRand(3)).toEqual(c.next_rand.values);
    });
  }
  it('eval mode returns the input itself and draws nothing', () => {
    defaultGenerator.manualSeed(3);
    const d = new Dropout(0.2);
    d.eval();
    const x = fromValues([1, 1, 1, 1, 1], [5]);
    expect(d.callSync(x)).toBe(x);
    expect(nextRand(2)).toEqual(g.dropout.eval_identity.next_rand.values);
  });
});

describe('nn.init matches torch bit for bit', () => {
  const seeds: Record<string, number> = {
    'normal_(3,4)': 1, 'normal_(4,8,mean=1,std=0.5)': 1, 'uniform_(3,5,-2,3)': 2, 'zeros_(2,3)': 0, 'ones_(2,3)': 0,
    'constant_(2,3,0.3)': 0, 'kaiming_uniform_(6,5)': 3, 'kaiming_uniform_(6,5,a=sqrt5)': 3, 'kaiming_normal_(6,5)': 4,
    'kaiming_normal_(6,5,fan_out)': 4, 'kaiming_normal_(4,3,2,2,fan_out,relu)': 4, 'xavier_uniform_(6,5)': 5,
    'xavier_uniform_(6,5,gain=2)': 5, 'xavier_normal_(6,5)': 6, 'xavier_normal_(2,3)': 6, 'kaiming_uniform_(4,3,2,2)': 8,
  };
  const fns: Record<string, (t: Tensor) => unknown> = {
    'normal_(3,4)': (t) => init.normal_(t),
    'normal_(4,8,mean=1,std=0.5)': (t) => init.normal_(t, 1, 0.5),
    'uniform_(3,5,-2,3)': (t) => init.uniform_(t, -2, 3),
    'zeros_(2,3)': (t) => init.zeros_(t),
    'ones_(2,3)': (t) => init.ones_(t),
    'constant_(2,3,0.3)': (t) => init.constant_(t, 0.3),
    'kaiming_uniform_(6,5)': (t) => init.kaimingUniform_(t),
    'kaiming_uniform_(6,5,a=sqrt5)': (t) => init.kaimingUniform_(t, Math.sqrt(5)),
    'kaiming_normal_(6,5)': (t) => init.kaimingNormal_(t),
    'kaiming_normal_(6,5,fan_out)': (t) => init.kaimingNormal_(t, 0, 'fan_out'),
    'kaiming_normal_(4,3,2,2,fan_out,relu)': (t) => init.kaimingNormal_(t, 0, 'fan_out', 'relu'),
    'xavier_uniform_(6,5)': (t) => init.xavierUniform_(t),
    'xavier_uniform_(6,5,gain=2)': (t) => init.xavierUniform_(t, 2),
    'xavier_normal_(6,5)': (t) => init.xavierNormal_(t),
    'xavier_normal_(2,3)': (t) => init.xavierNormal_(t),
    'kaiming_uniform_(4,3,2,2)': (t) => init.kaimingUniform_(t),
  };
  for (const [k, f] of Object.entries(fns)) {
    it(k, () => {
      const want = g.init[k];
      defaultGenerator.manualSeed(seeds[k]);
      const t = fromValues(new Array(want.values.length).fill(7), want.shape);
      f(t);
      expect(values(t)).toEqual(want.values);
    });
  }
  it('calculate_gain', () => {
    for (const n of ['linear', 'sigmoid', 'tanh', 'relu', 'leaky_relu']) expect(init.calculateGain(n)).toBe(g.gains[n]);
    expect(init.calculateGain('leaky_relu', Math.sqrt(5))).toBe(g.gains.leaky_relu_sqrt5);
  });
});

describe('implicit softmax dim', () => {
  it('picks the dim as PyTorch (1 for 2-D) and warns with its text', async () => {
    const { setNnWarningHandler } = await import('../../engine/nn');
    const seen: string[] = [];
    setNnWarningHandler((m) => seen.push(m));
    const x = fromEnc(g.activations.input);
    const row = fromValues(values(x).slice(0, 12), [3, 4]);
    const y = new Softmax().callSync(row) as Tensor;
    F.logSoftmax(row);
    setNnWarningHandler(null);
    values(y).forEach((v, i) => expect(v).toBeCloseTo(g.activations['Softmax()'].values[i], 6));
    expect(seen).toEqual(g.activations.implicit_dim_warnings);
  });
});

describe('F.linear dispatches as at::linear (grad_fn) with the same values', () => {
  const d = g.linear_dispatch;
  for (const name of ['1d', '2d', '3d', '4d', '3d_noncontig']) {
    it(name, () => {
      const c = d[name];
      const w = fromEnc(d.weight);
      w.requiresGrad = true;
      const b = fromEnc(d.bias);
      b.requiresGrad = true;
      const wn = fromEnc(d.weight_nobias);
      wn.requiresGrad = true;
      let x = fromEnc(c.input);
      if (name === '3d_noncontig') {
        // stored row-major as [5, 2, 4]; rebuild PyTorch's transposed view of a [2, 5, 4]
        x = transpose(contiguous(transpose(x, 0, 1)), 0, 1);
        expect(x.isContiguous()).toBe(false);
      }
      const yb = F.linear(x, w, b);
      const yn = F.linear(x, wn, null);
      expect(yb.gradFn!.name).toBe(c.bias_grad_fn);
      expect(yn.gradFn!.name).toBe(c.nobias_grad_fn);
      expect(yb.shape).toEqual(c.bias_out.shape);
      values(yb).forEach((v, i) => expect(Math.abs(v - c.bias_out.values[i])).toBeLessThanOrEqual(1e-6));
      values(yn).forEach((v, i) => expect(Math.abs(v - c.nobias_out.values[i])).toBeLessThanOrEqual(1e-6));
    });
  }
});

describe('in-place forms', () => {
  it('ReLU(inplace=True) writes through its input and records ReluBackward0', () => {
    const x = fromValues([-1, 2, -3, 4], [4]);
    const y = new ReLU(true).callSync(x) as Tensor;
    expect(y).toBe(x);
    expect(values(x)).toEqual([0, 2, 0, 4]);
    expect(new ReLU(true).repr()).toBe('ReLU(inplace=True)');
  });
  it('Dropout(inplace=True) multiplies in place', () => {
    defaultGenerator.manualSeed(3);
    const x = fromValues(new Array(20).fill(1), [4, 5]);
    const y = new Dropout(0.2, true).callSync(x) as Tensor;
    expect(y).toBe(x);
    const c = g.dropout['seed3_p0.2_[4, 5]'];
    // the golden input is 1..20: compare the kept/zeroed pattern and the scale
    expect(values(x).map((v) => v !== 0)).toEqual(c.output.values.map((v: number) => v !== 0));
    expect(values(x).filter((v) => v !== 0).every((v) => v === Math.fround(1 / Math.fround(0.8)))).toBe(true);
  });
});
