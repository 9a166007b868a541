// Smaller pieces of the torch API tutorials touch: torch.cuda (never
// available: the engine has one device), torch.device(...), and
// torch.save / torch.load into a per-run in-memory store (the sandbox has no
// file system, and a checkpoint only needs to survive until it is loaded).
import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, PyInstance, PyModule, type PyValue } from '../../runtime/objects';
import { PyDict } from '../../runtime/dict';
import { asTensor, legacyClasses, tensorClass, wrapTensor } from './classes';
import type { DType } from '../../../core/dtype';
import { PyFloat } from '../../../ops/scalar';
import { defMethod } from './define';
import { deviceClass } from './tensor-methods';
import { toShape, typeName } from './convert';
import * as E from './engine-ops';

defMethod(deviceClass, '__init__', (self, [type]) => {
  const t = typeof type === 'string' ? type.split(':')[0] : 'cpu';
  (self as PyInstance).dict.set('_type', t);
  return null;
});
defMethod(deviceClass, '__eq__', (self, [o]) => o instanceof PyInstance && o.cls === deviceClass && self !== null);

defMethod(tensorClass, 'resize_', (self, args) => {
  const t = asTensor(self)!;
  const shape = toShape(args, 'resize_');
  const n = shape.reduce((a, b) => a * b, 1);
  if (n !== t.numel()) throw pyError('NotImplementedError', 'resize_ to a different number of elements is not supported in Tensor Lens');
  // Same element count on a contiguous tensor: PyTorch restrides in place; a
  // new view has the same values (the Python object now shows the new shape).
  const v = E.view(E.contiguous(t), shape);
  (self as PyInstance).native = v;
  v.tag = self;
  return self;
});
defMethod(tensorClass, 'nelement', (self) => BigInt(asTensor(self)!.numel()));

export function cudaModule(): PyModule {
  const m = new PyModule('torch.cuda');
  m.dict.set('is_available', new PyBuiltin('is_available', () => false));
  m.dict.set('device_count', new PyBuiltin('device_count', () => 0n));
  return m;
}

/** torch.save / torch.load over a store that lives as long as the run. */
export function saveLoad(): [PyBuiltin, PyBuiltin] {
  const store = new Map<string, PyValue>();
  const key = (f: PyValue): string => {
    if (typeof f === 'string') return f;
    throw pyError('TypeError', `torch.save/load in Tensor Lens take a file name (str), not ${typeName(f)}`);
  };
  const save = new PyBuiltin('save', (args) => {
    store.set(key(args[1]), snapshot(args[0]));
    return null;
  });
  const load = new PyBuiltin('load', (args) => {
    const k = key(args[0]);
    const v = store.get(k);
    if (v === undefined) {
      throw pyError('FileNotFoundError', `[Errno 2] No such file or directory: '${k}' (Tensor Lens keeps files written by torch.save in memory, for this run only)`);
    }
    return snapshot(v);
  });
  return [save, load];
}

/** A deep copy of tensors inside dicts, as serialising and loading gives. */
function snapshot(v: PyValue): PyValue {
  const t = asTensor(v);
  if (t) return wrapTensor(E.clone(E.detach(t)));
  if (v instanceof PyDict) {
    const d = new PyDict();
    d.klass = v.klass;
    for (const [k, x] of v.entries()) d.set(k, snapshot(x));
    return d;
  }
  return v;
}

// torch.Tensor(data) / torch.FloatTensor(data) / torch.LongTensor(2, 3): the
// legacy constructors older tutorials use (data, or sizes for zeros).
function legacyConstructor(dtype: DType) {
  return (_cls: PyValue, args: PyValue[]): PyValue => {
    if (args.length === 1 && args[0] !== null && typeof args[0] === 'object' && 'items' in (args[0] as object) && !(args[0] instanceof PyInstance)) {
      return wrapTensor(E.to(E.tensor(nestedData(args[0])), dtype));
    }
    const t = asTensor(args[0] ?? null);
    if (t && args.length === 1) return wrapTensor(E.to(t, dtype));
    return wrapTensor(E.zeros(toShape(args, 'Tensor'), { dtype }));
  };
}

function nestedData(v: PyValue): E.NestedData {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'number') return new PyFloat(v);
  if (typeof v === 'boolean') return v;
  if (v && typeof v === 'object' && 'items' in v) return (v as { items: PyValue[] }).items.map(nestedData);
  throw pyError('TypeError', `new(): invalid data type '${typeName(v)}'`);
}

defMethod(tensorClass, '__new__', legacyConstructor('float32'));
defMethod(tensorClass, '__init__', () => null);
for (const c of legacyClasses.values()) {
  defMethod(c, '__new__', legacyConstructor(c.native as DType));
}
