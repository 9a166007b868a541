// Batched matmul y[b] = a[b] @ b[b] over 3-D strided views, tiled: a 16x16
// workgroup computes a (16*T)x(16*T) block of y, each thread a TxT register
// tile, staging BK-deep slices of a and b in workgroup memory. Strides come
// in the info buffer, so transposed operands (a.t() in backward) need no
// copy. Large products use T = 8 (fewer shared-memory loads per FMA), small
// ones T = 4 (less wasted work at the edges).
import type { GpuKernel } from '../context';
import { Info } from '../layout';
import { wgslType } from '../storage';
import type { WgslScalar } from '../storage';

interface Tiling {
  t: number; // outputs per thread per axis
  bk: number; // depth of one staged slice
}

const SMALL: Tiling = { t: 4, bk: 16 };
const LARGE: Tiling = { t: 8, bk: 8 };

function range(n: number): number[] {
  return Array.from({ length: n }, (_, i) => i);
}

/** The accumulators are named scalars, not an array: registers on every compiler. */
function unrolled(t: number, line: (i: number, j: number) => string): string {
  return range(t).flatMap((i) => range(t).map((j) => line(i, j))).join('\n');
}

function matmulProgram(type: WgslScalar, tiling: Tiling): { key: string; code(): string } {
  const { t, bk } = tiling;
  const bm = 16 * t; // tile rows = tile cols
  const loads = (bm * bk) / 256; // elements of each tile every thread stages
  const zero = type === 'f32' ? '0.0' : '0';
  return {
    key: `matmul:${type}:${t}x${bk}:unrolled`,
    code: () => `
@group(0) @binding(0) var<storage, read> info: array<u32>;
@group(0) @binding(1) var<storage, read_write> Y: array<${type}>;
@group(0) @binding(2) var<storage, read> A: array<${type}>;
@group(0) @binding(3) var<storage, read> B: array<${type}>;
var<workgroup> As: array<${type}, ${bm * bk}>;
var<workgroup> Bs: array<${type}, ${bm * bk}>;

@compute @workgroup_size(16, 16)
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(local_invocation_id) lid: vec3u) {
  let M = info[0];
  let N = info[1];
  let K = info[2];
  let batch = wid.z;
  let row0 = wid.y * ${bm}u;
  let col0 = wid.x * ${bm}u;
  let tid = lid.y * 16u + lid.x;
  let aBase = info[4] + batch * info[5];
  let aR = info[6];
  let aC = info[7];
  let bBase = info[8] + batch * info[9];
  let bR = info[10];
  let bC = info[11];
${unrolled(t, (i, j) => `  var acc_${i}_${j}: ${type} = ${zero};`)}
  for (var k0 = 0u; k0 < K; k0 += ${bk}u) {
    for (var e = 0u; e < ${loads}u; e++) {
      let idx = tid + e * 256u;
      let am = idx / ${bk}u;
      let ak = idx % ${bk}u;
      let gm = row0 + am;
      let gk = k0 + ak;
      var av: ${type} = ${zero};
      if (gm < M && gk < K) { av = A[aBase + gm * aR + gk * aC]; }
      As[ak * ${bm}u + am] = av;
      let bk = idx / ${bm}u;
      let bn = idx % ${bm}u;
      let gk2 = k0 + bk;
      let gn = col0 + bn;
      var bv: ${type} = ${zero};
      if (gk2 < K && gn < N) { bv = B[bBase + gk2 * bR + gn * bC]; }
      Bs[bk * ${bm}u + bn] = bv;
    }
    workgroupBarrier();
    for (var k = 0u; k < ${bk}u; k++) {
      let base = k * ${bm}u;
${range(t).map((i) => `      let a_${i} = As[base + lid.y + ${i * 16}u];`).join('\n')}
${range(t).map((j) => `      let b_${j} = Bs[base + lid.x + ${j * 16}u];`).join('\n')}
${unrolled(t, (i, j) => `      acc_${i}_${j} = acc_${i}_${j} + a_${i} * b_${j};`)}
    }
    workgroupBarrier();
  }
  let yBase = info[12] + batch * info[13];
${range(t).map((i) => `  if (row0 + lid.y + ${i * 16}u < M) {
${range(t).map((j) => `    if (col0 + lid.x + ${j * 16}u < N) { Y[yBase + (row0 + lid.y + ${i * 16}u) * info[14] + (col0 + lid.x + ${j * 16}u) * info[15]] = acc_${i}_${j}; }`).join('\n')}
  }`).join('\n')}
}
`,
  };
}

const matmulKernel: GpuKernel = (ctx, inputs, outputs) => {
  const [a, b] = inputs;
  const y = outputs[0];
  const [batches, M, K] = a.shape;
  const N = b.shape[2];
  if (batches === 0 || M === 0 || N === 0) return;
  const type = wgslType(y.dtype);
  if (K === 0) {
    // An empty sum: y is all zeros.
    ctx.fill(y, 0);
    return;
  }
  const tiling = M * N >= 256 * 256 ? LARGE : SMALL;
  const tile = 16 * tiling.t;
  const info = new Info();
  for (const v of [M, N, K, batches]) info.u32(v);
  for (const v of [a, b, y]) {
    info.u32(v.offset);
    for (const s of v.strides) info.u32(s);
  }
  if (batches > 65535) throw new Error('matmul: more than 65535 batches on the WebGPU backend');
  ctx.dispatch(matmulProgram(type, tiling), info, [y.buffer, a.buffer, b.buffer], [Math.ceil(N / tile), Math.ceil(M / tile), batches]);
};

export const matmulKernels: ReadonlyArray<readonly [string, GpuKernel]> = [['matmul', matmulKernel]];
