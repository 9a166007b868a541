import { describe, expect, it } from 'vitest';
import { Linear, LogSoftmax, NLLLoss, ReLU, Sequential, CrossEntropyLoss, functional as F } from '../../engine/nn';
import { SGD, Adam, type Optimizer } from '../../engine/optim';
import { defaultGenerator } from '../../engine/random';
import { backward } from '../../engine/autograd';
import type { Tensor } from '../../engine/tensor';
import { fromEnc, golden, values } from './nn-helpers';

const opt = golden('nn-optim.json');
const losses = golden('nn-losses.json');

function close(got: number[], want: number[], tol: number): void {
  expect(got.length).toBe(want.length);
  got.forEach((v, i) => expect(Math.abs(v - want[i]), `index ${i}: ${v} vs ${want[i]}`).toBeLessThanOrEqual(tol));
}

const mlp = () => new Sequential(new Linear(4, 3), new ReLU(), new Linear(3, 2), new LogSoftmax(1));

describe('mlp_sgd: one SGD step of the reference MLP', () => {
  it('init, output, loss, grads and updated params match torch 2.13', () => {
    const c = opt.mlp_sgd;
    defaultGenerator.manualSeed(0);
    const model = mlp();
    model.namedParameters().forEach(([n, p], i) => {
      expect(n).toBe(c.params_before[i][0]);
      expect(values(p)).toEqual(c.params_before[i][1].values);
    });
    const sgd = new SGD(model.parameters(), { lr: 0.1 });
    const x = fromEnc(c.input);
    const y = fromEnc(c.target);
    sgd.zeroGrad();
    const out = model.callSync(x) as Tensor;
    expect(out.gradFn!.name).toBe(c.output_grad_fn);
    close(values(out), c.output.values, 1e-6);
    const loss = new NLLLoss().callSync(out, y) as Tensor;
    expect(loss.gradFn!.name).toBe(c.loss_grad_fn);
    close(values(loss), c.loss.values, 1e-6);
    backward(loss);
    model.namedParameters().forEach(([, p], i) => close(values(p.grad!), c.grads[i][1].values, 1e-6));
    sgd.step();
    model.namedParameters().forEach(([, p], i) => close(values(p), c.params_after[i][1].values, 1e-6));
    const after = model.callSync(x) as Tensor;
    close(values(after), c.output_after.values, 1e-6);
    close(values(new NLLLoss().callSync(after, y) as Tensor), c.loss_after.values, 1e-6);
  });
});

describe('training loops (zero_grad, forward, loss, backward, step) follow torch', () => {
  for (const name of ['SGD', 'Adam']) {
    it(name, () => {
      const run = opt.loops.runs[name];
      defaultGenerator.manualSeed(1);
      const model = mlp();
      model.parameters().forEach((p, i) => expect(values(p)).toEqual(run.init[i].values));
      const o: Optimizer = name === 'SGD' ? new SGD(model.parameters(), { lr: 0.1, momentum: 0.9 }) : new Adam(model.parameters(), { lr: 0.01 });
      const crit = new NLLLoss();
      const x = fromEnc(opt.loops.x);
      const y = fromEnc(opt.loops.y);
      const seen: number[] = [];
      for (let i = 0; i < 4; i++) {
        o.zeroGrad();
        const loss = crit.callSync(model.callSync(x), y) as Tensor;
        backward(loss);
        o.step();
        seen.push(loss.item());
      }
      close(seen, run.losses, 1e-6);
      model.parameters().forEach((p, i) => close(values(p), run.params[i].values, 1e-5));
      o.zeroGrad();
      expect(model.parameters().every((p) => p.grad === null)).toBe(run.grad_is_none_after_zero_grad);
    });
  }
});

describe('CrossEntropyLoss = NLL over log_softmax', () => {
  for (const red of ['mean', 'sum', 'none']) {
    it(red, () => {
      const want = losses[`CrossEntropyLoss:${red}`];
      const x = fromEnc(losses.inputs.logits);
      x.requiresGrad = true;
      const loss = new CrossEntropyLoss({ reduction: red }).callSync(x, fromEnc(losses.inputs.target)) as Tensor;
      expect(loss.gradFn!.name).toBe(want.grad_fn);
      close(values(loss), want.loss.values, 2e-6);
      backward(loss, red === 'none' ? fromEnc(losses.inputs.gout_none) : undefined);
      close(values(x.grad!), want.grad.values, 1e-6);
    });
  }
  it('float64 and the single-sample form', () => {
    const w64 = losses['cross_entropy:float64'];
    const x = fromEnc({ ...losses.inputs.logits, dtype: 'float64' });
    x.requiresGrad = true;
    const l = F.crossEntropy(x, fromEnc(losses.inputs.target));
    close(values(l), w64.loss.values, 1e-6);
    backward(l);
    close(values(x.grad!), w64.grad.values, 1e-6);
    const one = losses['cross_entropy:1d'];
    const x1 = fromEnc({ dtype: 'float32', shape: [4], values: losses.inputs.logits.values.slice(0, 4) });
    x1.requiresGrad = true;
    const t0 = fromEnc({ dtype: 'int64', shape: [], values: [losses.inputs.target.values[0]] });
    const l1 = F.crossEntropy(x1, t0);
    close(values(l1), one.loss.values, 1e-6);
    backward(l1);
    close(values(x1.grad!), one.grad.values, 1e-6);
  });
  it('batch mismatch error', () => {
    let err: any = null;
    try { F.crossEntropy(fromEnc(losses.inputs.logits), fromEnc({ dtype: 'int64', shape: [3], values: [1, 0, 3] })); } catch (e) { err = e; }
    expect([err?.pyType, err?.message]).toEqual(losses.errors.ce_batch_mismatch);
  });
});
