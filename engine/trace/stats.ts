// Numbers about a tensor's values for hover cards, node previews and step
// records. NaN and ±Inf are counted, not mixed into min/max/mean/std, so one
// bad value does not hide what the rest look like.
import type { TensorStats } from './types';

export function computeStats(values: ArrayLike<number>): TensorStats | null {
  const n = values.length;
  if (n === 0) return null;
  let nanCount = 0;
  let infCount = 0;
  let count = 0;
  let min = Infinity;
  let max = -Infinity;
  let sum = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v) { nanCount++; continue; }
    if (v === Infinity || v === -Infinity) { infCount++; continue; }
    count++;
    sum += v;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (count === 0) return { min: 0, max: 0, mean: 0, std: 0, nanCount, infCount };
  const mean = sum / count;
  let sq = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    if (v !== v || v === Infinity || v === -Infinity) continue;
    sq += (v - mean) * (v - mean);
  }
  // Bessel-corrected like torch.std's default, so the card agrees with t.std().
  const std = count > 1 ? Math.sqrt(sq / (count - 1)) : 0;
  return { min, max, mean, std, nanCount, infCount };
}

export interface Moments {
  norm: number;
  mean: number;
  /** Mean of |x|: a gradient's typical size (its signed mean cancels out,
   *  e.g. to ~0 for a bias before log_softmax, whose grads sum to zero). */
  meanAbs: number;
  maxAbs: number;
}

/** L2 norm, mean, mean |x| and max |x| (what gradient-flow charts plot). */
export function moments(values: ArrayLike<number>): Moments {
  const n = values.length;
  let sq = 0;
  let sum = 0;
  let sumAbs = 0;
  let maxAbs = 0;
  for (let i = 0; i < n; i++) {
    const v = values[i];
    sq += v * v;
    sum += v;
    const a = Math.abs(v);
    sumAbs += a;
    if (a > maxAbs || a !== a) maxAbs = a;
  }
  return { norm: Math.sqrt(sq), mean: n > 0 ? sum / n : 0, meanAbs: n > 0 ? sumAbs / n : 0, maxAbs };
}

export function histogram(values: ArrayLike<number>, bins: number): { lo: number; hi: number; counts: number[] } {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const counts = new Array<number>(bins).fill(0);
  if (lo === Infinity) return { lo: 0, hi: 0, counts };
  const width = hi - lo;
  for (let i = 0; i < values.length; i++) {
    const v = values[i];
    if (!Number.isFinite(v)) continue;
    const b = width > 0 ? Math.min(bins - 1, Math.floor(((v - lo) / width) * bins)) : 0;
    counts[b]++;
  }
  return { lo, hi, counts };
}

/** Six significant digits: samples feed pictures, and full doubles would
 *  triple the trace's size for nothing (the printed form keeps exact text). */
export function roundForSample(v: number): number {
  if (!Number.isFinite(v) || v === 0) return v;
  return Number(v.toPrecision(6));
}
