// Python programs using numpy (and its torch bridge) run through the
// interpreter; stdout must equal what real numpy 2.4 / torch 2.13 printed
// (test/golden/format-numpy-programs.json, from scripts/golden/format_numpy_programs.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { runPython } from '../../engine/python/run';
import { defaultModules } from '../../engine/python/modules/registry';
import '../../engine/python/modules/index';
import { registerTorchModules } from '../../engine/python/modules/torch/index';
import { registerNumpyModules } from '../../engine/python/modules/numpy/index';

const G = JSON.parse(readFileSync(resolve(__dirname, '../golden/format-numpy-programs.json'), 'utf8')) as Record<string, { source: string; stdout: string }>;

function registry() {
  const reg = defaultModules.extend();
  registerTorchModules(reg);
  registerNumpyModules(reg);
  return reg;
}

describe('numpy programs print what numpy prints', () => {
  for (const [name, p] of Object.entries(G)) {
    it(name, async () => {
      const r = await runPython(p.source, { modules: registry() });
      expect(r.error).toBeNull();
      expect(r.stdout).toBe(p.stdout);
    });
  }
});
