// Engine micro-benchmarks beside the peers, all measured in this one run on
// one thread: µs per tiny op (1x5 add, with and without autograd recording),
// matmul GFLOP/s at 64/256/512/1024, and ms for randn(1000, 1000). Peers:
// @tensorflow/tfjs (cpu and wasm backends) and PyTorch (torch.set_num_threads(1))
// when a Python with torch is found. Each number is the best of several
// rounds, because these machines are shared and noisy; ratios are peer/engine
// for times (above 1 = engine faster) and engine/peer for GFLOP/s.
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';
import * as E from '../../engine/index';

const ROOT = resolve(__dirname, '../..');
const SIZES = [64, 256, 512, 1024];
type Row = { engine: number | null; 'tfjs-cpu': number | null; 'tfjs-wasm': number | null; torch: number | null };
const results: Record<string, Row> = {};
const put = (key: string, peer: keyof Row, v: number | null) => {
  results[key] ??= { engine: null, 'tfjs-cpu': null, 'tfjs-wasm': null, torch: null };
  results[key][peer] = v;
};

/** Best-of-rounds time per call in ms. */
function bestMs(fn: () => void, callsPerRound: number, rounds: number): number {
  for (let i = 0; i < Math.min(callsPerRound, 1000); i++) fn();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    const t0 = performance.now();
    for (let i = 0; i < callsPerRound; i++) fn();
    best = Math.min(best, (performance.now() - t0) / callsPerRound);
  }
  return best;
}

const gflops = (n: number, ms: number) => (2 * n * n * n) / (ms * 1e6);

function benchEngine(): void {
  const a = E.randn([1, 5]);
  const b = E.randn([1, 5]);
  put('add 1x5 (µs)', 'engine', bestMs(() => E.add(a, b), 100_000, 7) * 1000);
  const ag = E.requiresGrad_(E.randn([1, 5]));
  const bg = E.requiresGrad_(E.randn([1, 5]));
  put('add 1x5 autograd (µs)', 'engine', bestMs(() => E.add(ag, bg), 100_000, 7) * 1000);
  for (const n of SIZES) {
    const x = E.randn([n, n]);
    const y = E.randn([n, n]);
    put(`matmul ${n} (GFLOP/s)`, 'engine', gflops(n, bestMs(() => E.mm(x, y), n >= 512 ? 1 : 10, n >= 1024 ? 3 : 5)));
  }
  put('randn 1000x1000 (ms)', 'engine', bestMs(() => E.randn([1000, 1000]), 1, 5));
}

