// The tensor memory budget counts what a program really holds: tensors it
// makes and drops in a loop are garbage, not a reason to stop it (the budget
// collects and recounts before it gives up), while tensors it keeps, or one
// allocation larger than the budget, still stop it with a located
// MemoryError. The trace must not keep tensors alive either: a training loop's
// kept backward records hold no loss (which would hold the step's graph).
import { describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';
import { nodeCollectGarbage } from '../../extension/runtime/gc';

const opts = { file: 'mem.py', memoryBudgetBytes: 16 << 20, collectGarbage: nodeCollectGarbage() };

describe('memory budget', () => {
  it('has a synchronous collector in Node', () => {
    expect(typeof nodeCollectGarbage()).toBe('function');
  });

  it('lets a loop make and drop 2 MB per iteration, 200 MB in all, under a 16 MB budget', async () => {
    const t = await run('import torch\nfor i in range(100):\n    y = torch.ones(250000) * 2\nprint(y.sum())\n', opts);
    expect(t.error).toBeNull();
    expect(t.stdout).toBe('tensor(500000.)\n');
  });

  it('stops a program that keeps what it makes, at the line that went over', async () => {
    const t = await run('import torch\nxs = []\nfor i in range(100):\n    xs.append(torch.ones(250000))\n', opts);
    expect(t.stopped).toBe('memory');
    expect(t.error?.type).toBe('MemoryError');
    expect(t.error?.message).toMatch(/^Tensor Lens stopped the program: allocating 1\.0 MB more would exceed the tensor memory budget \(16\.0 MB; 1[56]\.\d MB in use\)$/);
    expect(t.error?.range.line).toBe(4);
  });

  it('stops one allocation larger than the budget at once', async () => {
    const t = await run('import torch\nx = torch.zeros(10000, 1000)\n', opts);
    expect(t.error?.message).toMatch(/allocating 38\.1 MB more would exceed the tensor memory budget \(16\.0 MB;/);
  });

  it('a training loop whose step graph holds ~3 MB runs 12 steps under 16 MB: the trace keeps no step\'s graph', async () => {
    const t = await run(`import torch
torch.manual_seed(0)
w = torch.randn(250000, requires_grad=True)
opt = torch.optim.SGD([w], lr=0.001)
x = torch.randn(250000)
for step in range(12):
    opt.zero_grad()
    h = torch.relu(x * w)        # x*w and h: 1 MB each, saved for backward
    loss = (h * h).mean()
    loss.backward()
    opt.step()
print(loss.item() > 0)
`, opts);
    expect(t.error).toBeNull();
    expect(t.stdout).toBe('True\n');
    expect(t.steps).toHaveLength(12);
    expect(t.backwards).toHaveLength(12);
  });
});
