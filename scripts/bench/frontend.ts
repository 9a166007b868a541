// The Python front end end to end: parse + run of examples/seed.py through
// engine/runtime.ts run() (the path the CLI, worker and tests use), warm,
// median of many runs, against `python3 examples/seed.py` with real PyTorch
// as a process (what a learner pays to re-run the script: start Python,
// import torch, run). Target: the engine at least 300x faster.
// Then the trace's size (bytes of JSON) for a training program over 3, 30
// and 90 epochs: the recorder caps what it keeps, so the size must level off
// rather than grow with the number of steps.
// Run by `npm run bench` or `npm run bench -- frontend`.
import { spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parse } from '../../engine/python/index';
import { run } from '../../engine/runtime';

const ROOT = resolve(__dirname, '../..');
const SEED = join(ROOT, 'examples/seed.py');
const TARGET_RATIO = 300;
const ENGINE_RUNS = 200;
const PYTHON_RUNS = 5;

function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const m = s.length >> 1;
  return s.length % 2 ? s[m] : (s[m - 1] + s[m]) / 2;
}

async function engineSeed(source: string): Promise<{ parseMs: number; runMs: number; stdout: string }> {
  // Warm-up: module registry, JIT, first allocations.
  for (let i = 0; i < 20; i++) await run(source, { file: 'seed.py' });
  const parseMs: number[] = [];
  for (let i = 0; i < ENGINE_RUNS; i++) {
    const t0 = performance.now();
    parse(source);
    parseMs.push(performance.now() - t0);
  }
  const runMs: number[] = [];
  let stdout = '';
  for (let i = 0; i < ENGINE_RUNS; i++) {
    const t0 = performance.now();
    const trace = await run(source, { file: 'seed.py' });
    runMs.push(performance.now() - t0);
    if (trace.error) throw new Error(`seed.py failed in the engine: ${trace.error.type}: ${trace.error.message}`);
    stdout = trace.stdout;
  }
  return { parseMs: median(parseMs), runMs: median(runMs), stdout };
}

/** The first Python that imports torch: the project's venv, then Debian's. */
function torchPython(): { py: string; version: string } | null {
  for (const py of [join(ROOT, '.venv-torch/bin/python'), '/usr/bin/python3']) {
    if (!existsSync(py)) continue;
    const r = spawnSync(py, ['-c', 'import torch; print(torch.__version__)'], { encoding: 'utf8' });
    if (r.status === 0) return { py, version: r.stdout.trim() };
  }
  return null;
}

function pythonSeed(py: string): { ms: number; stdout: string } {
  const ms: number[] = [];
  let stdout = '';
  for (let i = 0; i < PYTHON_RUNS; i++) {
    const t0 = performance.now();
    const r = spawnSync(py, [SEED], { encoding: 'utf8', cwd: ROOT });
    ms.push(performance.now() - t0);
    if (r.status !== 0) throw new Error(`python3 seed.py failed: ${r.stderr.trim().split('\n').pop()}`);
    stdout = r.stdout;
  }
  return { ms: median(ms), stdout };
}

/** A small synthetic regression/classification run, tutorial style. */
function trainingProgram(epochs: number): string {
  return `import torch
from torch import nn, optim
from torch.utils.data import TensorDataset, DataLoader

torch.manual_seed(0)
X = torch.randn(256, 20)
y = (X[:, 0] + X[:, 1] > 0).long()
loader = DataLoader(TensorDataset(X, y), batch_size=32, shuffle=True)
model = nn.Sequential(nn.Linear(20, 32), nn.ReLU(), nn.Linear(32, 2))
criterion = nn.CrossEntropyLoss()
optimizer = optim.SGD(model.parameters(), lr=0.1)
for epoch in range(${epochs}):
    running_loss = 0.0
    for xb, yb in loader:
        optimizer.zero_grad()
        loss = criterion(model(xb), yb)
        loss.backward()
        optimizer.step()
        running_loss += loss.item()
    print(f"epoch {epoch + 1}: loss {running_loss / len(loader):.4f}")
`;
}

async function traceSize(epochs: number): Promise<{ bytes: number; steps: number; ms: number; error: string | null }> {
  const t0 = performance.now();
  const trace = await run(trainingProgram(epochs), { file: `train_${epochs}.py`, timeBudgetMs: 300_000 });
  const ms = performance.now() - t0;
  return {
    bytes: JSON.stringify(trace).length,
    steps: trace.steps.length,
    ms,
    error: trace.error ? `${trace.error.type}: ${trace.error.message}` : null,
  };
}

async function main(): Promise<number> {
  let status = 0;
  const source = readFileSync(SEED, 'utf8');
  const eng = await engineSeed(source);
  console.log('| examples/seed.py | ms (median) | runs |');
  console.log('|---|---|---|');
  console.log(`| engine parse only | ${eng.parseMs.toFixed(3)} | ${ENGINE_RUNS} |`);
  console.log(`| engine parse + run (runtime.run, trace included) | ${eng.runMs.toFixed(3)} | ${ENGINE_RUNS} |`);

  const torch = torchPython();
  if (!torch) {
    console.log('\npeer skipped: neither .venv-torch/bin/python nor /usr/bin/python3 imports torch');
  } else {
    const py = pythonSeed(torch.py);
    console.log(`| python3 seed.py (${torch.py}, torch ${torch.version}; process) | ${py.ms.toFixed(1)} | ${PYTHON_RUNS} |`);
    const same = py.stdout === eng.stdout;
    const ratio = py.ms / eng.runMs;
    console.log(`\nsame stdout as PyTorch: ${same ? 'yes' : 'NO'}`);
    console.log(`ratio: engine ${ratio.toFixed(0)}x faster than the PyTorch process (target >= ${TARGET_RATIO}x): ${ratio >= TARGET_RATIO ? 'met' : 'NOT met'}`);
    if (!same) status = 1;
  }

  console.log('\n| training program (256 samples, batch 32, 8 steps/epoch) | optimizer steps | trace JSON bytes | run ms |');
  console.log('|---|---|---|---|');
  const sizes: number[] = [];
  for (const epochs of [3, 30, 90]) {
    const r = await traceSize(epochs);
    if (r.error) {
      console.log(`| ${epochs} epochs | failed: ${r.error} | | |`);
      status = 1;
      continue;
    }
    sizes.push(r.bytes);
    console.log(`| ${epochs} epochs | ${r.steps} | ${r.bytes} | ${r.ms.toFixed(0)} |`);
  }
  if (sizes.length === 3) {
    const growth = sizes[2] / sizes[1];
    console.log(`\ntrace 90 vs 30 epochs: x${growth.toFixed(2)} for 3x the steps (${growth < 1.5 ? 'bounded' : 'NOT bounded'})`);
  }
  return status;
}

void main().then(
  (status) => process.exit(status),
  (e) => {
    console.error(e instanceof Error ? e.message : e);
    process.exit(1);
  },
);
