// torch <-> numpy with shared memory, as in PyTorch on the CPU:
// torch.from_numpy(a) and t.numpy() alias the same typed array, so
// `b = torch.from_numpy(a); b.mul_(2)` changes `a` too (and back).
// Importing this file adds Tensor.numpy(); torch.from_numpy is added to the
// torch module by register.ts (or by whoever merges numpyTorchFunctions()).

import { CpuStorage, cpuBackend } from '../../../backend/cpu/cpu-backend';
import { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyBuiltin, type PyValue } from '../../runtime/objects';
import { typeName } from '../../runtime/protocol';
import { tensorClass, wrapTensor, asTensor } from '../torch/classes';
import { asNd, wrapNd } from './convert';
import { NdArray } from './ndarray';

/** t.numpy(): a view of the tensor's memory (a copy off the CPU backend). */
export function tensorToNdArray(t: Tensor): NdArray {
  if (t.requiresGrad) {
    throw pyError('RuntimeError', "Can't call numpy() on Tensor that requires grad. Use tensor.detach().numpy() instead.");
  }
  if (t.storage instanceof CpuStorage) {
    return new NdArray(t.storage.data, t.shape.slice(), t.strides.slice(), t.offset, t.dtype);
  }
  return NdArray.from(t.readSync(), t.shape.slice(), t.dtype);
}

/** torch.from_numpy(a): a CPU tensor over the array's memory. */
export function ndArrayToTensor(a: NdArray): Tensor {
  if (a.strides.some((s) => s < 0)) {
    throw pyError('ValueError', 'At least one stride in the given numpy array is negative, and tensors with negative strides are not currently supported. (You can probably work around this by making a copy of your array  with array.copy().) ');
  }
  return new Tensor(cpuBackend.wrap(a.dtype, a.data), a.shape.slice(), a.strides.slice(), a.offset, a.dtype);
}

/** Row-major data of an ndarray argument (for torch.tensor(ndarray) and friends). */
export function ndarrayData(v: PyValue): { shape: number[]; dtype: NdArray['dtype']; values: number[] } | null {
  const a = asNd(v);
  return a ? { shape: a.shape.slice(), dtype: a.dtype, values: a.values() } : null;
}

export const fromNumpy = new PyBuiltin('from_numpy', ([a]) => {
  const nd = asNd(a);
  if (!nd) throw pyError('TypeError', `expected np.ndarray (got ${typeName(a)})`);
  return wrapTensor(ndArrayToTensor(nd));
});

/** Members to merge into the torch module. */
export function numpyTorchFunctions(): Map<string, PyValue> {
  return new Map<string, PyValue>([['from_numpy', fromNumpy]]);
}

tensorClass.dict.set('numpy', new PyBuiltin('numpy', ([self]) => {
  const t = asTensor(self);
  if (!t) throw pyError('TypeError', "descriptor 'numpy' requires a 'torch.Tensor' object");
  return wrapNd(tensorToNdArray(t));
}));
