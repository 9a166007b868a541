// Tensor indexing: t[i], t[a:b], t[..., None], t[mask], t[idx] and
// assignment. Basic indexing (ints, slices, None, ...) builds views; a
// tensor index goes to the engine's advanced indexing.
import { pyError } from '../../runtime/exceptions';
import { Ellipsis, PySlice, PyTuple, type PyValue } from '../../runtime/objects';
import { asTensor, tensorClass, wrapTensor } from './classes';
import { defMethod } from './define';
import { typeName } from './convert';
import { toOperand } from './operand';
import * as E from './engine-ops';
import { PyFloat } from '../../../ops/scalar';

type IndexItem = E.IndexEntry;

function sliceInt(v: PyValue): number | null {
  if (v === null) return null;
  if (typeof v === 'bigint' || typeof v === 'boolean') return Number(v);
  const t = asTensor(v);
  // Slice bounds given as 0-d tensors (rare): CPU tensors answer at once.
  if (t && t.numel() === 1 && t.backend.readSync) return t.readSync()[0];
  throw pyError('TypeError', 'slice indices must be integers or None or have an __index__ method');
}

function item(v: PyValue): IndexItem {
  if (typeof v === 'bigint' || typeof v === 'boolean') {
    return typeof v === 'boolean' ? E.tensor(v) : Number(v);
  }
  if (v === null) return null;
  if (v === Ellipsis) return 'ellipsis';
  if (v instanceof PySlice) return { start: sliceInt(v.start), stop: sliceInt(v.stop), step: sliceInt(v.step) };
  const t = asTensor(v);
  if (t) return t;
  if (v && typeof v === 'object' && 'items' in v) {
    return E.tensor((v as { items: PyValue[] }).items.map((x) => (typeof x === 'boolean' ? x : Number(x as bigint))));
  }
  throw pyError('IndexError', `only integers, slices (\`:\`), ellipsis (\`...\`), None and long or byte Variables are valid indices (got ${typeName(v)})`);
}

export function toIndexItems(key: PyValue): IndexItem[] {
  return key instanceof PyTuple ? key.items.map(item) : [item(key)];
}

defMethod(tensorClass, '__getitem__', (self, [key]) => wrapTensor(E.index(asTensor(self)!, toIndexItems(key))));
defMethod(tensorClass, '__setitem__', (self, [key, value]) => {
  const v = toOperand(value);
  if (v === null) throw pyError('TypeError', `can't assign a ${typeName(value)} to a ${'Tensor'}`);
  E.indexPut(asTensor(self)!, toIndexItems(key), v instanceof PyFloat ? v.value : v);
  return null;
});
