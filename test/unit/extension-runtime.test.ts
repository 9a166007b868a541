// The host runtime end to end below VS Code: the real worker bundle running the
// real engine. Checks that results arrive, that a cancel and the time budget
// stop a runaway program, and that a new run supersedes the one in flight.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import * as esbuild from 'esbuild';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { HostRuntime } from '../../extension/runtime/hostRuntime';
import { recordAt } from '../../extension/trace/query';

const ROOT = resolve(__dirname, '../..');
const seed = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
const budgets = { timeBudgetMs: 5000, memoryBudgetBytes: 256 * 2 ** 20 };
let workerPath: string;
let runtime: HostRuntime;

beforeAll(async () => {
  workerPath = join(mkdtempSync(join(tmpdir(), 'tl-worker-')), 'worker.js');
  await esbuild.build({ entryPoints: [join(ROOT, 'extension/runtime/worker.ts')], outfile: workerPath, bundle: true, platform: 'node', format: 'cjs', target: 'node20', logLevel: 'error' });
  runtime = new HostRuntime({ workerPath, cancelGraceMs: 500 });
});

afterAll(() => runtime?.dispose());

describe('host runtime (worker_thread)', () => {
  test('runs the seed example and returns its trace', async () => {
    const o = await runtime.start(seed, 'seed.py', budgets).outcome;
    expect(o.kind).toBe('done');
    if (o.kind !== 'done') return;
    expect(o.trace.error).toBeNull();
    const at = seed.indexOf('features = torch.randn((1, 5))');
    const rec = recordAt(o.trace, at + 1);
    expect(rec?.value.kind).toBe('tensor');
    if (rec?.value.kind === 'tensor') {
      expect(rec.value.shape).toEqual([1, 5]);
      expect(rec.value.printed).toContain('-0.1468');
    }
  });

  test('streams print output', async () => {
    let out = '';
    const o = await runtime.start('import torch\nprint("hello", 1 + 1)\n', 'p.py', budgets, (t) => (out += t)).outcome;
    expect(o.kind).toBe('done');
    expect(out).toBe('hello 2\n');
  });

  test('the time budget stops while True: pass, with the results before it', async () => {
    const src = 'import torch\nx = torch.ones(2)\nwhile True: pass\n';
    const t0 = Date.now();
    const o = await runtime.start(src, 'loop.py', { ...budgets, timeBudgetMs: 400 }).outcome;
    expect(Date.now() - t0).toBeLessThan(400 + 2500);
    if (o.kind === 'done') {
      expect(o.trace.stopped).toBe('time');
      expect(recordAt(o.trace, src.indexOf('x ='))?.value.kind).toBe('tensor');
    } else {
      expect(o).toMatchObject({ kind: 'killed', reason: 'time' });
    }
  });

  test('cancel stops a runaway run quickly, and the runtime serves the next run', async () => {
    const h = runtime.start('while True: pass\n', 'loop.py', budgets);
    await new Promise((r) => setTimeout(r, 100));
    const t0 = Date.now();
    h.cancel();
    const o = await h.outcome;
    expect(o.kind).toBe('cancelled');
    expect(Date.now() - t0).toBeLessThan(1500);
    const next = await runtime.start('import torch\nprint(torch.ones(2))\n', 'n.py', budgets).outcome;
    expect(next.kind).toBe('done');
  });

  test('a new run supersedes the one in flight', async () => {
    const first = runtime.start('while True: pass\n', 'loop.py', budgets);
    const second = runtime.start('import torch\ny = torch.zeros(3)\n', 'y.py', budgets);
    expect((await first.outcome).kind).toBe('cancelled');
    const o = await second.outcome;
    expect(o.kind).toBe('done');
  });
});
