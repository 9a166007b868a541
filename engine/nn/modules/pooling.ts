// nn.MaxPool2d / nn.AvgPool2d / nn.AdaptiveAvgPool2d and their 1-D forms, with PyTorch's reprs:
// arguments print as given (an int stays an int, a tuple a tuple), and a
// stride left as None prints as the kernel size.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { adaptiveAvgPool2d, avgPool2d, maxPool2dWithIndices } from '../functional/pooling';
import { tupleRepr } from './conv';
import { adaptiveAvgPool1d, avgPool1d, maxPool1dWithIndices } from '../functional/pooling1d';

type Pair = number | number[];
const show = (v: Pair | null): string => (v === null ? 'None' : Array.isArray(v) ? tupleRepr(v) : String(v));
const pyBool = (b: boolean) => (b ? 'True' : 'False');

/** MaxPool1d and MaxPool2d: the same arguments and repr, another pool. */
class MaxPool extends Module {
  constructor(
    typeName: string,
    private readonly pool: (input: Tensor, kernel: Pair, o: { stride: Pair; padding: Pair; dilation: Pair; ceilMode: boolean }) => { values: Tensor; indices: Tensor },
    kernel: Pair, stride: Pair | null, padding: Pair, dilation: Pair, returnIndices: boolean, ceilMode: boolean,
  ) {
    super(typeName);
    this.setAttr('kernel_size', kernel);
    this.setAttr('stride', stride ?? kernel);
    this.setAttr('padding', padding);
    this.setAttr('dilation', dilation);
    this.setAttr('return_indices', returnIndices);
    this.setAttr('ceil_mode', ceilMode);
  }
  /** With return_indices=True, (values, indices) as PyTorch returns them. */
  override forward(input: unknown): Tensor | [Tensor, Tensor] {
    const r = this.pool(input as Tensor, this.getAttr('kernel_size') as Pair, {
      stride: this.getAttr('stride') as Pair,
      padding: this.getAttr('padding') as Pair,
      dilation: this.getAttr('dilation') as Pair,
      ceilMode: this.getAttr('ceil_mode') as boolean,
    });
    return this.getAttr('return_indices') ? [r.values, r.indices] : r.values;
  }
  override extraRepr(): string {
    const a = (k: string) => show(this.getAttr(k) as Pair);
    return `kernel_size=${a('kernel_size')}, stride=${a('stride')}, padding=${a('padding')}, dilation=${a('dilation')}, ceil_mode=${pyBool(this.getAttr('ceil_mode') as boolean)}`;
  }
}

export class MaxPool2d extends MaxPool {
  constructor(kernel: Pair, stride: Pair | null = null, padding: Pair = 0, dilation: Pair = 1, returnIndices = false, ceilMode = false) {
    super('MaxPool2d', maxPool2dWithIndices, kernel, stride, padding, dilation, returnIndices, ceilMode);
  }
}

export class AvgPool2d extends Module {
  constructor(kernel: Pair, stride: Pair | null = null, padding: Pair = 0, ceilMode = false, countIncludePad = true, divisorOverride: number | null = null) {
    super('AvgPool2d');
    this.setAttr('kernel_size', kernel);
    this.setAttr('stride', stride ?? kernel);
    this.setAttr('padding', padding);
    this.setAttr('ceil_mode', ceilMode);
    this.setAttr('count_include_pad', countIncludePad);
    this.setAttr('divisor_override', divisorOverride);
  }
  override forward(input: unknown): Tensor {
    return avgPool2d(input as Tensor, this.getAttr('kernel_size') as Pair, {
      stride: this.getAttr('stride') as Pair,
      padding: this.getAttr('padding') as Pair,
      ceilMode: this.getAttr('ceil_mode') as boolean,
      countIncludePad: this.getAttr('count_include_pad') as boolean,
      divisorOverride: this.getAttr('divisor_override') as number | null,
    });
  }
  override extraRepr(): string {
    const a = (k: string) => show(this.getAttr(k) as Pair);
    return `kernel_size=${a('kernel_size')}, stride=${a('stride')}, padding=${a('padding')}`;
  }
}

/** AdaptiveAvgPool1d and AdaptiveAvgPool2d: an output size and a pool. */
class AdaptiveAvgPool extends Module {
  constructor(typeName: string, private readonly pool: (input: Tensor, outputSize: Pair) => Tensor, outputSize: Pair) {
    super(typeName);
    this.setAttr('output_size', outputSize);
  }
  override forward(input: unknown): Tensor {
    return this.pool(input as Tensor, this.getAttr('output_size') as Pair);
  }
  override extraRepr(): string {
    return `output_size=${show(this.getAttr('output_size') as Pair)}`;
  }
}

export class AdaptiveAvgPool2d extends AdaptiveAvgPool {
  constructor(outputSize: Pair) {
    super('AdaptiveAvgPool2d', adaptiveAvgPool2d, outputSize);
  }
}

export class MaxPool1d extends MaxPool {
  constructor(kernel: Pair, stride: Pair | null = null, padding: Pair = 0, dilation: Pair = 1, returnIndices = false, ceilMode = false) {
    super('MaxPool1d', maxPool1dWithIndices, kernel, stride, padding, dilation, returnIndices, ceilMode);
  }
}

/** AvgPool1d stores its arguments as 1-tuples (_single), so they print as (3,). */
export class AvgPool1d extends Module {
  constructor(kernel: Pair, stride: Pair | null = null, padding: Pair = 0, ceilMode = false, countIncludePad = true) {
    super('AvgPool1d');
    const single = (v: Pair) => (Array.isArray(v) ? v.slice(0, 1) : [v]);
    this.setAttr('kernel_size', single(kernel));
    this.setAttr('stride', single(stride ?? kernel));
    this.setAttr('padding', single(padding));
    this.setAttr('ceil_mode', ceilMode);
    this.setAttr('count_include_pad', countIncludePad);
  }
  override forward(input: unknown): Tensor {
    return avgPool1d(input as Tensor, this.getAttr('kernel_size') as Pair, {
      stride: this.getAttr('stride') as Pair,
      padding: this.getAttr('padding') as Pair,
      ceilMode: this.getAttr('ceil_mode') as boolean,
      countIncludePad: this.getAttr('count_include_pad') as boolean,
    });
  }
  override extraRepr(): string {
    const a = (k: string) => show(this.getAttr(k) as Pair);
    return `kernel_size=${a('kernel_size')}, stride=${a('stride')}, padding=${a('padding')}`;
  }
}

export class AdaptiveAvgPool1d extends AdaptiveAvgPool {
  constructor(outputSize: Pair) {
    super('AdaptiveAvgPool1d', adaptiveAvgPool1d, outputSize);
  }
}
