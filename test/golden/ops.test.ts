// Every op, forward and backward, against PyTorch's values on the CPU backend.
import { describe, expect, it } from 'vitest';
import { cpuBackend } from '../../engine/index';
import { checkOpCase, opCases } from './ops-runner';

describe('ops vs PyTorch (cpu backend)', () => {
  it('has the generated cases', () => {
    expect(opCases.length).toBeGreaterThan(400);
  });
  for (const c of opCases) {
    it(c.name, async () => {
      expect(await checkOpCase(c, cpuBackend)).toBeNull();
    });
  }
});
