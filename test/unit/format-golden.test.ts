// Tensor printing byte for byte against real PyTorch 2.x (test/golden/format.json,
// from scripts/golden/format.py).
import { afterEach, describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  formatDType, formatExp, formatFixed, formatPyFloat, formatSize, formatTensor, setPrintOptions,
  type PrintOptions,
} from '../../engine/format';

const G = JSON.parse(readFileSync(resolve(__dirname, '../golden/format.json'), 'utf8'));

function dec(v: number | string): number {
  if (typeof v === 'number') return v;
  return v === 'nan' ? NaN : v === 'inf' ? Infinity : -Infinity;
}

interface Case {
  name: string; shape: number[]; dtype: string; values: (number | string)[];
  requiresGrad: boolean; gradFn: string | null; isParameter: boolean;
  options: (Partial<PrintOptions> & { profile?: 'default' | 'short' | 'full' }) | null; repr: string;
}

function print(c: Case): string {
  return formatTensor({
    shape: c.shape, dtype: c.dtype, values: c.values.map(dec),
    requiresGrad: c.requiresGrad, gradFn: c.gradFn, isParameter: c.isParameter,
  });
}

afterEach(() => setPrintOptions({ profile: 'default' }));

describe('formatTensor = PyTorch repr', () => {
  for (const c of G.tensors as Case[]) {
    it(c.name, () => expect(print(c)).toBe(c.repr));
  }
});

describe('print options', () => {
  for (const c of G.options as Case[]) {
    it(c.name, () => {
      setPrintOptions(c.options ?? {});
      expect(print(c)).toBe(c.repr);
    });
  }
});

describe('Python float formatting', () => {
  for (const f of G.floats) {
    const v = dec(f.value);
    it(`${f.repr}`, () => {
      expect(formatPyFloat(v)).toBe(f.repr);
      for (const [d, s] of Object.entries(f.fixed)) expect(formatFixed(v, Number(d))).toBe(s);
      for (const [d, s] of Object.entries(f.exp)) expect(formatExp(v, Number(d))).toBe(s);
    });
  }
});

describe('torch.Size and dtypes', () => {
  it('sizes', () => {
    for (const s of G.misc.sizes) expect(formatSize(s.shape)).toBe(s.str);
  });
  it('dtypes', () => {
    for (const [n, s] of Object.entries(G.misc.dtypes)) expect(formatDType(n)).toBe(s);
  });
});
