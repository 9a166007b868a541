// What the training benchmarks share: timing steps on a shared machine,
// loading a tfjs backend, and running a PyTorch script in a python that has
// torch (the repo's .venv-torch first).
import { spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join, resolve } from 'node:path';

export const ROOT = resolve(__dirname, '../..');

/** Mean ms per step over several short rounds after a warm-up, keeping the
 *  fastest round: the machine is shared, and contention only adds time. */
export async function timeSteps(step: () => unknown | Promise<unknown>, budgetMs: number, rounds = 6, warmup = 5, minSteps = 3): Promise<number> {
  for (let i = 0; i < warmup; i++) await step();
  let best = Infinity;
  for (let r = 0; r < rounds; r++) {
    let n = 0;
    const t0 = performance.now();
    while (n < minSteps || performance.now() - t0 < budgetMs / rounds) {
      await step();
      n++;
    }
    best = Math.min(best, (performance.now() - t0) / n);
  }
  return best;
}

/** tfjs on `backend`, ready, or why not. */
export async function loadTfjs(backend: 'cpu' | 'wasm'): Promise<typeof import('@tensorflow/tfjs') | string> {
  const tf = await import('@tensorflow/tfjs');
  if (backend === 'wasm') {
    const wasm = await import('@tensorflow/tfjs-backend-wasm');
    wasm.setWasmPaths(join(ROOT, 'node_modules/@tensorflow/tfjs-backend-wasm/dist') + '/');
  }
  if (!(await tf.setBackend(backend))) return `backend ${backend} unavailable`;
  await tf.ready();
  return tf;
}

/** Runs `script` with one thread in a python that imports torch; its last
 *  stdout line parsed as JSON, or why there is none. */
export function runTorch<T>(script: string): { ok: true; out: T } | { ok: false; note: string } {
  const py = [join(ROOT, '.venv-torch/bin/python'), '/usr/bin/python3'].find(existsSync);
  if (!py) return { ok: false, note: 'no python with torch' };
  const r = spawnSync(py, ['-c', script], { encoding: 'utf8', env: { ...process.env, OMP_NUM_THREADS: '1', MKL_NUM_THREADS: '1' } });
  if (r.status !== 0) return { ok: false, note: `python failed: ${r.stderr.trim().split('\n').pop()}` };
  return { ok: true, out: JSON.parse(r.stdout.trim().split('\n').pop() as string) as T };
}

type Tfjs = typeof import('@tensorflow/tfjs');

/** A tfjs training step on `backend`: `build` makes the model's variables and
 *  data and returns its loss; each step minimizes it with SGD(lr) and reads
 *  the loss back. Or why tfjs cannot. */
export async function tfjsStepper(backend: 'cpu' | 'wasm', lr: number, build: (tf: Tfjs) => () => import('@tensorflow/tfjs').Scalar): Promise<(() => number) | string> {
  try {
    const tf = await loadTfjs(backend);
    if (typeof tf === 'string') return tf;
    const loss = build(tf);
    const opt = tf.train.sgd(lr);
    return () => {
      const cost = opt.minimize(loss, true);
      const v = cost!.dataSync()[0];
      cost!.dispose();
      return v;
    };
  } catch (e) {
    return `failed: ${(e as Error).message.split('\n')[0]}`;
  }
}
