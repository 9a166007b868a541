// AdamW, RMSprop, Adagrad and the LR schedulers against torch 2.13
// (test/golden/optim-more.json, scripts/golden/optim_more.py), and their
// optimizer steps in the trace.
import { describe, expect, it } from 'vitest';
import { AdamW, Adagrad, RMSprop, type Optimizer } from '../../engine/optim';
import { exactCos } from '../../engine/optim/exact-cos';
import { Parameter } from '../../engine/nn/parameter';
import { run } from '../../engine/runtime';
import { OffCpuBackend, fromValues, golden, toBackend, values } from './nn-helpers';

const g = golden('optim-more.json');

function make(cfg: string, p: ReturnType<typeof fromValues>): Optimizer {
  const m = /^(\w+)\((.*)\)$/.exec(cfg)!;
  const kw: Record<string, string> = {};
  for (const part of m[2].split(/,(?![^()]*\))/)) {
    const [k, v] = part.split('=');
    kw[k] = v;
  }
  const n = (k: string) => (kw[k] === undefined ? undefined : Number(kw[k]));
  const b = (k: string) => kw[k] === 'True';
  if (m[1] === 'AdamW') {
    const betas = kw.betas ? (kw.betas.slice(1, -1).split(',').map(Number) as [number, number]) : undefined;
    return new AdamW([p], { lr: n('lr'), betas, weightDecay: n('weight_decay'), amsgrad: b('amsgrad') });
  }
  if (m[1] === 'RMSprop') {
    return new RMSprop([p], {
      lr: n('lr'), alpha: n('alpha'), eps: n('eps'), momentum: n('momentum'), centered: b('centered'), weightDecay: n('weight_decay'),
    });
  }
  return new Adagrad([p], {
    lr: n('lr'), lrDecay: n('lr_decay'), initialAccumulatorValue: n('initial_accumulator_value'), weightDecay: n('weight_decay'),
  });
}

// PyTorch's float32 sqrt (MKL's vsSqrt, VML_HA) is within 0.75 ulp but not
// correctly rounded; the engine's is. The golden file holds torch.optim's
// trajectories and the same single-tensor updates written out with the same
// ATen ops but a correctly rounded sqrt (checked there to reproduce
// torch.optim bit for bit when given torch.sqrt). The engine must match the
// latter exactly, and the former within what a 1-ulp sqrt can move p.
describe('AdamW / RMSprop / Adagrad trajectories against torch 2.13', () => {
  for (const [cfg, traj] of Object.entries<any>(g.optim.trajectories)) {
    it(cfg, () => {
      const p0: number[] = g.optim.param0;
      const p = Parameter(fromValues(p0, [p0.length]));
      const opt = make(cfg, p);
      let prev = p0;
      const tol = new Array<number>(p0.length).fill(0);
      traj.cr_sqrt.forEach((want: number[], i: number) => {
        p.grad = fromValues(g.optim.grads[i], [p0.length]);
        opt.step();
        const got = values(p);
        expect(got, `step ${i + 1}`).toEqual(want);
        const torch: number[] = traj.torch[i];
        got.forEach((v, j) => {
          tol[j] += 4 * 2 ** -24 * (Math.abs(prev[j]) + Math.abs(torch[j] - prev[j]));
          expect(Math.abs(v - torch[j]), `step ${i + 1} element ${j} against torch.optim`).toBeLessThanOrEqual(tol[j]);
        });
        prev = torch;
      });
      expect([...Object.keys(opt.state.get(p)!)].sort()).toEqual(traj.state_keys);
    });
  }

  it('runs the same updates on a backend the CPU loops cannot read (the WebGPU path)', async () => {
    const be = new OffCpuBackend();
    const p0 = g.optim.param0 as number[];
    for (const [cfg, traj] of Object.entries<any>(g.optim.trajectories)) {
      const p = Parameter(toBackend(fromValues(p0, [p0.length]), be));
      const opt = make(cfg, p);
      for (let i = 0; i < 3; i++) {
        p.grad = toBackend(fromValues(g.optim.grads[i], [p0.length]), be);
        opt.step();
        const got = Array.from(await p.read());
        got.forEach((v, j) => expect(Math.abs(v - traj.torch[i][j]), `${cfg} step ${i + 1} element ${j}`).toBeLessThan(1e-5));
      }
    }
  });
});

