// Python's float repr and fixed/exponent formatting with CPython's rounding.
// JS and Python both print the shortest round-tripping digits; they differ in
// where they switch to exponent notation and in tie rounding for toFixed.

/** repr(float): '0.1', '1e-05', '1e+16', '3.0', 'inf', 'nan' — one definition,
 *  shared with tensor printing (engine/format); it gave the same text as the
 *  interpreter's own earlier version on 600k random doubles. */
export { formatPyFloat } from '../../format/py-float';

/** Exact decimal digits of a finite double (no exponent), e.g. 0.125 -> '0.125'. */
function exactDecimal(x: number): string {
  // toFixed is exact for |x| < 1e21 up to 100 fraction digits; beyond that
  // the tail only matters for tie detection, which needs exact zeros.
  return Math.abs(x) < 1e21 ? Math.abs(x).toFixed(100) : BigInt(Math.abs(x)).toString();
}

/** '%.{prec}f' with round-half-even on the exact binary value (as CPython). */
export function toFixedPy(x: number, prec: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  if (Math.abs(x) >= 1e21) {
    const s = BigInt(Math.round(x)).toString();
    return prec > 0 ? s + '.' + '0'.repeat(prec) : s;
  }
  let s = Math.abs(x).toFixed(Math.min(prec, 100));
  if (prec <= 99) {
    const exact = exactDecimal(x);
    const dot = exact.indexOf('.');
    const tail = exact.slice(dot + 1 + prec);
    if (/^50*$/.test(tail)) {
      // Exact tie: JS rounded away from zero; Python rounds to even.
      const down = truncateDecimal(exact, prec);
      const lastDigit = Number(down.replace('.', '').slice(-1));
      s = lastDigit % 2 === 0 ? down : s;
    }
  }
  if (prec > 100) s += '0'.repeat(prec - 100);
  return x < 0 || Object.is(x, -0) ? '-' + s : s;
}

function truncateDecimal(exact: string, prec: number): string {
  const dot = exact.indexOf('.');
  return prec === 0 ? exact.slice(0, dot) : exact.slice(0, dot + 1 + prec);
}

function nonFinite(x: number): string {
  return Number.isNaN(x) ? 'nan' : x > 0 ? 'inf' : '-inf';
}

/** '%.{prec}e': mantissa digits rounded half-even on the exact value. */
export function toExponentialPy(x: number, prec: number): string {
  if (!Number.isFinite(x)) return nonFinite(x);
  const ax = Math.abs(x);
  let s = ax.toExponential(Math.min(prec, 100));
  if (ax !== 0 && prec < 100) {
    // Detect exact ties by looking at more digits than asked for.
    const longer = ax.toExponential(100);
    const [m] = longer.split('e');
    const digits = m.replace('.', '');
    const tail = digits.slice(prec + 1);
    if (/^50*$/.test(tail)) {
      const kept = digits.slice(0, prec + 1);
      if (Number(kept[kept.length - 1]) % 2 === 0) {
        const e = longer.split('e')[1];
        s = (prec > 0 ? kept[0] + '.' + kept.slice(1) : kept) + 'e' + e;
      }
    }
  }
  const [mant, e] = s.split('e');
  const exp = Number(e);
  const out = mant + 'e' + (exp < 0 ? '-' : '+') + String(Math.abs(exp)).padStart(2, '0');
  return x < 0 || Object.is(x, -0) ? '-' + out : out;
}

/** '%g' / format(x, '.{prec}g') ('alt' keeps trailing zeros, as '#'). */
export function toGeneralPy(x: number, prec: number, alt = false, upper = false): string {
  if (!Number.isFinite(x)) return upper ? nonFinite(x).toUpperCase() : nonFinite(x);
  const p = prec === 0 ? 1 : prec;
  const e = toExponentialPy(x, p - 1);
  const exp = Number(e.split('e')[1]);
  let s: string;
  if (exp >= -4 && exp < p) {
    s = toFixedPy(x, p - 1 - exp);
  } else {
    s = e;
  }
  if (!alt) {
    // Strip trailing zeros in the mantissa.
    const [m, ex] = s.split('e');
    let mm = m;
    if (mm.includes('.')) mm = mm.replace(/0+$/, '').replace(/\.$/, '');
    s = ex !== undefined ? mm + 'e' + ex : mm;
  }
  return upper ? s.toUpperCase() : s;
}

/** round(x, n) for floats: CPython rounds via the same correctly rounded decimal. */
/** round(x, ndigits) as CPython's double_round: the exact binary value
 *  rounded half-even to ndigits decimals, read back as the nearest double.
 *  Throws RangeError when the result overflows (Python's OverflowError). */
export function roundFloat(x: number, ndigits: number): number {
  if (!Number.isFinite(x) || x === 0) return x;
  if (ndigits > 323) return x;
  if (ndigits < -308) return 0 * x;
  const [m, e] = mantissaExponent(Math.abs(x));
  const ten = 10n ** BigInt(Math.abs(ndigits));
  let num = m << BigInt(Math.max(e, 0));
  let den = 1n << BigInt(Math.max(-e, 0));
  if (ndigits >= 0) num *= ten;
  else den *= ten;
  let q = num / den;
  const twice = 2n * (num - q * den);
  if (twice > den || (twice === den && (q & 1n) === 1n)) q += 1n;
  const r = Number(`${x < 0 ? '-' : ''}${q}e${-ndigits}`);
  if (!Number.isFinite(r)) throw new RangeError('rounded value too large to represent');
  return r;
}

/** |x| = m * 2^e exactly, m an integer. */
function mantissaExponent(x: number): [bigint, number] {
  const view = new DataView(new ArrayBuffer(8));
  view.setFloat64(0, x);
  const hi = view.getUint32(0);
  const lo = view.getUint32(4);
  const biased = (hi >>> 20) & 0x7ff;
  const frac = (BigInt(hi & 0xfffff) << 32n) | BigInt(lo);
  return biased === 0 ? [frac, -1074] : [frac | (1n << 52n), biased - 1075];
}

export function roundHalfEven(x: number): number {
  const r = Math.round(x);
  if (Math.abs(x % 1) === 0.5) return 2 * Math.round(x / 2);
  return r;
}
