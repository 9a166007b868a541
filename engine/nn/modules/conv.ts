// nn.Conv2d / nn.Conv1d: PyTorch's _ConvNd parameters, reset_parameters
// (kaiming_uniform_(a=sqrt(5)) on the weight, then the bias from U(-1/sqrt(fan_in), ..),
// the same draws as nn.Linear) and extra_repr.

import { Tensor } from '../../tensor';
import { getDefaultBackend } from '../../core/default-backend';
import type { DType } from '../../core/dtype';
import { valueError } from '../../core/errors';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { calculateFanInAndFanOut, kaimingUniform_, uniform_ } from '../init';
import { conv1d, conv2d, expandParam, type Padding } from '../functional/conv';
import { defaultGenerator, type Generator } from '../../random';

export interface ConvModuleOptions {
  stride?: number | number[];
  padding?: Padding;
  dilation?: number | number[];
  groups?: number;
  bias?: boolean;
  paddingMode?: string;
  dtype?: DType;
}

/** A Python tuple's repr: (3, 3) or (3,). */
export function tupleRepr(v: readonly number[]): string {
  return v.length === 1 ? `(${v[0]},)` : `(${v.join(', ')})`;
}

abstract class ConvNd extends Module {
  private readonly nd: number;

  constructor(name: string, nd: number, inC: number, outC: number, kernel: number | number[], o: ConvModuleOptions) {
    super(name);
    this.nd = nd;
    const groups = o.groups ?? 1;
    if (groups <= 0) throw valueError('groups must be a positive integer');
    if (inC % groups !== 0) throw valueError('in_channels must be divisible by groups');
    if (outC % groups !== 0) throw valueError('out_channels must be divisible by groups');
    const pad = o.padding ?? 0;
    if (typeof pad === 'string' && pad !== 'same' && pad !== 'valid') {
      throw valueError(`Invalid padding string '${pad}', should be one of {'valid', 'same'}`);
    }
    const stride = expandParam(o.stride ?? 1, nd, 'stride');
    if (pad === 'same' && stride.some((s) => s !== 1)) throw valueError("padding='same' is not supported for strided convolutions");
    if ((o.paddingMode ?? 'zeros') !== 'zeros') throw valueError(`padding_mode '${o.paddingMode}' is not supported yet; only 'zeros'`);
    const ks = expandParam(kernel, nd, 'kernel_size');
    this.setAttr('in_channels', inC);
    this.setAttr('out_channels', outC);
    this.setAttr('kernel_size', ks);
    this.setAttr('stride', stride);
    this.setAttr('padding', typeof pad === 'string' ? pad : expandParam(pad, nd, 'padding'));
    this.setAttr('dilation', expandParam(o.dilation ?? 1, nd, 'dilation'));
    this.setAttr('groups', groups);
    this.setAttr('padding_mode', 'zeros');
    const dtype = o.dtype ?? 'float32';
    const be = getDefaultBackend();
    this.setAttr('weight', Parameter(Tensor.empty(be, [outC, inC / groups, ...ks], dtype)));
    if (o.bias ?? true) this.setAttr('bias', Parameter(Tensor.empty(be, [outC], dtype)));
    else this.registerParameter('bias', null);
    this.resetParameters();
  }

  get weight(): Tensor {
    return this._parameters.get('weight') as Tensor;
  }
  get bias(): Tensor | null {
    return this._parameters.get('bias') ?? null;
  }
  protected opts() {
    return {
      stride: this.getAttr('stride') as number[],
      padding: this.getAttr('padding') as Padding,
      dilation: this.getAttr('dilation') as number[],
      groups: this.getAttr('groups') as number,
    };
  }

  resetParameters(gen: Generator = defaultGenerator): void {
    kaimingUniform_(this.weight, Math.sqrt(5), 'fan_in', 'leaky_relu', gen);
    const b = this.bias;
    if (b !== null) {
      const [fanIn] = calculateFanInAndFanOut(this.weight);
      if (fanIn !== 0) uniform_(b, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn), gen);
    }
  }

  override extraRepr(): string {
    const o = this.opts();
    const zeros = new Array<number>(this.nd).fill(0).join();
    const ones = new Array<number>(this.nd).fill(1).join();
    let s = `${this.getAttr('in_channels')}, ${this.getAttr('out_channels')}, kernel_size=${tupleRepr(this.getAttr('kernel_size') as number[])}, stride=${tupleRepr(o.stride)}`;
    if (typeof o.padding === 'string') s += `, padding=${o.padding}`;
    else if ((o.padding as number[]).join() !== zeros) s += `, padding=${tupleRepr(o.padding as number[])}`;
    if (o.dilation.join() !== ones) s += `, dilation=${tupleRepr(o.dilation)}`;
    if (o.groups !== 1) s += `, groups=${o.groups}`;
    if (this.bias === null) s += ', bias=False';
    return s;
  }
}

export class Conv2d extends ConvNd {
  constructor(inC: number, outC: number, kernel: number | number[], o: ConvModuleOptions = {}) {
    super('Conv2d', 2, inC, outC, kernel, o);
  }
  override forward(input: unknown): Tensor {
    return conv2d(input as Tensor, this.weight, this.bias, this.opts());
  }
}

export class Conv1d extends ConvNd {
  constructor(inC: number, outC: number, kernel: number | number[], o: ConvModuleOptions = {}) {
    super('Conv1d', 1, inC, outC, kernel, o);
  }
  override forward(input: unknown): Tensor {
    return conv1d(input as Tensor, this.weight, this.bias, this.opts());
  }
}
