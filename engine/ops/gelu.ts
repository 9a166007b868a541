import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { runtimeError } from '../core/errors';
import { mul } from './mul';
import { add } from './add';
import { rsub } from './sub';
import { exp } from './exp';
import { tanh } from './tanh';
import { erf } from './erf';

export type GeluApproximate = 'none' | 'tanh';

const SQRT1_2 = Math.SQRT1_2;
const K_ALPHA = (2 / Math.sqrt(Math.PI)) * SQRT1_2 * 0.5; // 1/sqrt(2*pi), the normal pdf's factor
const K_BETA = Math.sqrt(2 / Math.PI);
const K_KAPPA = 0.044715;

/**
 * gelu(x): x * Phi(x) with the exact normal cdf (erf) or, approximate='tanh',
 * 0.5x(1 + tanh(sqrt(2/pi)(x + 0.044715x^3))). Backward (gelu_backward) as
 * ATen writes it, from the input.
 */
export function gelu(x: Tensor, approximate: string = 'none'): Tensor {
  if (approximate !== 'none' && approximate !== 'tanh') throw runtimeError('approximate argument must be either none or tanh.');
  return runUnary(
    { kernel: 'gelu', gradName: 'GeluBackward0', floatResult: true, saves: 'input', grad: approximate === 'tanh' ? geluTanhGrad : geluGrad },
    x,
    'gelu',
    { approximate },
  );
}

function geluGrad(g: Tensor, x: Tensor): Tensor {
  const cdf = mul(add(erf(mul(x, SQRT1_2)), 1), 0.5);
  const pdf = mul(exp(mul(mul(x, x), -0.5)), K_ALPHA);
  return mul(g, add(cdf, mul(x, pdf)));
}

function geluTanhGrad(g: Tensor, x: Tensor): Tensor {
  const xSq = mul(x, x);
  const inner = mul(add(x, mul(mul(xSq, x), K_KAPPA)), K_BETA);
  const t = tanh(inner);
  const left = mul(x, 0.5);
  const leftDerivative = mul(add(t, 1), 0.5);
  const innerDerivative = mul(add(mul(xSq, 3 * K_KAPPA), 1), K_BETA);
  const rightDerivative = mul(mul(left, rsub(mul(t, t), 1)), innerDerivative);
  return mul(g, add(leftDerivative, rightDerivative));
}
