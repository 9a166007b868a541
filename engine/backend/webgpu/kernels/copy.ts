// copy (strided -> strided with C++ cast rules), fill and where.
import type { KernelAttrs } from '../../backend';
import { runtimeError } from '../../../core/errors';
import type { GpuKernel } from '../context';
import { wgslType } from '../storage';
import { runElementwise } from './elementwise';

const copyKernel: GpuKernel = (ctx, inputs, outputs) => {
  // Loading as the output's type applies the cast (elementwise.convert).
  runElementwise(ctx, { name: 'copy', loadAs: [wgslType(outputs[0].dtype)], expr: 'a', result: 'value' }, inputs, outputs[0]);
};

const fillKernel: GpuKernel = (ctx, _inputs, outputs, attrs: KernelAttrs) => {
  const y = outputs[0];
  const t = wgslType(y.dtype);
  let value = attrs.value as number;
  if (t === 'u32') value = value !== 0 ? 1 : 0;
  if (t === 'i32') {
    value = Math.trunc(value);
    if (!(value >= -2147483648 && value <= 2147483647)) {
      throw runtimeError(`the WebGPU backend stores ${y.dtype} as 32-bit integers; ${value} does not fit`);
    }
  }
  runElementwise(ctx, { name: 'fill', loadAs: [], expr: 's0', result: 'value', scalars: [{ value, type: t }] }, [], y);
};

const whereKernel: GpuKernel = (ctx, inputs, outputs) => {
  const t = wgslType(inputs[1].dtype);
  // loadAs[0] is the compute type the store converts from: the values' type.
  runElementwise(ctx, { name: 'where', loadAs: [null, t, t], expr: 'select(c, b, a != 0u)', result: 'value' }, [inputs[0], inputs[1], inputs[2]], outputs[0]);
};

export const copyKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ['copy', copyKernel],
  ['fill', fillKernel],
  ['where', whereKernel],
];
