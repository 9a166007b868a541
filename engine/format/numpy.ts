// numpy ndarray repr and str as numpy 2.x prints them (numpy/_core/arrayprint.py):
// 'array([0.5488135 , 0.71518937])' and '[0.5488135  0.71518937]'. Floats use
// FloatingFormat in 'maxprec' mode (precision 8, unique digits, aligned on the
// point), ints and bools are right-aligned, summarised past 1000 elements.

import { expString, formatNumpyFloat, positionalParts, scientificParts } from './numpy-float';
import { formatShapeTuple } from './size';

export interface NdarrayPrintInput {
  shape: readonly number[];
  dtype: 'float64' | 'float32' | 'int64' | 'int32' | 'bool';
  /** Every element, row-major (bool as 0/1). */
  values: ArrayLike<number>;
}

export const numpyPrintOptions = { precision: 8, threshold: 1000, edgeitems: 3, linewidth: 75 };

type ElementFormat = (v: number) => string;

function floatFormat(data: number[], float32: boolean): ElementFormat {
  const prec = numpyPrintOptions.precision;
  const finite = data.filter((v) => Number.isFinite(v));
  let expFormat = false;
  const nz = finite.filter((v) => v !== 0).map(Math.abs);
  if (nz.length) {
    const max = Math.max(...nz);
    const min = Math.min(...nz);
    const cutoff = float32 ? 1e6 : 1e8; // 10**min(8, finfo(dtype).precision)
    if (max >= cutoff || min < 0.0001 || max / min > 1000) expFormat = true;
  }
  let padLeft = 0;
  let padRight = 0;
  let precision = prec;
  let expSize = -1;
  if (finite.length === 0) {
    // only nan/inf
  } else if (expFormat) {
    const parts = finite.map((v) => scientificParts(v, prec, float32));
    expSize = Math.max(...parts.map((p) => String(Math.abs(p[2])).padStart(2, '0').length));
    precision = Math.max(...parts.map((p) => p[1].length));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = expSize + 2 + precision;
  } else {
    const parts = finite.map((v) => positionalParts(v, prec, float32));
    padLeft = Math.max(...parts.map((p) => p[0].length));
    padRight = Math.max(...parts.map((p) => p[1].length));
  }
  if (finite.length !== data.length) {
    const negInf = data.some((v) => v === -Infinity) ? 1 : 0;
    const offset = padRight + 1;
    padLeft = Math.max(padLeft, 3 - offset, 3 + negInf - offset);
  }
  return (v: number): string => {
    if (!Number.isFinite(v)) {
      const ret = Number.isNaN(v) ? 'nan' : v < 0 ? '-inf' : 'inf';
      return ' '.repeat(Math.max(0, padLeft + padRight + 1 - ret.length)) + ret;
    }
    if (expFormat) {
      const [i, f, e] = scientificParts(v, precision, float32);
      return i.padStart(padLeft) + '.' + f.padEnd(precision, '0') + 'e' + expString(e, expSize);
    }
    const [i, f] = positionalParts(v, precision, float32);
    return i.padStart(padLeft) + '.' + f.padEnd(padRight);
  };
}

function intFormat(data: number[]): ElementFormat {
  let width = 0;
  if (data.length) width = Math.max(String(Math.max(...data)).length, String(Math.min(...data)).length);
  return (v) => String(v).padStart(width);
}

function formatFunction(dtype: NdarrayPrintInput['dtype'], data: number[], zeroDim: boolean): ElementFormat {
  switch (dtype) {
    case 'bool':
      return (v) => (v ? (zeroDim ? 'True' : ' True') : 'False');
    case 'int64':
    case 'int32':
      return intFormat(data);
    case 'float64':
    case 'float32':
      return floatFormat(data, dtype === 'float32');
  }
}

