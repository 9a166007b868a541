// PyTorch's CPU generator against exact tensors from real PyTorch 2.13 (AVX2):
// every float32 case bit for bit (raw bytes), float64 within 1e-15.
import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import {
  Generator, defaultGenerator, fillNormal, fillUniform, fillRandint, randomFull, randomInt64, randperm,
} from '../../engine/random';

interface Ref { dtype: string; shape: number[]; b64: string; values?: unknown }
const REF = JSON.parse(readFileSync(resolve(__dirname, '../../../shared/reference/torch-2.13-avx2.json'), 'utf8'));

function numel(shape: number[]): number {
  return shape.reduce((a, b) => a * b, 1);
}

function refArray(r: Ref): Float32Array | Float64Array | Int32Array | BigInt64Array {
  const buf = Buffer.from(r.b64, 'base64');
  const ab = buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength);
  switch (r.dtype) {
    case 'float32': return new Float32Array(ab);
    case 'float64': return new Float64Array(ab);
    case 'int32': return new Int32Array(ab);
    case 'int64': return new BigInt64Array(ab);
    default: throw new Error(r.dtype);
  }
}

function expectSame(got: Float32Array | Float64Array | number[], r: Ref): void {
  const want = refArray(r);
  expect(got.length).toBe(want.length);
  if (r.dtype === 'float32') {
    const g = got instanceof Float32Array ? got : Float32Array.from(got);
    const gb = Buffer.from(g.buffer, g.byteOffset, g.byteLength);
    const wb = Buffer.from((want as Float32Array).buffer);
    if (!gb.equals(wb)) {
      let bad = 0;
      let first = -1;
      for (let i = 0; i < g.length; i++) if (!Object.is(g[i], want[i])) { bad++; if (first < 0) first = i; }
      expect.fail(`${bad}/${g.length} float32 values differ; first at ${first}: ${g[first]} vs ${want[first]}`);
    }
  } else if (r.dtype === 'float64') {
    let worst = 0;
    for (let i = 0; i < got.length; i++) worst = Math.max(worst, Math.abs(got[i] - (want[i] as number)));
    expect(worst).toBeLessThanOrEqual(1e-15);
  } else if (r.dtype === 'int64') {
    expect(Array.from(got, (v) => BigInt(v))).toEqual(Array.from(want as BigInt64Array));
  } else {
    expect(Array.from(got)).toEqual(Array.from(want as Int32Array));
  }
}

function alloc(r: Ref): Float32Array | Float64Array {
  return r.dtype === 'float64' ? new Float64Array(numel(r.shape)) : new Float32Array(numel(r.shape));
}

function seeded(seed: number | bigint): Generator {
  return new Generator(seed);
}

describe('randn (torch-2.13-avx2.json)', () => {
  const cases = REF.randn as Record<string, Ref>;
  for (const [name, r] of Object.entries(cases)) {
    if (!('dtype' in r)) continue;
    it(name, () => {
      const out = alloc(r);
      let seed: number | bigint = 0;
      let mean = 0;
      let std = 1;
      let contiguous = true;
      const m = /_seed(\d+)$/.exec(name);
      if (m) seed = BigInt(m[1]);
      if (name.startsWith('normal_noncontig')) {
        contiguous = false;
        const ms = /mean([\d.]+)_std([\d.]+)/.exec(name);
        if (ms) { mean = Number(ms[1]); std = Number(ms[2]); }
      } else if (name.startsWith('normal_mean0.5_std2')) {
        mean = 0.5; std = 2;
      } else if (name.startsWith('init_normal_std0.01')) {
        std = 0.01;
      }
      fillNormal(seeded(seed), out, mean, std, { contiguous });
      if (name === 'normal_noncontig_8x4_f32') {
        // torch.empty(4, 8).t().normal_(): the serial kernel writes memory
        // order, so logical [i][j] holds draw j*8+i.
        const view = new Float32Array(32);
        for (let i = 0; i < 8; i++) for (let j = 0; j < 4; j++) view[i * 4 + j] = out[j * 8 + i];
        expectSame(view, r);
        return;
      }
      expectSame(out, r);
    });
  }

  it('seq_randn_3_16_1_2: the cached spare sample survives a fill-path call', () => {
    const seq = cases.seq_randn_3_16_1_2 as unknown as Record<string, Ref>;
    const g = seeded(0);
    for (const k of ['a', 'b', 'c', 'd']) {
      const out = alloc(seq[k]);
      fillNormal(g, out);
      expectSame(out, seq[k]);
    }
  });

  it('manual_seed clears the cached spare sample', () => {
    const g = seeded(0);
    const a = new Float32Array(3);
    fillNormal(g, a);
    expect(g.nextDoubleNormal).not.toBeNull();
    g.manualSeed(0);
    expect(g.nextDoubleNormal).toBeNull();
    const b = new Float32Array(3);
    fillNormal(g, b);
    expect(Array.from(b)).toEqual(Array.from(a));
  });
});

