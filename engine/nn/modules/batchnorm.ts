// nn.BatchNorm1d / nn.BatchNorm2d: weight ones, bias zeros, running_mean
// zeros, running_var ones and num_batches_tracked (int64 0) as buffers, as
// PyTorch's _NormBase; momentum=None means a cumulative average.

import { Tensor } from '../../tensor';
import { getDefaultBackend } from '../../core/default-backend';
import type { DType } from '../../core/dtype';
import { valueError } from '../../core/errors';
import { noGrad } from '../../autograd/grad-mode';
import { quietly } from '../../ops/observer';
import { fill_, add_ } from '../../ops/inplace';
import { Module } from '../module';
import { Parameter } from '../parameter';
import { pyFloatRepr } from '../py-repr';
import { batchNorm } from '../functional/normalization';

export interface BatchNormModuleOptions {
  eps?: number;
  momentum?: number | null;
  affine?: boolean;
  trackRunningStats?: boolean;
  bias?: boolean;
  dtype?: DType;
}

const pyBool = (b: boolean) => (b ? 'True' : 'False');

abstract class BatchNormNd extends Module {
  private batchesSeen = 0;

  constructor(name: string, numFeatures: number, o: BatchNormModuleOptions) {
    super(name);
    const dtype = o.dtype ?? 'float32';
    const be = getDefaultBackend();
    const affine = o.affine ?? true;
    const track = o.trackRunningStats ?? true;
    this.setAttr('num_features', numFeatures);
    this.setAttr('eps', o.eps ?? 1e-5);
    this.setAttr('momentum', o.momentum === undefined ? 0.1 : o.momentum);
    this.setAttr('affine', affine);
    this.setAttr('track_running_stats', track);
    const filled = (shape: number[], v: number, dt: DType = dtype) => {
      const t = Tensor.empty(be, shape, dt);
      quietly(() => fill_(t, v));
      return t;
    };
    if (affine) {
      this.setAttr('weight', Parameter(filled([numFeatures], 1)));
      if (o.bias ?? true) this.setAttr('bias', Parameter(filled([numFeatures], 0)));
      else this.registerParameter('bias', null);
    } else {
      this.registerParameter('weight', null);
      this.registerParameter('bias', null);
    }
    if (track) {
      this.registerBuffer('running_mean', filled([numFeatures], 0));
      this.registerBuffer('running_var', filled([numFeatures], 1));
      this.registerBuffer('num_batches_tracked', filled([], 0, 'int64'));
    } else {
      this.registerBuffer('running_mean', null);
      this.registerBuffer('running_var', null);
      this.registerBuffer('num_batches_tracked', null);
    }
  }

  protected abstract checkInputDim(input: Tensor): void;

  override forward(input: unknown): Tensor {
    const x = input as Tensor;
    this.checkInputDim(x);
    const momentum = this.getAttr('momentum') as number | null;
    let factor = momentum ?? 0;
    const nbt = this._buffers.get('num_batches_tracked') ?? null;
    if (this.training && (this.getAttr('track_running_stats') as boolean) && nbt !== null) {
      quietly(() => noGrad(() => add_(nbt, 1)));
      this.batchesSeen++;
      // momentum=None: a cumulative average over the batches counted so far.
      // A backend without synchronous reads counts on the host (a loaded
      // num_batches_tracked is then not seen).
      if (momentum === null) factor = 1 / (nbt.backend.readSync !== undefined ? Number(nbt.readSync()[0]) : this.batchesSeen);
    }
    const rm = this._buffers.get('running_mean') ?? null;
    const rv = this._buffers.get('running_var') ?? null;
    const useBatch = this.training || (rm === null && rv === null);
    return batchNorm(x, !this.training || (this.getAttr('track_running_stats') as boolean) ? rm : null,
      !this.training || (this.getAttr('track_running_stats') as boolean) ? rv : null, {
        weight: this._parameters.get('weight') ?? null,
        bias: this._parameters.get('bias') ?? null,
        training: useBatch, momentum: factor, eps: this.getAttr('eps') as number,
      });
  }

  override extraRepr(): string {
    const m = this.getAttr('momentum') as number | null;
    return `${this.getAttr('num_features')}, eps=${pyFloatRepr(this.getAttr('eps') as number)}, momentum=${m === null ? 'None' : pyFloatRepr(m)}, `
      + `affine=${pyBool(this.getAttr('affine') as boolean)}, bias=${pyBool(this._parameters.get('bias') != null)}, `
      + `track_running_stats=${pyBool(this.getAttr('track_running_stats') as boolean)}`;
  }
}

export class BatchNorm1d extends BatchNormNd {
  constructor(numFeatures: number, o: BatchNormModuleOptions = {}) {
    super('BatchNorm1d', numFeatures, o);
  }
  protected checkInputDim(input: Tensor): void {
    if (input.dim() !== 2 && input.dim() !== 3) throw valueError(`expected 2D or 3D input (got ${input.dim()}D input)`);
  }
}

export class BatchNorm2d extends BatchNormNd {
  constructor(numFeatures: number, o: BatchNormModuleOptions = {}) {
    super('BatchNorm2d', numFeatures, o);
  }
  protected checkInputDim(input: Tensor): void {
    if (input.dim() !== 4) throw valueError(`expected 4D input (got ${input.dim()}D input)`);
  }
}
