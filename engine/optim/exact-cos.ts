// cos(x) rounded to the nearest double, for CosineAnnealingLR: Python's
// math.cos is glibc's, which is (in practice) correctly rounded, while V8's
// Math.cos (fdlibm) is off by an ulp often enough that a printed lr schedule
// differs in its last digits. Computed in double-double arithmetic: reduce x
// by pi/2 given to ~150 bits, then the Taylor series of cos or sin of the
// remainder (|r| <= pi/4) to ~2^-104, rounded once at the end.

interface DD { hi: number; lo: number }

const SPLIT = 134217729; // 2^27 + 1, Dekker's splitter

function twoSum(a: number, b: number): DD {
  const s = a + b;
  const bb = s - a;
  return { hi: s, lo: (a - (s - bb)) + (b - bb) };
}

function quickTwoSum(a: number, b: number): DD {
  const s = a + b;
  return { hi: s, lo: b - (s - a) };
}

function twoProd(a: number, b: number): DD {
  const p = a * b;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  return { hi: p, lo: ((ah * bh - p) + ah * bl + al * bh) + al * bl };
}

function add(a: DD, b: DD): DD {
  const s = twoSum(a.hi, b.hi);
  const t = twoSum(a.lo, b.lo);
  let r = quickTwoSum(s.hi, s.lo + t.hi);
  r = quickTwoSum(r.hi, r.lo + t.lo);
  return r;
}

function mul(a: DD, b: DD): DD {
  const p = twoProd(a.hi, b.hi);
  return quickTwoSum(p.hi, p.lo + (a.hi * b.lo + a.lo * b.hi));
}

function divSmall(a: DD, b: number): DD {
  const q1 = a.hi / b;
  const p = twoProd(q1, b);
  const r = (a.hi - p.hi - p.lo + a.lo) / b;
  return quickTwoSum(q1, r);
}

const neg = (a: DD): DD => ({ hi: -a.hi, lo: -a.lo });

// pi/2 in four pieces (fdlibm's pio2_1, pio2_2, pio2_3, pio2_3t): the first
// three have 33 significant bits, so k * piece is exact for |k| < 2^20.
const PIO2_1 = 1.57079632673412561417e+00;
const PIO2_2 = 6.07710050630396597660e-11;
const PIO2_3 = 2.02226624871116645580e-21;
const PIO2_3T = 8.47842766036889956997e-32;

/** Sum of the series for cos (start 1) or sin (start r) of a reduced r. */
function series(r: DD, sine: boolean): DD {
  const r2 = mul(r, r);
  let term: DD = sine ? r : { hi: 1, lo: 0 };
  let sum = term;
  for (let n = sine ? 1 : 0; n < 40; n++) {
    // term_{k+1} = -term_k * r^2 / ((m+1)(m+2)), m the current power.
    const m = sine ? 2 * n - 1 : 2 * n;
    term = neg(divSmall(mul(term, r2), (m + 1) * (m + 2)));
    sum = add(sum, term);
    if (Math.abs(term.hi) < 1e-40 * Math.abs(sum.hi)) break;
  }
  return sum;
}

export function exactCos(x: number): number {
  if (!Number.isFinite(x)) return NaN;
  const k = Math.round(x / (Math.PI / 2));
  if (Math.abs(k) >= 1 << 20) return Math.cos(x); // beyond the exact reduction: V8's own
  // r = x - k*pi/2, each product exact, the sum carried as a double-double.
  let r: DD = { hi: x - k * PIO2_1, lo: 0 };
  r = add(r, neg({ hi: k * PIO2_2, lo: 0 }));
  r = add(r, neg({ hi: k * PIO2_3, lo: 0 }));
  r = add(r, neg(twoProd(k, PIO2_3T)));
  const q = ((k % 4) + 4) % 4;
  const v = q === 0 ? series(r, false) : q === 1 ? neg(series(r, true)) : q === 2 ? neg(series(r, false)) : series(r, true);
  return v.hi + v.lo;
}
