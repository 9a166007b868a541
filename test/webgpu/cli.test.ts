// `tensor-lens run --backend webgpu` through Node + Dawn (SwiftShader here):
// the tutorial programs print what real PyTorch printed, on the GPU backend.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

function runCli(file: string): string {
  return execFileSync(process.execPath, ['dist/cli.js', 'run', '--backend', 'webgpu', file], {
    encoding: 'utf8',
    env: process.env,
  });
}

describe('tensor-lens run --backend webgpu', () => {
  it('prints the seed example exactly as PyTorch', () => {
    expect(runCli('examples/seed.py')).toBe('tensor([[0.1595]])\ntensor([[0.1595]])\ntensor([[0.3171]])\n');
  });

  it('runs the two-layer network and the autograd walkthrough as PyTorch printed them', () => {
    for (const name of ['two_layer', 'autograd_walkthrough']) {
      const expected = readFileSync(`test/conformance/torch/${name}.out`, 'utf8');
      // Object addresses differ from run to run, as in the conformance harness.
      const addresses = (text: string) => text.replace(/ at 0x[0-9a-f]+>/g, ' at 0x…>');
      expect(addresses(runCli(`test/conformance/torch/${name}.py`))).toBe(addresses(expected));
    }
  });
});
