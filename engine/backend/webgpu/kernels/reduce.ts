// Reductions: one workgroup of 64 threads per output element. Each thread
// folds a strided share of the line, then a tree in workgroup memory folds
// the 64 partials. Multi-pass ops (var, logsumexp, softmax) run passes one
// after another in the same workgroup, each seeing the earlier results p0...
// Floats accumulate in f32 in tree order, so sums differ from the CPU
// backend's cascade in the last bits (the WebGPU suite's tolerance says how much).
import type { KernelAttrs } from '../../backend';
import type { WgslScalar } from '../storage';
import { wgslType } from '../storage';
import type { GpuContext, GpuKernel, GpuView } from '../context';
import { flatIndex, grid, prelude } from '../layout';
import { convert } from './elementwise';
import { FLOAT_HELPER_SOURCE } from './unary';
import { AT, lineGrid, linesInfo } from './lines';

export const WG = 64;
export const EMPTY = '0xffffffffu';

export interface Pass {
  /** Initial accumulator (every thread, and threads with no element keep it). */
  init: string;
  /** Value folded for element v (may use earlier p0, p1, ...). */
  map: string;
  /** Statements folding (ov, oi) into (acc, ai). */
  merge: string;
}

export interface ReduceSpec {
  name: string;
  /** Accumulator type; elements are loaded as `load` type. */
  acc: WgslScalar;
  load: WgslScalar;
  passes: readonly Pass[];
  /** The result for y, from p0..pk, ai (index of the last pass) and n (items). */
  final: string;
  /** Second output (indices): from ai. */
  final2?: string;
  /** softmax: a last sweep writing y per element from v and p0..pk. */
  perElement?: string;
}

function passCode(p: Pass, k: number, spec: ReduceSpec, xType: WgslScalar, serial: boolean): string {
  const fold = (start: string, step: string) => `
    var acc: ${spec.acc} = ${p.init};
    var ai: u32 = ${EMPTY};
    for (var r = ${start}; r < n; r += ${step}) {
      let v = ${convert(`x[xb + walk(r, ${AT.red}u, ${AT.xRed}u)]`, xType, spec.load)};
      let ov: ${spec.acc} = ${p.map};
      let oi: u32 = r;
      ${p.merge}
    }`;
  if (serial) {
    return `
  {${fold('0u', '1u')}
    p${k} = acc;
    pi = ai;
  }`;
  }
  return `
  {${fold('lid.x', `${WG}u`)}
    sv[lid.x] = acc;
    si[lid.x] = ai;
    workgroupBarrier();
    for (var s = ${WG / 2}u; s > 0u; s = s >> 1u) {
      if (lid.x < s) {
        var acc = sv[lid.x];
        var ai = si[lid.x];
        let ov = sv[lid.x + s];
        let oi = si[lid.x + s];
        ${p.merge}
        sv[lid.x] = acc;
        si[lid.x] = ai;
      }
      workgroupBarrier();
    }
    p${k} = sv[0];
    pi = si[0];
    workgroupBarrier();
  }`;
}

/** Lines this short are folded by one thread each: a workgroup per line would
 *  leave most of its 64 threads idle and pay for the barriers. */
export const SERIAL_MAX_ITEMS = 32;

export function reduceProgram(spec: ReduceSpec, xType: WgslScalar, yType: WgslScalar, y2Type: WgslScalar | null, serial: boolean): { key: string; code(): string } {
  const start = serial ? '0u' : 'lid.x';
  const step = serial ? '1u' : `${WG}u`;
  return {
    key: `red:${spec.name}:${xType}:${yType}:${y2Type ?? '-'}:${spec.acc}:${spec.load}:${serial ? 'serial' : 'wg'}`,
    code: () => {
      const bindings = [
        { name: 'y', type: yType, write: true },
        { name: 'x', type: xType },
        ...(y2Type ? [{ name: 'y2', type: y2Type, write: true }] : []),
      ];
      const decls = spec.passes.map((_, k) => `  var p${k}: ${spec.acc};`).join('\n');
      const sweep = spec.perElement
        ? `
  for (var r = ${start}; r < n; r += ${step}) {
    let v = ${convert(`x[xb + walk(r, ${AT.red}u, ${AT.xRed}u)]`, xType, spec.load)};
    y[yb + walk(r, ${AT.red}u, ${AT.yRed}u)] = ${convert(`(${spec.perElement})`, spec.acc, yType)};
  }`
        : `
  if (${serial ? 'true' : 'lid.x == 0u'}) {
    y[yb] = ${convert(`(${spec.final})`, spec.acc, yType)};
    ${y2Type ? `y2[walk(line, ${AT.kept}u, ${AT.y2Kept}u)] = ${convert(`(${spec.final2 ?? 'pi'})`, 'u32', y2Type)};` : ''}
  }`;
      return `${prelude(bindings)}
${FLOAT_HELPER_SOURCE}
fn isn(x: ${spec.load}) -> bool { ${spec.load === 'f32' ? 'return is_nan(x);' : 'return false;'} }
${serial ? '' : `var<workgroup> sv: array<${spec.acc}, ${WG}>;
var<workgroup> si: array<u32, ${WG}>;`}
@compute @workgroup_size(${WG})
fn main(@builtin(workgroup_id) wid: vec3u, @builtin(num_workgroups) nwg: vec3u, @builtin(local_invocation_id) lid: vec3u, @builtin(global_invocation_id) gid: vec3u) {
  let line = ${serial ? flatIndex(WG) : 'wid.x + wid.y * nwg.x'};
  if (line >= info[${AT.lines}u]) { return; }
  let n = info[${AT.items}u];
  let xb = walk(line, ${AT.kept}u, ${AT.xKept}u);
  let yb = walk(line, ${AT.kept}u, ${AT.yKept}u);
  let nf = f32(n);
  var pi: u32 = ${EMPTY};
${decls}
${spec.passes.map((p, k) => passCode(p, k, spec, xType, serial)).join('\n')}
${sweep}
}
`;
    },
  };
}

