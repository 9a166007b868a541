// Shapes, strides and scalars travel to kernels in one small u32 "info"
// buffer, so one compiled program serves every shape. Blocks have fixed size:
// a space is [nd, shape[MAXD]] and a view is [offset, strides[MAXD]]. Dims
// that every operand walks contiguously are merged first (coalesce), so most
// kernels see nd = 1 and the per-element index arithmetic stays cheap.
import { runtimeError } from '../../core/errors';

export const MAXD = 8;
export const BLOCK = 1 + MAXD;

/** Merges dims that all operands traverse as one (and drops size-1 dims). */
export function coalesce(shape: readonly number[], strides: readonly (readonly number[])[]): { shape: number[]; strides: number[][] } {
  const keep: number[] = [];
  for (let d = 0; d < shape.length; d++) if (shape[d] !== 1) keep.push(d);
  const outShape: number[] = [];
  const outStrides: number[][] = strides.map(() => []);
  for (let k = keep.length - 1; k >= 0; k--) {
    const d = keep[k];
    const mergeable = outShape.length > 0 && strides.every((s, j) => s[d] === outStrides[j][0] * outShape[0]);
    if (mergeable) {
      outShape[0] *= shape[d];
    } else {
      outShape.unshift(shape[d]);
      strides.forEach((s, j) => outStrides[j].unshift(s[d]));
    }
  }
  if (outShape.length > MAXD) {
    throw runtimeError(`the WebGPU backend supports tensors with at most ${MAXD} dimensions that cannot be merged, but got ${outShape.length}`);
  }
  return { shape: outShape, strides: outStrides };
}

/** Builds the info words; every push returns the word index it starts at. */
export class Info {
  private readonly words: number[] = [];
  private readonly floats = new Set<number>();
  private readonly ints = new Set<number>();

  get length(): number {
    return this.words.length;
  }

  u32(x: number): number {
    this.words.push(x >>> 0);
    return this.words.length - 1;
  }
  f32(x: number): number {
    this.floats.add(this.words.length);
    this.words.push(x);
    return this.words.length - 1;
  }
  i32(x: number): number {
    this.ints.add(this.words.length);
    this.words.push(x | 0);
    return this.words.length - 1;
  }
  space(shape: readonly number[]): number {
    const at = this.u32(shape.length);
    for (let d = 0; d < MAXD; d++) this.u32(d < shape.length ? shape[d] : 1);
    return at;
  }
  view(offset: number, strides: readonly number[]): number {
    const at = this.u32(offset);
    for (let d = 0; d < MAXD; d++) this.u32(d < strides.length ? strides[d] : 0);
    return at;
  }

  bytes(): ArrayBuffer {
    const buf = new ArrayBuffer(Math.max(16, this.words.length * 4));
    const u = new Uint32Array(buf);
    const f = new Float32Array(buf);
    const i = new Int32Array(buf);
    this.words.forEach((w, k) => {
      if (this.floats.has(k)) f[k] = w;
      else if (this.ints.has(k)) i[k] = w;
      else u[k] = w;
    });
    return buf;
  }
}

/** Workgroups for n invocations of `size` threads (y spills past the 65535 limit). */
export function grid(n: number, size: number): [number, number, number] {
  const groups = Math.max(1, Math.ceil(n / size));
  if (groups <= 65535) return [groups, 1, 1];
  return [65535, Math.ceil(groups / 65535), 1];
}

export interface Binding {
  name: string;
  type: string;
  write?: boolean;
}

/** Bindings (info first) and the helpers every kernel uses. */
export function prelude(bindings: readonly Binding[]): string {
  const lines = ['@group(0) @binding(0) var<storage, read> info: array<u32>;'];
  bindings.forEach((b, k) => {
    lines.push(`@group(0) @binding(${k + 1}) var<storage, ${b.write ? 'read_write' : 'read'}> ${b.name}: array<${b.type}>;`);
  });
  lines.push(`
// Offset of the i-th element (row-major over the space at sp) in the view at vw.
fn walk(i: u32, sp: u32, vw: u32) -> u32 {
  let nd = info[sp];
  var rem = i;
  var off = info[vw];
  for (var k = 0u; k < nd; k++) {
    let d = nd - 1u - k;
    let s = info[sp + 1u + d];
    off += (rem % s) * info[vw + 1u + d];
    rem = rem / s;
  }
  return off;
}
fn f32_at(k: u32) -> f32 { return bitcast<f32>(info[k]); }
fn i32_at(k: u32) -> i32 { return bitcast<i32>(info[k]); }
// WGSL may not keep NaN/Inf through float compares, so test the bits.
fn is_nan(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) > 0x7f800000u; }
fn is_inf(x: f32) -> bool { return (bitcast<u32>(x) & 0x7fffffffu) == 0x7f800000u; }
// NaN and Inf are not WGSL constants: build them from a runtime word.
fn nan_f32() -> f32 { return bitcast<f32>(0x7fc00000u | (info[0] & 0u)); }
fn inf_f32() -> f32 { return bitcast<f32>(0x7f800000u | (info[0] & 0u)); }
`);
  return lines.join('\n');
}

/** The flat invocation index for grid(): x spills into y rows of 65535 groups. */
export function flatIndex(size: number): string {
  return `gid.x + gid.y * nwg.x * ${size}u`;
}
