// Loss modules: reduction stored as PyTorch stores it; repr has no extra.

import type { Tensor } from '../../tensor';
import { Module } from '../module';
import { crossEntropy, type CrossEntropyOptions } from '../functional/cross-entropy';
import { nllLoss } from '../functional/nll-loss';
import { mseLoss } from '../functional/mse-loss';
import { checkReduction } from '../functional/reduction';
import { binaryCrossEntropy, binaryCrossEntropyWithLogits } from '../functional/binary-cross-entropy';
import { huberLoss, l1Loss, smoothL1Loss } from '../functional/l1-loss';
import { klDiv } from '../functional/kl-div';

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

// As in PyTorch, these take any reduction string and fail at the call.
export class BCELoss extends Module {
  constructor(o: { weight?: Tensor | null; reduction?: string } = {}) {
    super('BCELoss');
    this.setAttr('reduction', o.reduction ?? 'mean');
    this.registerBuffer('weight', o.weight ?? null);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return binaryCrossEntropy(input as Tensor, target as Tensor, {
      weight: this._buffers.get('weight') ?? null,
      reduction: this.getAttr('reduction') as string,
    });
  }
}

export class BCEWithLogitsLoss extends Module {
  constructor(o: { weight?: Tensor | null; reduction?: string; posWeight?: Tensor | null } = {}) {
    super('BCEWithLogitsLoss');
    this.setAttr('reduction', o.reduction ?? 'mean');
    this.registerBuffer('weight', o.weight ?? null);
    this.registerBuffer('pos_weight', o.posWeight ?? null);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return binaryCrossEntropyWithLogits(input as Tensor, target as Tensor, {
      weight: this._buffers.get('weight') ?? null,
      posWeight: this._buffers.get('pos_weight') ?? null,
      reduction: this.getAttr('reduction') as string,
    });
  }
}

export class L1Loss extends Module {
  constructor(o: { reduction?: string } = {}) {
    super('L1Loss');
    this.setAttr('reduction', o.reduction ?? 'mean');
  }
  override forward(input: unknown, target: unknown): Tensor {
    return l1Loss(input as Tensor, target as Tensor, this.getAttr('reduction') as string);
  }
}

export class SmoothL1Loss extends Module {
  constructor(o: { reduction?: string; beta?: number } = {}) {
    super('SmoothL1Loss');
    this.setAttr('reduction', o.reduction ?? 'mean');
    this.setAttr('beta', o.beta ?? 1);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return smoothL1Loss(input as Tensor, target as Tensor, this.getAttr('reduction') as string, this.getAttr('beta') as number);
  }
}

export class HuberLoss extends Module {
  constructor(o: { reduction?: string; delta?: number } = {}) {
    super('HuberLoss');
    this.setAttr('reduction', o.reduction ?? 'mean');
    this.setAttr('delta', o.delta ?? 1);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return huberLoss(input as Tensor, target as Tensor, this.getAttr('reduction') as string, this.getAttr('delta') as number);
  }
}

export class KLDivLoss extends Module {
  constructor(o: { reduction?: string; logTarget?: boolean } = {}) {
    super('KLDivLoss');
    this.setAttr('reduction', o.reduction ?? 'mean');
    this.setAttr('log_target', o.logTarget ?? false);
  }
  override forward(input: unknown, target: unknown): Tensor {
    return klDiv(input as Tensor, target as Tensor, this.getAttr('reduction') as string, this.getAttr('log_target') as boolean);
  }
}
