// sort / topk along a dim by ranking: the thread for element i of a line
// counts the elements that sort before it (ties in index order, NaN largest,
// as the CPU backend's comparator) and, when its rank is below k, writes
// itself there. O(n^2) per line but fully parallel and exactly stable; lines
// in this engine's programs are short (a row of logits, a batch).
import type { KernelAttrs } from '../../backend';
import type { GpuContext, GpuKernel, GpuView } from '../context';
import { flatIndex, grid, prelude } from '../layout';
import { wgslType } from '../storage';
import type { WgslScalar } from '../storage';
import { AT, linesInfo } from './lines';

const WG = 64;

function sortProgram(descending: boolean, type: WgslScalar, idxType: WgslScalar): { key: string; code(): string } {
  const isn = type === 'f32' ? 'is_nan' : 'no_nan';
  const before = descending
    ? `(${isn}(w) && !${isn}(v)) || (!${isn}(w) && !${isn}(v) && w > v)`
    : `!${isn}(w) && (${isn}(v) || w < v)`;
  return {
    key: `sort:${descending ? 'desc' : 'asc'}:${type}:${idxType}`,
    code: () => `${prelude([{ name: 'y', type, write: true }, { name: 'x', type }, { name: 'y2', type: idxType, write: true }])}
fn no_nan(x: ${type}) -> bool { return false; }
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let t = ${flatIndex(WG)};
  let n = info[${AT.items}u];
  if (t >= info[${AT.lines}u] * n) { return; }
  let line = t / n;
  let i = t % n;
  let xb = walk(line, ${AT.kept}u, ${AT.xKept}u);
  let v = x[xb + walk(i, ${AT.red}u, ${AT.xRed}u)];
  var rank = 0u;
  for (var j = 0u; j < n; j++) {
    let w = x[xb + walk(j, ${AT.red}u, ${AT.xRed}u)];
    let same = (${isn}(w) && ${isn}(v)) || w == v;
    if ((${before}) || (same && j < i)) { rank++; }
  }
  if (rank < info[${AT.scalars}u]) {
    y[walk(line, ${AT.kept}u, ${AT.yKept}u) + walk(rank, ${AT.red}u, ${AT.yRed}u)] = v;
    y2[walk(line, ${AT.kept}u, ${AT.y2Kept}u) + walk(rank, ${AT.red}u, ${AT.y2Red}u)] = ${idxType}(i);
  }
}
`,
  };
}

function runSort(ctx: GpuContext, x: GpuView, values: GpuView, indices: GpuView, dim: number, descending: boolean, k: number): void {
  const { info, lines, items } = linesInfo(x, [dim], values, indices);
  if (lines * items === 0 || k === 0) return;
  info.u32(k);
  const program = sortProgram(descending, wgslType(x.dtype), wgslType(indices.dtype));
  ctx.dispatch(program, info, [values.buffer, x.buffer, indices.buffer], grid(lines * items, WG));
}

const topkKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) =>
  runSort(ctx, inputs[0], outputs[0], outputs[1], attrs.dim as number, attrs.largest as boolean, attrs.k as number);

const sortKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const dim = attrs.dim as number;
  runSort(ctx, inputs[0], outputs[0], outputs[1], dim, attrs.descending as boolean, inputs[0].shape[dim]);
};

export const sortKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ['topk', topkKernel],
  ['sort', sortKernel],
];
