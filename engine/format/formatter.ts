// PyTorch's _Formatter: one scan over the (summarised) values decides integer
// mode, scientific mode and the common column width; then every element is
// printed with the same rule, right-aligned to that width.

import { formatExp, formatFixed } from './py-float';
import { printOptions } from './options';

export type ValueKind = 'float' | 'int' | 'bool';

export class Formatter {
  readonly kind: ValueKind;
  intMode = true;
  sciMode = false;
  maxWidth = 1;
  private readonly precision: number;

  constructor(kind: ValueKind, values: ArrayLike<number>) {
    this.kind = kind;
    this.precision = printOptions.precision;
    if (kind !== 'float') {
      for (let i = 0; i < values.length; i++) this.maxWidth = Math.max(this.maxWidth, this.plain(values[i]).length);
      return;
    }
    const nz: number[] = [];
    for (let i = 0; i < values.length; i++) {
      const v = values[i];
      if (Number.isFinite(v) && v !== 0) nz.push(v);
    }
    if (nz.length === 0) return;
    let min = Infinity;
    let max = 0;
    for (const v of nz) {
      const a = Math.abs(v);
      if (a < min) min = a;
      if (a > max) max = a;
      if (this.intMode && v !== Math.ceil(v)) this.intMode = false;
    }
    this.sciMode = printOptions.sciMode ?? (max / min > 1000 || max > 1e8 || min < 1e-4);
    const p = this.precision;
    for (const v of nz) {
      let w: number;
      if (this.sciMode) w = formatExp(v, p).length;
      else if (this.intMode) w = formatFixed(v, 0).length + 1;
      else w = formatFixed(v, p).length;
      if (w > this.maxWidth) this.maxWidth = w;
    }
  }

  private plain(v: number): string {
    if (this.kind === 'bool') return v ? 'True' : 'False';
    return String(v);
  }

  width(): number {
    return this.maxWidth;
  }

  format(v: number): string {
    let s: string;
    if (this.kind !== 'float') s = this.plain(v);
    else if (this.sciMode) s = formatExp(v, this.precision);
    else if (this.intMode) s = formatFixed(v, 0) + (Number.isFinite(v) ? '.' : '');
    else s = formatFixed(v, this.precision);
    return s.length < this.maxWidth ? ' '.repeat(this.maxWidth - s.length) + s : s;
  }
}
