// copy.deepcopy of tensors, as PyTorch does it: each storage is copied once
// (so views into one tensor stay views into its copy), a copy keeps
// requires_grad and the Parameter mark, a plain tensor's copy a deep copy of
// its .grad (a Parameter's none), and only leaves may be copied. Modules are copied by the Python binding, which calls this
// for every tensor they hold, with one memo for the whole copy.
import type { Storage } from '../backend/backend';
import { runtimeError } from '../core/errors';
import { Tensor } from '../tensor';
import { isParameter, markParameter } from './parameter';

export type CopyMemo = Map<unknown, unknown>;

const NOT_A_LEAF = 'Only Tensors created explicitly by the user (graph leaves) support the deepcopy protocol at the moment.  ' +
  'If you were attempting to deepcopy a module, this may be because of a torch.nn.utils.weight_norm usage, see https://github.com/pytorch/pytorch/pull/103001';

export function deepCopyTensor(t: Tensor, memo: CopyMemo): Tensor {
  const seen = memo.get(t);
  if (seen instanceof Tensor) return seen;
  if (!t.isLeaf) throw runtimeError(NOT_A_LEAF);
  const c = new Tensor(copyStorage(t.storage, memo), t.shape.slice(), t.strides.slice(), t.offset, t.dtype);
  c.requiresGrad = t.requiresGrad;
  const param = isParameter(t as unknown);
  if (param) markParameter(c);
  memo.set(t, c);
  // nn.Parameter.__deepcopy__ builds a fresh Parameter from the data: no .grad.
  if (t.grad && !param) c.grad = deepCopyTensor(t.grad, memo);
  return c;
}

/** The whole storage copied once per deep copy, on its own backend. */
function copyStorage(s: Storage, memo: CopyMemo): Storage {
  const seen = memo.get(s);
  if (seen) return seen as Storage;
  const copy = s.backend.alloc(s.dtype, s.size);
  const flat = (storage: Storage) => new Tensor(storage, [s.size], [1], 0, s.dtype);
  s.backend.run('copy', [flat(s)], [flat(copy)]);
  memo.set(s, copy);
  return copy;
}
