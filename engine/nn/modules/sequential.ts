// nn.Sequential: children named "0", "1", ... (or by an OrderedDict's keys),
// indexing with negative indices and slices (a slice keeps the original keys,
// as PyTorch's __getitem__ rebuilds from an OrderedDict), len, iteration.
// forward stays synchronous while every child answers synchronously, so a
// stack of built-in layers costs no Promise; a Python child's async forward
// switches the rest of the chain to async.

import { indexError } from '../../core/errors';
import { Module } from '../module';

/** A Python slice's parts (null = omitted). */
export interface PySlice {
  start: number | null;
  stop: number | null;
  step: number | null;
}

export class Sequential extends Module {
  /** `Sequential(m0, m1, ...)` or `Sequential(OrderedDict(...))` (pass a Map). */
  constructor(...args: (Module | Map<string, Module>)[]) {
    super('Sequential');
    if (args.length === 1 && args[0] instanceof Map) {
      for (const [k, m] of args[0]) this.addModule(k, m);
    } else {
      args.forEach((m, i) => this.addModule(String(i), m as Module));
    }
  }

  length(): number {
    return this._modules.size;
  }

  private keyAt(idx: number): string {
    const n = this.length();
    if (!(idx >= -n && idx < n)) throw indexError(`index ${idx} is out of range`);
    const i = ((idx % n) + n) % n;
    return [...this._modules.keys()][i];
  }

  /** seq[i]. */
  at(idx: number): Module {
    return this._modules.get(this.keyAt(idx)) as Module;
  }

  /** seq[start:stop:step]: a new Sequential sharing the modules, keys kept. */
  slice(s: PySlice): Sequential {
    const entries = [...this._modules.entries()];
    const picked = sliceIndices(entries.length, s).map((i) => entries[i]);
    const out = new Sequential();
    for (const [k, m] of picked) out.addModule(k, m);
    return out;
  }

  /** seq[i] = module. */
  setItem(idx: number, module: Module): void {
    this.setAttr(this.keyAt(idx), module);
  }

  /** del seq[i] / del seq[a:b]; keys are renumbered afterwards, as PyTorch does. */
  delItem(idx: number | PySlice): void {
    const keys = [...this._modules.keys()];
    const doomed = typeof idx === 'number' ? [this.keyAt(idx)] : sliceIndices(keys.length, idx).map((i) => keys[i]);
    for (const k of doomed) this.delAttr(k);
    const rest = [...this._modules.values()];
    this._modules.clear();
    rest.forEach((m, i) => this._modules.set(String(i), m));
  }

  append(module: Module): this {
    this.addModule(String(this.length()), module);
    return this;
  }

  [Symbol.iterator](): Iterator<Module> {
    return ([...this._modules.values()].filter((m) => m !== null) as Module[])[Symbol.iterator]();
  }

  override forward(input: unknown): unknown {
    const mods = [...this._modules.values()];
    let x = input;
    for (let i = 0; i < mods.length; i++) {
      const m = mods[i];
      if (m === null) continue;
      x = m.forward(x);
      if (x instanceof Promise) return continueAsync(x, mods, i + 1);
    }
    return x;
  }
}

async function continueAsync(pending: Promise<unknown>, mods: (Module | null)[], from: number): Promise<unknown> {
  let x = await pending;
  for (let i = from; i < mods.length; i++) {
    const m = mods[i];
    if (m !== null) x = await m.forward(x);
  }
  return x;
}

/** The indices range(len)[slice] selects, with Python's clamping rules. */
export function sliceIndices(len: number, s: PySlice): number[] {
  const step = s.step ?? 1;
  if (step === 0) throw new RangeError('slice step cannot be zero');
  const clamp = (v: number, lo: number, hi: number) => Math.min(Math.max(v, lo), hi);
  const norm = (v: number | null, dflt: number, lo: number, hi: number): number =>
    v === null ? dflt : clamp(v < 0 ? v + len : v, lo, hi);
  const out: number[] = [];
  if (step > 0) {
    const start = norm(s.start, 0, 0, len);
    const stop = norm(s.stop, len, 0, len);
    for (let i = start; i < stop; i += step) out.push(i);
  } else {
    const start = norm(s.start, len - 1, -1, len - 1);
    const stop = norm(s.stop, -1, -1, len - 1);
    for (let i = start; i > stop; i += step) out.push(i);
  }
  return out;
}
