// torch.nn.init: in-place fills drawing from the generator exactly as the
// ATen kernels do (engine/random), with PyTorch's fan and gain arithmetic in
// double precision (Python floats), so the bounds match bit for bit.

import type { Tensor } from '../tensor';
import { runtimeError, valueError } from '../core/errors';
import { defaultGenerator, fillNormal, fillUniform, type Generator } from '../random';
import { writeValues } from './tensor-fill';

export function calculateGain(nonlinearity: string, param: number | null = null): number {
  switch (nonlinearity) {
    case 'linear': case 'conv1d': case 'conv2d': case 'conv3d':
    case 'conv_transpose1d': case 'conv_transpose2d': case 'conv_transpose3d':
    case 'sigmoid':
      return 1;
    case 'tanh':
      return 5.0 / 3;
    case 'relu':
      return Math.sqrt(2.0);
    case 'leaky_relu': {
      const slope = param === null ? 0.01 : param;
      return Math.sqrt(2.0 / (1 + slope ** 2));
    }
    case 'selu':
      return 3.0 / 4;
    default:
      throw valueError(`Unsupported nonlinearity ${nonlinearity}`);
  }
}

export function calculateFanInAndFanOut(t: Tensor): [number, number] {
  if (t.shape.length < 2) {
    throw valueError('Fan in and fan out can not be computed for tensor with fewer than 2 dimensions');
  }
  let receptive = 1;
  for (let i = 2; i < t.shape.length; i++) receptive *= t.shape[i];
  return [t.shape[1] * receptive, t.shape[0] * receptive];
}

export type FanMode = 'fan_in' | 'fan_out';

function correctFan(t: Tensor, mode: string): number {
  const m = mode.toLowerCase();
  if (m !== 'fan_in' && m !== 'fan_out') {
    throw valueError(`Mode ${mode} not supported, please use one of ['fan_in', 'fan_out']`);
  }
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  return m === 'fan_in' ? fanIn : fanOut;
}

function floatArray(t: Tensor): Float32Array | Float64Array {
  if (t.dtype === 'float32') return new Float32Array(t.numel());
  if (t.dtype === 'float64') return new Float64Array(t.numel());
  const name = t.dtype === 'int64' ? 'Long' : t.dtype === 'int32' ? 'Int' : 'Bool';
  throw runtimeError(`"check_uniform_bounds" not implemented for '${name}'`);
}

/** tensor.uniform_(a, b): one draw per element in row-major order. */
export function uniform_(t: Tensor, a = 0, b = 1, gen: Generator = defaultGenerator): Tensor {
  const vals = floatArray(t);
  fillUniform(gen, vals, a, b);
  writeValues(t, vals);
  return t;
}

/** tensor.normal_(mean, std): PyTorch picks the serial path for non-contiguous tensors. */
export function normal_(t: Tensor, mean = 0, std = 1, gen: Generator = defaultGenerator): Tensor {
  const vals = floatArray(t);
  fillNormal(gen, vals, mean, std, { contiguous: t.isContiguous() });
  writeValues(t, vals);
  return t;
}

export function constant_(t: Tensor, value: number): Tensor {
  t.backend.run('fill', [], [t], { value });
  t.bumpVersion();
  return t;
}

export function zeros_(t: Tensor): Tensor {
  return constant_(t, 0);
}

export function ones_(t: Tensor): Tensor {
  return constant_(t, 1);
}

export function kaimingUniform_(
  t: Tensor, a = 0, mode: string = 'fan_in', nonlinearity = 'leaky_relu', gen: Generator = defaultGenerator,
): Tensor {
  if (t.numel() === 0) return t;
  const fan = correctFan(t, mode);
  const std = calculateGain(nonlinearity, a) / Math.sqrt(fan);
  const bound = Math.sqrt(3.0) * std;
  return uniform_(t, -bound, bound, gen);
}

export function kaimingNormal_(
  t: Tensor, a = 0, mode: string = 'fan_in', nonlinearity = 'leaky_relu', gen: Generator = defaultGenerator,
): Tensor {
  if (t.numel() === 0) return t;
  const fan = correctFan(t, mode);
  const std = calculateGain(nonlinearity, a) / Math.sqrt(fan);
  return normal_(t, 0, std, gen);
}

export function xavierUniform_(t: Tensor, gain = 1.0, gen: Generator = defaultGenerator): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  const a = Math.sqrt(3.0) * std;
  return uniform_(t, -a, a, gen);
}

export function xavierNormal_(t: Tensor, gain = 1.0, gen: Generator = defaultGenerator): Tensor {
  const [fanIn, fanOut] = calculateFanInAndFanOut(t);
  const std = gain * Math.sqrt(2.0 / (fanIn + fanOut));
  return normal_(t, 0, std, gen);
}
