// numpy ndarray repr/str byte for byte against real numpy 2.4
// (test/golden/format.json "numpy", from scripts/golden/format.py).
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { formatNdarrayRepr, formatNdarrayStr, formatNumpyScalar, type NdarrayPrintInput } from '../../engine/format';

const G = JSON.parse(readFileSync(resolve(__dirname, '../golden/format.json'), 'utf8'));

function dec(v: number | string): number {
  if (typeof v === 'number') return v;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

describe('numpy array printing', () => {
  for (const c of G.numpy) {
    it(c.name, () => {
      const a: NdarrayPrintInput = { shape: c.shape, dtype: c.dtype, values: c.values.map(dec) };
      expect(formatNdarrayRepr(a)).toBe(c.repr);
      expect(formatNdarrayStr(a, (v) => formatNumpyScalar(v, a.dtype))).toBe(c.str);
    });
  }
});
