// Activation modules: thin wrappers over nn.functional with PyTorch's reprs.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { logSoftmax, relu, sigmoid, softmax, tanh } from '../functional/activations';

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
