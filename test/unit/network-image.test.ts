// The input picture of the Network view: a square input row (MNIST's 784 =
// 28×28) is kept as greyscale pixels over the sample's own range, at the end
// of the run and at each snapshot step, and the Network model hands the
// input layer's picture to the view.
import { describe, expect, it } from 'vitest';
import { firstRowImage } from '../../engine/trace/snapshot';
import { run } from '../../engine/runtime';
import { networkOf } from '../../webview/views/network/model';

describe('firstRowImage', () => {
  it('maps the first row onto 0..255 over its own range', () => {
    // [2, 100]: only the first row (the first sample) is drawn.
    const values = Array.from({ length: 200 }, (_, i) => (i < 100 ? i / 99 * 2 - 1 : 50));
    const img = firstRowImage(values, [2, 100])!;
    expect(img.side).toBe(10);
    expect([img.lo, img.hi]).toEqual([-1, 1]);
    expect(img.pixels).toHaveLength(100);
    expect(img.pixels.slice(0, 3)).toEqual([0, Math.round(255 / 99), Math.round(510 / 99)]);
    expect(img.pixels[99]).toBe(255);
  });

  it('draws only square rows from 10×10 to 64×64', () => {
    expect(firstRowImage(new Array(64).fill(0.5), [1, 64])).toBeNull(); // 8×8: a hidden layer, not a picture
    expect(firstRowImage(new Array(30).fill(0.5), [30])).toBeNull();
    expect(firstRowImage(new Array(784).fill(0.5), [784])!.pixels.every((p) => p === 0)).toBe(true); // flat: no range
    expect(firstRowImage(new Array(784).fill(0), [1, 28, 28])).toBeNull(); // not a row
  });
});

describe('the Network model on a trained program with 10×10 inputs', () => {
  it('gives the input layer its first sample as a picture, at the end and at a step', async () => {
    const src = [
      'import torch', 'from torch import nn', 'torch.manual_seed(0)',
      'X = torch.rand(4, 100)', 'y = torch.tensor([0, 1, 2, 1])',
      'model = nn.Sequential(nn.Linear(100, 12), nn.ReLU(), nn.Linear(12, 3))',
      'opt = torch.optim.SGD(model.parameters(), lr=0.1)', 'for i in range(3):',
      '    opt.zero_grad()', '    loss = nn.functional.cross_entropy(model(X), y)', '    loss.backward()', '    opt.step()',
      'first = X[0]', '',
    ].join('\n');
    const trace = await run(src, { file: 'img.py' });
    expect(trace.error).toBeNull();
    const net = networkOf(trace.graph)!;
    expect(net.layers[0].size).toBe(100);
    const img = net.inputImage!;
    expect(img.side).toBe(10);
    // The pixels are X[0] scaled to its own range: check them against the traced X.
    const x0 = trace.exprs.find((e) => e.assignedName === 'first')!.value;
    if (x0.kind !== 'tensor') throw new Error('first is not a tensor');
    const xs = x0.sample.values;
    const lo = Math.min(...xs);
    const hi = Math.max(...xs);
    expect(img.pixels).toEqual(xs.map((v) => Math.round((255 * (v - lo)) / (hi - lo))));
    const snap = trace.snapshots![0];
    expect(networkOf(trace.graph, snap)!.inputImage?.pixels).toEqual(img.pixels); // the same X every step
  });
});

describe('the Network model on a CNN', () => {
  it('does not take flattened feature maps for the input picture, and names the layers before the first linear one', async () => {
    // 4 feature maps of 5x5 after the pool: 100 values, a square number, but no picture.
    const src = [
      'import torch', 'from torch import nn', 'torch.manual_seed(0)',
      'X = torch.rand(2, 1, 10, 10)', 'y = torch.tensor([0, 1])',
      'model = nn.Sequential(nn.Conv2d(1, 4, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2), nn.Flatten(), nn.Linear(100, 3))',
      'opt = torch.optim.SGD(model.parameters(), lr=0.1)', 'for i in range(2):',
      '    opt.zero_grad()', '    loss = nn.functional.cross_entropy(model(X), y)', '    loss.backward()', '    opt.step()', '',
    ].join('\n');
    const trace = await run(src, { file: 'cnn.py' });
    expect(trace.error).toBeNull();
    const net = networkOf(trace.graph)!;
    expect(net.layers.map((l) => l.size)).toEqual([100, 3]);
    expect(net.inputImage).toBeUndefined();
    expect(net.before).toEqual(['conv2d', 'relu', 'max_pool2d']);
    expect(networkOf(trace.graph, trace.snapshots![0])!.inputImage).toBeUndefined();
  });
});
