import type { GpuKernel } from '../context';
import { unaryKernels } from './unary';
import { binaryKernels } from './binary';
import { copyKernels } from './copy';
import { reduceKernels } from './reduce';
import { matmulKernels } from './matmul';
import { softmaxKernels } from './softmax';
import { gatherKernels } from './gather';
import { sortKernels } from './sort';

export const allKernels: ReadonlyArray<readonly [string, GpuKernel]> = [
  ...unaryKernels,
  ...binaryKernels,
  ...copyKernels,
  ...reduceKernels,
  ...matmulKernels,
  ...softmaxKernels,
  ...gatherKernels,
  ...sortKernels,
];
