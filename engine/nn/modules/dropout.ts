// nn.Dropout and nn.Flatten.

import type { Tensor } from '../../tensor';
import { valueError } from '../../core/errors';
import { Module } from '../module';
import { pyFloatRepr } from '../py-repr';
import { dropout } from '../functional/dropout';
import { flatten } from '../functional/activations';

export class Dropout extends Module {
  constructor(p = 0.5, inplace = false) {
    super('Dropout');
    if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.setAttr('p', p);
    this.setAttr('inplace', inplace);
  }
  get p(): number {
    return this.getAttr('p') as number;
  }
  override forward(input: unknown): Tensor {
    return dropout(input as Tensor, this.p, this.training, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    // p is a Python float in PyTorch's signature (Dropout(p=1) keeps the int, rarely seen).
    return `p=${pyFloatRepr(this.p)}, inplace=${this.getAttr('inplace') ? 'True' : 'False'}`;
  }
}

export class Flatten extends Module {
  constructor(startDim = 1, endDim = -1) {
    super('Flatten');
    this.setAttr('start_dim', startDim);
    this.setAttr('end_dim', endDim);
  }
  override forward(input: unknown): Tensor {
    return flatten(input as Tensor, this.getAttr('start_dim') as number, this.getAttr('end_dim') as number);
  }
  override extraRepr(): string {
    return `start_dim=${this.getAttr('start_dim')}, end_dim=${this.getAttr('end_dim')}`;
  }
}
