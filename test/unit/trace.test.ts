import { describe, expect, it } from 'vitest';
import { FakeTensor, range, setup, tensor } from './trace-fakes';
import { sizeUpperBound, traceSize } from '../../engine/trace/bound';


describe('expression records', () => {
  it('keep the last evaluation of a range and count them', async () => {
    const { rec } = setup();
    for (let i = 0; i < 5; i++) rec.onExpr(range(0, 3), i);
    rec.onAssign('y', range(10, 20), tensor([2], (i) => i + 1));
    const t = await rec.finish(1);
    expect(t.exprs).toHaveLength(2);
    expect(t.exprs[0]).toMatchObject({ iteration: 5, count: 5, value: { kind: 'int', repr: '4' } });
    const y = t.exprs[1];
    expect(y.assignedName).toBe('y');
    expect(y.value).toMatchObject({ kind: 'tensor', shape: [2], printed: 'tensor(1,2)', stats: { min: 1, max: 2, mean: 1.5 } });
  });

  it('show the value at evaluation time even after an in-place update', async () => {
    const { rec } = setup();
    const w = tensor([3], () => 1);
    rec.onExpr(range(0, 1), w);
    w.data.fill(7);
    const t = await rec.finish(1);
    expect(t.exprs[0].value).toMatchObject({ stats: { min: 1, max: 1 } });
  });

  it('count NaN and Inf apart from the statistics and cap the sample', async () => {
    const { rec } = setup({ sampleValues: 4 });
    rec.onExpr(range(0, 1), tensor([6], (i) => [1, NaN, Infinity, 3, -Infinity, 5][i]));
    const v = (await rec.finish(1)).exprs[0].value;
    if (v.kind !== 'tensor') throw new Error('expected a tensor');
    expect(v.stats).toMatchObject({ min: 1, max: 5, mean: 3, nanCount: 1, infCount: 2 });
    expect(v.stats!.std).toBeCloseTo(2, 10);
    expect(v.sample.values).toHaveLength(4);
    expect(v.sample.complete).toBe(false);
  });

  it('summarise the grad with the tensor', async () => {
    const { rec } = setup();
    const x = tensor([2], () => 2, true);
    x.grad = tensor([2], () => 0.5);
    rec.onExpr(range(0, 1), x);
    const v = (await rec.finish(1)).exprs[0].value;
    expect(v).toMatchObject({ requiresGrad: true, isLeaf: true, grad: { stats: { mean: 0.5 } } });
  });
});

