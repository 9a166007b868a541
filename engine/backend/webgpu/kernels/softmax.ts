// softmax / log_softmax along one dim (max, then the sum of exponentials,
// then one sweep writing every element), and cumsum / cumprod (one thread
// per line, accumulating in order like the CPU backend).
import type { KernelAttrs } from '../../backend';
import type { GpuKernel } from '../context';
import { flatIndex, grid, prelude } from '../layout';
import { wgslType } from '../storage';
import type { WgslScalar } from '../storage';
import { convert } from './elementwise';
import { AT, linesInfo } from './lines';
import type { ReduceSpec } from './reduce';
import { runReduce } from './reduce';

function softmaxSpec(log: boolean): ReduceSpec {
  return {
    name: log ? 'log_softmax' : 'softmax',
    acc: 'f32',
    load: 'f32',
    passes: [
      // NaN is sticky, as in the CPU loop (v > m || v !== v).
      { init: '-inf_f32()', map: 'v', merge: 'if (isn(ov) || (!isn(acc) && ov > acc)) { acc = ov; }' },
      { init: '0.0', map: 'exp_g(v - p0)', merge: 'acc = acc + ov;' },
    ],
    final: 'p0',
    perElement: log ? '(v - p0) - log_g(p1)' : 'div_g(exp_g(v - p0), p1)',
  };
}

function softmaxKernel(log: boolean): GpuKernel {
  const spec = softmaxSpec(log);
  return (ctx, inputs, outputs, attrs: KernelAttrs) => {
    runReduce(ctx, spec, inputs[0], [attrs.dim as number], outputs[0]);
  };
}

const WG = 64;

function scanProgram(prod: boolean, xType: WgslScalar, yType: WgslScalar): { key: string; code(): string } {
  const acc: WgslScalar = xType === 'f32' ? 'f32' : 'i32';
  const one = acc === 'f32' ? '1.0' : '1';
  const zero = acc === 'f32' ? '0.0' : '0';
  return {
    key: `scan:${prod ? 'prod' : 'sum'}:${xType}:${yType}`,
    code: () => `${prelude([{ name: 'y', type: yType, write: true }, { name: 'x', type: xType }])}
@compute @workgroup_size(${WG})
fn main(@builtin(global_invocation_id) gid: vec3u, @builtin(num_workgroups) nwg: vec3u) {
  let line = ${flatIndex(WG)};
  if (line >= info[${AT.lines}u]) { return; }
  let n = info[${AT.items}u];
  let xb = walk(line, ${AT.kept}u, ${AT.xKept}u);
  let yb = walk(line, ${AT.kept}u, ${AT.yKept}u);
  var acc: ${acc} = ${prod ? one : zero};
  for (var r = 0u; r < n; r++) {
    let v = ${convert(`x[xb + walk(r, ${AT.red}u, ${AT.xRed}u)]`, xType, acc)};
    acc = acc ${prod ? '*' : '+'} v;
    y[yb + walk(r, ${AT.red}u, ${AT.yRed}u)] = ${convert('acc', acc, yType)};
  }
}
`,
  };
}

function scanKernel(prod: boolean): GpuKernel {
  return (ctx, inputs, outputs, attrs: KernelAttrs) => {
    const [x] = inputs;
    const [y] = outputs;
    const { info, lines } = linesInfo(x, [attrs.dim as number], y);
    if (lines === 0) return;
    ctx.dispatch(scanProgram(prod, wgslType(x.dtype), wgslType(y.dtype)), info, [y.buffer, x.buffer], grid(lines, WG));
  };
}

export const softmaxKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ['softmax', softmaxKernel(false)],
  ['log_softmax', softmaxKernel(true)],
  ['cumsum', scanKernel(false)],
  ['cumprod', scanKernel(true)],
];
