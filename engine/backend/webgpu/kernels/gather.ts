// Advanced indexing (index, index_put) and gather / scatter_add. Index
// values arrive already wrapped and bounds-checked (backend.ts). Accumulating
// writes use atomics (a compare-exchange loop for f32), so with repeated
// indices the order of float additions, and for index_put without
// accumulate the winning write, is unspecified (as on CUDA).
import type { KernelAttrs } from '../../backend';
import { runtimeError } from '../../../core/errors';
import { numelOf } from '../../../core/shape';
import type { GpuContext, GpuKernel, GpuView } from '../context';
import { BLOCK, Info, coalesce, flatIndex, grid, prelude } from '../layout';
import type { WgslScalar } from '../storage';
import { wgslType } from '../storage';

const WG = 64;
/** info + output + source leave this many bindings for index tensors. */
const MAX_INDICES = 5;

// Layout shared by index and index_put:
// [n, R, headStrides[MAXD]] then spaces/views at fixed places.
const P = {
  n: 0,
  rest: 1,
  heads: 2,
  main: 2 + 8, // space of the thread's element (y for index, values for index_put)
  mainView: 2 + 8 + BLOCK,
  restSpace: 2 + 8 + 2 * BLOCK,
  restView: 2 + 8 + 3 * BLOCK, // src (index) or dst (index_put), with its offset
  idxSpace: 2 + 8 + 4 * BLOCK,
  idxViews: 2 + 8 + 5 * BLOCK,
} as const;

function atomicAdd(type: WgslScalar, target: string, value: string): string {
  if (type === 'f32') {
    return `{
    var old = atomicLoad(&${target});
    loop {
      let r = atomicCompareExchangeWeak(&${target}, old, bitcast<u32>(bitcast<f32>(old) + ${value}));
      if (r.exchanged) { break; }
      old = r.old_value;
    }
  }`;
  }
  return `atomicAdd(&${target}, ${type === 'u32' ? value : `${value}`});`;
}

function indexProgram(put: boolean, accumulate: boolean, k: number, type: WgslScalar, idxType: WgslScalar): { key: string; code(): string } {
  return {
    key: `index:${put ? (accumulate ? 'put-acc' : 'put') : 'get'}:${k}:${type}:${idxType}`,
    code: () => {
      const atomic = put && accumulate;
      const dstType = atomic ? `atomic<${type === 'f32' ? 'u32' : type}>` : type;
      const bindings = [
        { name: put ? 'dst' : 'y', type: put ? dstType : type, write: true },
        { name: put ? 'vals' : 'src', type },
        ...Array.from({ length: k }, (_, j) => ({ name: `i${j}`, type: idxType })),
      ];
      const heads = Array.from({ length: k }, (_, j) =>
        `  off += u32(i${j}[walk(p, ${P.idxSpace}u, ${P.idxViews + j * BLOCK}u)]) * info[${P.heads + j}u];`).join('\n');
      const body = put
        ? atomic
          ? atomicAdd(type, 'dst[off]', `vals[walk(q, ${P.main}u, ${P.mainView}u)]`)
          : `dst[off] = vals[walk(q, ${P.main}u, ${P.mainView}u)];`
        : `y[walk(q, ${P.main}u, ${P.mainView}u)] = src[off];`;
      return `${prelude(bindings)}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let q = ${flatIndex(WG)};
  if (q >= info[${P.n}u]) { return; }
  let R = info[${P.rest}u];
  let p = q / R;
  var off = walk(q % R, ${P.restSpace}u, ${P.restView}u);
${heads}
  ${body}
}
`;
    },
  };
}

