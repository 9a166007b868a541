import type { CpuKernel } from './types';
import { unaryKernels } from './unary';
import { binaryKernels } from './binary';
import { copyKernels } from './copy';
import { reduceKernels } from './reduce';
import { matmulKernel } from './matmul';
import { softmaxKernels } from './softmax';
import { gatherKernels } from './gather';

export const allKernels: ReadonlyArray<readonly [string, CpuKernel]> = [
  ...unaryKernels,
  ...binaryKernels,
  ...copyKernels,
  ...reduceKernels,
  ['matmul', matmulKernel],
  ...softmaxKernels,
  ...gatherKernels,
];