describe('op graph', () => {
  it('maps a loop onto the same nodes and names leaves', async () => {
    const { rec, loc } = setup();
    const W = tensor([5, 1], () => 0.1, true);
    rec.nameParameters('model', [['fc1.weight', W]]);
    for (let i = 0; i < 10; i++) {
      rec.onLoopIteration();
      const x = tensor([1, 5], () => i);
      rec.onAssign('x', range(0, 1), x);
      loc.range = range(20, 30);
      const h = tensor([1, 1], () => i, true, 'MmBackward0');
      rec.onOp('mm', [x, W], h);
      loc.range = range(40, 50);
      const y = tensor([1, 1], () => i, true, 'SigmoidBackward0');
      rec.onOp('sigmoid', [h], y);
    }
    const g = (await rec.finish(1)).graph;
    expect(g.nodes.map((n) => [n.kind, n.label])).toEqual([
      ['input', 'x'], ['param', 'weight'], ['op', 'mm'], ['op', 'sigmoid'],
    ]);
    expect(g.nodes[1].module).toBe('model.fc1');
    expect(g.nodes[2].gradFn).toBe('MmBackward0');
    expect(g.edges).toEqual([{ from: 0, to: 2, input: 0 }, { from: 1, to: 2, input: 1 }, { from: 2, to: 3, input: 0 }]);
    expect(g.nodes[3].value?.sample.values).toEqual([9]);
    expect(g.truncated).toBe(false);
  });

  it('keeps separate nodes for separate call sites and stays a DAG for x = x * 2', async () => {
    const { rec, loc } = setup();
    let x = tensor([1], () => 1);
    loc.range = range(5, 10);
    for (let i = 0; i < 4; i++) {
      rec.onLoopIteration();
      const y = tensor([1], () => 2 ** i, false);
      rec.onOp('mul', [x], y);
      x = y;
    }
    loc.stack = [range(100, 110)];
    rec.onOp('mul', [x], tensor([1], () => 0));
    const g = (await rec.finish(1)).graph;
    expect(g.nodes).toHaveLength(3);
    for (const e of g.edges) expect(e.from).toBeLessThan(e.to);
  });

  it('gives two ops of one name in one statement two nodes, and takes the range of the expression', async () => {
    const { rec, loc } = setup();
    loc.range = range(0, 30);
    const a = tensor([1], () => 2);
    const ab = tensor([1], () => 4);
    rec.onOp('mul', [a, a], ab);
    rec.onExpr(range(4, 9), ab);
    const abc = tensor([1], () => 8);
    rec.onOp('mul', [ab, a], abc);
    const g = (await rec.finish(1)).graph;
    expect(g.nodes.map((n) => n.label)).toEqual(['tensor', 'mul', 'mul']);
    expect(g.nodes[1].range).toEqual(range(4, 9));
    expect(g.nodes[2].range).toEqual(range(0, 30));
  });

  it('stops at the node cap and says so', async () => {
    const { rec, loc } = setup({ maxNodes: 5 });
    const a = tensor([1], () => 1);
    for (let i = 0; i < 20; i++) {
      loc.range = range(i * 10, i * 10 + 5);
      rec.onOp('neg', [a], tensor([1], () => -1));
    }
    const g = (await rec.finish(1)).graph;
    expect(g.nodes).toHaveLength(5);
    expect(g.truncated).toBe(true);
  });
});

describe('backward and steps', () => {
  it('record grad norms, the loss and parameter statistics', async () => {
    const { rec, loc } = setup();
    const W = tensor([2, 2], (i) => i, true);
    rec.nameParameters('model', [['weight', W]]);
    const x = tensor([1, 2], () => 1);
    loc.range = range(0, 5);
    const loss = tensor([1], () => 0.25, true, 'MmBackward0');
    rec.onOp('mm', [x, W], loss);
    W.grad = tensor([2, 2], () => 1);
    await rec.onBackward(range(10, 20), loss);
    await rec.onStep(range(30, 40), [['weight', W]]);
    const t = await rec.finish(1);
    expect(t.backwards).toHaveLength(1);
    expect(t.backwards[0]).toMatchObject({ index: 1, step: 1, rootNodeId: 2 });
    const wg = t.backwards[0].grads.find((g) => g.nodeId === 1)!;
    expect(wg.norm).toBeCloseTo(2, 6);
    expect(t.steps[0]).toMatchObject({ step: 1, loss: 0.25 });
    const p = t.steps[0].params[0];
    expect(p).toMatchObject({ name: 'weight', shape: [2, 2], gradNorm: 2, gradMean: 1, gradMaxAbs: 1 });
    expect(p.weightNorm).toBeCloseTo(Math.sqrt(14), 6);
    expect(p.gradMeanAbs).toBe(1);
    expect(p.hist.counts.reduce((a, b) => a + b, 0)).toBe(4);
    expect([p.hist.lo, p.hist.hi]).toEqual([0, 3]);
  });

  it('report mean |grad| apart from the signed mean, which cancels out', async () => {
    // A bias before log_softmax + nll_loss gets grads that sum to zero over
    // the classes: its signed mean says nothing about their size.
    const { rec } = setup();
    const b = tensor([4], () => 0, true);
    b.grad = tensor([4], (i) => [0.3, -0.1, -0.1, -0.1][i]);
    await rec.onStep(range(30, 40), [['bias', b]]);
    const p = (await rec.finish(1)).steps[0].params[0];
    expect(Math.abs(p.gradMean)).toBeLessThan(1e-7); // float32 grads: 0.3 - 3 * 0.1 rounds to ~2e-9
    expect(p.gradMeanAbs).toBeCloseTo(0.15, 6);
    expect(p.gradMaxAbs).toBeCloseTo(0.3, 6);
  });
});

