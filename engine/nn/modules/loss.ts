// Loss modules: reduction stored as PyTorch stores it; repr has no extra.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { crossEntropy, type CrossEntropyOptions } from '../functional/cross-entropy';
import { nllLoss } from '../functional/nll-loss';
import { mseLoss } from '../functional/mse-loss';
import { checkReduction } from '../functional/reduction';

export interface LossOptions {
  weight?: Tensor | null;
  ignoreIndex?: number;
  reduction?: string;
}

export class NLLLoss extends Module {
  constructor(o: LossOptions = {}) {
    super('NLLLoss');
    this.setAttr('reduction', checkReduction(o.reduction ?? 'mean'));
    this.setAttr('ignore_index', o.ignoreIndex ?? -100);
    this.registerBuffer('weight', o.weight ?? null);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return nllLoss(input as Tensor, target as Tensor, {
      weight: this._buffers.get('weight') ?? null,
      ignoreIndex: this.getAttr('ignore_index') as number,
      reduction: this.getAttr('reduction') as string,
    });
  }
}

export class CrossEntropyLoss extends Module {
  constructor(o: LossOptions = {}) {
    super('CrossEntropyLoss');
    this.setAttr('reduction', checkReduction(o.reduction ?? 'mean'));
    this.setAttr('ignore_index', o.ignoreIndex ?? -100);
    this.registerBuffer('weight', o.weight ?? null);
  }
  override forward(input: unknown, target: unknown): Tensor {
    const opts: CrossEntropyOptions = {
      weight: this._buffers.get('weight') ?? null,
      ignoreIndex: this.getAttr('ignore_index') as number,
      reduction: this.getAttr('reduction') as string,
    };
    return crossEntropy(input as Tensor, target as Tensor, opts);
  }
}

export class MSELoss extends Module {
  constructor(o: { reduction?: string } = {}) {
    super('MSELoss');
    this.setAttr('reduction', checkReduction(o.reduction ?? 'mean'));
  }
  override forward(input: unknown, target: unknown): Tensor {
    return mseLoss(input as Tensor, target as Tensor, this.getAttr('reduction') as string);
  }
}
