// The one elementwise program family: y[i] = f(x0[i], x1[i], ...) over
// strided operands of one shape (inputs arrive already broadcast and cast,
// see backend.ts). Each op contributes only a WGSL expression; the walk over
// shapes and strides, the dispatch and the store conversion live here.
import type { DType } from '../../../core/dtype';
import { numelOf } from '../../../core/shape';
import type { GpuContext, GpuView } from '../context';
import { BLOCK, Info, coalesce, flatIndex, grid, prelude } from '../layout';
import { wgslType } from '../storage';
import type { WgslScalar } from '../storage';

const WG = 64;

export interface ElementwiseOp {
  /** Names the op in the pipeline key (with the dtypes). */
  name: string;
  /** How each input is loaded: converted to this WGSL type (null = as stored). */
  loadAs: readonly (WgslScalar | null)[];
  /** WGSL expression over a, b, c (the loaded inputs) and s0, s1, ... (scalars). */
  expr: string;
  /** The expression's type: a value of the output's kind, or a bool. */
  result: 'value' | 'bool';
  /** Scalars from attrs, passed as f32 or i32 words. */
  scalars?: readonly { value: number; type: 'f32' | 'i32' | 'u32' }[];
  /** Extra WGSL functions the expression calls. */
  helpers?: string;
}

const NAMES = ['a', 'b', 'c'];

/** WGSL converting a value of type `from` to what `to` stores (C++ cast rules). */
export function convert(v: string, from: WgslScalar, to: WgslScalar): string {
  if (from === to) return v;
  if (to === 'u32') return from === 'f32' ? `select(0u, 1u, (bitcast<u32>(${v}) & 0x7fffffffu) != 0u)` : `select(0u, 1u, ${v} != 0)`;
  if (to === 'i32') return from === 'f32' ? `i32(trunc(${v}))` : `i32(${v})`;
  return `f32(${v})`;
}

function storeExpr(op: ElementwiseOp, outType: WgslScalar): string {
  if (op.result === 'bool') return outType === 'u32' ? `select(0u, 1u, ${op.expr})` : `${outType}(select(0, 1, ${op.expr}))`;
  // The value is in the compute type of the first input (or the output's own).
  const computeType = op.loadAs[0] ?? outType;
  return convert(`(${op.expr})`, computeType, outType);
}

/**
 * The program for `op`. An input flagged in `inPlace` is the output's own
 * view (backend.ts run(): x.add_(g) writes what it reads): it has no binding
 * of its own and is read through y, which is bound read_write, because WebGPU
 * forbids binding one buffer as read and read_write in one dispatch. Each
 * invocation reads its element before writing it, so no copy is needed.
 */
export function programFor(op: ElementwiseOp, inTypes: readonly WgslScalar[], outType: WgslScalar, inPlace: readonly boolean[] = []): { key: string; code(): string } {
  const aliasKey = inPlace.some(Boolean) ? `:inplace=${inPlace.map((a) => (a ? 1 : 0)).join('')}` : '';
  const key = `ew:${op.name}:${outType}:${inTypes.join(',')}:${op.loadAs.map((t) => t ?? '-').join(',')}:${(op.scalars ?? []).map((s) => s.type).join(',')}${aliasKey}`;
  return {
    key,
    code: () => {
      const bound = inTypes.map((t, k) => ({ name: `x${k}`, type: t })).filter((_, k) => !inPlace[k]);
      const bindings = [{ name: 'y', type: outType, write: true }, ...bound];
      const scalarBase = 1 + BLOCK * (2 + inTypes.length);
      const loads = inTypes.map((t, k) => {
        const raw = inPlace[k] ? 'y[o]' : `x${k}[walk(i, 1u, ${1 + BLOCK * (2 + k)}u)]`;
        return `  let ${NAMES[k]} = ${convert(raw, t, op.loadAs[k] ?? t)};`;
      });
      const scalars = (op.scalars ?? []).map((s, k) => {
        const pos = scalarBase + k;
        const v = s.type === 'f32' ? `f32_at(${pos}u)` : s.type === 'i32' ? `i32_at(${pos}u)` : `info[${pos}u]`;
        return `  let s${k} = ${v};`;
      });
      return `${prelude(bindings)}
${op.helpers ?? ''}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let i = ${flatIndex(WG)};
  if (i >= info[0]) { return; }
  let o = walk(i, 1u, ${1 + BLOCK}u);
${loads.join('\n')}
${scalars.join('\n')}
  y[o] = ${storeExpr(op, outType)};
}
`;
    },
  };
}

/** Records y = op(inputs...) elementwise. */
export function runElementwise(ctx: GpuContext, op: ElementwiseOp, inputs: readonly GpuView[], y: GpuView): void {
  const n = numelOf(y.shape);
  if (n === 0) return;
  const { shape, strides } = coalesce(y.shape, [y.strides, ...inputs.map((x) => x.strides)]);
  const info = new Info();
  info.u32(n);
  info.space(shape);
  info.view(y.offset, strides[0]);
  inputs.forEach((x, k) => info.view(x.offset, strides[k + 1]));
  for (const s of op.scalars ?? []) {
    if (s.type === 'f32') info.f32(s.value);
    else if (s.type === 'i32') info.i32(s.value);
    else info.u32(s.value);
  }
  // The backend hands an input the output's buffer only when it is the
  // output's exact view (see programFor); anything else would race.
  const inPlace = inputs.map((x) => x.buffer === y.buffer);
  inputs.forEach((x, k) => {
    if (inPlace[k] && !sameView(x, y)) throw new Error(`internal error: ew:${op.name} reads a view of its output buffer that is not the output's own`);
  });
  const program = programFor(op, inputs.map((x) => wgslType(x.dtype)), wgslType(y.dtype), inPlace);
  ctx.dispatch(program, info, [y.buffer, ...inputs.filter((_, k) => !inPlace[k]).map((x) => x.buffer)], grid(n, WG));
}

/** Whether `x` and `y` name the same elements in the same order (same buffer, dtype, offset, shape, strides). */
export function sameView(x: GpuView, y: GpuView): boolean {
  if (x.buffer !== y.buffer || x.dtype !== y.dtype || x.offset !== y.offset || x.shape.length !== y.shape.length) return false;
  return x.shape.every((n, d) => n === y.shape[d] && (n === 1 || x.strides[d] === y.strides[d]));
}

/** The WGSL type values of `dtype` are computed in (bool computes as i32). */
export function computeType(dtype: DType): WgslScalar {
  return dtype === 'float32' ? 'f32' : 'i32';
}
