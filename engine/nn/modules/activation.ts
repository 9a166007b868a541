// Activation modules: thin wrappers over nn.functional with PyTorch's reprs.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { logSoftmax, relu, sigmoid, softmax, tanh } from '../functional/activations';
import { elu, gelu, leakyRelu, silu, softplus } from '../functional/pointwise-activations';
import { pyFloatRepr } from '../py-repr';

export class ReLU extends Module {
  constructor(inplace = false) {
    super('ReLU');
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return relu(input as Tensor, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return this.getAttr('inplace') ? 'inplace=True' : '';
  }
}

export class Sigmoid extends Module {
  constructor() {
    super('Sigmoid');
  }
  override forward(input: unknown): Tensor {
    return sigmoid(input as Tensor);
  }
}

export class Tanh extends Module {
  constructor() {
    super('Tanh');
  }
  override forward(input: unknown): Tensor {
    return tanh(input as Tensor);
  }
}

abstract class DimModule extends Module {
  constructor(name: string, dim: number | null) {
    super(name);
    this.setAttr('dim', dim);
  }
  get dim(): number | null {
    return this.getAttr('dim') as number | null;
  }
  override extraRepr(): string {
    return `dim=${this.dim === null ? 'None' : this.dim}`;
  }
}

export class Softmax extends DimModule {
  constructor(dim: number | null = null) {
    super('Softmax', dim);
  }
  override forward(input: unknown): Tensor {
    return softmax(input as Tensor, this.dim);
  }
}

export class LogSoftmax extends DimModule {
  constructor(dim: number | null = null) {
    super('LogSoftmax', dim);
  }
  override forward(input: unknown): Tensor {
    return logSoftmax(input as Tensor, this.dim);
  }
}

/** A float parameter as PyTorch's repr shows it: as the user passed it (Softplus(beta=2) keeps the int). */
function paramRepr(v: number, isInt: boolean): string {
  return isInt ? String(v) : pyFloatRepr(v);
}

const inplaceRepr = (m: Module) => (m.getAttr('inplace') ? ', inplace=True' : '');

export class LeakyReLU extends Module {
  constructor(negativeSlope = 0.01, inplace = false, private readonly slopeIsInt = false) {
    super('LeakyReLU');
    this.setAttr('negative_slope', negativeSlope);
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return leakyRelu(input as Tensor, this.getAttr('negative_slope') as number, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return `negative_slope=${paramRepr(this.getAttr('negative_slope') as number, this.slopeIsInt)}${inplaceRepr(this)}`;
  }
}

export class ELU extends Module {
  constructor(alpha = 1, inplace = false, private readonly alphaIsInt = false) {
    super('ELU');
    this.setAttr('alpha', alpha);
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return elu(input as Tensor, this.getAttr('alpha') as number, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return `alpha=${paramRepr(this.getAttr('alpha') as number, this.alphaIsInt)}${inplaceRepr(this)}`;
  }
}

export class SiLU extends Module {
  constructor(inplace = false) {
    super('SiLU');
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return silu(input as Tensor, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return this.getAttr('inplace') ? 'inplace=True' : '';
  }
}

export class Softplus extends Module {
  constructor(beta = 1, threshold = 20, private readonly intParams: { beta?: boolean; threshold?: boolean } = {}) {
    super('Softplus');
    this.setAttr('beta', beta);
    this.setAttr('threshold', threshold);
  }
  override forward(input: unknown): Tensor {
    return softplus(input as Tensor, this.getAttr('beta') as number, this.getAttr('threshold') as number);
  }
  override extraRepr(): string {
    const beta = paramRepr(this.getAttr('beta') as number, this.intParams.beta === true);
    return `beta=${beta}, threshold=${paramRepr(this.getAttr('threshold') as number, this.intParams.threshold === true)}`;
  }
}

export class GELU extends Module {
  constructor(approximate = 'none') {
    super('GELU');
    this.setAttr('approximate', approximate);
  }
  override forward(input: unknown): Tensor {
    return gelu(input as Tensor, this.getAttr('approximate') as string);
  }
  override extraRepr(): string {
    return `approximate='${this.getAttr('approximate') as string}'`;
  }
}
