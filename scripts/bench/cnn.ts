// ms per training step of the classic MNIST CNN a learner writes:
//   Conv2d(1,16,3,padding=1)-ReLU-MaxPool2d(2)-Conv2d(16,32,3,padding=1)-ReLU-MaxPool2d(2)
//   -Flatten-Linear(32*7*7,10) + CrossEntropyLoss + SGD(lr=0.01), batch 32 of 1x28x28.
// Peers in the same run: @tensorflow/tfjs (cpu and wasm; the same layers as
// variables + optimizer.minimize, NHWC as tfjs wants) and real PyTorch
// (1 thread, spawned python). Fastest of six short rounds (the machine is shared).
// Run by `npm run bench` or `npm run bench -- cnn`.
import { runTorch, tfjsStepper, timeSteps } from './lib/peers';
import { Conv2d, CrossEntropyLoss, Flatten, Linear, MaxPool2d, ReLU, Sequential } from '../../engine/nn';
import { SGD } from '../../engine/optim';
import { defaultGenerator } from '../../engine/random';
import { randint, randn } from '../../engine/ops/random';
import { backward } from '../../engine/autograd/backward';
import type { Tensor } from '../../engine/tensor';

const BATCH = 32;
const LR = 0.01;

function engineStepper(): () => number {
  defaultGenerator.manualSeed(0);
  const model = new Sequential(
    new Conv2d(1, 16, 3, { padding: 1 }), new ReLU(), new MaxPool2d(2),
    new Conv2d(16, 32, 3, { padding: 1 }), new ReLU(), new MaxPool2d(2),
    new Flatten(1, -1), new Linear(32 * 7 * 7, 10),
  );
  const crit = new CrossEntropyLoss();
  const opt = new SGD(model.parameters(), { lr: LR });
  const x = randn([BATCH, 1, 28, 28]);
  const y = randint(0, 10, [BATCH]);
  return () => {
    opt.zeroGrad();
    const loss = crit.callSync(model.callSync(x) as Tensor, y) as Tensor;
    backward(loss);
    opt.step();
    return loss.item();
  };
}

function tfjsCnn(backend: 'cpu' | 'wasm'): Promise<(() => number) | string> {
  return tfjsStepper(backend, LR, (tf) => {
    type T4 = import('@tensorflow/tfjs').Tensor4D;
    const u = (shape: number[], fanIn: number) => tf.variable(tf.randomUniform(shape, -1 / Math.sqrt(fanIn), 1 / Math.sqrt(fanIn)));
    const w1 = u([3, 3, 1, 16], 9), b1 = u([16], 9), w2 = u([3, 3, 16, 32], 144), b2 = u([32], 144);
    const w3 = u([32 * 7 * 7, 10], 32 * 49), b3 = u([10], 32 * 49);
    const x = tf.randomNormal([BATCH, 28, 28, 1]);
    const y = tf.oneHot(tf.randomUniform([BATCH], 0, 10, 'int32'), 10);
    return () => {
      const h1 = tf.maxPool(tf.relu(tf.add(tf.conv2d(x as T4, w1 as T4, 1, 'same'), b1)) as T4, 2, 2, 'valid');
      const h2 = tf.maxPool(tf.relu(tf.add(tf.conv2d(h1, w2 as T4, 1, 'same'), b2)) as T4, 2, 2, 'valid');
      const logits = tf.add(tf.matMul(tf.reshape(h2, [BATCH, 32 * 7 * 7]), w3), b3);
      return tf.losses.softmaxCrossEntropy(y, logits) as import('@tensorflow/tfjs').Scalar;
    };
  });
}

const TORCH_SCRIPT = `
import json, time, torch
from torch import nn
torch.set_num_threads(1)
torch.manual_seed(0)
model = nn.Sequential(nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
                      nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
crit = nn.CrossEntropyLoss(); opt = torch.optim.SGD(model.parameters(), lr=${LR})
x = torch.randn(${BATCH}, 1, 28, 28); y = torch.randint(0, 10, (${BATCH},))
def step():
    opt.zero_grad(); loss = crit(model(x), y); loss.backward(); opt.step(); return loss.item()
for _ in range(3): step()
best = float("inf")
for _ in range(6):
    n = 0; t0 = time.perf_counter()
    while n < 2 or time.perf_counter() - t0 < 0.5:
        step(); n += 1
    best = min(best, (time.perf_counter() - t0) / n * 1000)
print(json.dumps({"version": torch.__version__, "ms": best}))
`;

function torchRow(): { name: string; ms: number | null; note?: string } {
  const r = runTorch<{ version: string; ms: number }>(TORCH_SCRIPT);
  return r.ok ? { name: `PyTorch ${r.out.version} (1 thread)`, ms: r.out.ms } : { name: 'PyTorch (1 thread)', ms: null, note: r.note };
}

async function main(): Promise<void> {
  const engineMs = await timeSteps(engineStepper(), 4000, 6, 3, 2);
  const rows: { name: string; ms: number | null; note?: string }[] = [{ name: 'Tensor Lens engine (cpu)', ms: engineMs }];
  for (const be of ['cpu', 'wasm'] as const) {
    const s = await tfjsCnn(be);
    if (typeof s === 'string') {
      rows.push({ name: `tfjs ${be}`, ms: null, note: s });
      continue;
    }
    try {
      rows.push({ name: `tfjs ${be}`, ms: await timeSteps(s, 4000, 6, 3, 2) });
    } catch (e) {
      rows.push({ name: `tfjs ${be}`, ms: null, note: `cannot train it: ${(e as Error).message.split('\n')[0]}` });
    }
  }
  rows.push(torchRow());
  console.log(`| implementation | batch ${BATCH} ms/step | peer/engine | note |`);
  console.log('|---|---|---|---|');
  for (const r of rows) {
    console.log(`| ${r.name} | ${r.ms === null ? '-' : r.ms.toFixed(1)} | ${r.ms === null ? '-' : (r.ms / engineMs).toFixed(2)} | ${r.note ?? ''} |`);
  }
}

main().catch((e) => {
  console.error(e);
  process.exit(1);
});
