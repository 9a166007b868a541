// nn.Dropout2d: zeroes whole channels (F.dropout2d) in training mode.

import type { Tensor } from '../../tensor';
import { valueError } from '../../core/errors';
import { Module } from '../module';
import { pyFloatRepr } from '../py-repr';
import { dropout2d } from '../functional/dropout2d';

export class Dropout2d extends Module {
  constructor(p = 0.5, inplace = false) {
    super('Dropout2d');
    if (p < 0 || p > 1) throw valueError(`dropout probability has to be between 0 and 1, but got ${p}`);
    this.setAttr('p', p);
    this.setAttr('inplace', inplace);
  }
  override forward(input: unknown): Tensor {
    return dropout2d(input as Tensor, this.getAttr('p') as number, this.training, this.getAttr('inplace') as boolean);
  }
  override extraRepr(): string {
    return `p=${pyFloatRepr(this.getAttr('p') as number)}, inplace=${this.getAttr('inplace') ? 'True' : 'False'}`;
  }
}
