// Adapter to the engine's softmax ops (engine/ops), kept in one place.
import type { Tensor } from '../../tensor';
export function softmax(_x: Tensor, _dim: number): Tensor {
  throw new Error('softmax op not wired yet');
}
export function logSoftmax(_x: Tensor, _dim: number): Tensor {
  throw new Error('log_softmax op not wired yet');
}
