import { describe, expect, it } from 'vitest';
import { functional as F, NLLLoss, MSELoss } from '../../engine/nn';
import type { Tensor } from '../../engine/tensor';
import { fromEnc, fromValues, golden, values } from './nn-helpers';

const g = golden('nn-losses.json');
const inp = g.inputs;

function leaf(t: Tensor): Tensor {
  t.requiresGrad = true;
  return t;
}

/** d loss / d input through the loss's own node (the autograd engine runs the same call). */
function gradOf(loss: Tensor, gout: Tensor | null): Tensor {
  const seed = gout ?? fromValues([1], [], loss.dtype);
  const [gi] = loss.gradFn!.apply([seed]);
  return gi!;
}

describe('NLLLoss and MSELoss match torch 2.13 (values, grads, grad_fn)', () => {
  for (const red of ['mean', 'sum', 'none']) {
    it(`NLLLoss:${red}`, () => {
      const want = g[`NLLLoss:${red}`];
      const x = leaf(fromEnc(inp.logp));
      const loss = new NLLLoss({ reduction: red }).callSync(x, fromEnc(inp.target)) as Tensor;
      expect(loss.shape).toEqual(want.loss.shape);
      expect(values(loss)).toEqual(want.loss.values);
      expect(loss.gradFn!.name).toBe(want.grad_fn);
      expect(values(gradOf(loss, red === 'none' ? fromEnc(inp.gout_none) : null))).toEqual(want.grad.values);
    });
    it(`MSELoss:${red}`, () => {
      const want = g[`MSELoss:${red}`];
      const x = leaf(fromEnc(inp.pred));
      const loss = new MSELoss({ reduction: red }).callSync(x, fromEnc(inp.goal)) as Tensor;
      expect(loss.shape).toEqual(want.loss.shape);
      expect(values(loss)).toEqual(want.loss.values);
      expect(loss.gradFn!.name).toBe(want.grad_fn);
      expect(values(gradOf(loss, red === 'none' ? fromEnc(inp.gout_mse) : null))).toEqual(want.grad.values);
    });
  }
});

describe('loss errors read like PyTorch', () => {
  const errOf = (f: () => unknown) => { try { f(); } catch (e: any) { return [e.pyType, e.message]; } return null; };
  const logp = () => fromEnc(inp.logp);
  it('target out of bounds', () => {
    expect(errOf(() => F.nllLoss(logp(), fromValues([1, 0, 4, 3, 2], [5], 'int64')))).toEqual(g.errors.nll_target_oob);
  });
  it('batch mismatch', () => {
    expect(errOf(() => F.nllLoss(logp(), fromValues([1, 0, 3], [3], 'int64')))).toEqual(g.errors.nll_batch_mismatch);
  });
  it('float target', () => {
    expect(errOf(() => F.nllLoss(logp(), fromValues([1, 0, 3, 3, 2], [5], 'float32')))).toEqual(g.errors.nll_float_target);
  });
  it('mse broadcast warning text', () => {
    const seen: string[] = [];
    F.setLossWarningHandler((m) => seen.push(m));
    F.mseLoss(fromEnc(inp.pred), fromValues([0, 0, 0, 0], [4]));
    F.setLossWarningHandler(null);
    expect(seen).toEqual([g.errors.mse_broadcast_warning]);
  });
});

describe('nll_loss with class weights and ignore_index (bit-exact)', () => {
  for (const red of ['mean', 'sum', 'none']) {
    for (const ign of [-100, 3]) {
      it(`${red}, ignore_index=${ign}`, () => {
        const want = g[`nll_weighted:${red}:ignore${ign}`];
        const x = leaf(fromEnc(inp.logp));
        const loss = F.nllLoss(x, fromEnc(inp.target), { weight: fromEnc(g.class_weight), ignoreIndex: ign, reduction: red });
        expect(values(loss)).toEqual(want.loss.values);
        expect(values(gradOf(loss, red === 'none' ? fromEnc(inp.gout_none) : null))).toEqual(want.grad.values);
      });
    }
  }
});
