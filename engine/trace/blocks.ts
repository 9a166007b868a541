// The binning rule shared by the recorder and the Network view: an axis of
// more than MAX_UNITS units is cut into groups of ceil(n / MAX_UNITS)
// consecutive units (784 -> 20 groups of 40; 128 -> 19 groups of 7, the last
// holding 2). The recorder stores block means by this rule, so a 784x128
// weight costs 380 numbers in the trace and the view still draws the mean of
// every weight, not of a 64-value prefix. Pure and exact: tests recompute it.
import type { BlockMatrix } from './types';

export const MAX_UNITS = 20;

/** Units per group along an axis of n units. */
export function groupSize(n: number): number {
  return n > MAX_UNITS ? Math.ceil(n / MAX_UNITS) : 1;
}

/** Groups along an axis of n units (at most MAX_UNITS). */
export function groupCount(n: number): number {
  return n > 0 ? Math.ceil(n / groupSize(n)) : 0;
}

/** Steps of the stored integers: block means are kept as integers times one
 *  scale per matrix (the largest |mean| / QUANT_STEPS), four digits against
 *  the largest block. Block means of trained weights are tiny (-0.0006717):
 *  as integers they take half the characters, and a snapshot holds hundreds. */
export const QUANT_STEPS = 9999;

/** Block values as stored: `null` stays null, the rest become integers. */
export function quantize(means: readonly (number | null)[]): { scale: number; values: (number | null)[] } {
  let maxAbs = 0;
  for (const v of means) if (v !== null && Math.abs(v) > maxAbs) maxAbs = Math.abs(v);
  const scale = maxAbs > 0 ? Number((maxAbs / QUANT_STEPS).toPrecision(6)) : 1;
  return { scale, values: means.map((v) => (v === null ? null : Math.round(v / scale))) };
}

/** The block mean a stored value stands for. */
export function blockValue(b: BlockMatrix, i: number): number | null {
  const q = b.values[i];
  return q === null || q === undefined ? null : q * b.scale;
}

/** Block means of a row-major [rows, cols] matrix, binned on both axes.
 *  Non-finite entries are left out of a block's mean (null when none is left: JSON has no NaN). */
export function blockMeans(values: ArrayLike<number>, rows: number, cols: number, offset = 0): BlockMatrix {
  const gr = groupSize(rows);
  const gc = groupSize(cols);
  const nr = groupCount(rows);
  const nc = groupCount(cols);
  const sum = new Float64Array(nr * nc);
  const cnt = new Float64Array(nr * nc);
  for (let r = 0; r < rows; r++) {
    const br = Math.floor(r / gr) * nc;
    const base = offset + r * cols;
    for (let c = 0; c < cols; c++) {
      const v = values[base + c];
      if (!Number.isFinite(v)) continue;
      const b = br + Math.floor(c / gc);
      sum[b] += v;
      cnt[b]++;
    }
  }
  const means = new Array<number | null>(nr * nc);
  for (let i = 0; i < means.length; i++) means[i] = cnt[i] ? sum[i] / cnt[i] : null;
  return { shape: [nr, nc], groupSize: [gr, gc], ...quantize(means) };
}

/** Block means of a tensor of any shape: 2-D as itself, 1-D as one row
 *  (shape [groups]), N-D as [shape[0], the rest flattened] (conv kernels). */
export function tensorBlocks(values: ArrayLike<number>, shape: readonly number[]): BlockMatrix {
  if (shape.length === 0) return { shape: [1], groupSize: [1], ...quantize([Number.isFinite(values[0]) ? values[0] : null]) };
  if (shape.length === 1) {
    const b = blockMeans(values, 1, shape[0]);
    return { shape: [b.shape[1]], groupSize: [b.groupSize[1]], scale: b.scale, values: b.values };
  }
  const rows = shape[0];
  return blockMeans(values, rows, rows ? values.length / rows : 0);
}

/** The first row of a [batch, n] activation (or all of an [n] one), binned:
 *  the unit fills of the Network view. */
export function firstRowBlocks(values: ArrayLike<number>, shape: readonly number[]): BlockMatrix | null {
  if (shape.length !== 1 && shape.length !== 2) return null;
  const n = shape[shape.length - 1];
  if (!n || (shape.length === 2 && shape[0] === 0)) return null;
  const b = blockMeans(values, 1, n);
  return { shape: [b.shape[1]], groupSize: [b.groupSize[1]], scale: b.scale, values: b.values };
}
