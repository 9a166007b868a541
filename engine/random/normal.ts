// torch.randn / normal_ / nn.init.normal_ on the CPU (ATen normal_kernel).
// Two paths, chosen as PyTorch chooses them:
//  - fill path (contiguous and at least 16 elements): draw every uniform
//    first, then Box-Muller each block of 16 (lanes j and j+8 pair up); a
//    ragged tail redraws 16 fresh uniforms into the last 16 slots.
//  - serial path (fewer than 16, or not contiguous): one double Box-Muller
//    pair per two outputs, the spare sample cached on the generator.

import { Generator } from './generator';
import { transformBlocksF32 } from './normal-f32';
import { fma64, fmaf } from './fma';

const f = Math.fround;
const TWO_PI = 2 * Math.PI;

export type FloatArray = Float32Array | Float64Array;

export interface NormalOptions {
  /** false for a non-contiguous destination: PyTorch then takes the serial
   *  path whatever the size. Values are written in iteration order; the
   *  caller scatters them into the strided view. Default true. */
  contiguous?: boolean;
}

/** Fill `out` with N(mean, std) samples exactly as PyTorch's CPU kernel does
 *  for a tensor of `out.length` elements of out's dtype. */
export function fillNormal(gen: Generator, out: FloatArray, mean = 0, std = 1, opts: NormalOptions = {}): void {
  const contiguous = opts.contiguous ?? true;
  if (out.length >= 16 && contiguous) {
    if (out instanceof Float32Array) fillPathF32(gen, out, f(mean), f(std));
    else fillPathF64(gen, out, mean, std);
  } else {
    serialNormal(gen, out, mean, std);
  }
}

/** One double N(0,1) sample from the serial path (uses and refills the
 *  generator's cached spare). */
export function nextNormal64(gen: Generator): number {
  const cached = gen.nextDoubleNormal;
  if (cached !== null) {
    gen.nextDoubleNormal = null;
    return cached;
  }
  const u1 = gen.uniform64();
  const u2 = gen.uniform64();
  const r = Math.sqrt(-2 * Math.log1p(-u2));
  const theta = TWO_PI * u1;
  gen.nextDoubleNormal = r * Math.sin(theta);
  return r * Math.cos(theta);
}

function serialNormal(gen: Generator, out: FloatArray, mean: number, std: number): void {
  for (let i = 0; i < out.length; i++) out[i] = fma64(nextNormal64(gen), std, mean);
}

function fillPathF32(gen: Generator, d: Float32Array, mean: number, std: number): void {
  const n = d.length;
  gen.fillUniform32(d, 0, n);
  transformBlocksF32(d, 0, Math.floor(n / 16), mean, std);
  if (n % 16 !== 0) {
    const base = n - 16;
    gen.fillUniform32(d, base, n);
    transformBlocksF32(d, base, 1, mean, std);
  }
}

function transform16F64(d: Float64Array, base: number, mean: number, std: number): void {
  for (let j = 0; j < 8; j++) {
    const u1 = 1 - d[base + j];
    const u2 = d[base + j + 8];
    const radius = Math.sqrt(-2 * Math.log(u1));
    const theta = TWO_PI * u2;
    d[base + j] = fma64(radius * Math.cos(theta), std, mean);
    d[base + j + 8] = fma64(radius * Math.sin(theta), std, mean);
  }
}

function fillPathF64(gen: Generator, d: Float64Array, mean: number, std: number): void {
  const n = d.length;
  for (let i = 0; i < n; i++) d[i] = gen.uniform64();
  for (let i = 0; i + 16 <= n; i += 16) transform16F64(d, i, mean, std);
  if (n % 16 !== 0) {
    const base = n - 16;
    for (let i = 0; i < 16; i++) d[base + i] = gen.uniform64();
    transform16F64(d, base, mean, std);
  }
}
