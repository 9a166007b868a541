// torch.utils.data: Dataset (subclassable), TensorDataset, DataLoader.
// Python datasets (user classes, torchvision's MNIST) reach the engine's
// DataLoader through an adapter that calls __len__ / __getitem__.
import { DataLoader, TensorDataset, type Dataset } from '../../../data/index';
import { pyError } from '../../runtime/exceptions';
import {
  type CallContext, PyClass, PyInstance, PyIterator, PyList, STOP, builtinClasses, type PyValue,
} from '../../runtime/objects';
import { len } from '../../runtime/protocol';
import { asTensor } from './classes';
import { defMethod, defProperty } from './define';
import { toBool, toInt } from './convert';
import { bind } from './signature';
import { generatorArg } from './random-generator';
import { fromPy, toPy } from './nn-module';

export const datasetClass = new PyClass('Dataset', [builtinClasses.object]);
datasetClass.module = 'torch.utils.data.dataset';
export const tensorDatasetClass = new PyClass('TensorDataset', [datasetClass]);
tensorDatasetClass.module = 'torch.utils.data.dataset';
export const dataLoaderClass = new PyClass('DataLoader', [builtinClasses.object]);
dataLoaderClass.module = 'torch.utils.data.dataloader';

defMethod(tensorDatasetClass, '__init__', (self, args) => {
  (self as PyInstance).native = new TensorDataset(...args.map((a) => {
    const t = asTensor(a);
    if (!t) throw pyError('TypeError', 'TensorDataset expects tensors');
    return t;
  }));
  return null;
});
defMethod(tensorDatasetClass, '__len__', (self) => BigInt(((self as PyInstance).native as TensorDataset).length()));
defMethod(tensorDatasetClass, '__getitem__', (self, [i]) => toPy(((self as PyInstance).native as TensorDataset).getItem(toInt(i, 'index'))));
defProperty(tensorDatasetClass, 'tensors', (self) => toPy(((self as PyInstance).native as TensorDataset).tensors));

/** A Python dataset seen by the engine's DataLoader (its samples become engine values). */
class PyDataset implements Dataset {
  constructor(readonly obj: PyValue, readonly ctx: CallContext, readonly n: number) {}
  length(): number {
    return this.n;
  }
  async getItem(index: number): Promise<unknown> {
    const get = (this.obj as PyInstance).cls.lookup('__getitem__');
    if (!get) throw pyError('TypeError', `'${(this.obj as PyInstance).cls.name}' object is not subscriptable`);
    return fromPy(await this.ctx.call(get, [this.obj, BigInt(index)]));
  }
}

defMethod(dataLoaderClass, '__init__', async (self, args, kwargs, ctx) => {
  const b = bind('DataLoader', ['dataset', 'batch_size', 'shuffle', 'sampler', 'batch_sampler', 'num_workers', 'collate_fn', 'pin_memory', 'drop_last', 'timeout', 'worker_init_fn', 'multiprocessing_context', 'generator'], args, kwargs);
  const dsObj = b.dataset ?? null;
  const native = dsObj instanceof PyInstance && dsObj.native instanceof TensorDataset
    ? dsObj.native
    : new PyDataset(dsObj, ctx, Number(await len(ctx, dsObj)));
  const o = self as PyInstance;
  o.native = new DataLoader(native, {
    batchSize: b.batch_size === undefined ? 1 : b.batch_size === null ? null : toInt(b.batch_size, 'batch_size'),
    shuffle: b.shuffle === undefined || b.shuffle === null ? false : toBool(b.shuffle, 'shuffle'),
    dropLast: b.drop_last === undefined ? false : toBool(b.drop_last, 'drop_last'),
    generator: generatorArg(b.generator, 'DataLoader') ?? null,
  });
  o.dict.set('dataset', dsObj);
  o.dict.set('batch_size', b.batch_size === undefined ? 1n : b.batch_size);
  return null;
});
defMethod(dataLoaderClass, '__len__', (self) => BigInt(((self as PyInstance).native as DataLoader).length()));
defMethod(dataLoaderClass, '__iter__', (self) => {
  const it = ((self as PyInstance).native as DataLoader).iter();
  return new PyIterator(async () => {
    const r = await it.nextAsync();
    if (r.done) return STOP;
    // PyTorch's default collate gives a list for a tuple of samples.
    const v = toPy(r.value);
    return v && typeof v === 'object' && 'items' in v && !(v instanceof PyList) ? new PyList([...(v as { items: PyValue[] }).items]) : v;
  });
});

export function dataModule(): Map<string, PyValue> {
  return new Map<string, PyValue>([
    ['Dataset', datasetClass],
    ['TensorDataset', tensorDatasetClass],
    ['DataLoader', dataLoaderClass],
  ]);
}
