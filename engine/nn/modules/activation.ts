// Activation modules: thin wrappers over nn.functional with PyTorch's reprs.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { logSoftmax, relu, sigmoid, softmax, tanh } from '../functional/activations';
import {
  celu, elu, gelu, hardsigmoid, hardswish, hardtanh, leakyRelu, logsigmoid, mish, relu6, selu, silu, softplus,
} from '../functional/pointwise-activations';
import { pyFloatRepr } from '../py-repr';
import { pyError } from '../errors';
import { prelu } from '../functional/prelu';
import { Parameter } from '../parameter';
import { Tensor as TensorClass } from '../../tensor';
import { getDefaultBackend } from '../../core/default-backend';
import type { DType } from '../../core/dtype';

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

/** Modules whose only setting is `inplace`: SELU, ReLU6, Mish (Hardswish and Hardsigmoid never show it). */
abstract class InplaceOnly extends Module {
  constructor(name: string, inplace: boolean) {
    super(name);
    this.setAttr('inplace', inplace);
  }
  protected get inplace(): boolean {
    return this.getAttr('inplace') as boolean;
  }
  override extraRepr(): string {
    return this.inplace ? 'inplace=True' : '';
  }
}

export class SELU extends InplaceOnly {
  constructor(inplace = false) {
    super('SELU', inplace);
  }
  override forward(input: unknown): Tensor {
    return selu(input as Tensor, this.inplace);
  }
}

export class ReLU6 extends InplaceOnly {
  constructor(inplace = false) {
    super('ReLU6', inplace);
  }
  override forward(input: unknown): Tensor {
    return relu6(input as Tensor, this.inplace);
  }
}

export class Mish extends InplaceOnly {
  constructor(inplace = false) {
    super('Mish', inplace);
  }
  override forward(input: unknown): Tensor {
    return mish(input as Tensor, this.inplace);
  }
}

export class Hardswish extends InplaceOnly {
  constructor(inplace = false) {
    super('Hardswish', inplace);
  }
  override forward(input: unknown): Tensor {
    return hardswish(input as Tensor, this.inplace);
  }
  override extraRepr(): string {
    return '';
  }
}

export class Hardsigmoid extends InplaceOnly {
  constructor(inplace = false) {
    super('Hardsigmoid', inplace);
  }
  override forward(input: unknown): Tensor {
    return hardsigmoid(input as Tensor, this.inplace);
  }
  override extraRepr(): string {
    return '';
  }
}

export class CELU extends Module {
  constructor(alpha = 1, inplace = false, private readonly alphaIsInt = false) {
    super('CELU');
    this.setAttr('alpha', alpha);
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return celu(input as Tensor, this.getAttr('alpha') as number, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return `alpha=${paramRepr(this.getAttr('alpha') as number, this.alphaIsInt)}${inplaceRepr(this)}`;
  }
}

export class Hardtanh extends Module {
  constructor(minVal = -1, maxVal = 1, inplace = false, private readonly intParams: { min?: boolean; max?: boolean } = {}) {
    super('Hardtanh');
    if (!(maxVal > minVal)) {
      const lo = paramRepr(minVal, intParams.min === true);
      throw pyError('AssertionError', `max_val (${paramRepr(maxVal, intParams.max === true)}) must be greater than min_val (${lo})`);
    }
    this.setAttr('min_val', minVal);
    this.setAttr('max_val', maxVal);
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return hardtanh(input as Tensor, this.getAttr('min_val') as number, this.getAttr('max_val') as number, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    const lo = paramRepr(this.getAttr('min_val') as number, this.intParams.min === true);
    return `min_val=${lo}, max_val=${paramRepr(this.getAttr('max_val') as number, this.intParams.max === true)}${inplaceRepr(this)}`;
  }
}

export class LogSigmoid extends Module {
  constructor() {
    super('LogSigmoid');
  }
  override forward(input: unknown): Tensor {
    return logsigmoid(input as Tensor);
  }
}

/** nn.PReLU: learnable slopes, one per channel or one shared, all starting at `init`. */
export class PReLU extends Module {
  constructor(numParameters = 1, init = 0.25, dtype: DType = 'float32') {
    super('PReLU');
    this.setAttr('num_parameters', numParameters);
    const be = getDefaultBackend();
    const w = TensorClass.empty(be, [numParameters], dtype);
    be.run('fill', [], [w], { value: dtype === 'float32' ? Math.fround(init) : init });
    this.setAttr('weight', Parameter(w));
  }
  override forward(input: unknown): Tensor {
    return prelu(input as Tensor, this._parameters.get('weight') as Tensor);
  }
  override extraRepr(): string {
    return `num_parameters=${this.getAttr('num_parameters') as number}`;
  }
}
