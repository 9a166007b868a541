// Runs one kernel on the CPU backend (the reference) and on the WebGPU
// backend with the same strided operands, and compares every element of the
// output storages (also the elements a strided output must leave alone).
import type { Backend, KernelAttrs, TensorView } from '../../engine/backend/backend';
import type { DType } from '../../engine/core/dtype';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import type { WebGPUBackend } from '../../engine/backend/webgpu/index';

export interface Operand {
  dtype: DType;
  shape: number[];
  /** Defaults to contiguous. */
  strides?: number[];
  offset?: number;
  /** The whole storage; defaults to random values sized to fit the view. */
  data?: number[];
}

/** Deterministic values: a small LCG, so failures reproduce. */
export function values(n: number, seed: number, dtype: DType, lo = -3, hi = 3): number[] {
  let s = seed >>> 0 || 1;
  const out: number[] = [];
  for (let i = 0; i < n; i++) {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    const u = s / 2 ** 32;
    const v = lo + u * (hi - lo);
    out.push(dtype === 'bool' ? (u < 0.5 ? 0 : 1) : dtype === 'float32' || dtype === 'float64' ? Math.fround(v) : Math.floor(v));
  }
  return out;
}

export function contiguous(shape: readonly number[]): number[] {
  const st: number[] = [];
  let s = 1;
  for (let d = shape.length - 1; d >= 0; d--) {
    st[d] = s;
    s *= shape[d];
  }
  return st;
}

function extent(o: Operand): number {
  const st = o.strides ?? contiguous(o.shape);
  let last = o.offset ?? 0;
  for (let d = 0; d < o.shape.length; d++) last += (o.shape[d] - 1) * st[d];
  return o.shape.some((s) => s === 0) ? 0 : last + 1;
}

function build(b: Backend, o: Operand, seed: number): TensorView {
  const data = o.data ?? values(Math.max(1, extent(o)), seed, o.dtype);
  const storage = b.alloc(o.dtype, data.length);
  b.write(storage, data);
  return { storage, shape: o.shape, strides: o.strides ?? contiguous(o.shape), offset: o.offset ?? 0, dtype: o.dtype };
}

export interface Tolerance {
  rtol: number;
  atol: number;
}

export const F32: Tolerance = { rtol: 1e-5, atol: 1e-6 };

/** null when both backends agree; else the first difference. */
export async function compareKernel(
  gpu: WebGPUBackend,
  kernel: string,
  inputs: Operand[],
  outputs: Operand[],
  attrs: KernelAttrs = {},
  tol: Tolerance = F32,
): Promise<string | null> {
  const results: ArrayLike<number>[][] = [];
  for (const b of [cpuBackend as Backend, gpu as Backend]) {
    const ins = inputs.map((o, k) => build(b, o, 17 + k * 101));
    // Outputs start from known contents so untouched elements compare too.
    const outs = outputs.map((o, k) => build(b, { ...o, data: o.data ?? values(Math.max(1, extent(o)), 7 + k, o.dtype) }, 0));
    b.run(kernel, ins, outs, attrs);
    results.push(await Promise.all(outs.map((v) => b.read(v.storage))));
  }
  const [want, got] = results;
  for (let k = 0; k < want.length; k++) {
    for (let i = 0; i < want[k].length; i++) {
      const w = want[k][i];
      const g = got[k][i];
      if (Number.isNaN(w) && Number.isNaN(g)) continue;
      const ok = g === w || Math.abs(g - w) <= tol.atol + tol.rtol * Math.abs(w);
      if (!ok) return `${kernel} out${k}[${i}] = ${g} on webgpu, ${w} on cpu`;
    }
  }
  return null;
}
