// np.float32 scalars. Python floats stand in for numpy's float64 and int64
// scalars (they print the same), but a float32 element printed as a Python
// float would show its binary expansion (0.10000000149011612 instead of 0.1),
// so float32 elements, reductions and np.float32(x) are this small type:
// float32 arithmetic (NEP 50: a Python number keeps float32), numpy's str
// and repr, format specs, float()/int()/item().

import { formatNumpyFloat } from '../../../format/index';
import { formatValue } from '../../runtime/format-value';
import { pyNpDtype } from './dtypes';
import { NotImplemented, PyBuiltin, PyClass, PyInstance, PyProperty, builtinClasses, type PyValue } from '../../runtime/objects';

export const float32Class = new PyClass('float32', [builtinClasses.object]);
float32Class.module = 'numpy';

export function wrapFloat32(x: number): PyInstance {
  const o = new PyInstance(float32Class);
  o.native = Math.fround(x);
  return o;
}

export function asFloat32(v: PyValue): number | null {
  return v instanceof PyInstance && v.cls === float32Class ? (v.native as number) : null;
}

/** A Python number or float32 scalar as a JS number; null otherwise. */
function operand(v: PyValue): number | null {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return asFloat32(v);
}

function def(name: string, f: (x: number, args: PyValue[]) => PyValue | Promise<PyValue>): void {
  float32Class.dict.set(name, new PyBuiltin(name, (args) => f(asFloat32(args[0]) as number, args.slice(1))));
}

const BIN: [string, (a: number, b: number) => number][] = [
  ['add', (a, b) => a + b], ['sub', (a, b) => a - b], ['mul', (a, b) => a * b], ['truediv', (a, b) => a / b],
  ['pow', (a, b) => a ** b],
  ['floordiv', (a, b) => Math.floor(a / b)],
  ['mod', (a, b) => { const r = a % b; return r !== 0 && (r < 0) !== (b < 0) ? r + b : r; }],
];
for (const [name, op] of BIN) {
  def(`__${name}__`, (x, [o]) => {
    const y = operand(o);
    return y === null ? NotImplemented : wrapFloat32(op(x, Math.fround(y)));
  });
  def(`__r${name}__`, (x, [o]) => {
    const y = operand(o);
    return y === null ? NotImplemented : wrapFloat32(op(Math.fround(y), x));
  });
}
const CMP: [string, (a: number, b: number) => boolean][] = [
  ['eq', (a, b) => a === b], ['ne', (a, b) => a !== b], ['lt', (a, b) => a < b],
  ['le', (a, b) => a <= b], ['gt', (a, b) => a > b], ['ge', (a, b) => a >= b],
];
for (const [name, op] of CMP) {
  def(`__${name}__`, (x, [o]) => {
    const y = operand(o);
    return y === null ? NotImplemented : op(x, Math.fround(y));
  });
}
def('__neg__', (x) => wrapFloat32(-x));
def('__pos__', (x) => wrapFloat32(x));
def('__abs__', (x) => wrapFloat32(Math.abs(x)));
def('__bool__', (x) => x !== 0);
def('__float__', (x) => x);
def('__int__', (x) => BigInt(Math.trunc(x)));
def('__hash__', (x) => (Number.isInteger(x) ? BigInt(x) : BigInt(Math.trunc(x * 1e6))));
def('__repr__', (x) => `np.float32(${formatNumpyFloat(x, true)})`);
def('__str__', (x) => formatNumpyFloat(x, true));
def('item', (x) => x);
// numpy rounds half to even (rint), scaling in float32.
function rint(v: number): number {
  const r = Math.round(v);
  return Math.abs(v % 1) === 0.5 && r % 2 !== 0 ? r - 1 : r;
}
def('__round__', (x, [nd]) => {
  if (nd === undefined || nd === null) return BigInt(rint(x));
  const k = 10 ** Number(nd as bigint);
  return wrapFloat32(rint(Math.fround(x * k)) / k);
});
float32Class.dict.set('__format__', new PyBuiltin('__format__', (args, _kw, ctx) => {
  const x = asFloat32(args[0]) as number;
  const spec = typeof args[1] === 'string' ? args[1] : '';
  return spec === '' ? formatNumpyFloat(x, true) : formatValue(ctx, x, spec);
}));
float32Class.dict.set('dtype', new PyProperty(new PyBuiltin('dtype', () => pyNpDtype('float32'))));
