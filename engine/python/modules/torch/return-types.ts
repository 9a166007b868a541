// torch.return_types.max / min / topk: named tuples of (values, indices) that
// unpack like tuples and print as PyTorch prints them.
import { PyClass, PyInstance, PyIterator, STOP, builtinClasses, type PyValue } from '../../runtime/objects';
import { pyError } from '../../runtime/exceptions';
import type { Tensor } from '../../../tensor';
import { wrapTensor } from './classes';
import { defMethod, defProperty } from './define';
import { toInt } from './convert';

const classes = new Map<string, PyClass>();

function classFor(name: string): PyClass {
  let c = classes.get(name);
  if (c) return c;
  c = new PyClass(name, [builtinClasses.tuple]);
  c.module = 'torch.return_types';
  const parts = (s: PyValue) => (s as PyInstance).native as [PyValue, PyValue];
  defMethod(c, '__len__', () => 2n);
  defMethod(c, '__iter__', (s) => {
    const p = parts(s);
    let i = 0;
    return new PyIterator(() => (i < 2 ? p[i++] : STOP));
  });
  defMethod(c, '__getitem__', (s, [i]) => {
    let k = toInt(i, 'tuple indices');
    if (k < 0) k += 2;
    if (k < 0 || k > 1) throw pyError('IndexError', 'tuple index out of range');
    return parts(s)[k];
  });
  defProperty(c, 'values', (s) => parts(s)[0]);
  defProperty(c, 'indices', (s) => parts(s)[1]);
  classes.set(name, c);
  return c;
}

/** The repr needs the tensors' reprs, so the class's __repr__ is defined by
 *  the module that owns printing (tensor-print.ts) through this hook. */
export const returnTypeRepr = { fn: null as null | ((name: string, v: Tensor, i: Tensor) => Promise<string>) };

export function returnTypes(name: string, values: Tensor, indices: Tensor): PyValue {
  const c = classFor(name);
  if (!c.dict.has('__repr__')) {
    defMethod(c, '__repr__', (s) => {
      const [v, i] = (s as PyInstance).native as [PyInstance, PyInstance];
      return returnTypeRepr.fn!(name, v.native as Tensor, i.native as Tensor);
    });
  }
  const o = new PyInstance(c);
  o.native = [wrapTensor(values), wrapTensor(indices)];
  return o;
}
