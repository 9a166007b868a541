// Fused multiply-add, emulated. PyTorch's AVX2 kernels are compiled with FMA
// contraction, so `x * (b - a) + a` rounds once; reproducing their bits needs
// the same single rounding.

const fround = Math.fround;

/** float32 fma(a, b, c) rounded once to float32 (a, b, c are float32 values).
 *  a*b is exact in a double (48 significant bits); the only hazard is the
 *  double rounding of the sum, which matters only when the double sum lands
 *  exactly on a float32 midpoint — then the exact error decides the side. */
export function fmaf(a: number, b: number, c: number): number {
  const s = a * b + c;
  const r = fround(s);
  const d = s - r;
  const other = r + 2 * d;
  // Not a midpoint (or exact): r is correct. Kept tiny so V8 inlines it.
  if (d === 0 || fround(other) !== other) return r;
  return fmafTie(a * b, c, s, r, other);
}

function fmafTie(p: number, c: number, s: number, r: number, other: number): number {
  // Exact error of s = p + c (Knuth's TwoSum) decides the side of the tie.
  const bb = s - p;
  const e = (p - (s - bb)) + (c - bb);
  if (e === 0) return r; // a true tie: fround already rounded to even
  return e > 0 ? Math.max(r, other) : Math.min(r, other);
}

const SPLIT = 134217729; // 2^27 + 1, Veltkamp's splitter for doubles

/** float64 fma(a, b, c): a*b + c with the product's error carried
 *  (Dekker's TwoProduct + TwoSum). Correctly rounded except in rare
 *  near-tie cases, where it may be one ulp off. */
export function fma64(a: number, b: number, c: number): number {
  const p = a * b;
  if (!Number.isFinite(p) || p === 0) return p + c;
  let t = SPLIT * a;
  const ah = t - (t - a);
  const al = a - ah;
  t = SPLIT * b;
  const bh = t - (t - b);
  const bl = b - bh;
  const pe = ((ah * bh - p) + ah * bl + al * bh) + al * bl;
  const s = p + c;
  const bb = s - p;
  const se = (p - (s - bb)) + (c - bb);
  return s + (pe + se);
}
