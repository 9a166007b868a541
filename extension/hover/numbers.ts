// Short, Python-looking renderings of shapes, dtypes and statistics for the
// hover and hints. The exact tensor text comes from the trace (`printed`,
// PyTorch's own repr); these are only the labels around it.
import type { DTypeName } from '../../engine/trace/types';

export function torchSize(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

export function torchDtype(dtype: DTypeName): string {
  return `torch.${dtype}`;
}

/** Python's spelling of a bool. */
export function pyBool(b: boolean): string {
  return b ? 'True' : 'False';
}

/** A statistic to about five significant digits, Python-style for the
 *  special values (nan, inf) so it reads like the printed tensor. */
export function stat(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const abs = Math.abs(x);
  if (abs >= 1e6 || abs < 1e-4) return x.toExponential(4).replace(/\.?0+e/, 'e');
  return String(Number(x.toPrecision(5)));
}
