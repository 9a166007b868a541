// Tensor repr identical to PyTorch 2.x (torch/_tensor_str.py): nested
// brackets, line wrapping at linewidth, summarisation with '...' past
// threshold elements, and the dtype / grad_fn / requires_grad suffixes.

import { Formatter, type ValueKind } from './formatter';
import { printOptions } from './options';
import { formatShapeTuple } from './size';

export interface TensorPrintInput {
  shape: readonly number[];
  dtype: string;
  /** Every element in row-major order (bool as 0/1). */
  values: ArrayLike<number>;
  requiresGrad?: boolean;
  /** PyTorch's grad_fn class name ('MulBackward0'), or null. */
  gradFn?: string | null;
  /** nn.Parameter: 'Parameter containing:' above the tensor. */
  isParameter?: boolean;
  /** torch.get_default_dtype(); 'float32' unless changed. */
  defaultDtype?: string;
}

function kindOf(dtype: string): ValueKind {
  if (dtype === 'bool') return 'bool';
  return dtype.startsWith('float') || dtype === 'half' || dtype === 'bfloat16' ? 'float' : 'int';
}

function rowMajorStrides(shape: readonly number[]): number[] {
  const s = new Array<number>(shape.length);
  let acc = 1;
  for (let i = shape.length - 1; i >= 0; i--) {
    s[i] = acc;
    acc *= shape[i];
  }
  return s;
}

/** The index lists PyTorch keeps along a dimension of size n when summarising. */
function keptIndices(n: number, summarize: boolean): number[] {
  const e = printOptions.edgeitems;
  if (summarize && n > 2 * e) {
    const head = Array.from({ length: e }, (_, i) => i);
    const tail = Array.from({ length: e }, (_, i) => n - e + i);
    return head.concat(tail);
  }
  return Array.from({ length: n }, (_, i) => i);
}

/** get_summarized_data: the values the formatter scans. */
function summarizedValues(shape: readonly number[], values: ArrayLike<number>): number[] {
  const strides = rowMajorStrides(shape);
  const out: number[] = [];
  const walk = (d: number, off: number): void => {
    if (d === shape.length) {
      out.push(values[off]);
      return;
    }
    if (d < shape.length - 1 && !printOptions.edgeitems) return;
    for (const i of keptIndices(shape[d], true)) walk(d + 1, off + i * strides[d]);
  };
  walk(0, 0);
  return out;
}

function vectorStr(values: ArrayLike<number>, off: number, n: number, indent: number, summarize: boolean, fmt: Formatter): string {
  const elementLength = fmt.width() + 2;
  const perLine = Math.max(1, Math.floor((printOptions.linewidth - indent) / elementLength));
  const e = printOptions.edgeitems;
  let data: string[];
  if (summarize && !e) data = ['...'];
  else if (summarize && n > 2 * e) {
    data = [];
    for (let i = 0; i < e; i++) data.push(fmt.format(values[off + i]));
    data.push(' ...');
    for (let i = n - e; i < n; i++) data.push(fmt.format(values[off + i]));
  } else {
    data = new Array<string>(n);
    for (let i = 0; i < n; i++) data[i] = fmt.format(values[off + i]);
  }
  const lines: string[] = [];
  for (let i = 0; i < data.length; i += perLine) lines.push(data.slice(i, i + perLine).join(', '));
  return '[' + lines.join(',\n' + ' '.repeat(indent + 1)) + ']';
}

function strWithFormatter(
  shape: readonly number[], strides: number[], d: number, values: ArrayLike<number>,
  off: number, indent: number, summarize: boolean, fmt: Formatter,
): string {
  const dim = shape.length - d;
  if (dim === 0) return fmt.format(values[off]);
  if (dim === 1) return vectorStr(values, off, shape[d], indent, summarize, fmt);
  const n = shape[d];
  const e = printOptions.edgeitems;
  const sub = (i: number) => strWithFormatter(shape, strides, d + 1, values, off + i * strides[d], indent + 1, summarize, fmt);
  let slices: string[];
  if (summarize && n > 2 * e) {
    slices = [];
    for (let i = 0; i < e; i++) slices.push(sub(i));
    slices.push('...');
    for (let i = n - e; i < n; i++) slices.push(sub(i));
  } else {
    slices = Array.from({ length: n }, (_, i) => sub(i));
  }
  return '[' + slices.join(',' + '\n'.repeat(dim - 1) + ' '.repeat(indent + 1)) + ']';
}

/** _tensor_str: the bracketed body alone, for a tensor whose text starts at
 *  column `indent`. */
export function tensorBodyStr(shape: readonly number[], dtype: string, values: ArrayLike<number>, indent: number): string {
  const numel = shape.reduce((a, b) => a * b, 1);
  if (numel === 0) return '[]';
  const summarize = numel > printOptions.threshold;
  const fmt = new Formatter(kindOf(dtype), summarize ? summarizedValues(shape, values) : values);
  return strWithFormatter(shape, rowMajorStrides(shape), 0, values, 0, indent, summarize, fmt);
}

function addSuffixes(tensorStr: string, suffixes: string[], indent: number): string {
  const parts = [tensorStr];
  let lastLineLen = tensorStr.length - tensorStr.lastIndexOf('\n') + 1;
  for (const suffix of suffixes) {
    if (lastLineLen + suffix.length + 2 > printOptions.linewidth) {
      parts.push(',\n' + ' '.repeat(indent) + suffix);
      lastLineLen = indent + suffix.length;
    } else {
      parts.push(', ' + suffix);
      lastLineLen += suffix.length + 2;
    }
  }
  parts.push(')');
  return parts.join('');
}

/** repr(t) / str(t) of a CPU tensor, as PyTorch 2.x prints it. */
export function formatTensor(t: TensorPrintInput): string {
  const prefix = 'tensor(';
  const indent = prefix.length;
  const defaultDtype = t.defaultDtype ?? 'float32';
  const suffixes: string[] = [];
  const numel = t.shape.reduce((a, b) => a * b, 1);
  let body: string;
  if (numel === 0) {
    if (t.shape.length !== 1) suffixes.push('size=' + formatShapeTuple(t.shape));
    if (t.dtype !== defaultDtype) suffixes.push('dtype=torch.' + t.dtype);
    body = '[]';
  } else {
    if (!printOptions.edgeitems) suffixes.push('size=' + formatShapeTuple(t.shape));
    const hasDefaultDtype = t.dtype === defaultDtype || t.dtype === 'int64' || t.dtype === 'bool';
    if (!hasDefaultDtype) suffixes.push('dtype=torch.' + t.dtype);
    body = tensorBodyStr(t.shape, t.dtype, t.values, indent);
  }
  if (t.gradFn) suffixes.push(`grad_fn=<${t.gradFn}>`);
  else if (t.requiresGrad) suffixes.push('requires_grad=True');
  const s = addSuffixes(prefix + body, suffixes, indent);
  return t.isParameter ? 'Parameter containing:\n' + s : s;
}