function strides(shape: readonly number[]): number[] {
  const s: number[] = new Array(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** _leading_trailing: the values of the kept corners. */
function cornerValues(shape: readonly number[], values: ArrayLike<number>, summarize: boolean): number[] {
  const st = strides(shape);
  const e = numpyPrintOptions.edgeitems;
  const out: number[] = [];
  const walk = (d: number, off: number): void => {
    if (d === shape.length) {
      out.push(values[off]);
      return;
    }
    const n = shape[d];
    const idx = summarize && n > 2 * e
      ? [...Array.from({ length: e }, (_, i) => i), ...Array.from({ length: e }, (_, i) => n - e + i)]
      : Array.from({ length: n }, (_, i) => i);
    for (const i of idx) walk(d + 1, off + i * st[d]);
  };
  walk(0, 0);
  return out;
}

function extendLine(s: string, line: string, word: string, width: number, prefix: string): [string, string] {
  let wrap = line.length + word.length > width;
  if (line.length <= prefix.length) wrap = false;
  if (wrap) {
    s += line.trimEnd() + '\n';
    line = prefix;
  }
  return [s, line + word];
}

function formatArray(
  shape: readonly number[], values: ArrayLike<number>, fmt: ElementFormat, lineWidth: number,
  nextLinePrefix: string, separator: string, summaryInsert: string,
): string {
  const st = strides(shape);
  const e = numpyPrintOptions.edgeitems;
  const recurse = (d: number, off: number, hanging: string, width: number): string => {
    const axesLeft = shape.length - d;
    if (axesLeft === 0) return fmt(values[off]);
    const nextHanging = hanging + ' ';
    const nextWidth = width - 1;
    const n = shape[d];
    const summary = summaryInsert !== '' && 2 * e < n;
    const lead = summary ? e : 0;
    const trail = summary ? e : n;
    const at = (i: number) => recurse(d + 1, off + i * st[d], nextHanging, nextWidth);
    let s = '';
    if (axesLeft === 1) {
      const elemWidth = width - Math.max(separator.trimEnd().length, 1);
      let line = hanging;
      for (let i = 0; i < lead; i++) {
        [s, line] = extendLine(s, line, at(i), elemWidth, hanging);
        line += separator;
      }
      if (summary) {
        [s, line] = extendLine(s, line, summaryInsert, elemWidth, hanging);
        line += separator;
      }
      for (let i = trail; i > 1; i--) {
        [s, line] = extendLine(s, line, at(n - i), elemWidth, hanging);
        line += separator;
      }
      [s, line] = extendLine(s, line, at(n - 1), elemWidth, hanging);
      s += line;
    } else {
      const lineSep = separator.trimEnd() + '\n'.repeat(axesLeft - 1);
      for (let i = 0; i < lead; i++) s += hanging + at(i) + lineSep;
      if (summary) s += hanging + summaryInsert + lineSep;
      for (let i = trail; i > 1; i--) s += hanging + at(n - i) + lineSep;
      s += hanging + at(n - 1);
    }
    return '[' + s.slice(hanging.length) + ']';
  };
  return recurse(0, 0, nextLinePrefix, lineWidth);
}

function array2string(a: NdarrayPrintInput, separator: string, prefix: string, suffix: string): string {
  const size = a.shape.reduce((x, y) => x * y, 1);
  if (size === 0) return '[]';
  const summarize = size > numpyPrintOptions.threshold;
  const data = cornerValues(a.shape, a.values, summarize);
  const fmt = formatFunction(a.dtype, data, a.shape.length === 0);
  return formatArray(a.shape, a.values, fmt, numpyPrintOptions.linewidth - suffix.length,
    ' ' + ' '.repeat(prefix.length), separator, summarize ? '...' : '');
}

/** repr(ndarray). */
export function formatNdarrayRepr(a: NdarrayPrintInput): string {
  const prefix = 'array(';
  const lst = array2string(a, ', ', prefix, ')');
  const size = a.shape.reduce((x, y) => x * y, 1);
  const extras: string[] = [];
  if ((size === 0 && !(a.shape.length === 1 && a.shape[0] === 0)) || size > numpyPrintOptions.threshold) {
    extras.push('shape=' + formatShapeTuple(a.shape));
  }
  const implied = a.dtype === 'float64' || a.dtype === 'int64' || a.dtype === 'bool';
  if (!implied || size === 0) extras.push('dtype=' + a.dtype);
  if (!extras.length) return prefix + lst + ')';
  const arrStr = prefix + lst + ',';
  const extraStr = extras.join(', ') + ')';
  const lastLineLen = arrStr.length - (arrStr.lastIndexOf('\n') + 1);
  const spacer = lastLineLen + extraStr.length + 1 > numpyPrintOptions.linewidth ? '\n' + ' '.repeat(prefix.length) : ' ';
  return arrStr + spacer + extraStr;
}

/** str(ndarray) — what print(arr) shows. 0-d arrays print as their scalar. */
export function formatNdarrayStr(a: NdarrayPrintInput, scalarStr: (v: number) => string): string {
  if (a.shape.length === 0) return scalarStr(a.values[0]);
  return array2string(a, ' ', '', '');
}

/** str() of one element as a numpy scalar of the array's dtype. */
export function formatNumpyScalar(v: number, dtype: NdarrayPrintInput['dtype']): string {
  switch (dtype) {
    case 'bool':
      return v ? 'True' : 'False';
    case 'int64':
    case 'int32':
      return String(v);
    case 'float64':
    case 'float32':
      return formatNumpyFloat(v, dtype === 'float32');
  }
}
