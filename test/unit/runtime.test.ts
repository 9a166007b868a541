import { describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';

describe('runtime.run', () => {
  it('runs the seed program and records what it printed and evaluated', async () => {
    const t = await run('import torch\ntorch.manual_seed(7)\nx = torch.randn(1, 5)\nprint(x.shape)\n', { file: 'a.py' });
    expect(t.error).toBeNull();
    expect(t.stopped).toBeNull();
    expect(t.stdout).toBe('torch.Size([1, 5])\n');
    const x = t.exprs.find((e) => e.assignedName === 'x');
    expect(x?.value).toMatchObject({ kind: 'tensor', shape: [1, 5], dtype: 'float32', printed: 'tensor([[-0.1468,  0.7861,  0.9468, -1.1143,  1.6908]])' });
  });

  it('keeps the trace of what ran before an error, with the error located', async () => {
    const src = 'import torch\na = torch.ones(2, 3)\nprint("before")\nb = a @ a\n';
    const t = await run(src, { file: 'e.py' });
    expect(t.stdout).toBe('before\n');
    expect(t.error).toMatchObject({ type: 'RuntimeError', message: 'mat1 and mat2 shapes cannot be multiplied (2x3 and 2x3)' });
    expect(t.error!.range.line).toBe(4);
    expect(t.error!.related.map((r) => r.message)).toEqual(['shape [2, 3]', 'shape [2, 3]']);
    expect(t.exprs.some((e) => e.assignedName === 'a')).toBe(true);
  });

  it("relates a layer's shape error to the input expression", async () => {
    const src = 'import torch\nfrom torch import nn\nmodel = nn.Sequential(nn.Linear(784, 10))\nimages = torch.randn(64, 28, 28)\nout = model(images)\n';
    const t = await run(src, { file: 'lin.py' });
    expect(t.error?.message).toBe('mat1 and mat2 shapes cannot be multiplied (1792x28 and 784x10)');
    expect(t.error?.related).toEqual([{ range: expect.objectContaining({ line: 5, col: 12 }), message: 'shape [64, 28, 28]' }]);
  });

  it('stops a program that runs past the time budget', async () => {
    const t = await run('i = 0\nwhile True:\n    i += 1\n', { file: 't.py', timeBudgetMs: 200 });
    expect(t.stopped).toBe('time');
    expect(t.error?.type).toBe('TimeoutError');
    expect(t.error?.range.line).toBeGreaterThanOrEqual(2);
  });

  it('stops a program that allocates past the tensor memory budget, uncatchably', async () => {
    const src = 'import torch\nxs = []\ntry:\n    while True:\n        xs.append(torch.zeros(1000, 1000))\nexcept MemoryError:\n    print("caught")\n';
    const t = await run(src, { file: 'm.py', memoryBudgetBytes: 64 << 20 });
    expect(t.stopped).toBe('memory');
    expect(t.error?.type).toBe('MemoryError');
    expect(t.error?.message).toMatch(/tensor memory budget/);
    expect(t.stdout).toBe('');
  });

  it('stops runaway recursion with RecursionError', async () => {
    const t = await run('def f(n):\n    return f(n + 1)\nf(0)\n', { file: 'r.py', maxRecursion: 50 });
    expect(t.error?.type).toBe('RecursionError');
  });

  it('can be cancelled from outside', async () => {
    const signal = { cancelled: false };
    setTimeout(() => { signal.cancelled = true; }, 50);
    const t = await run('while True:\n    pass\n', { file: 'c.py', signal, timeBudgetMs: 10_000 });
    expect(t.stopped).toBe('cancelled');
  });

  it('streams stdout and leaves no state behind for the next run', async () => {
    const chunks: string[] = [];
    await run('import torch\ntorch.manual_seed(3)\nwith torch.no_grad():\n    raise ValueError("x")\n', { file: 's.py' });
    const t = await run('import torch\nprint(torch.randn(1).item() == torch.randn(1).item(), torch.is_grad_enabled())\n', {
      file: 's2.py', onStdout: (s) => chunks.push(s),
    });
    expect(chunks.join('')).toBe('False True\n');
    // A fresh run starts from PyTorch's default seed, whatever the previous run seeded.
    const a = await run('import torch\nprint(torch.randn(2))\n', { file: 'd1.py' });
    await run('import torch\ntorch.manual_seed(123)\n', { file: 'd2.py' });
    const b = await run('import torch\nprint(torch.randn(2))\n', { file: 'd3.py' });
    expect(a.stdout).toBe(b.stdout);
    expect(t.error).toBeNull();
  });

  it('records optimizer steps with the loss and per-parameter norms', async () => {
    const src = [
      'import torch', 'from torch import nn, optim', 'torch.manual_seed(0)',
      'model = nn.Linear(3, 1)', 'opt = optim.SGD(model.parameters(), lr=0.1)',
      'x = torch.randn(4, 3)', 'for i in range(3):',
      '    opt.zero_grad()', '    loss = model(x).pow(2).mean()', '    loss.backward()', '    opt.step()', '',
    ].join('\n');
    const t = await run(src, { file: 'o.py' });
    expect(t.error).toBeNull();
    expect(t.steps.map((s) => s.step)).toEqual([1, 2, 3]);
    expect(t.steps[0].params.map((p) => p.name)).toEqual(['weight', 'bias']);
    const losses = t.steps.map((s) => s.loss!);
    expect(losses[2]).toBeLessThan(losses[0]);
    expect(t.backwards).toHaveLength(3);
    expect(t.backwards[0].step).toBe(1);
    const loss = t.exprs.find((e) => e.assignedName === 'loss');
    expect(loss?.count).toBe(3);
    const weight = t.graph.nodes.find((n) => n.kind === 'param' && n.label === 'weight');
    expect(weight?.module).toBe('model');
  });
});

describe('backward records', () => {
  it('carry gradients of intermediate nodes without changing what the program sees', async () => {
    const src = [
      'import torch', 'x = torch.ones(3, requires_grad=True)', 'y = x * 2', 'z = (y * y).sum()', 'z.backward()',
      'print(y.grad, y.retains_grad if hasattr(y, "retains_grad") else False, x.grad)', '',
    ].join('\n');
    const t = await run(src, { file: 'g.py' });
    expect(t.error).toBeNull();
    expect(t.stdout).toBe('None False tensor([8., 8., 8.])\n');
    const gradAtLine = (line: number, label: string) => t.backwards[0].grads.find((g) => {
      const n = t.graph.nodes[g.nodeId];
      return n.label === label && n.range?.line === line;
    });
    // dz/dy = 2y = 4 for each of 3 elements: norm sqrt(48); dz/dx = 8.
    expect(gradAtLine(3, 'mul')?.norm).toBeCloseTo(Math.sqrt(48), 5);
    expect(gradAtLine(2, 'x')?.norm).toBeCloseTo(Math.sqrt(192), 5);
  });
});

describe('trace size', () => {
  it('stays bounded over a 30-epoch training loop, with steps spread over the whole run', async () => {
    const src = [
      'import torch', 'from torch import nn, optim', 'from torch.utils.data import TensorDataset, DataLoader',
      'torch.manual_seed(0)', 'X = torch.randn(64, 20)', 'y = torch.randint(0, 3, (64,))',
      'loader = DataLoader(TensorDataset(X, y), batch_size=16, shuffle=True)',
      'model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 3))',
      'criterion = nn.CrossEntropyLoss()', 'optimizer = optim.SGD(model.parameters(), lr=0.1)',
      'for epoch in range(30):', '    for xb, yb in loader:', '        optimizer.zero_grad()',
      '        loss = criterion(model(xb), yb)', '        loss.backward()', '        optimizer.step()',
      '    print(f"{epoch} {loss.item():.4f}")', '',
    ].join('\n');
    const caps = { maxSteps: 16, maxBackwards: 16, maxTraceChars: 400_000 };
    const t = await run(src, { file: 'train30.py', traceCaps: caps, timeBudgetMs: 120_000 });
    expect(t.error).toBeNull();
    expect(t.stdout.split('\n').filter(Boolean)).toHaveLength(30);
    expect(JSON.stringify(t).length).toBeLessThanOrEqual(caps.maxTraceChars);
    expect(t.steps.length).toBeLessThanOrEqual(16);
    expect(t.steps.length).toBeGreaterThan(8);
    expect(t.steps[t.steps.length - 1].step).toBeGreaterThan(100);
    expect(t.backwards.length).toBeLessThanOrEqual(16);
    // One graph for the loop, not one per iteration.
    expect(t.graph.nodes.length).toBeLessThan(40);
    expect(t.exprs.find((e) => e.assignedName === 'loss')?.count).toBe(120);
  });
});

describe('trace size estimate', () => {
  it('never undercounts a real trace', async () => {
    const { sizeUpperBound, traceSize } = await import('../../engine/trace/bound');
    const src = 'import torch\nfrom torch import nn\ntorch.manual_seed(1)\nm = nn.Linear(30, 20)\nx = torch.randn(8, 30) * 1e-30\ny = m(x).sum()\ny.backward()\nprint(y, m.weight.grad.shape)\n';
    const t = await run(src, { file: 'est.py' });
    expect(t.error).toBeNull();
    expect(sizeUpperBound(t)).toBeGreaterThanOrEqual(traceSize(t));
  });
});

describe('value summaries', () => {
  it('describe Python values by kind with a short repr', async () => {
    const src = 'import torch\nfrom torch import nn\nd = {"a": 1, "b": [1.5, None]}\ns = {1, 2}\nm = nn.Linear(2, 1)\nsd = m.state_dict()\nshape = torch.zeros(2, 3).shape\nf = 1e-05\n';
    const t = await run(src, { file: 'v.py' });
    const v = (name: string) => t.exprs.find((e) => e.assignedName === name)?.value;
    expect(v('d')).toEqual({ kind: 'dict', repr: "{'a': 1, 'b': [1.5, None]}", length: 2 });
    expect(v('s')).toMatchObject({ kind: 'set', length: 2 });
    expect(v('m')).toEqual({ kind: 'module', repr: 'Linear(in_features=2, out_features=1, bias=True)', className: 'Linear' });
    expect(v('sd')).toMatchObject({ kind: 'dict', length: 2 });
    expect(v('shape')).toMatchObject({ kind: 'object', repr: 'torch.Size([2, 3])', typeName: 'Size' });
    expect(v('f')).toEqual({ kind: 'float', repr: '1e-05' });
  });
});

describe('figures', () => {
  it('records matplotlib figures, including one still open at the end', async () => {
    const src = 'import matplotlib.pyplot as plt\nimport torch\nplt.plot([1, 2, 3], [4, 5, 6], label="a")\nplt.title("t")\nplt.legend()\nplt.show()\nplt.imshow(torch.zeros(2, 2).numpy())\n';
    const t = await run(src, { file: 'fig.py' });
    expect(t.error).toBeNull();
    expect(t.figures.map((f) => [f.id, f.title, f.legend, f.series.map((s) => s.kind)])).toEqual([
      [0, 't', true, ['line']], [1, undefined, false, ['image']],
    ]);
  });
});
