import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { where } from './where';
import { gt } from './compare';
import { mul } from './mul';
import { add } from './add';
import { exp } from './exp';

/** The node names elu reports: selu shares EluBackward*, celu has its own; `1` is the in-place form. */
export type EluGradName = 'EluBackward0' | 'EluBackward1' | 'CeluBackward0' | 'CeluBackward1';

/**
 * elu(x) = x > 0 ? scale*x : alpha*scale*(exp(input_scale*x) - 1) (ATen's
 * elu, which selu and celu share). Backward (elu_backward): from the input,
 * grad*scale or grad * alpha*scale*input_scale * exp(input_scale*x); the
 * in-place forms (…Backward1) no longer have the input and use the result:
 * grad * input_scale * (y + alpha*scale), as ATen does (the last digit can differ).
 */
export function elu(x: Tensor, alpha = 1, scale = 1, inputScale = 1, gradName: EluGradName = 'EluBackward0'): Tensor {
  // ATen multiplies the coefficients in the tensor's precision (float for float32).
  const f = x.dtype === 'float32' ? Math.fround : (v: number) => v;
  const negCoef = f(f(alpha) * f(scale));
  const fromResult = gradName.endsWith('1');
  return runUnary(
    {
      kernel: 'elu', gradName, floatResult: true, saves: fromResult ? 'output' : 'input',
      grad: fromResult
        ? (g, _x, y) => where(gt(y, 0), mul(g, scale), mul(mul(g, inputScale), add(y, negCoef)))
        : (g, xx) => where(gt(xx, 0), mul(g, scale), mul(g, mul(exp(mul(xx, inputScale)), negCoef * inputScale))),
    },
    x,
    'elu',
    { alpha, scale, input_scale: inputScale },
  );
}