describe('exactCos (CosineAnnealingLR)', () => {
  it('is correctly rounded, and equals glibc\'s math.cos on the schedule grid where glibc is', () => {
    let glibcSame = 0;
    for (const c of g.cos) {
      expect(exactCos(c.x), String(c.x)).toBe(c.correct);
      if (c.glibc === c.correct) glibcSame++;
    }
    expect(glibcSame).toBeGreaterThan(g.cos.length - 5);
  });
});

describe('trace', () => {
  it('records each step of AdamW, RMSprop and Adagrad as SGD/Adam steps are, a scheduler adding none', async () => {
    for (const make of ['optim.AdamW(model.parameters(), lr=0.01)', 'optim.RMSprop(model.parameters())', 'optim.Adagrad(model.parameters())']) {
      const src = [
        'import torch', 'from torch import nn, optim', 'from torch.optim.lr_scheduler import StepLR', 'torch.manual_seed(0)',
        'model = nn.Linear(3, 1)', `opt = ${make}`, 'sched = StepLR(opt, step_size=2)',
        'x = torch.randn(4, 3)', 'for i in range(5):',
        '    opt.zero_grad()', '    loss = model(x).pow(2).mean()', '    loss.backward()', '    opt.step()', '    sched.step()', '',
      ].join('\n');
      const t = await run(src, { file: 'o.py' });
      expect(t.error, make).toBeNull();
      expect(t.steps.map((s) => s.step), make).toEqual([1, 2, 3, 4, 5]);
      expect(t.steps[0].params.map((p) => p.name)).toEqual(['weight', 'bias']);
      expect(t.steps[4].loss!).toBeLessThan(t.steps[0].loss!);
    }
  });
});

describe('scheduler warnings', () => {
  it("print PyTorch's UserWarning to stderr once, at the scheduler.step() line", async () => {
    const src = [
      'import torch', 'from torch.optim.lr_scheduler import StepLR', 'p = [torch.nn.Parameter(torch.ones(2))]',
      'opt = torch.optim.SGD(p, lr=0.1)', 's = StepLR(opt, step_size=2)', 'for i in range(3):', '    s.step()',
      'print(s.get_last_lr())', '',
    ].join('\n');
    let err = '';
    const t = await run(src, { file: 'w.py', onStderr: (text) => { err += text; } });
    expect(t.error).toBeNull();
    expect(t.stdout).toBe('[0.010000000000000002]\n');
    expect(err).toBe('w.py:7: UserWarning: Detected call of `lr_scheduler.step()` before `optimizer.step()`. In PyTorch 1.1.0 and ' +
      'later, you should call them in the opposite order: `optimizer.step()` before `lr_scheduler.step()`.  Failure to do this ' +
      'will result in PyTorch skipping the first value of the learning rate schedule. See more details at ' +
      'https://pytorch.org/docs/stable/optim.html#how-to-adjust-learning-rate\n  s.step()\n');
  });

  it('stay quiet when optimizer.step() comes first', async () => {
    const src = [
      'import torch', 'from torch.optim.lr_scheduler import ExponentialLR', 'p = [torch.nn.Parameter(torch.ones(2))]',
      'opt = torch.optim.AdamW(p, lr=0.1)', 's = ExponentialLR(opt, 0.5)', 'for i in range(3):',
      '    p[0].grad = torch.ones(2)', '    opt.step()', '    s.step()', 'print(s.get_last_lr())', '',
    ].join('\n');
    let err = '';
    const t = await run(src, { file: 'q.py', onStderr: (text) => { err += text; } });
    expect(t.error).toBeNull();
    expect(t.stdout).toBe('[0.0125]\n');
    expect(err).toBe('');
  });
});
