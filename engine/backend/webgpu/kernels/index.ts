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

/** Kernels whose output element i reads only element i of each input (runElementwise): the ones that may read their own output view in place. */
export const ELEMENTWISE_KERNELS: ReadonlySet<string> = new Set([...unaryKernels, ...binaryKernels, ...copyKernels].map(([name]) => name));
