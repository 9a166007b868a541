// Python operands -> engine operands. The engine's ops tell a Python int from
// a float by PyFloat (a JS number alone cannot: 2 vs 2.0), so every Python
// float is wrapped; ints arrive as plain numbers.
import { PyFloat, type TensorOrScalar } from '../../../ops/scalar';
import type { PyValue } from '../../runtime/objects';
import { asTensor } from './classes';

export function toOperand(v: PyValue): TensorOrScalar | null {
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return Number(v);
    case 'number': return new PyFloat(v);
  }
  return asTensor(v);
}
