// An op that PyTorch differentiates as one node (BinaryCrossEntropyBackward0,
// SmoothL1LossBackward0, LogSigmoidBackward0, ...) but whose forward is a
// handful of the engine's elementwise ops: the forward runs without recording or tracing, then one
// node with PyTorch's name and backward formula is attached, and the trace
// sees one op. Runs on every backend because the ops do.

import type { Tensor } from '../../tensor';
import { noGrad } from '../../autograd/grad-mode';
import { quietly, notifyOp } from '../../ops/observer';
import { record, shouldRecordAll } from '../../ops/record';
import { mean } from '../../ops/mean';
import { sum } from '../../ops/sum';
import { gradTo } from '../../ops/op-helpers';
import type { Reduction } from './reduction';

export interface FusedNode {
  op: string;
  gradName: string;
  /** The differentiable inputs, in the order `backward` answers for. */
  inputs: Tensor[];
  /** Other tensors the forward reads (weight): kept alive, never differentiated. */
  extra?: Tensor[];
  forward: () => Tensor;
  /** Grads for `inputs` (null where not needed), before reduction to their shapes. */
  backward: (g: Tensor) => (Tensor | null)[];
}

export function fusedNode(n: FusedNode): Tensor {
  const out = quietly(() => noGrad(n.forward));
  if (shouldRecordAll(n.inputs)) {
    const inputs = n.inputs;
    record(out, n.gradName, inputs, ([g]) => {
      if (g === null || g === undefined) return inputs.map(() => null);
      return n.backward(g).map((gi, i) => (gi === null || !inputs[i].requiresGrad ? null : gradTo(gi, inputs[i])));
    }, [...inputs, ...(n.extra ?? [])]);
  }
  notifyOp(n.op, [...n.inputs, ...(n.extra ?? [])], out);
  return out;
}

/** ATen's apply_loss_reduction: loss.mean() / loss.sum() / loss. */
export function reduceLoss(loss: Tensor, reduction: Reduction): Tensor {
  return reduction === 'mean' ? mean(loss) : reduction === 'sum' ? sum(loss) : loss;
}
