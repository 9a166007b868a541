// torch.utils.data datasets. A Python Dataset subclass is bound as any object
// with length() and getItem(i) (which may be async: its __getitem__ runs in
// the interpreter); TensorDataset and Subset are built in.

import { Tensor } from '../tensor';
import { indexError } from '../core/errors';
import { pyError } from '../nn/errors';

export interface Dataset {
  length(): number;
  getItem(index: number): unknown;
}

/** tensor[i] as a view (no copy): what indexing a dataset's tensor gives. */
export function selectRow(t: Tensor, index: number): Tensor {
  if (t.shape.length === 0) throw indexError('invalid index of a 0-dim tensor. Use `tensor.item()` in Python or `tensor.item<T>()` in C++ to convert a 0-dim tensor to a number');
  const n = t.shape[0];
  const i = index < 0 ? index + n : index;
  if (i < 0 || i >= n) throw indexError(`index ${index} is out of bounds for dimension 0 with size ${n}`);
  const view = new Tensor(t.storage, t.shape.slice(1), t.strides.slice(1), t.offset + i * t.strides[0], t.dtype,
    t.base ?? t, t.versionCounter);
  return view;
}

export class TensorDataset implements Dataset {
  readonly tensors: Tensor[];
  constructor(...tensors: Tensor[]) {
    const n = tensors.length > 0 ? tensors[0].shape[0] : 0;
    if (!tensors.every((t) => t.shape.length > 0 && t.shape[0] === n)) {
      throw pyError('AssertionError', 'Size mismatch between tensors');
    }
    this.tensors = tensors;
  }
  length(): number {
    return this.tensors.length > 0 ? this.tensors[0].shape[0] : 0;
  }
  /** A tuple (JS array) of one row of each tensor. */
  getItem(index: number): Tensor[] {
    return this.tensors.map((t) => selectRow(t, index));
  }
}

export class Subset implements Dataset {
  constructor(readonly dataset: Dataset, readonly indices: number[]) {}
  length(): number {
    return this.indices.length;
  }
  getItem(index: number): unknown {
    const i = index < 0 ? index + this.indices.length : index;
    if (i < 0 || i >= this.indices.length) throw indexError('list index out of range');
    return this.dataset.getItem(this.indices[i]);
  }
}
