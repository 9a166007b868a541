// nn.Unflatten(dim, unflattened_size): one dim viewed as several.

import type { Tensor } from '../../tensor';
import { normalizeDim } from '../../core/shape';
import { view } from '../../ops/view';
import { Module } from '../module';
import { tupleRepr } from './conv';

export class Unflatten extends Module {
  constructor(dim: number, sizes: number[]) {
    super('Unflatten');
    this.setAttr('dim', dim);
    this.setAttr('unflattened_size', sizes.slice());
  }
  override forward(input: unknown): Tensor {
    const x = input as Tensor;
    const d = normalizeDim(this.getAttr('dim') as number, x.dim());
    const sizes = this.getAttr('unflattened_size') as number[];
    return view(x, [...x.shape.slice(0, d), ...sizes, ...x.shape.slice(d + 1)]);
  }
  override extraRepr(): string {
    return `dim=${this.getAttr('dim')}, unflattened_size=${tupleRepr(this.getAttr('unflattened_size') as number[])}`;
  }
}