describe('rand / uniform_', () => {
  const cases = REF.rand as Record<string, Ref>;
  for (const [name, r] of Object.entries(cases)) {
    it(name, () => {
      const out = alloc(r);
      const m = /^uniform_(-?[\d.]+)_(-?[\d.]+)_/.exec(name);
      const [lo, hi] = m ? [Number(m[1]), Number(m[2])] : [0, 1];
      fillUniform(seeded(0), out, lo, hi);
      expectSame(out, r);
    });
  }
});

describe('randint / random_ / randperm', () => {
  const cases = REF.int as Record<string, Ref>;
  for (const [name, r] of Object.entries(cases)) {
    it(name, () => {
      const g = seeded(0);
      const n = numel(r.shape);
      let got: number[] | Float32Array;
      const ri = /^randint_(-?\d+)_(\w+?)_/.exec(name);
      if (ri) {
        const hi = ri[2] === '2p30' ? 2 ** 30 : ri[2] === '2p40' ? 2 ** 40 : Number(ri[2]);
        got = new Array<number>(n);
        fillRandint(g, got, Number(ri[1]), hi);
      } else if (name.startsWith('random__i64')) {
        const want = refArray(r) as BigInt64Array;
        expect(Array.from({ length: n }, () => randomInt64(g))).toEqual(Array.from(want));
        return;
      } else if (name.startsWith('random__f32')) {
        got = Array.from({ length: n }, () => randomFull(g, 'float32'));
      } else if (name.startsWith('random__i32')) {
        got = Array.from({ length: n }, () => randomFull(g, 'int32'));
      } else if (name.startsWith('randperm_')) {
        got = randperm(g, n);
      } else {
        throw new Error(`unmapped case ${name}`);
      }
      expectSame(got, r);
    });
  }
});

describe('nn.Linear init and the tutorial (seed 0 / seed 7)', () => {
  function linearInit(g: Generator, inF: number, outF: number): { weight: Float32Array; bias: Float32Array } {
    // kaiming_uniform_(a=sqrt(5)) then bias uniform(-1/sqrt(in), 1/sqrt(in)).
    const gain = Math.sqrt(2 / (1 + 5));
    const bound = Math.sqrt(3) * (gain / Math.sqrt(inF));
    const weight = new Float32Array(inF * outF);
    fillUniform(g, weight, -bound, bound);
    const bias = new Float32Array(outF);
    const bb = 1 / Math.sqrt(inF);
    fillUniform(g, bias, -bb, bb);
    return { weight, bias };
  }
  for (const [name, inF, outF] of [['linear_784_256_seed0', 784, 256], ['linear_4_3_seed0', 4, 3]] as const) {
    it(name, () => {
      const { weight, bias } = linearInit(seeded(0), inF, outF);
      expectSame(weight, REF[name].weight);
      expectSame(bias, REF[name].bias);
    });
  }

  it('single neuron tensors (seed 7, serial path with the cached spare)', () => {
    const t = REF.tutorial_seed7.single_neuron;
    const g = seeded(7);
    for (const k of ['features', 'weights', 'bias']) {
      const out = alloc(t[k]);
      fillNormal(g, out);
      expectSame(out, t[k]);
    }
  });

  it('2-layer network tensors (seed 7)', () => {
    const t = REF.tutorial_seed7.mlp;
    const g = seeded(7);
    for (const k of ['features', 'W1', 'W2', 'B1', 'B2']) {
      const out = alloc(t[k]);
      fillNormal(g, out);
      expectSame(out, t[k]);
    }
  });

  it('autograd_square_mean x = randn(2, 2) with seed 0', () => {
    const out = new Float32Array(4);
    fillNormal(seeded(0), out);
    expectSame(out, REF.autograd_square_mean.x);
  });
});

describe('seeding', () => {
  it('default seed is 67280421310721 and manual_seed(0) reports 0', () => {
    expect(new Generator().initialSeed()).toBe(67280421310721n);
    expect(defaultGenerator instanceof Generator).toBe(true);
    expect(seeded(0).initialSeed()).toBe(BigInt(REF.initial_seed_default_generator_after_manual_seed_0));
  });
  it('negative and 64-bit seeds wrap mod 2^64; only the low 32 bits seed MT19937', () => {
    expect(seeded(-1).initialSeed()).toBe((1n << 64n) - 1n);
    const a = seeded(2 ** 32 + 5);
    const b = seeded(5);
    expect(a.random()).toBe(b.random());
    const c = seeded(-1);
    const d = seeded(0xffffffff);
    expect(c.random()).toBe(d.random());
  });
  it('fillUniform32 (block fast path) equals uniform32() draws across twists', () => {
    const a = new Generator(9);
    const b = new Generator(9);
    a.random();
    b.random();
    const fast = new Float32Array(2000);
    a.fillUniform32(fast, 3, 1999);
    const slow = new Float32Array(2000);
    for (let i = 3; i < 1999; i++) slow[i] = b.uniform32();
    expect(Array.from(fast)).toEqual(Array.from(slow));
    expect(a.random()).toBe(b.random());
  });
  it('getState/setState replays the same draws', () => {
    const g = seeded(3);
    g.random();
    const s = g.getState();
    const x = [g.random(), g.random(), g.uniform64()];
    g.setState(s);
    expect([g.random(), g.random(), g.uniform64()]).toEqual(x);
  });
});
