// Keystroke-to-diagnostics latency of live mode, measured on the real path
// below VS Code: the host runtime's worker runs the edited program and the
// trace carries the error that becomes the diagnostic. Latency = debounce
// (setting) + the run's wall time from "edit" to trace. Peers in the same
// run: real PyTorch running the same program (`python3 file.py`, whose time
// includes starting Python and importing torch: that is what a learner
// re-running their script pays).
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { HostRuntime, type RunOutcome } from '../../extension/runtime/hostRuntime';

const ROOT = resolve(__dirname, '../..');
const DEBOUNCE_MS = 300; // the setting's default
const LIVE_BUDGET_MS = 3000; // tensorLens.timeBudgetMs default
const workerPath = join(ROOT, 'dist/worker.js');
if (!existsSync(workerPath)) spawnSync(process.execPath, ['scripts/build.mjs'], { cwd: ROOT, stdio: 'inherit' });

const seed = readFileSync(join(ROOT, 'examples/seed.py'), 'utf8');
const seedEdited = seed.replace(/^(bias = .*)$/m, '$1\ntorch.mm(features, weights)');
// The tutorial's MNIST training (Part 3): an example when there is one, else the conformance program.
const mnistFile = ['examples/mnist_training.py', 'examples/mnist.py', 'test/conformance/mnist/sgd_training.py'].map((f) => join(ROOT, f)).find(existsSync);

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  return s[Math.floor(s.length / 2)];
}

function describe(o: RunOutcome): string {
  if (o.kind !== 'done') return o.kind === 'killed' ? `killed (${o.reason})` : o.kind;
  const t = o.trace;
  return t.stopped ? `stopped by ${t.stopped}` : t.error ? `${t.error.type}: ${t.error.message}` : 'ok';
}

async function timeRuns(rt: HostRuntime, source: string, file: string, n: number, budget: number): Promise<{ ms: number[]; last: RunOutcome }> {
  const ms: number[] = [];
  let last!: RunOutcome;
  for (let i = 0; i < n; i++) {
    const t0 = performance.now();
    last = await rt.start(source, file, { timeBudgetMs: budget, memoryBudgetBytes: 512 * 2 ** 20 }).outcome;
    ms.push(performance.now() - t0);
  }
  return { ms, last };
}

function pythonMs(source: string): number | null {
  const py = [join(ROOT, '.venv-torch/bin/python'), '/usr/bin/python3'].find(existsSync);
  if (!py) return null;
  const file = join(mkdtempSync(join(tmpdir(), 'tl-bench-')), 'p.py');
  writeFileSync(file, source);
  const t0 = performance.now();
  const r = spawnSync(py, [file], { encoding: 'utf8' });
  const ms = performance.now() - t0;
  return r.error ? null : ms;
}

async function main(): Promise<void> {
  const rows: [string, string, string, string][] = [];
  const cold = new HostRuntime({ workerPath });
  const t0 = performance.now();
  const first = await cold.start(seedEdited, 'seed.py', { timeBudgetMs: LIVE_BUDGET_MS, memoryBudgetBytes: 512 * 2 ** 20 }).outcome;
  const coldMs = performance.now() - t0;
  rows.push(['seed + mm error, first run (worker start)', coldMs.toFixed(0), (coldMs + DEBOUNCE_MS).toFixed(0), describe(first)]);

  const warm = await timeRuns(cold, seedEdited, 'seed.py', 15, LIVE_BUDGET_MS);
  const wm = median(warm.ms);
  rows.push(['seed + mm error, warm (median of 15)', wm.toFixed(1), (wm + DEBOUNCE_MS).toFixed(0), describe(warm.last)]);

  if (mnistFile) {
    const src = readFileSync(mnistFile, 'utf8');
    const name = mnistFile.slice(ROOT.length + 1);
    const m = await timeRuns(cold, src, 'mnist.py', 3, LIVE_BUDGET_MS);
    rows.push([`${name} under the ${LIVE_BUDGET_MS} ms live budget (median of 3)`, median(m.ms).toFixed(0), (median(m.ms) + DEBOUNCE_MS).toFixed(0), describe(m.last)]);
    // The learner's typo: a shape error right after the first batch is flattened.
    const flatten = 'images = images.view(images.shape[0], -1)\n';
    const at = src.indexOf(flatten);
    if (at >= 0) {
      const broken = `${src.slice(0, at + flatten.length)}torch.mm(images, images)\n${src.slice(at + flatten.length)}`;
      const e = await timeRuns(cold, broken, 'mnist.py', 3, LIVE_BUDGET_MS);
      rows.push([`${name} + mm error after the first batch (median of 3)`, median(e.ms).toFixed(0), (median(e.ms) + DEBOUNCE_MS).toFixed(0), describe(e.last)]);
    }
  } else {
    rows.push(['MNIST training program', '-', '-', 'no MNIST program in this checkout']);
  }
  cold.dispose();

  console.log('| program | run wall ms | keystroke-to-diagnostics ms (+300 debounce) | outcome |');
  console.log('|---|---|---|---|');
  for (const r of rows) console.log(`| ${r.join(' | ')} |`);

  const py = pythonMs(seed);
  if (py !== null) {
    console.log(`\npeer: real PyTorch, python3 seed.py (process start + import torch + run): ${py.toFixed(0)} ms`);
    console.log(`ratio: Tensor Lens warm re-run is ${(py / wm).toFixed(1)}x faster than re-running the script with Python`);
  }
}

void main().then(
  () => process.exit(0),
  (e) => {
    console.error(e);
    process.exit(1);
  },
);
