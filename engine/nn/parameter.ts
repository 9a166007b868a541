// nn.Parameter. In PyTorch a Parameter is a Tensor subclass; here it is the
// same Tensor marked in a WeakSet, so every op keeps working on it unchanged
// and the mark disappears with the tensor.

import { Tensor } from '../tensor';
import { legacyTypeName } from '../core/dtype';

const marked = new WeakSet<Tensor>();

/** `nn.Parameter(data, requires_grad=True)`: a leaf sharing data's storage. */
export function Parameter(data: Tensor, requiresGrad = true): Tensor {
  // detach(): same storage, layout and version counter, no history.
  const p = new Tensor(data.storage, data.shape.slice(), data.strides.slice(), data.offset, data.dtype,
    data.base, data.versionCounter);
  p.requiresGrad = requiresGrad;
  marked.add(p);
  return p;
}

/** Marks an existing leaf tensor as a parameter in place (module constructors). */
export function markParameter(t: Tensor): Tensor {
  marked.add(t);
  return t;
}

export function isParameter(value: unknown): value is Tensor {
  return value instanceof Tensor && marked.has(value);
}

/** What `torch.typename(value)` says, for PyTorch's assignment errors. */
export function typename(value: unknown): string {
  if (value instanceof Tensor) return legacyTypeName(value.dtype);
  if (value === null || value === undefined) return 'NoneType';
  if (typeof value === 'number') return Number.isInteger(value) ? 'int' : 'float';
  if (typeof value === 'boolean') return 'bool';
  if (typeof value === 'string') return 'str';
  const name = (value as { typeName?: unknown }).typeName;
  return typeof name === 'string' ? name : 'object';
}