async function benchTfjs(backendName: 'cpu' | 'wasm'): Promise<void> {
  const peer = backendName === 'cpu' ? 'tfjs-cpu' : 'tfjs-wasm';
  try {
    // eslint-disable-next-line @typescript-eslint/no-require-imports
    const tf = require('@tensorflow/tfjs') as typeof import('@tensorflow/tfjs');
    if (backendName === 'wasm') {
      // eslint-disable-next-line @typescript-eslint/no-require-imports
      const wasm = require('@tensorflow/tfjs-backend-wasm') as { setWasmPaths: (p: string) => void; setThreadsCount?: (n: number) => void };
      wasm.setWasmPaths(process.env.TFJS_WASM_DIR ?? join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist/'));
      wasm.setThreadsCount?.(1);
    }
    await tf.setBackend(backendName);
    await tf.ready();
    const a = tf.randomNormal([1, 5]);
    const b = tf.randomNormal([1, 5]);
    put('add 1x5 (µs)', peer, bestMs(() => tf.add(a, b).dispose(), 20_000, 5) * 1000);
    // tfjs records a tape only inside a gradient scope: time the add there.
    const va = tf.variable(a);
    put('add 1x5 autograd (µs)', peer, bestMs(() => tf.variableGrads(() => tf.add(va, b).sum() as import('@tensorflow/tfjs').Scalar).value.dispose(), 2000, 5) * 1000);
    for (const n of SIZES) {
      const x = tf.randomNormal([n, n]);
      const y = tf.randomNormal([n, n]);
      const ms = bestMs(() => { const r = tf.matMul(x, y); r.dataSync(); r.dispose(); }, n >= 512 ? 1 : 5, n >= 1024 ? 2 : 3);
      put(`matmul ${n} (GFLOP/s)`, peer, gflops(n, ms));
      x.dispose();
      y.dispose();
    }
    put('randn 1000x1000 (ms)', peer, bestMs(() => { const r = tf.randomNormal([1000, 1000]); r.dataSync(); r.dispose(); }, 1, 3));
  } catch (e) {
    console.log(`(${peer} unavailable: ${(e as Error).message.split('\n')[0]})`);
  }
}

const TORCH_SCRIPT = `
import json, time, torch
torch.set_num_threads(1)
def best(fn, calls, rounds):
    for _ in range(min(calls, 1000)): fn()
    b = float('inf')
    for _ in range(rounds):
        t0 = time.perf_counter()
        for _ in range(calls): fn()
        b = min(b, (time.perf_counter() - t0) / calls)
    return b * 1000
out = {}
a = torch.randn(1, 5); b = torch.randn(1, 5)
out['add 1x5 (µs)'] = best(lambda: a + b, 100000, 5) * 1000
ag = torch.randn(1, 5, requires_grad=True); bg = torch.randn(1, 5, requires_grad=True)
out['add 1x5 autograd (µs)'] = best(lambda: ag + bg, 100000, 5) * 1000
for n in ${JSON.stringify(SIZES)}:
    x = torch.randn(n, n); y = torch.randn(n, n)
    ms = best(lambda: torch.mm(x, y), 1 if n >= 512 else 10, 5)
    out['matmul %d (GFLOP/s)' % n] = 2 * n ** 3 / (ms * 1e6)
out['randn 1000x1000 (ms)'] = best(lambda: torch.randn(1000, 1000), 1, 5)
print(json.dumps(out))
`;

function benchTorch(): void {
  const pys = [join(ROOT, '.venv-torch/bin/python'), '/usr/bin/python3'].filter(existsSync).concat(['python3']);
  for (const py of pys) {
    const r = spawnSync(py, ['-c', TORCH_SCRIPT], { encoding: 'utf8', timeout: 300_000 });
    if (r.status === 0) {
      const vals = JSON.parse(r.stdout.trim().split('\n').pop()!) as Record<string, number>;
      for (const [k, v] of Object.entries(vals)) put(k, 'torch', v);
      console.log(`(PyTorch from ${py})`);
      return;
    }
  }
  console.log('(PyTorch unavailable: no python with torch)');
}

function fmt(v: number | null): string {
  return v === null ? '—' : v >= 100 ? v.toFixed(0) : v >= 10 ? v.toFixed(1) : v.toFixed(2);
}

async function main(): Promise<void> {
  benchEngine();
  await benchTfjs('cpu');
  await benchTfjs('wasm');
  benchTorch();
  const peers: (keyof Row)[] = ['tfjs-cpu', 'tfjs-wasm', 'torch'];
  console.log(['metric'.padEnd(26), 'engine', ...peers, ...peers.map((p) => `vs ${p}`)].map((s) => s.padStart(11)).join(' '));
  for (const [k, r] of Object.entries(results)) {
    const higherBetter = k.includes('GFLOP');
    const ratios = peers.map((p) => {
      const e = r.engine, q = r[p];
      if (e === null || q === null) return '—';
      return `${(higherBetter ? e / q : q / e).toFixed(2)}x`;
    });
    console.log([k.padEnd(26), fmt(r.engine), ...peers.map((p) => fmt(r[p])), ...ratios].map((s) => s.padStart(11)).join(' '));
  }
  console.log('ratios: >1 means the engine is faster. Targets (issue 3): add with autograd <= 0.5 µs, matmul >= 4.5 GFLOP/s from 256, randn <= 15 ms.');
}

void main();
