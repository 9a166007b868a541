// default_collate: a list of samples -> one batch. Tensors are stacked along
// a new first dimension, Python ints (bigint) become an int64 tensor and
// floats (number) a float64 one, as default_collate does,
// tuples/lists are collated position by position, objects key by key.

import { Tensor } from '../tensor';
import { contiguousStrides } from '../core/shape';
import { getDefaultBackend } from '../core/default-backend';
import { runtimeError, typeError } from '../core/errors';
import { selectRow } from './dataset';

export type StackFn = (tensors: Tensor[]) => Tensor;

/** torch.stack(ts, 0) for tensors that record no autograd history. */
export function stackRows(ts: Tensor[]): Tensor {
  const first = ts[0];
  for (const t of ts) {
    if (t.shape.length !== first.shape.length || t.shape.some((s, i) => s !== first.shape[i])) {
      throw runtimeError(`stack expects each tensor to be equal size, but got [${first.shape.join(', ')}] at entry 0 and [${t.shape.join(', ')}] at entry ${ts.indexOf(t)}`);
    }
  }
  const shape = [ts.length, ...first.shape];
  const out = new Tensor(first.backend.alloc(first.dtype, ts.length * first.numel()), shape, contiguousStrides(shape), 0, first.dtype);
  for (let i = 0; i < ts.length; i++) {
    const row = selectRow(out, i);
    first.backend.run('copy', [ts[i]], [row]);
  }
  return out;
}

/** Python ints arrive as bigint (the interpreter's int), floats as number. */
function numbersTensor(values: (number | bigint)[], ints: boolean): Tensor {
  const dtype = ints ? 'int64' : 'float64';
  const be = getDefaultBackend();
  const t = Tensor.empty(be, [values.length], dtype);
  be.write(t.storage, values.map(Number), 0);
  return t;
}

export function defaultCollate(batch: unknown[], stack: StackFn = stackRows): unknown {
  const elem = batch[0];
  if (elem instanceof Tensor) return stack(batch as Tensor[]);
  if (typeof elem === 'bigint') return numbersTensor(batch as bigint[], true);
  if (typeof elem === 'number') return numbersTensor(batch as number[], false);
  if (typeof elem === 'boolean') return numbersTensor((batch as boolean[]).map(Number), true);
  if (typeof elem === 'string') return batch;
  if (Array.isArray(elem)) {
    const size = elem.length;
    if (!batch.every((b) => Array.isArray(b) && b.length === size)) {
      throw runtimeError('each element in list of batch should be of equal size');
    }
    const out: unknown[] = [];
    for (let k = 0; k < size; k++) out.push(defaultCollate(batch.map((b) => (b as unknown[])[k]), stack));
    return out;
  }
  if (elem instanceof Map) {
    const out = new Map<unknown, unknown>();
    for (const key of elem.keys()) out.set(key, defaultCollate(batch.map((b) => (b as Map<unknown, unknown>).get(key)), stack));
    return out;
  }
  throw typeError(`default_collate: batch must contain tensors, numpy arrays, numbers, dicts or lists; found ${typeof elem}`);
}
