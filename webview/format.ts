// Number and shape text for labels: short, and close to how PyTorch prints.
export function fmt(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  if (x === 0) return '0';
  const a = Math.abs(x);
  if (a >= 1e-3 && a < 1e4) return String(Number(x.toFixed(4)));
  return x.toExponential(2);
}

/** Fewer digits, for cells and axis ticks. */
export function fmtShort(x: number): string {
  if (Number.isNaN(x)) return 'nan';
  if (!Number.isFinite(x)) return x > 0 ? 'inf' : '-inf';
  const a = Math.abs(x);
  if (a === 0) return '0';
  if (Number.isInteger(x) && a < 1e6) return String(x);
  if (a >= 0.01 && a < 1000) return x.toFixed(2);
  return x.toExponential(1);
}

export function shapeText(shape: readonly number[]): string {
  return shape.length ? `[${shape.join(', ')}]` : '[] scalar';
}

export function numel(shape: readonly number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

/** Width of a label in px, estimated without a DOM (layouts stay pure). */
export function textWidth(text: string, px = 12): number {
  return Math.ceil(text.length * px * 0.6);
}