/** index / index_put: `t` is the indexed tensor (src or dst), `main` the per-element side (y or values). */
function runIndex(ctx: GpuContext, put: boolean, accumulate: boolean, t: GpuView, main: GpuView, idx: readonly GpuView[]): void {
  const k = idx.length;
  if (k > MAX_INDICES) throw runtimeError(`the WebGPU backend indexes with at most ${MAX_INDICES} index tensors at once, got ${k}`);
  const n = numelOf(main.shape);
  if (n === 0) return;
  const restShape = t.shape.slice(k);
  const R = Math.max(1, numelOf(restShape));
  const info = new Info();
  info.u32(n);
  info.u32(R);
  for (let j = 0; j < 8; j++) info.u32(j < k ? t.strides[j] : 0);
  const m = coalesce(main.shape, [main.strides]);
  info.space(m.shape);
  info.view(main.offset, m.strides[0]);
  const r = coalesce(restShape, [t.strides.slice(k)]);
  info.space(r.shape);
  info.view(t.offset, r.strides[0]);
  const ishape = idx[0].shape;
  const iv = coalesce(ishape, idx.map((x) => x.strides));
  info.space(iv.shape);
  idx.forEach((x, j) => info.view(x.offset, iv.strides[j]));
  const type = wgslType(t.dtype);
  const program = indexProgram(put, accumulate, k, type, wgslType(idx[0].dtype));
  ctx.dispatch(program, info, [put ? t.buffer : main.buffer, put ? main.buffer : t.buffer, ...idx.map((x) => x.buffer)], grid(n, WG));
}

const indexKernel: GpuKernel = (ctx, inputs, outputs) => {
  const [src, ...idx] = inputs;
  runIndex(ctx, false, false, src, outputs[0], idx);
};

const indexPutKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const [vals, ...idx] = inputs;
  runIndex(ctx, true, attrs.accumulate === true, outputs[0], vals, idx);
};

// gather / scatter_add: one thread per element of `index`.
const G = { n: 0, dimStride: 1, space: 2, idxView: 2 + BLOCK, dataView: 2 + 2 * BLOCK, otherView: 2 + 3 * BLOCK } as const;

function alongProgram(scatter: boolean, type: WgslScalar): { key: string; code(): string } {
  return {
    key: `along:${scatter ? 'scatter_add' : 'gather'}:${type}`,
    code: () => {
      const bindings = scatter
        ? [{ name: 'dst', type: `atomic<${type === 'f32' ? 'u32' : type}>`, write: true }, { name: 'src', type }, { name: 'index', type: 'i32' }]
        : [{ name: 'y', type, write: true }, { name: 'x', type }, { name: 'index', type: 'i32' }];
      const at = `walk(p, ${G.space}u, ${G.dataView}u) + u32(index[walk(p, ${G.space}u, ${G.idxView}u)]) * info[${G.dimStride}u]`;
      const body = scatter
        ? `let off = ${at};\n  ${atomicAdd(type, 'dst[off]', `src[walk(p, ${G.space}u, ${G.otherView}u)]`)}`
        : `y[walk(p, ${G.space}u, ${G.otherView}u)] = x[${at}];`;
      return `${prelude(bindings)}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let p = ${flatIndex(WG)};
  if (p >= info[${G.n}u]) { return; }
  ${body}
}
`;
    },
  };
}

/** `data` is addressed through index (x for gather, dst for scatter_add); `other` walks like index. */
function runAlong(ctx: GpuContext, scatter: boolean, data: GpuView, index: GpuView, other: GpuView, dim: number): void {
  const n = numelOf(index.shape);
  if (n === 0) return;
  const dataStrides = data.strides.map((s, d) => (d === dim ? 0 : s));
  const c = coalesce(index.shape, [index.strides, dataStrides, other.strides]);
  const info = new Info();
  info.u32(n);
  info.u32(data.strides[dim]);
  info.space(c.shape);
  info.view(index.offset, c.strides[0]);
  info.view(data.offset, c.strides[1]);
  info.view(other.offset, c.strides[2]);
  const program = alongProgram(scatter, wgslType(data.dtype));
  const buffers = scatter ? [data.buffer, other.buffer, index.buffer] : [other.buffer, data.buffer, index.buffer];
  ctx.dispatch(program, info, buffers, grid(n, WG));
}

const gatherKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const [x, index] = inputs;
  runAlong(ctx, false, x, index, outputs[0], attrs.dim as number);
};

const scatterAddKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const [src, index] = inputs;
  runAlong(ctx, true, outputs[0], index, src, attrs.dim as number);
};

export const gatherKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ['index', indexKernel],
  ['index_put', indexPutKernel],
  ['gather', gatherKernel],
  ['scatter_add', scatterAddKernel],
];
