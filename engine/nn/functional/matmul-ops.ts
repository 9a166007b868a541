// Adapter to the engine's matmul ops (engine/ops), kept in one place.
import type { Tensor } from '../../tensor';
export function addmm(_b: Tensor, _x: Tensor, _w: Tensor): Tensor {
  throw new Error('addmm op not wired yet');
}
export function matmul(_x: Tensor, _w: Tensor): Tensor {
  throw new Error('matmul op not wired yet');
}