describe('errors', () => {
  it('relate an mm error to the operand expressions and their shapes', async () => {
    const { rec } = setup();
    const a = tensor([1, 5], () => 1);
    const b = tensor([1, 5], () => 2);
    rec.onExpr(range(10, 18), a);
    rec.onExpr(range(20, 27), b);
    rec.onError({
      type: 'RuntimeError', message: 'mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)',
      range: range(0, 28), traceback: [{ name: '<module>', line: 1 }], operands: [a, b],
    });
    const e = (await rec.finish(1)).error!;
    expect(e.related).toEqual([
      { range: range(10, 18), message: 'shape [1, 5]' },
      { range: range(20, 27), message: 'shape [1, 5]' },
    ]);
  });
});

describe('size bound', () => {
  it('keeps a 30-epoch training loop under the limits', async () => {
    const { rec, loc } = setup();
    const W1 = tensor([128, 784], (i) => Math.sin(i), true);
    const W2 = tensor([10, 128], (i) => Math.cos(i), true);
    rec.nameParameters('model', [['0.weight', W1], ['2.weight', W2]]);
    const batches = 60;
    for (let epoch = 0; epoch < 30; epoch++) {
      rec.onLoopIteration();
      for (let b = 0; b < batches; b++) {
        rec.onLoopIteration();
        const images = tensor([64, 784], (i) => (i % 255) / 255);
        rec.onAssign('images', range(0, 6), images);
        loc.stack = [range(50, 60)];
        loc.range = range(200, 210);
        const h = tensor([64, 128], (i) => i, true, 'MmBackward0');
        rec.onOp('mm', [images, W1], h);
        loc.range = range(220, 230);
        const out = tensor([64, 10], (i) => i, true, 'MmBackward0');
        rec.onOp('mm', [h, W2], out);
        loc.stack = [];
        loc.range = range(300, 320);
        const loss = tensor([1], () => 1 / (1 + epoch * batches + b), true, 'MeanBackward0');
        rec.onOp('mean', [out], loss);
        rec.onAssign('loss', range(300, 320), loss);
        W1.grad = tensor([128, 784], () => 0.001);
        W2.grad = tensor([10, 128], () => 0.01);
        await rec.onBackward(range(400, 415), loss);
        await rec.onStep(range(420, 436), [['0.weight', W1], ['2.weight', W2]]);
        rec.writeStdout(`loss ${b}\n`);
      }
    }
    const t = await rec.finish(1);
    expect(traceSize(t)).toBeLessThanOrEqual(rec.caps.maxTraceChars);
    // The cheap estimate finish() trusts must never undercount.
    expect(sizeUpperBound(t)).toBeGreaterThanOrEqual(traceSize(t));
    expect(t.steps.length).toBeLessThanOrEqual(rec.caps.maxSteps);
    expect(t.steps.length).toBeGreaterThan(rec.caps.maxSteps / 2);
    // Decimated evenly over the whole run, not just the start.
    expect(t.steps[t.steps.length - 1].step).toBeGreaterThan(30 * batches * 0.9);
    expect(t.backwards.length).toBeLessThanOrEqual(rec.caps.maxBackwards);
    expect(t.graph.nodes).toHaveLength(6);
    const loss = t.exprs.find((e) => e.assignedName === 'loss')!;
    expect(loss.count).toBe(30 * batches);
  });

  it('sheds detail until the JSON fits a tight limit', async () => {
    const { rec } = setup({ maxTraceChars: 20_000 });
    for (let i = 0; i < 200; i++) rec.onExpr(range(i * 10, i * 10 + 5), tensor([32, 32], (j) => j * 1.2345678));
    const t = await rec.finish(1);
    expect(traceSize(t)).toBeLessThanOrEqual(20_000);
    expect(t.exprs.length).toBeGreaterThan(0);
  });
});