/** Records a reduction of x over `dims` into y (and y2). */
export function runReduce(ctx: GpuContext, spec: ReduceSpec, x: GpuView, dims: readonly number[], y: GpuView, y2?: GpuView, scalars: readonly number[] = []): void {
  const { info, lines, items } = linesInfo(x, dims, y, y2);
  if (lines === 0) return;
  for (const v of scalars) info.f32(v);
  const serial = items <= SERIAL_MAX_ITEMS;
  const program = reduceProgram(spec, wgslType(x.dtype), wgslType(y.dtype), y2 ? wgslType(y2.dtype) : null, serial);
  ctx.dispatch(program, info, y2 ? [y.buffer, x.buffer, y2.buffer] : [y.buffer, x.buffer], serial ? grid(lines, WG) : lineGrid(lines));
}

const sumPass = (map = 'v', init = '0'): Pass => ({ init, map, merge: 'acc = acc + ov;' });

/** Extreme with NaN winning and ties going to the lower index (first occurrence). */
function extremePass(max: boolean): Pass {
  const better = max ? 'ov > acc' : 'ov < acc';
  return {
    init: '0',
    map: 'v',
    merge: `if (oi != ${EMPTY} && (ai == ${EMPTY} || (isn(ov) && (!isn(acc) || oi < ai)) || (!isn(acc) && !isn(ov) && (${better} || (ov == acc && oi < ai))))) { acc = ov; ai = oi; }`,
  };
}

function numeric(x: GpuView): WgslScalar {
  return x.dtype === 'float32' ? 'f32' : 'i32';
}

function specFor(name: string, x: GpuView): ReduceSpec {
  const t = numeric(x);
  const zero = t === 'f32' ? '0.0' : '0';
  const one = t === 'f32' ? '1.0' : '1';
  switch (name) {
    case 'sum': return { name, acc: t, load: t, passes: [sumPass('v', zero)], final: 'p0' };
    case 'mean': return { name, acc: t, load: t, passes: [sumPass('v', zero)], final: t === 'f32' ? 'p0 / nf' : 'p0 / i32(n)' };
    case 'prod': return { name, acc: t, load: t, passes: [{ init: one, map: 'v', merge: 'acc = acc * ov;' }], final: 'p0' };
    case 'amax': case 'argmax': case 'max_dim':
      return { name, acc: t, load: t, passes: [extremePass(true)], final: 'p0', final2: 'pi' };
    case 'amin': case 'argmin': case 'min_dim':
      return { name, acc: t, load: t, passes: [extremePass(false)], final: 'p0', final2: 'pi' };
    case 'any': return { name, acc: 'u32', load: 'u32', passes: [{ init: '0u', map: 'v', merge: 'acc = acc | ov;' }], final: 'p0' };
    case 'all': return { name, acc: 'u32', load: 'u32', passes: [{ init: '1u', map: 'v', merge: 'acc = acc & ov;' }], final: 'p0' };
    case 'logsumexp':
      return {
        name, acc: 'f32', load: 'f32',
        passes: [{ init: '-inf_f32()', map: 'v', merge: 'if (ov > acc) { acc = ov; }' }, sumPass('exp_g(v - p0)', '0.0')],
        final: 'select(p0 + log_g(p1), p0, is_inf(p0))',
      };
    default: throw new Error(`no WebGPU reduction '${name}'`);
  }
}

function reduceKernel(name: string): GpuKernel {
  return (ctx, inputs, outputs, attrs: KernelAttrs) => {
    const x = inputs[0];
    const spec = specFor(name, x);
    const dims = attrs.dims as number[];
    if (name === 'argmax' || name === 'argmin') {
      // The index is the only output: it goes through y2 beside a scratch y.
      runReduce(ctx, spec, x, dims, ctx.scratch(x.dtype, outputs[0].shape), outputs[0]);
      return;
    }
    runReduce(ctx, spec, x, dims, outputs[0], outputs[1]);
  };
}

/** var/std: mean, then the sum of squared deviations, both in f32. */
const varKernel: GpuKernel = (ctx, inputs, outputs, attrs: KernelAttrs) => {
  const correction = attrs.correction as number;
  const takeSqrt = attrs.sqrt === true;
  const spec: ReduceSpec = {
    name: takeSqrt ? 'std' : 'var',
    acc: 'f32',
    load: 'f32',
    passes: [sumPass('v', '0.0'), sumPass('(v - p0 / nf) * (v - p0 / nf)', '0.0')],
    final: `${takeSqrt ? 'sqrt_g' : ''}(div_g(p1, max(0.0, nf - f32_at(${AT.scalars}u))))`,
  };
  runReduce(ctx, spec, inputs[0], attrs.dims as number[], outputs[0], undefined, [correction]);
};

export const reduceKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ...['sum', 'mean', 'prod', 'amax', 'amin', 'argmax', 'argmin', 'max_dim', 'min_dim', 'any', 'all', 'logsumexp'].map(
    (n) => [n, reduceKernel(n)] as const,
  ),
  ['var', varKernel],
];
