import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { runUnary } from './op-helpers';

export function neg(x: Tensor): Tensor {
  if (x.dtype === 'bool') {
    throw runtimeError('Negation, the `-` operator, on a bool tensor is not supported. If you are trying to invert a mask, use the `~` or `logical_not()` operator instead.');
  }
  return runUnary({ kernel: 'neg', gradName: 'NegBackward0', floatResult: false, saves: 'none', grad: (g) => neg(g) }, x, 'neg');
}
