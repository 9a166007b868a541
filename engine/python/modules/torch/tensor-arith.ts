// Tensor operators: + - * / // % ** @ (and reflected and in-place forms),
// comparisons, unary minus/abs/~. Python scalars mix in with PyTorch's
// promotion (the engine decides dtypes; operand.ts keeps int vs float).
import { NotImplemented, type PyValue } from '../../runtime/objects';
import type { Tensor } from '../../../tensor';
import type { TensorOrScalar } from '../../../ops/scalar';
import { asTensor, tensorClass, wrapTensor } from './classes';
import { defMethod } from './define';
import { toOperand } from './operand';
import * as E from './engine-ops';
import { matmulLike } from './shared-ops';

type Bin = (a: TensorOrScalar, b: TensorOrScalar) => Tensor;

function self(v: PyValue): Tensor {
  return asTensor(v)!;
}

function defBinary(name: string, fn: Bin, reflected: Bin | null = (a, b) => fn(a, b)): void {
  defMethod(tensorClass, `__${name}__`, (s, [o]) => {
    const b = toOperand(o);
    return b === null ? NotImplemented : wrapTensor(fn(self(s), b));
  });
  if (reflected !== null) {
    defMethod(tensorClass, `__r${name}__`, (s, [o]) => {
      const a = toOperand(o);
      // reflected(self, other) computes `other <op> self`.
      return a === null ? NotImplemented : wrapTensor(reflected(self(s), a));
    });
  }
}

defBinary('add', (a, b) => E.add(a, b), (s, o) => E.add(o, s));
defBinary('sub', (a, b) => E.sub(a, b), (s, o) => E.rsub(s, o));
defBinary('mul', (a, b) => E.mul(a, b), (s, o) => E.mul(o, s));
defBinary('truediv', (a, b) => E.div(a, b), (s, o) => E.rdiv(s as Tensor, o));
defBinary('floordiv', (a, b) => E.floorDivide(a, b), (s, o) => E.floorDivide(o, s));
defBinary('mod', (a, b) => E.remainder(a, b), (s, o) => E.remainder(o, s));
defBinary('pow', (a, b) => E.pow(a, b), (s, o) => E.pow(o, s));
defBinary('and', (a, b) => E.logicalAnd(a, b), (s, o) => E.logicalAnd(o, s));
defBinary('or', (a, b) => E.logicalOr(a, b), (s, o) => E.logicalOr(o, s));
defBinary('xor', (a, b) => E.logicalXor(a, b), (s, o) => E.logicalXor(o, s));
// @ with a non-tensor is a TypeError in Python: only tensors reach matmul.
defMethod(tensorClass, '__matmul__', (s, [o]) => {
  const b = asTensor(o);
  return b ? matmulLike(E.matmul, self(s), b) : NotImplemented;
});
defMethod(tensorClass, '__rmatmul__', (s, [o]) => {
  const a = asTensor(o);
  return a ? matmulLike(E.matmul, a, self(s)) : NotImplemented;
});

for (const [name, fn] of [
  ['lt', E.lt], ['le', E.le], ['gt', E.gt], ['ge', E.ge], ['eq', E.eq], ['ne', E.ne],
] as const) {
  defMethod(tensorClass, `__${name}__`, (s, [o]) => {
    const b = toOperand(o);
    return b === null ? (name === 'eq' ? false : name === 'ne' ? true : NotImplemented) : wrapTensor(fn(self(s), b));
  });
}

// In place: the result must be castable to self's dtype (engine checks).
for (const [name, fn] of [
  ['iadd', E.add_], ['isub', E.sub_], ['imul', E.mul_], ['itruediv', E.div_], ['ipow', E.pow_],
] as const) {
  defMethod(tensorClass, `__${name}__`, (s, [o]) => {
    const b = toOperand(o);
    if (b === null) return NotImplemented;
    fn(self(s), b);
    return s;
  });
}

defMethod(tensorClass, '__neg__', (s) => wrapTensor(E.neg(self(s))));
defMethod(tensorClass, '__pos__', (s) => s);
defMethod(tensorClass, '__abs__', (s) => wrapTensor(E.abs(self(s))));
defMethod(tensorClass, '__invert__', (s) => wrapTensor(E.bitwiseNot(self(s))));
