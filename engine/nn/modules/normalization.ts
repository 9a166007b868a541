// nn.LayerNorm (weight ones, bias zeros over normalized_shape) and
// nn.Embedding (weight ~ N(0, 1) from the default generator, the
// padding_idx row zeroed), with PyTorch's reprs.

import { Tensor } from '../../tensor';
import { getDefaultBackend } from '../../core/default-backend';
import type { DType } from '../../core/dtype';
import { quietly } from '../../ops/observer';
import { fill_ } from '../../ops/inplace';
import { makeView } from '../../ops/view';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { pyFloatRepr } from '../py-repr';
import { pyError } from '../errors';
import { normal_ } from '../init';
import { defaultGenerator } from '../../random';
import { layerNorm, embedding } from '../functional/normalization';
import { tupleRepr } from './conv';

const pyBool = (b: boolean) => (b ? 'True' : 'False');

export class LayerNorm extends Module {
  constructor(normalizedShape: number | number[], eps = 1e-5, elementwiseAffine = true, bias = true, dtype: DType = 'float32') {
    super('LayerNorm');
    const shape = Array.isArray(normalizedShape) ? normalizedShape.slice() : [normalizedShape];
    this.setAttr('normalized_shape', shape);
    this.setAttr('eps', eps);
    this.setAttr('elementwise_affine', elementwiseAffine);
    const be = getDefaultBackend();
    const filled = (v: number) => {
      const t = Tensor.empty(be, shape, dtype);
      quietly(() => fill_(t, v));
      return t;
    };
    if (elementwiseAffine) {
      this.setAttr('weight', Parameter(filled(1)));
      if (bias) this.setAttr('bias', Parameter(filled(0)));
      else this.registerParameter('bias', null);
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
  }
  override forward(input: unknown): Tensor {
    return layerNorm(input as Tensor, this.getAttr('normalized_shape') as number[],
      this._parameters.get('weight') ?? null, this._parameters.get('bias') ?? null, this.getAttr('eps') as number);
  }
  override extraRepr(): string {
    return `${tupleRepr(this.getAttr('normalized_shape') as number[])}, eps=${pyFloatRepr(this.getAttr('eps') as number)}, `
      + `elementwise_affine=${pyBool(this.getAttr('elementwise_affine') as boolean)}, bias=${pyBool(this._parameters.get('bias') != null)}`;
  }
}

export class Embedding extends Module {
  constructor(num: number, dim: number, paddingIdx: number | null = null, dtype: DType = 'float32') {
    super('Embedding');
    let p = paddingIdx;
    if (p !== null) {
      if (p >= num || p < -num) throw pyError('AssertionError', 'Padding_idx must be within num_embeddings');
      if (p < 0) p += num;
    }
    this.setAttr('num_embeddings', num);
    this.setAttr('embedding_dim', dim);
    this.setAttr('padding_idx', p);
    const w = Tensor.empty(getDefaultBackend(), [num, dim], dtype);
    normal_(w, 0, 1, defaultGenerator);
    if (p !== null) quietly(() => fill_(makeView(w, [dim], [1], p * dim), 0));
    this.setAttr('weight', Parameter(w));
  }
  override forward(input: unknown): Tensor {
    return embedding(input as Tensor, this._parameters.get('weight') as Tensor, this.getAttr('padding_idx') as number | null);
  }
  override extraRepr(): string {
    const p = this.getAttr('padding_idx') as number | null;
    return `${this.getAttr('num_embeddings')}, ${this.getAttr('embedding_dim')}${p === null ? '' : `, padding_idx=${p}`}`;
  }
}
