// The `auto` backend: how much matrix work a training step does (from the
// traced graph of a real run), and the choice and sentence that follow from
// it and from what the panel says about its WebGPU.
import { describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';
import { forwardMatmulFlops, stepWork } from '../../engine/trace/workload';
import { chooseAutoBackend, GPU_STEP_FLOPS, lastRunOf } from '../../extension/gpu/auto';
import type { GpuInfo } from '../../extension/protocol';
import { isSoftwareAdapter } from '../../webview/runtime/gpu';

/** The tutorial's MNIST MLP (784-128-64-10), `steps` SGD steps at `batch`, then an evaluation under no_grad. */
const mlp = (batch: number, steps: number) => `import torch
from torch import nn, optim
torch.manual_seed(0)
model = nn.Sequential(nn.Linear(784, 128), nn.ReLU(), nn.Linear(128, 64), nn.ReLU(), nn.Linear(64, 10), nn.LogSoftmax(dim=1))
criterion = nn.NLLLoss()
optimizer = optim.SGD(model.parameters(), lr=0.01)
x = torch.randn(${batch}, 784)
y = torch.randint(0, 10, (${batch},))
for _ in range(${steps}):
    optimizer.zero_grad()
    loss = criterion(model(x), y)
    loss.backward()
    optimizer.step()
with torch.no_grad():
    acc = (model(x).argmax(dim=1) == y).float().mean()
`;

/** 2·batch·(784·128 + 128·64 + 64·10): the three layers' forward products. */
const forward = (batch: number) => 2 * batch * (784 * 128 + 128 * 64 + 64 * 10);

describe('stepWork', () => {
  it('counts the forward products of a training step once and triples them for the backward', async () => {
    const t = await run(mlp(64, 3), { file: 'mlp.py' });
    expect(t.error).toBeNull();
    // The evaluation under no_grad runs the same layers again; it is not part of a step.
    expect(forwardMatmulFlops(t.graph)).toBe(forward(64));
    expect(stepWork(t)).toEqual({ steps: 3, matmulFlops: 3 * forward(64) });
    expect(3 * forward(64)).toBe(41_926_656); // the "~42 MFLOP" of the batch-64 step in auto.ts
  });

  it('scales with the batch: batch 1024 is over the GPU threshold, batch 64 under it', async () => {
    const t = await run(mlp(1024, 1), { file: 'mlp.py' });
    expect(stepWork(t)!.matmulFlops).toBe(3 * forward(1024));
    expect(3 * forward(1024)).toBeGreaterThan(GPU_STEP_FLOPS);
    expect(3 * forward(64)).toBeLessThan(GPU_STEP_FLOPS);
  });

  it('counts mm, matmul and bmm by their inner dimension', async () => {
    const t = await run(`import torch
a = torch.randn(4, 6, requires_grad=True)
b = torch.randn(6, 5)
c = torch.randn(3, 4, 6, requires_grad=True)
d = torch.randn(3, 6, 2)
loss = torch.mm(a, b).sum() + torch.bmm(c, d).sum() + (a @ b).sum()
opt = torch.optim.SGD([a, c], lr=0.1)
loss.backward()
opt.step()
`, { file: 'p.py' });
    expect(t.error).toBeNull();
    expect(forwardMatmulFlops(t.graph)).toBe(2 * 4 * 5 * 6 + 2 * 3 * 4 * 2 * 6 + 2 * 4 * 5 * 6);
  });

  it('counts a convolution as out_channels x in_channels x kernel products per output position', async () => {
    const t = await run(`import torch
from torch import nn
conv = nn.Conv2d(3, 8, 3, padding=1)
opt = torch.optim.SGD(conv.parameters(), lr=0.1)
loss = conv(torch.randn(2, 3, 10, 10)).sum()
loss.backward()
opt.step()
`, { file: 'conv.py' });
    expect(t.error).toBeNull();
    expect(forwardMatmulFlops(t.graph)).toBe(2 * (2 * 8 * 10 * 10) * (3 * 3 * 3));
  });

  it('is null for a run without an optimizer step', async () => {
    const t = await run('import torch\nx = torch.randn(64, 64)\ny = x @ x\n', { file: 'p.py' });
    expect(stepWork(t)).toBeNull();
    expect(lastRunOf(t)).toEqual({ work: null, stopped: false });
  });
});

describe('chooseAutoBackend', () => {
  const hardware: GpuInfo = { available: true, adapterName: 'NVIDIA H100 80GB HBM3', software: false };
  const big = { work: { steps: 10, matmulFlops: 3 * forward(1024) }, stopped: false };
  const small = { work: { steps: 45, matmulFlops: 3 * forward(64) }, stopped: false };
  const never = async (): Promise<GpuInfo | null> => {
    throw new Error('the panel is asked only when the work is large enough');
  };

  it('moves a large training step to a hardware GPU, saying why', async () => {
    const c = await chooseAutoBackend(big, async () => hardware);
    expect(c).toEqual({ backend: 'webgpu', reason: 'auto: WebGPU (NVIDIA H100 80GB HBM3), as a training step does 0.67 GFLOP of matrix products, over the 0.5 GFLOP from which a GPU step beats the CPU backend' });
  });

  it('keeps a small step on the CPU without asking the panel', async () => {
    const c = await chooseAutoBackend(small, never);
    expect(c).toEqual({ backend: 'cpu', reason: 'auto: CPU backend, as a training step does 42 MFLOP of matrix products, under the 0.5 GFLOP from which a GPU step beats the CPU backend' });
  });

  it('stays on the CPU when there is nothing to size it by, or no training loop', async () => {
    expect((await chooseAutoBackend(undefined, never)).reason).toMatch(/^auto: CPU backend, as no earlier run of this file/);
    expect((await chooseAutoBackend({ work: null, stopped: false }, never)).reason).toMatch(/made no optimizer\.step\(\): there is no training loop/);
    expect((await chooseAutoBackend({ work: null, stopped: true }, never)).reason).toMatch(/stopped before its first optimizer\.step\(\)/);
  });

  it('stays on the CPU with a large step when the panel is closed, has no WebGPU, or only a software adapter', async () => {
    const closed = await chooseAutoBackend(big, async () => null);
    expect(closed).toEqual({ backend: 'cpu', reason: expect.stringMatching(/although a training step does 0\.67 GFLOP .*: WebGPU runs in the visualizer panel, which is not open/) });
    const none = await chooseAutoBackend(big, async () => ({ available: false, reason: 'WebGPU is not available in this panel (navigator.gpu is missing)' }));
    expect(none.backend).toBe('cpu');
    expect(none.reason).toMatch(/: WebGPU is not available in this panel \(navigator\.gpu is missing\)$/);
    const soft = await chooseAutoBackend(big, async () => ({ available: true, adapterName: 'google swiftshader', software: true }));
    expect(soft.backend).toBe('cpu');
    expect(soft.reason).toMatch(/adapter \(google swiftshader\) is a software renderer/);
  });
});

describe('isSoftwareAdapter', () => {
  it('tells a CPU rasterizer from a GPU by the adapter info', () => {
    expect(isSoftwareAdapter({ vendor: 'google', architecture: 'swiftshader', device: '', description: 'SwiftShader Device (Subzero)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'mesa', architecture: '', device: '', description: 'llvmpipe (LLVM 15.0.6, 256 bits)' })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100 80GB HBM3', isFallbackAdapter: true })).toBe(true);
    expect(isSoftwareAdapter({ vendor: 'nvidia', architecture: 'hopper', device: '', description: 'NVIDIA H100 80GB HBM3', isFallbackAdapter: false })).toBe(false);
    expect(isSoftwareAdapter({ vendor: 'apple', architecture: 'metal-3', device: '', description: '' })).toBe(false);
    expect(isSoftwareAdapter(undefined)).toBe(false);
  });
});
