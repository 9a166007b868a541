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

function matmulProgram(type: WgslScalar, tiling: Tiling): { key: string; code(): string } {
  const { t, bk } = tiling;
  const bm = 16 * t; // tile rows = tile cols
  const loads = (bm * bk) / 256; // elements of each tile every thread stages
  const zero = type === 'f32' ? '0.0' : '0';
  return {
    key: `matmul:${type}:${t}x${bk}`,
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
  var acc: array<${type}, ${t * t}>;
  for (var i = 0u; i < ${t * t}u; i++) { acc[i] = ${zero}; }
  var a: array<${type}, ${t}>;
  var b: array<${type}, ${t}>;
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
      for (var i = 0u; i < ${t}u; i++) { a[i] = As[k * ${bm}u + lid.y + i * 16u]; }
      for (var j = 0u; j < ${t}u; j++) { b[j] = Bs[k * ${bm}u + lid.x + j * 16u]; }
      for (var i = 0u; i < ${t}u; i++) {
        for (var j = 0u; j < ${t}u; j++) {
          acc[i * ${t}u + j] = acc[i * ${t}u + j] + a[i] * b[j];
        }
      }
    }
    workgroupBarrier();
  }
  let yBase = info[12] + batch * info[13];
  for (var i = 0u; i < ${t}u; i++) {
    let gm = row0 + lid.y + i * 16u;
    if (gm >= M) { continue; }
    for (var j = 0u; j < ${t}u; j++) {
      let gn = col0 + lid.x + j * 16u;
      if (gn < N) { Y[yBase + gm * info[14] + gn * info[15]] = acc[i * ${t}u + j]; }
    }
  }
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
