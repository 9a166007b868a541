// torch.rand / uniform_ / nn.init.uniform_ (ATen uniform_kernel): one draw per
// element in order; float32 uses 24 random bits, float64 53. The affine map
// x * (b - a) + a is one fused multiply-add in PyTorch's AVX2 build, and 2.x
// maps a result equal to b back to a so the interval stays half-open.

import { Generator } from './generator';
import { fma64, fmaf } from './fma';
import type { FloatArray } from './normal';

const f = Math.fround;

export function fillUniform(gen: Generator, out: FloatArray, lo = 0, hi = 1): void {
  if (out instanceof Float32Array) {
    const from = f(lo);
    const to = f(hi);
    const range = f(to - from);
    if (from === 0 && range === 1) {
      // torch.rand: x * 1 + 0 is x, and x < 1 never equals `to`.
      gen.fillUniform32(out, 0, out.length);
      return;
    }
    // Draw all the words with the fast fill, then map them in place.
    gen.fillUniform32(out, 0, out.length);
    for (let i = 0; i < out.length; i++) {
      const v = fmaf(out[i], range, from);
      out[i] = v === to ? from : v;
    }
  } else {
    const range = hi - lo;
    for (let i = 0; i < out.length; i++) {
      const v = fma64(gen.uniform64(), range, lo);
      out[i] = v === hi ? lo : v;
    }
  }
}
