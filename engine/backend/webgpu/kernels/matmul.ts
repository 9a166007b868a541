// Batched matmul y[b] = a[b] @ b[b] over 3-D strided views, tiled: a 16x16
// workgroup computes a (16*T)x(16*T) block of y, each thread a TxT register
// tile, staging BK-deep slices of a and b in workgroup memory. Strides come
// in the info buffer, so transposed operands (a.t() in backward) need no
// copy. Large products use T = 8 (fewer shared-memory loads per FMA), small
// ones T = 4 (less wasted work at the edges).
import type { GpuKernel, GpuView } from '../context';
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

/** The entry point and the sizes and strides every variant reads from the
 *  info buffer (layout written by the kernels below): one text for all. */
function entryPoint(bm: number): string {
  return `@compute @workgroup_size(16, 16)
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
  let bC = info[11];`;
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

${entryPoint(bm)}
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

/** Operand layouts the vec4 kernel reads four at a time: A along k or m, B along n or k. */
type ALayout = 'k' | 'm';
type BLayout = 'n' | 'k';

/**
 * The same tiling with 128-bit loads: each thread stages vec4s of A and B
 * from global memory (along whichever axis the operand is contiguous) and
 * reads vec4s from workgroup memory, accumulating T x T outputs as T rows of
 * T/4 vec4s. Thread (x, y) owns rows 4*(y + 16*q) + c and columns
 * 4*(x + 16*q) + c, so neighbouring threads read neighbouring vec4s.
 */
function vec4Program(tiling: Tiling, al: ALayout, bl: BLayout): { key: string; code(): string } {
  const { t, bk } = tiling;
  const bm = 16 * t;
  const v = bm / 4; // vec4s per tile row
  const q = t / 4; // vec4s per thread per axis
  const loads = (bm * bk) / 4 / 256; // vec4s of each tile every thread stages
  const aLoad =
    al === 'k'
      ? `      let am = idx / ${bk / 4}u;
      let akq = idx % ${bk / 4}u;
      let gm = row0 + am;
      let gk = k0 + akq * 4u;
      var av = vec4<f32>(0.0);
      if (gm < M && gk < K) { av = A[(aBase + gm * aR + gk) / 4u]; }
${range(4).map((c) => `      As[(akq * 4u + ${c}u) * ${v}u + am / 4u][am % 4u] = av[${c}];`).join('\n')}`
      : `      let ak = idx / ${v}u;
      let amq = idx % ${v}u;
      let gm = row0 + amq * 4u;
      let gk = k0 + ak;
      var av = vec4<f32>(0.0);
      if (gm < M && gk < K) { av = A[(aBase + gk * aC + gm) / 4u]; }
      As[ak * ${v}u + amq] = av;`;
  const bLoad =
    bl === 'n'
      ? `      let bk_ = idx / ${v}u;
      let bnq = idx % ${v}u;
      let gn = col0 + bnq * 4u;
      let gk2 = k0 + bk_;
      var bv = vec4<f32>(0.0);
      if (gk2 < K && gn < N) { bv = B[(bBase + gk2 * bR + gn) / 4u]; }
      Bs[bk_ * ${v}u + bnq] = bv;`
      : `      let bn = idx / ${bk / 4}u;
      let bkq = idx % ${bk / 4}u;
      let gn = col0 + bn;
      let gk2 = k0 + bkq * 4u;
      var bv = vec4<f32>(0.0);
      if (gn < N && gk2 < K) { bv = B[(bBase + gn * bC + gk2) / 4u]; }
${range(4).map((c) => `      Bs[(bkq * 4u + ${c}u) * ${v}u + bn / 4u][bn % 4u] = bv[${c}];`).join('\n')}`;
  const rows = range(q).flatMap((qi) => range(4).map((c) => ({ qi, c, i: qi * 4 + c })));
  return {
    key: `matmul:f32:vec4:${al}${bl}:${t}x${bk}`,
    code: () => `
@group(0) @binding(0) var<storage, read> info: array<u32>;
@group(0) @binding(1) var<storage, read_write> Y: array<f32>;
@group(0) @binding(2) var<storage, read> A: array<vec4<f32>>;
@group(0) @binding(3) var<storage, read> B: array<vec4<f32>>;
var<workgroup> As: array<vec4<f32>, ${v * bk}>;
var<workgroup> Bs: array<vec4<f32>, ${v * bk}>;

${entryPoint(bm)}
${rows.map(({ i }) => range(q).map((j) => `  var acc_${i}_${j} = vec4<f32>(0.0);`).join('\n')).join('\n')}
  for (var k0 = 0u; k0 < K; k0 += ${bk}u) {
    for (var e = 0u; e < ${loads}u; e++) {
      let idx = tid + e * 256u;
${aLoad}
${bLoad}
    }
    workgroupBarrier();
    for (var k = 0u; k < ${bk}u; k++) {
      let base = k * ${v}u;
${range(q).map((qi) => `      let a_${qi} = As[base + lid.y + ${qi * 16}u];`).join('\n')}
${range(q).map((j) => `      let b_${j} = Bs[base + lid.x + ${j * 16}u];`).join('\n')}
${rows.map(({ qi, c, i }) => range(q).map((j) => `      acc_${i}_${j} = fma(vec4<f32>(a_${qi}[${c}]), b_${j}, acc_${i}_${j});`).join('\n')).join('\n')}
    }
    workgroupBarrier();
  }
  let yBase = info[12] + batch * info[13];
  let yR = info[14];
  let yC = info[15];
${rows
  .map(
    ({ qi, c, i }) => `  {
    let row = row0 + (lid.y + ${qi * 16}u) * 4u + ${c}u;
    if (row < M) {
${range(q)
  .map((j) =>
    range(4)
      .map((cc) => `      { let col = col0 + (lid.x + ${j * 16}u) * 4u + ${cc}u; if (col < N) { Y[yBase + row * yR + col * yC] = acc_${i}_${j}[${cc}]; } }`)
      .join('\n'),
  )
  .join('\n')}
    }
  }`,
  )
  .join('\n')}
}
`,
  };
}

/** How a candidate tiles a batch of M x N outputs; vec4 only where the operands allow it. */
interface Candidate {
  tiling(M: number, N: number, batches: number): Tiling;
  vec4: boolean;
}

const bySize = (M: number, N: number): Tiling => (M * N >= 256 * 256 ? LARGE : SMALL);
const fixed = (t: number, bk: number) => (): Tiling => ({ t, bk });
/** Workgroups a tiling launches. */
const groups = (M: number, N: number, batches: number, t: number): number => batches * Math.ceil(M / (16 * t)) * Math.ceil(N / (16 * t));
/** Enough workgroups to occupy a large GPU (an H100 has 132 SMs): the
 *  biggest tile that still launches this many, else the smallest. */
const OCCUPANCY = 128;
const fit = (M: number, N: number, batches: number): Tiling => {
  if (groups(M, N, batches, 8) >= OCCUPANCY) return { t: 8, bk: 8 };
  if (groups(M, N, batches, 4) >= OCCUPANCY) return { t: 4, bk: 16 };
  return { t: 2, bk: 16 };
};
const v4fit = (M: number, N: number, batches: number): Tiling => {
  if (groups(M, N, batches, 8) >= OCCUPANCY) return { t: 8, bk: 16 };
  if (groups(M, N, batches, 4) >= OCCUPANCY / 2) return { t: 4, bk: 32 };
  return { t: 2, bk: 16 };
};

/**
 * Matmul kernel candidates, chosen with WebGPUOptions.matmul (the benchmark
 * passes TL_MATMUL). 'auto' is the default: scalar loads, T = 4 / BK = 16
 * below 256x256 outputs and T = 8 / BK = 8 above. 'fit' and 'v4fit' pick the
 * tile from the number of workgroups it launches (a 128x128 tile leaves most
 * of a big GPU idle on a 1024x128 product). The vec4 candidates fall back to
 * the scalar kernel of the same tiling when an operand is not contiguous along
 * one axis with 4-aligned strides and offset, and always at T = 2.
 */
export const MATMUL_VARIANTS: ReadonlyMap<string, Candidate> = new Map([
  ['auto', { tiling: bySize, vec4: false }],
  ['t4bk16', { tiling: fixed(4, 16), vec4: false }],
  ['t8bk8', { tiling: fixed(8, 8), vec4: false }],
  ['t8bk16', { tiling: fixed(8, 16), vec4: false }],
  ['fit', { tiling: fit, vec4: false }],
  ['vec4', { tiling: (M: number, N: number) => (M * N >= 256 * 256 ? { t: 8, bk: 16 } : { t: 4, bk: 32 }), vec4: true }],
  ['v4t8bk16', { tiling: fixed(8, 16), vec4: true }],
  ['v4t4bk32', { tiling: fixed(4, 32), vec4: true }],
  ['v4t8bk32', { tiling: fixed(8, 32), vec4: true }],
  ['v4fit', { tiling: v4fit, vec4: true }],
]);

/** Workgroup memory a candidate's largest tiling needs (bytes): v4t8bk32 needs 32 KiB. */
export function matmulSharedBytes(variant: string): number {
  const c = MATMUL_VARIANTS.get(variant);
  if (!c) return 0;
  const t = c.tiling(1 << 16, 1 << 16, 1);
  return 2 * 16 * t.t * t.bk * 4;
}

function aLayout(a: GpuView, M: number, K: number): ALayout | null {
  const [sb, sr, sc] = a.strides;
  if (a.offset % 4 !== 0 || sb % 4 !== 0) return null;
  if (sc === 1 && K % 4 === 0 && sr % 4 === 0) return 'k';
  if (sr === 1 && M % 4 === 0 && sc % 4 === 0) return 'm';
  return null;
}

function bLayout(b: GpuView, K: number, N: number): BLayout | null {
  const [sb, sr, sc] = b.strides;
  if (b.offset % 4 !== 0 || sb % 4 !== 0) return null;
  if (sc === 1 && N % 4 === 0 && sr % 4 === 0) return 'n';
  if (sr === 1 && K % 4 === 0 && sc % 4 === 0) return 'k';
  return null;
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
  const candidate = MATMUL_VARIANTS.get(ctx.options.matmul);
  if (!candidate) throw new Error(`unknown matmul variant '${ctx.options.matmul}' (one of ${[...MATMUL_VARIANTS.keys()].join(', ')})`);
  const tiling = candidate.tiling(M, N, batches);
  const tile = 16 * tiling.t;
  const info = new Info();
  for (const v of [M, N, K, batches]) info.u32(v);
  for (const v of [a, b, y]) {
    info.u32(v.offset);
    for (const s of v.strides) info.u32(s);
  }
  if (batches > 65535) throw new Error('matmul: more than 65535 batches on the WebGPU backend');
  const vec4 = candidate.vec4 && type === 'f32' && tiling.t % 4 === 0;
  const al = vec4 ? aLayout(a, M, K) : null;
  const bl = vec4 ? bLayout(b, K, N) : null;
  const program = al !== null && bl !== null ? vec4Program(tiling, al, bl) : matmulProgram(type, tiling);
  ctx.dispatch(program, info, [y.buffer, a.buffer, b.buffer], [Math.ceil(N / tile), Math.ceil(M / tile), batches]);
};

export const matmulKernels: ReadonlyArray<readonly [string, GpuKernel]> = [['matmul', matmulKernel]];
