// Python's float formatting, exactly: repr (shortest round-trip, '1e-05',
// '0.1', '1e+16', 'inf', 'nan'), '{:.Nf}' and '{:.Ne}'. Python rounds the
// exact binary value half-to-even; JavaScript's toFixed/toExponential break
// exact ties upwards and drop the sign of -0, so ties go through BigInt.

/** repr(x) / str(x) of a Python float. */
export function formatPyFloat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (x === Infinity) return 'inf';
  if (x === -Infinity) return '-inf';
  if (x === 0) return Object.is(x, -0) ? '-0.0' : '0.0';
  const sign = x < 0 ? '-' : '';
  // toExponential() with no argument gives the shortest round-trip digits.
  const [mant, expStr] = Math.abs(x).toExponential().split('e');
  const digits = mant.replace('.', '');
  const exp = Number(expStr); // x = d.ddd * 10^exp
  const decpt = exp + 1; // Python's position of the decimal point
  if (decpt > -4 && decpt <= 16) {
    if (decpt <= 0) return `${sign}0.${'0'.repeat(-decpt)}${digits}`;
    if (decpt >= digits.length) return `${sign}${digits}${'0'.repeat(decpt - digits.length)}.0`;
    return `${sign}${digits.slice(0, decpt)}.${digits.slice(decpt)}`;
  }
  const m = digits.length > 1 ? `${digits[0]}.${digits.slice(1)}` : digits;
  return `${sign}${m}e${exp < 0 ? '-' : '+'}${String(Math.abs(exp)).padStart(2, '0')}`;
}

const F64 = new Float64Array(1);
const U64 = new BigUint64Array(F64.buffer);

/** round_half_even(|x| * 10^scale) for finite x, computed exactly. */
function exactScaledRound(x: number, scale: number): bigint {
  F64[0] = Math.abs(x);
  const bits = U64[0];
  const be = Number((bits >> 52n) & 0x7ffn);
  let m = bits & 0xfffffffffffffn;
  let e: number;
  if (be === 0) {
    e = -1074;
  } else {
    m |= 1n << 52n;
    e = be - 1075;
  }
  let num = m;
  let den = 1n;
  if (e >= 0) num <<= BigInt(e);
  else den <<= BigInt(-e);
  if (scale >= 0) num *= 10n ** BigInt(scale);
  else den *= 10n ** BigInt(-scale);
  const q = num / den;
  const r2 = (num - q * den) * 2n;
  if (r2 > den || (r2 === den && (q & 1n) === 1n)) return q + 1n;
  return q;
}

function signOf(x: number): string {
  return x < 0 || Object.is(x, -0) ? '-' : '';
}

/** Python's '{:.Nf}'.format(x). */
export function formatFixed(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const ax = Math.abs(x);
  // An exact tie needs exactly digits+1 binary fraction bits; otherwise
  // toFixed's nearest value is Python's too.
  const tie = Number.isInteger(ax * 2 ** (digits + 1)) && !Number.isInteger(ax * 2 ** digits);
  if (!tie && ax < 1e21) return signOf(x) + ax.toFixed(digits);
  const s = exactScaledRound(ax, digits).toString().padStart(digits + 1, '0');
  const body = digits > 0 ? `${s.slice(0, s.length - digits)}.${s.slice(s.length - digits)}` : s;
  return signOf(x) + body;
}

/** Python's '{:.Ne}'.format(x): 'd.dddde+XX' with at least two exponent digits. */
export function formatExp(x: number, digits: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const ax = Math.abs(x);
  let e10 = 0;
  let n = 0n;
  if (ax !== 0) {
    e10 = Math.floor(Math.log10(ax));
    const lo = 10n ** BigInt(digits);
    const hi = lo * 10n;
    for (let tries = 0; tries < 4; tries++) {
      n = exactScaledRound(ax, digits - e10);
      if (n >= hi) e10++;
      else if (n < lo) e10--;
      else break;
    }
  }
  const s = n.toString().padStart(digits + 1, '0');
  const mant = digits > 0 ? `${s[0]}.${s.slice(1)}` : s;
  return `${signOf(x)}${mant}e${e10 < 0 ? '-' : '+'}${String(Math.abs(e10)).padStart(2, '0')}`;
}
