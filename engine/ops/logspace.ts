// logspace(start, end, steps, base): base ** linspace(start, end, steps), with
// ATen's kernel: exponents from both ends (as linspace), each power in the dtype.

import { DEFAULT_FLOAT, allocArray } from '../core/dtype';
import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { finish, fromValues, type FactoryOptions } from './factories';
import { notifyOp } from './observer';

export function logspace(start: number, end: number, steps: number, base = 10, opts?: FactoryOptions): Tensor {
  if (steps < 0) throw runtimeError('number of steps must be non-negative');
  const dtype = opts?.dtype ?? DEFAULT_FLOAT;
  const r = dtype === 'float32' ? Math.fround : (x: number) => x;
  const vals = allocArray(dtype, steps);
  if (steps === 1) vals[0] = r(Math.pow(base, start));
  else if (steps > 1) {
    const step = (end - start) / (steps - 1);
    const half = Math.floor(steps / 2);
    for (let i = 0; i < steps; i++) vals[i] = r(Math.pow(base, i < half ? start + step * i : end - step * (steps - i - 1)));
  }
  const t = finish(fromValues(vals, [steps], dtype, opts?.backend), opts);
  notifyOp('logspace', [], t);
  return t;
}
