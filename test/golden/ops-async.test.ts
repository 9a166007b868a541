// The same golden table on a backend without synchronous reads (the way
// WebGPU answers). Index and mask tensors are read first (hostIndexEntries),
// as the runtime must do on such a backend.
import { describe, expect, it } from 'vitest';
import { checkOpCase, opCases } from './ops-runner';
import { AsyncCpuBackend } from './async-backend';
import { setDefaultBackend, cpuBackend } from '../../engine/index';

const backend = new AsyncCpuBackend();
// gather's and embedding's index bounds are only checked where values can be
// read synchronously (engine/ops/gather.ts says why).
const NEEDS_SYNC = /^(err_gather_oob|cnn_err_embedding_range)$/;

describe('ops vs PyTorch on a backend with async reads only', () => {
  for (const c of opCases) {
    if (NEEDS_SYNC.test(c.name)) continue;
    it(c.name, async () => {
      try {
        expect(await checkOpCase(c, backend)).toBeNull();
      } finally {
        setDefaultBackend(cpuBackend);
      }
    });
  }
});
