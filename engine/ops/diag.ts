// diag, diagonal and trace. diagonal(x, offset) of a matrix is a strided view
// (PyTorch 2.x reports DiagonalBackward0_copy for torch.diag of a matrix);
// diag of a vector builds the matrix (DiagEmbedBackward0); trace sums the
// diagonal (TraceBackward0).

import { noGrad } from '../autograd/grad-mode';
import { runtimeError } from '../core/errors';
import type { Tensor } from '../tensor';
import { contiguous } from './contiguous';
import { empty } from './elementwise';
import { zeros } from './factories';
import { notifyOp, quietly } from './observer';
import { record, shouldRecord1 } from './record';
import { sum } from './sum';
import { makeView } from './view';
import { diagonalView } from './diagonal';

/** A zero [n+|k|, n+|k|] matrix with v on its k-th diagonal. */
function embed(v: Tensor, k: number): Tensor {
  const m = v.shape[0] + Math.abs(k);
  const out = zeros([m, m], { dtype: v.dtype, backend: v.backend });
  out.backend.run('copy', [v], [diagonalView(out, k)]);
  return out;
}

export function diag(x: Tensor, diagonal = 0): Tensor {
  if (x.shape.length !== 1 && x.shape.length !== 2) throw runtimeError('diag(): Supports 1D or 2D tensors. Got ' + x.shape.length + 'D');
  let out: Tensor;
  if (x.shape.length === 1) {
    out = embed(x, diagonal);
    if (shouldRecord1(x)) record(out, 'DiagEmbedBackward0', [x], ([g]) => [contiguous(diagonalView(g!, diagonal))]);
  } else {
    const v = diagonalView(x, diagonal);
    out = empty(x.backend, v.shape.slice(), x.dtype);
    x.backend.run('copy', [v], [out]);
    const shape = x.shape.slice();
    if (shouldRecord1(x)) {
      record(out, 'DiagonalBackward0_copy', [x], ([g]) => {
        const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
        z.backend.run('copy', [g!], [diagonalView(z, diagonal)]);
        return [z];
      });
    }
  }
  notifyOp('diag', [x], out);
  return out;
}

export function trace(x: Tensor): Tensor {
  if (x.shape.length !== 2) throw runtimeError('trace: expected a matrix, but got tensor with dim ' + x.shape.length);
  const out = quietly(() => noGrad(() => sum(diagonalView(x, 0))));
  if (shouldRecord1(x)) {
    const shape = x.shape.slice();
    record(out, 'TraceBackward0', [x], ([g]) => {
      const z = zeros(shape, { dtype: g!.dtype, backend: g!.backend });
      z.backend.run('copy', [g!.shape.length === 0 ? makeView(g!, [Math.min(shape[0], shape[1])], [0], g!.offset) : g!], [diagonalView(z, 0)]);
      return [z];
    });
  }
  notifyOp('trace', [x], out);
  return out;
}
