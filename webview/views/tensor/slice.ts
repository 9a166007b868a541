// Which 2-D slice of an N-D tensor the heatmap shows. Pure, so tests can check
// indices directly. Values come from the trace's row-major sample, which may
// be a prefix: cells past it are null ("not recorded").

export interface SliceChoice {
  /** Axis drawn as rows and as columns (ignored below 2-D). */
  rowAxis: number;
  colAxis: number;
  /** An index for every axis; entries of rowAxis/colAxis are ignored. */
  index: number[];
}

export interface Matrix {
  rows: number;
  cols: number;
  /** Row-major, rows*cols long; null where the sample did not reach. */
  cells: (number | null)[];
  /** true when rows or cols were cut to the display cap. */
  clipped: boolean;
}

export const MAX_SIDE = 64;

export function defaultSlice(shape: readonly number[]): SliceChoice {
  const d = shape.length;
  return { rowAxis: Math.max(0, d - 2), colAxis: Math.max(0, d - 1), index: shape.map(() => 0) };
}

/** Clamps a choice to a (possibly new) shape, keeping what still fits: live
 *  updates may change a tensor's shape under the user's pickers. */
export function fitSlice(shape: readonly number[], c: SliceChoice | undefined): SliceChoice {
  const d = shape.length;
  if (!c || d < 2 || c.rowAxis >= d || c.colAxis >= d || c.rowAxis === c.colAxis) return defaultSlice(shape);
  return { rowAxis: c.rowAxis, colAxis: c.colAxis, index: shape.map((n, i) => Math.min(Math.max(0, c.index[i] ?? 0), n - 1)) };
}

function strides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

export function sliceMatrix(shape: readonly number[], values: readonly number[], c: SliceChoice, maxSide = MAX_SIDE): Matrix {
  const d = shape.length;
  if (d === 0) return { rows: 1, cols: 1, cells: [values[0] ?? null], clipped: false };
  if (d === 1) {
    const cols = Math.min(shape[0], maxSide * 4);
    return { rows: 1, cols, cells: Array.from({ length: cols }, (_, i) => values[i] ?? null), clipped: cols < shape[0] };
  }
  const st = strides(shape);
  let base = 0;
  for (let i = 0; i < d; i++) if (i !== c.rowAxis && i !== c.colAxis) base += (c.index[i] ?? 0) * st[i];
  const rows = Math.min(shape[c.rowAxis], maxSide);
  const cols = Math.min(shape[c.colAxis], maxSide);
  const cells: (number | null)[] = new Array(rows * cols);
  for (let r = 0; r < rows; r++) {
    for (let q = 0; q < cols; q++) {
      const at = base + r * st[c.rowAxis] + q * st[c.colAxis];
      cells[r * cols + q] = at < values.length ? values[at] : null;
    }
  }
  return { rows, cols, cells, clipped: rows < shape[c.rowAxis] || cols < shape[c.colAxis] };
}

/** Image mode suits MNIST-like tensors: the last two dims are 28x28. */
export function looksLikeImage(shape: readonly number[]): boolean {
  const d = shape.length;
  return d >= 2 && shape[d - 1] === 28 && shape[d - 2] === 28;
}

/** Equal-width histogram of the finite values. */
/** Few values get few bins (about sqrt(n)), so a 6-element tensor is not 20 slivers. */
export function autoHistogram(values: readonly number[], maxBins = 20): { lo: number; hi: number; counts: number[] } {
  const n = values.filter((v) => Number.isFinite(v)).length;
  return histogram(values, Math.max(1, Math.min(maxBins, Math.ceil(Math.sqrt(n)) + 1)));
}

export function histogram(values: readonly number[], bins = 20): { lo: number; hi: number; counts: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  if (!finite.length) return { lo: 0, hi: 0, counts: [] };
  let lo = Math.min(...finite);
  let hi = Math.max(...finite);
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) counts[Math.min(bins - 1, Math.floor(((v - lo) / (hi - lo)) * bins))]++;
  return { lo, hi, counts };
}
