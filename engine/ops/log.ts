import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';
import { div } from './div';

/** Natural log. Backward: grad / x. */
export function log(x: Tensor): Tensor {
  return runUnary({ kernel: 'log', gradName: 'LogBackward0', floatResult: true, saves: 'input', grad: (g, xx) => div(g, xx) }, x, 'log');
}
