// softmax / log_softmax along a dim: fused, numerically stable kernels
// (PyTorch has dedicated kernels too), with PyTorch's backward formulas:
// softmax: y * (g - sum(g * y)); log_softmax: g - exp(y) * sum(g) (a fused
// backend kernel when there is one, else composed from ops).

import type { DType } from '../core/dtype';
import { normalizeDim } from '../core/shape';
import type { Tensor } from '../tensor';
import { castTensor, empty, unaryOp } from './elementwise';
import { unaryFloatInput } from './op-helpers';
import { notifyOp } from './observer';
import { record, shouldRecord1 } from './record';
import { mul } from './mul';
import { sub } from './sub';
import { exp } from './exp';
import { sumDims } from './sum';

function softmaxImpl(log: boolean, x: Tensor, dim: number, dtype?: DType): Tensor {
  const input0 = dtype !== undefined && dtype !== x.dtype ? castTensor(x, dtype) : unaryFloatInput(x);
  const d = normalizeDim(dim, x.shape.length);
  const kd = input0.shape.length === 0 ? 0 : d;
  const out = input0.shape.length === 0
    ? unaryOp('copy', input0)
    : unaryOp(log ? 'log_softmax' : 'softmax', input0, input0.dtype, { dim: kd });
  if (input0.shape.length === 0) out.backend.run('fill', [], [out], { value: log ? 0 : 1 });
  if (shouldRecord1(x)) {
    const dims = x.shape.length === 0 ? [] : [d];
    const fused = log ? 'log_softmax_backward' : 'softmax_backward';
    if (input0.shape.length > 0 && out.backend.hasKernel(fused)) {
      // One kernel in PyTorch's own order (bit-exact float32 on the CPU).
      record(out, log ? 'LogSoftmaxBackward0' : 'SoftmaxBackward0', [x], ([g]) => {
        const gc = g!.dtype === out.dtype ? g! : castTensor(g!, out.dtype);
        const gx = empty(out.backend, out.shape.slice(), out.dtype);
        out.backend.run(fused, [gc, out], [gx], { dim: kd });
        return [gx];
      }, [out]);
    } else if (log) {
      record(out, 'LogSoftmaxBackward0', [x], ([g]) => [sub(g!, mul(exp(out), sumDims(g!, dims, true)))], [out]);
    } else {
      record(out, 'SoftmaxBackward0', [x], ([g]) => {
        const gy = mul(g!, out);
        return [sub(gy, mul(out, sumDims(gy, dims, true)))];
      }, [out]);
    }
  }
  notifyOp(log ? 'log_softmax' : 'softmax', [x], out);
  return out;
}

export function softmax(x: Tensor, dim: number, dtype?: DType): Tensor {
  return softmaxImpl(false, x, dim, dtype);
}

export function logSoftmax(x: Tensor, dim: number, dtype?: DType): Tensor {
  return softmaxImpl(true, x, dim, dtype);
}
