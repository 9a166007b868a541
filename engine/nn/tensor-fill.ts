// Writing computed values into a (possibly strided) tensor in place, through
// the backend only: used by nn.init and the module machinery, which must not
// depend on which backend holds the tensor.

import { Tensor } from '../tensor';
import { contiguousStrides } from '../core/shape';

/** Writes row-major `values` into t (as `t.copy_(values)` would) and bumps its version. */
export function writeValues(t: Tensor, values: ArrayLike<number>): void {
  const be = t.backend;
  if (t.isContiguous()) {
    be.write(t.storage, values, t.offset);
  } else {
    const tmp = new Tensor(be.alloc(t.dtype, values.length), t.shape.slice(), contiguousStrides(t.shape), 0, t.dtype);
    be.write(tmp.storage, values, 0);
    be.run('copy', [tmp], [t]);
  }
  t.bumpVersion();
}
