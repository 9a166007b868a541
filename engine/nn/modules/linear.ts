// nn.Linear and nn.Identity. Linear's init is PyTorch's reset_parameters:
// kaiming_uniform_(weight, a=sqrt(5)), then bias ~ U(-1/sqrt(fan_in), ..),
// weight first, both from the default generator (bit-exact float32).

import { Tensor } from '../../tensor';
import { getDefaultBackend } from '../../core/default-backend';
import type { DType } from '../../core/dtype';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { calculateFanInAndFanOut, kaimingUniform_, uniform_ } from '../init';
import { linear } from '../functional/linear';
import type { Generator } from '../../random';
import { defaultGenerator } from '../../random';

export interface LinearOptions {
  bias?: boolean;
  dtype?: DType;
  generator?: Generator;
}

export class Linear extends Module {
  constructor(inFeatures: number, outFeatures: number, o: LinearOptions = {}) {
    super('Linear');
    const dtype = o.dtype ?? 'float32';
    const be = getDefaultBackend();
    this.setAttr('in_features', inFeatures);
    this.setAttr('out_features', outFeatures);
    this.setAttr('weight', Parameter(Tensor.empty(be, [outFeatures, inFeatures], dtype)));
    if (o.bias ?? true) this.setAttr('bias', Parameter(Tensor.empty(be, [outFeatures], dtype)));
    else this.registerParameter('bias', null);
    this.resetParameters(o.generator ?? defaultGenerator);
  }

  get inFeatures(): number {
    return this.getAttr('in_features') as number;
  }
  get outFeatures(): number {
    return this.getAttr('out_features') as number;
  }
  get weight(): Tensor {
    return this._parameters.get('weight') as Tensor;
  }
  get bias(): Tensor | null {
    return this._parameters.get('bias') ?? null;
  }

  resetParameters(gen: Generator = defaultGenerator): void {
    kaimingUniform_(this.weight, Math.sqrt(5), 'fan_in', 'leaky_relu', gen);
    const b = this.bias;
    if (b !== null) {
      const [fanIn] = calculateFanInAndFanOut(this.weight);
      const bound = fanIn > 0 ? 1 / Math.sqrt(fanIn) : 0;
      uniform_(b, -bound, bound, gen);
    }
  }

  override forward(input: unknown): Tensor {
    return linear(input as Tensor, this.weight, this.bias);
  }

  override extraRepr(): string {
    return `in_features=${this.inFeatures}, out_features=${this.outFeatures}, bias=${this.bias !== null ? 'True' : 'False'}`;
  }
}

export class Identity extends Module {
  constructor() {
    super('Identity');
  }
  override forward(input: unknown): unknown {
    return input;
  }
}
