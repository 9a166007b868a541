// numpy's float element strings (Dragon4 in "unique" mode as arrayprint uses
// it): the shortest digits that round-trip in the array's own dtype, cut at
// `precision` digits with exact half-even rounding when they are longer.

import { formatExp, formatFixed } from './py-float';

export interface Digits {
  /** Significant digits, no leading zeros ('0' for zero). */
  digits: string;
  /** Decimal exponent of the first digit: value = d.ddd x 10^exp. */
  exp: number;
}

/** Shortest round-trip digits of |x| as a float64 or a float32. */
export function shortestDigits(x: number, float32: boolean): Digits {
  const ax = Math.abs(x);
  if (ax === 0) return { digits: '0', exp: 0 };
  let s = ax.toExponential();
  if (float32) {
    for (let p = 0; p < 9; p++) {
      const t = ax.toExponential(p);
      if (Math.fround(Number(t)) === ax) {
        s = t;
        break;
      }
    }
  }
  const [m, e] = s.split('e');
  return { digits: m.replace('.', '').replace(/0+$/, '') || '0', exp: Number(e) };
}

function sign(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** dragon4_positional(x, precision, unique=True, fractional=True, trim='.'):
 *  [integer part with sign, fractional part]. */
export function positionalParts(x: number, precision: number, float32: boolean): [string, string] {
  const { digits, exp } = shortestDigits(x, float32);
  let intPart: string;
  let frac: string;
  if (exp >= 0) {
    intPart = digits.slice(0, exp + 1).padEnd(exp + 1, '0');
    frac = digits.slice(exp + 1);
  } else {
    intPart = '0';
    frac = '0'.repeat(-exp - 1) + digits;
  }
  if (digits === '0') frac = '';
  if (frac.length > precision) {
    const s = formatFixed(Math.abs(x), precision);
    const dot = s.indexOf('.');
    intPart = dot < 0 ? s : s.slice(0, dot);
    frac = dot < 0 ? '' : s.slice(dot + 1).replace(/0+$/, '');
  }
  return [sign(x) + intPart, frac];
}

/** dragon4_scientific(x, precision, unique=True, trim='.'):
 *  [mantissa integer digit with sign, mantissa fraction, exponent value]. */
export function scientificParts(x: number, precision: number, float32: boolean): [string, string, number] {
  let { digits, exp } = shortestDigits(x, float32);
  if (digits.length - 1 > precision) {
    const s = formatExp(Math.abs(x), precision);
    const [m, e] = s.split('e');
    digits = m.replace('.', '').replace(/0+$/, '') || '0';
    exp = Number(e);
  }
  return [sign(x) + digits[0], digits.slice(1), exp];
}

export function expString(exp: number, minDigits: number): string {
  return (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(Math.max(2, minDigits), '0');
}

/** str() of a numpy float scalar: Python's repr layout with the shortest
 *  digits of its own dtype (np.float32(0.1) prints '0.1'). */
export function formatNumpyFloat(x: number, float32: boolean): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return sign(x) + '0.0';
  const { digits, exp } = shortestDigits(x, float32);
  const decpt = exp + 1;
  const sg = sign(x);
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sg}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sg}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sg}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sg}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}
