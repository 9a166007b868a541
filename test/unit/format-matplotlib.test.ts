// matplotlib.pyplot calls recorded as trace figures (what the Plots panel draws).
import { describe, expect, it } from 'vitest';
import { runPython } from '../../engine/python/run';
import { defaultModules } from '../../engine/python/modules/registry';
import '../../engine/python/modules/index';
import { registerTorchModules } from '../../engine/python/modules/torch/index';
import { registerNumpyModules } from '../../engine/python/modules/numpy/index';
import { registerMatplotlibModules, histogram, type FigureData } from '../../engine/python/modules/matplotlib/index';

async function run(src: string): Promise<{ figures: FigureData[]; stdout: string; error: unknown }> {
  const reg = defaultModules.extend();
  registerTorchModules(reg);
  registerNumpyModules(reg);
  const figures: FigureData[] = [];
  const plots = registerMatplotlibModules(reg, (f) => figures.push(f));
  const r = await runPython(src, { modules: reg });
  plots.flush();
  return { figures, stdout: r.stdout, error: r.error };
}

describe('matplotlib.pyplot recording', () => {
  it('state-machine API: plot, labels, legend, show', async () => {
    const r = await run(`
import matplotlib.pyplot as plt
plt.plot([1, 2, 3], [4, 5, 6], 'r-', label='train')
plt.plot([0.5, 0.25], label='val')
plt.title('Loss')
plt.xlabel('epoch')
plt.ylabel('loss')
plt.legend()
plt.show()
`);
    expect(r.error).toBeNull();
    expect(r.figures).toHaveLength(1);
    const f = r.figures[0];
    expect(f.title).toBe('Loss');
    expect(f.xlabel).toBe('epoch');
    expect(f.ylabel).toBe('loss');
    expect(f.legend).toBe(true);
    expect(f.series).toEqual([
      { kind: 'line', x: [1, 2, 3], y: [4, 5, 6], label: 'train', color: 'red' },
      { kind: 'line', x: [0, 1], y: [0.5, 0.25], label: 'val' },
    ]);
    expect(f.range.line).toBe(3);
  });

  it('object API with subplots, imshow of an MNIST-like tensor, hist and bar', async () => {
    const r = await run(`
import matplotlib.pyplot as plt
import numpy as np
import torch
fig, (ax1, ax2) = plt.subplots(1, 2, figsize=(6, 3))
img = torch.zeros(1, 4, 4)
ax1.imshow(img.squeeze().numpy(), cmap='Greys_r')
ax1.set_title('digit')
ax2.bar(['a', 'b'], [3, 1])
n, bins, _ = plt.hist(np.array([1.0, 2.0, 2.0, 3.0]), bins=2)
print(n, bins)
`);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('[1. 3.] [1. 2. 3.]\n');
    expect(r.figures.map((f) => f.series.map((s) => s.kind))).toEqual([['image'], ['bar', 'hist']]);
    expect(r.figures[0].title).toBe('digit');
    const img = r.figures[0].series[0];
    expect(img.kind === 'image' && img.shape).toEqual([4, 4]);
  });

  it('refuses image shapes matplotlib refuses, with its message', async () => {
    const r = await run(`
import matplotlib.pyplot as plt
import torch
plt.imshow(torch.zeros(1, 28, 28))
`);
    expect(r.error).toMatchObject({ type: 'TypeError', message: 'Invalid shape (1, 28, 28) for image data' });
  });

  it('a new figure emits the previous one; nothing drawn emits nothing', async () => {
    const r = await run(`
import matplotlib
matplotlib.use('Agg')
from matplotlib import pyplot as plt
plt.figure()
plt.scatter([1, 2], [3, 4])
plt.figure()
plt.close()
`);
    expect(r.error).toBeNull();
    expect(r.figures).toHaveLength(1);
    expect(r.figures[0].series[0]).toEqual({ kind: 'scatter', x: [1, 2], y: [3, 4] });
  });

  it('histogram matches numpy.histogram on equal-width bins', () => {
    expect(histogram([1, 2, 2, 3], 2)).toEqual({ counts: [1, 3], edges: [1, 2, 3] });
    expect(histogram([5, 5], 2)).toEqual({ counts: [0, 2], edges: [4.5, 5, 5.5] });
  });
});
