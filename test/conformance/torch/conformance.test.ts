// Each program here runs through runtime.run() and must print byte for byte
// what real PyTorch printed for it (NAME.out, from
// scripts/golden/torch_conformance.py); a failing program must raise the
// same exception type and message (NAME.err). Object addresses
// (`<PowBackward0 object at 0x...>`) differ in every process and are masked.
import { readFileSync, readdirSync, existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { run } from '../../../engine/runtime';

const dir = __dirname;
const programs = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();
const mask = (s: string) => s.replace(/ at 0x[0-9a-f]+>/g, ' at 0x…>');

describe('torch conformance (real PyTorch 2.13 output)', () => {
  it('has programs', () => {
    expect(programs.length).toBeGreaterThan(10);
  });
  for (const file of programs) {
    it(file, async () => {
      const base = join(dir, file.replace(/\.py$/, ''));
      const source = readFileSync(base + '.py', 'utf8');
      const trace = await run(source, { file });
      expect(mask(trace.stdout)).toBe(mask(readFileSync(base + '.out', 'utf8')));
      const errFile = base + '.err';
      const expectedErr = existsSync(errFile) ? readFileSync(errFile, 'utf8').trim() : null;
      const gotErr = trace.error ? `${trace.error.type}: ${trace.error.message}` : null;
      expect(gotErr).toBe(expectedErr);
    });
  }
});
