// numpy.ndarray for Python code: operators, indexing, printing, iteration.
// Methods and properties are in ndarray-methods.ts.

import { formatNdarrayRepr, formatNdarrayStr, formatNumpyScalar } from '../../../format/index';
import { pyError } from '../../runtime/exceptions';
import { NotImplemented, PyBuiltin, PyIterator, STOP, type Kwargs, type PyValue, type CallContext } from '../../runtime/objects';
import { asNd, ndarrayClass, toOperand, toPyScalar, wrapNd } from './convert';
import { index, setIndex } from './indexing';
import { NdArray, broadcastTo } from './ndarray';
import { binary, isFloatType, matmul, promote, promoteWithScalar, unary, type BinaryOp } from './ops';

export { ndarrayClass, wrapNd, asNd };

/** Registers a method whose first argument is unwrapped to the NdArray. */
export function defNd(
  name: string,
  f: (self: NdArray, args: PyValue[], kwargs: Kwargs, ctx: CallContext, selfObj: PyValue) => PyValue | Promise<PyValue>,
): void {
  ndarrayClass.dict.set(name, new PyBuiltin(name, (args, kwargs, ctx) => {
    const self = asNd(args[0]);
    if (!self) throw pyError('TypeError', `descriptor '${name}' requires a 'numpy.ndarray' object`);
    return f(self, args.slice(1), kwargs, ctx, args[0]);
  }));
}

/** a (op) b with numpy's promotion; null when `other` is not an operand. */
export function arith(op: BinaryOp, self: NdArray, other: PyValue, reflected: boolean): NdArray | null {
  const o = toOperand(other);
  if (!o) return null;
  let b: NdArray;
  let dtype;
  if ('nd' in o) {
    b = o.nd;
    dtype = promote(self.dtype, b.dtype);
  } else {
    dtype = promoteWithScalar(self.dtype, o.kind);
    b = NdArray.from([o.scalar], [], dtype);
  }
  return reflected ? binary(op, b, self, dtype) : binary(op, self, b, dtype);
}

const OPS: [string, BinaryOp][] = [
  ['add', 'add'], ['sub', 'sub'], ['mul', 'mul'], ['truediv', 'truediv'], ['floordiv', 'floordiv'],
  ['mod', 'mod'], ['pow', 'pow'],
];

for (const [name, op] of OPS) {
  defNd(`__${name}__`, (self, [other]) => {
    const r = arith(op, self, other, false);
    return r ? wrapNd(r) : NotImplemented;
  });
  defNd(`__r${name}__`, (self, [other]) => {
    const r = arith(op, self, other, true);
    return r ? wrapNd(r) : NotImplemented;
  });
  // In place: writes into this array's memory (shared with torch.from_numpy).
  defNd(`__i${name}__`, (self, [other], _kw, _ctx, selfObj) => {
    const r = arith(op, self, other, false);
    if (!r) return NotImplemented;
    if (isFloatType(r.dtype) && !isFloatType(self.dtype)) {
      throw pyError('TypeError', `Cannot cast ufunc '${op === 'truediv' ? 'divide' : op === 'sub' ? 'subtract' : op === 'mul' ? 'multiply' : op === 'pow' ? 'power' : op === 'mod' ? 'remainder' : op === 'floordiv' ? 'floor_divide' : 'add'}' output from dtype('${r.dtype}') to dtype('${self.dtype}') with casting rule 'same_kind'`);
    }
    self.assign(broadcastTo(r, self.shape).values());
    return selfObj; // the same object, as Python's a += b requires
  });
}

for (const [name, op] of [['eq', 'eq'], ['ne', 'ne'], ['lt', 'lt'], ['le', 'le'], ['gt', 'gt'], ['ge', 'ge']] as const) {
  defNd(`__${name}__`, (self, [other]) => {
    const r = arith(op, self, other, false);
    return r ? wrapNd(r) : NotImplemented;
  });
}

function matmulOp(a: NdArray, b: NdArray): PyValue {
  const r = matmul(a, b);
  return r.ndim === 0 ? toPyScalar(r.values()[0], r.dtype) : wrapNd(r);
}

defNd('__matmul__', (self, [other]) => {
  const o = toOperand(other);
  return o && 'nd' in o ? matmulOp(self, o.nd) : NotImplemented;
});
defNd('__rmatmul__', (self, [other]) => {
  const o = toOperand(other);
  return o && 'nd' in o ? matmulOp(o.nd, self) : NotImplemented;
});
defNd('__neg__', (self) => wrapNd(unary('neg', self)));
defNd('__pos__', (self) => wrapNd(self.copy()));
defNd('__abs__', (self) => wrapNd(unary('abs', self)));

defNd('__repr__', (self) => formatNdarrayRepr({ shape: self.shape, dtype: self.dtype, values: self.values() }));
defNd('__str__', (self) => formatNdarrayStr({ shape: self.shape, dtype: self.dtype, values: self.values() }, (v) => formatNumpyScalar(v, self.dtype)));
defNd('__format__', (self, [spec]) => {
  if (self.ndim === 0 && typeof spec === 'string' && spec !== '') return formatNumpyScalar(self.values()[0], self.dtype);
  return formatNdarrayStr({ shape: self.shape, dtype: self.dtype, values: self.values() }, (v) => formatNumpyScalar(v, self.dtype));
});

defNd('__len__', (self) => {
  if (self.ndim === 0) throw pyError('TypeError', 'len() of unsized object');
  return BigInt(self.shape[0]);
});

defNd('__bool__', (self) => {
  if (self.size !== 1) {
    throw pyError('ValueError', 'The truth value of an array with more than one element is ambiguous. Use a.any() or a.all()');
  }
  return self.values()[0] !== 0;
});

// numpy 2.4: only 0-d arrays convert (1-element 1-d arrays no longer do).
defNd('__float__', (self) => {
  if (self.ndim !== 0) throw pyError('TypeError', 'only 0-dimensional arrays can be converted to Python scalars');
  return self.values()[0];
});
defNd('__int__', (self) => {
  if (self.ndim !== 0) throw pyError('TypeError', 'only 0-dimensional arrays can be converted to Python scalars');
  return BigInt(Math.trunc(self.values()[0]));
});
defNd('__index__', (self) => {
  if (self.ndim !== 0 || isFloatType(self.dtype)) throw pyError('TypeError', 'only integer scalar arrays can be converted to a scalar index');
  return BigInt(self.values()[0]);
});

/** The element or sub-array at position i of the first axis. */
function at(self: NdArray, i: number): PyValue {
  const r = index(self, BigInt(i));
  if (!('view' in r)) throw new Error('unreachable');
  return r.view.ndim === 0 ? toPyScalar(r.view.values()[0], r.view.dtype) : wrapNd(r.view);
}

defNd('__iter__', (self) => {
  if (self.ndim === 0) throw pyError('TypeError', 'iteration over a 0-d array');
  let i = 0;
  return new PyIterator(() => (i < self.shape[0] ? at(self, i++) : STOP));
});

defNd('__getitem__', (self, [key]) => {
  const r = index(self, key);
  if ('view' in r) return r.view.ndim === 0 ? toPyScalar(r.view.values()[0], r.view.dtype) : wrapNd(r.view);
  return wrapNd('copy' in r ? r.copy : r.mask);
});

defNd('__setitem__', (self, [key, value]) => {
  const o = toOperand(value);
  if (!o) throw pyError('TypeError', 'could not convert the assigned value to an array');
  const v = 'nd' in o ? o.nd : NdArray.from([o.scalar], [], self.dtype);
  setIndex(self, key, v);
  return null;
});
