// Arithmetic on Python numbers (int = bigint, float = number, bool as int)
// with Python's exact semantics: floor division and modulo round toward
// negative infinity, int ** negative int is a float, 7 / 2 == 3.5.
import { pyError } from './exceptions';
import type { BinOpName } from '../ast';

export type Num = bigint | number;

export function floorDivInt(a: bigint, b: bigint): bigint {
  if (b === 0n) throw pyError('ZeroDivisionError', 'integer division or modulo by zero');
  const q = a / b;
  return (a % b !== 0n && (a < 0n) !== (b < 0n)) ? q - 1n : q;
}

export function modInt(a: bigint, b: bigint): bigint {
  if (b === 0n) throw pyError('ZeroDivisionError', 'integer modulo by zero');
  const r = a % b;
  return r !== 0n && (r < 0n) !== (b < 0n) ? r + b : r;
}

export function modFloat(a: number, b: number): number {
  if (b === 0) throw pyError('ZeroDivisionError', 'float modulo');
  const r = a % b;
  if (r === 0) return b < 0 ? -0 : 0;
  return (r < 0) !== (b < 0) ? r + b : r;
}

/** CPython's float_divmod, so -7.0 // 2 == -4.0 and rounding matches. */
export function floorDivFloat(vx: number, wx: number): number {
  if (wx === 0) throw pyError('ZeroDivisionError', 'float floor division by zero');
  let mod = vx % wx;
  let div = (vx - mod) / wx;
  if (mod) {
    if ((wx < 0) !== (mod < 0)) {
      mod += wx;
      div -= 1.0;
    }
  }
  if (div) {
    let floordiv = Math.floor(div);
    if (div - floordiv > 0.5) floordiv += 1.0;
    return floordiv;
  }
  return (vx / wx < 0 || Object.is(vx / wx, -0)) ? -0 : 0;
}

function intToFloat(a: bigint): number {
  const f = Number(a);
  if (!Number.isFinite(f)) throw pyError('OverflowError', 'int too large to convert to float');
  return f;
}

export function trueDiv(a: Num, b: Num): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    if (b === 0n) throw pyError('ZeroDivisionError', 'division by zero');
    const fa = Number(a);
    const fb = Number(b);
    if (Number.isSafeInteger(fa) && Number.isSafeInteger(fb)) return fa / fb;
    return bigDiv(a, b);
  }
  const fb = typeof b === 'bigint' ? intToFloat(b) : b;
  if (fb === 0) throw pyError('ZeroDivisionError', typeof a === 'bigint' && typeof b === 'bigint' ? 'division by zero' : 'float division by zero');
  return (typeof a === 'bigint' ? intToFloat(a) : a) / fb;
}

/** Correctly rounded-enough quotient of big ints (scale to keep 64 bits). */
function bigDiv(a: bigint, b: bigint): number {
  const neg = (a < 0n) !== (b < 0n);
  let x = a < 0n ? -a : a;
  const y = b < 0n ? -b : b;
  const shift = BigInt(Math.max(0, y.toString(2).length - x.toString(2).length + 64));
  x <<= shift;
  const q = Number(x / y) / 2 ** Number(shift);
  return neg ? -q : q;
}

function powInt(a: bigint, b: bigint): Num {
  if (b < 0n) {
    if (a === 0n) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
    return Number(a) ** Number(b);
  }
  return a ** b;
}

function powFloat(a: number, b: number): number {
  if (a === 0 && b < 0) throw pyError('ZeroDivisionError', '0.0 cannot be raised to a negative power');
  if (a < 0 && !Number.isInteger(b) && Number.isFinite(b)) {
    throw pyError('ValueError', 'complex results are not supported in Tensor Lens (negative number raised to a fractional power)');
  }
  if (a === 1 || b === 0) return 1;
  const r = a ** b;
  if (r === Infinity || r === -Infinity) {
    if (Number.isFinite(a) && Number.isFinite(b)) throw pyError('OverflowError', "(34, 'Numerical result out of range')");
  }
  return r;
}

/** a OP b for two numbers (bool already converted to bigint). */
export function numericBinOp(op: BinOpName, a: Num, b: Num): Num | undefined {
  if (typeof a === 'bigint' && typeof b === 'bigint') {
    switch (op) {
      case '+': return a + b;
      case '-': return a - b;
      case '*': return a * b;
      case '/': return trueDiv(a, b);
      case '//': return floorDivInt(a, b);
      case '%': return modInt(a, b);
      case '**': return powInt(a, b);
      case '<<':
        if (b < 0n) throw pyError('ValueError', 'negative shift count');
        return a << b;
      case '>>':
        if (b < 0n) throw pyError('ValueError', 'negative shift count');
        return a >> b;
      case '&': return a & b;
      case '|': return a | b;
      case '^': return a ^ b;
      case '@': return undefined;
    }
  }
  const x = typeof a === 'bigint' ? intToFloat(a) : a;
  const y = typeof b === 'bigint' ? intToFloat(b) : b;
  switch (op) {
    case '+': return x + y;
    case '-': return x - y;
    case '*': return x * y;
    case '/':
      if (y === 0) throw pyError('ZeroDivisionError', 'float division by zero');
      return x / y;
    case '//':
      return floorDivFloat(x, y);
    case '%': return modFloat(x, y);
    case '**': return powFloat(x, y);
    default: return undefined;
  }
}

export function compareNum(a: Num, b: Num): number {
  if (typeof a === 'bigint' && typeof b === 'bigint') return a < b ? -1 : a > b ? 1 : 0;
  const x = typeof a === 'bigint' ? Number(a) : a;
  const y = typeof b === 'bigint' ? Number(b) : b;
  if (Number.isNaN(x) || Number.isNaN(y)) return NaN;
  return x < y ? -1 : x > y ? 1 : 0;
}
