// The tensorfn conformance programs (tril masks, one_hot, nonzero, unique,
// index_select, order statistics, ...) on the WebGPU backend: ops whose output
// size depends on values read them asynchronously, and must print what real
// PyTorch printed, as on the CPU backend.
import { describe, expect, it } from 'vitest';
import { execFileSync } from 'node:child_process';
import { readFileSync } from 'node:fs';

const PROGRAMS = ['basics', 'select', 'errors', 'math', 'inplace', 'order'];

function runCli(file: string): string {
  return execFileSync(process.execPath, ['dist/cli.js', 'run', '--backend', 'webgpu', file], { encoding: 'utf8', env: process.env });
}

// Object addresses differ from run to run, as in the conformance harness.
const addresses = (text: string) => text.replace(/ at 0x[0-9a-f]+>/g, ' at 0x…>');

describe('tensorfn programs on the webgpu backend', () => {
  for (const name of PROGRAMS) {
    it(`tensorfn_${name}.py prints as PyTorch`, () => {
      const file = `test/conformance/torch/tensorfn_${name}.py`;
      expect(addresses(runCli(file))).toBe(addresses(readFileSync(file.replace(/\.py$/, '.out'), 'utf8')));
    }, 60_000);
  }
});
