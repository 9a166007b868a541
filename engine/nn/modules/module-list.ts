// nn.ModuleList: an indexable list of registered modules ("0", "1", ...),
// renumbered after insert/delete, with PyTorch 2.x's compressed repr that
// folds runs of identical reprs into "(0-2): 3 x Linear(...)". It has no
// forward: a module holding one iterates it in its own forward.

import { indexError } from '../../core/errors';
import { Module } from '../module';
import { addIndent } from '../module-repr';
import { sliceIndices, type PySlice } from './sequential';

export class ModuleList extends Module {
  constructor(modules: Iterable<Module> = []) {
    super('ModuleList');
    this.extend(modules);
  }

  length(): number {
    return this._modules.size;
  }

  private list(): Module[] {
    return [...this._modules.values()] as Module[];
  }

  private index(idx: number): number {
    const n = this.length();
    if (!(idx >= -n && idx < n)) throw indexError(`index ${idx} is out of range`);
    return idx < 0 ? idx + n : idx;
  }

  at(idx: number): Module {
    return this.list()[this.index(idx)];
  }

  /** ml[a:b]: a new ModuleList, renumbered from 0. */
  slice(s: PySlice): ModuleList {
    const all = this.list();
    return new ModuleList(sliceIndices(all.length, s).map((i) => all[i]));
  }

  setItem(idx: number, module: Module): void {
    this.setAttr(String(this.index(idx)), module);
  }

  delItem(idx: number | PySlice): void {
    const all = this.list();
    const doomed = new Set(typeof idx === 'number' ? [this.index(idx)] : sliceIndices(all.length, idx));
    this.renumber(all.filter((_, i) => !doomed.has(i)));
  }

  private renumber(mods: Module[]): void {
    this._modules.clear();
    mods.forEach((m, i) => this._modules.set(String(i), m));
  }

  append(module: Module): this {
    this.addModule(String(this.length()), module);
    return this;
  }

  extend(modules: Iterable<Module>): this {
    for (const m of modules) this.append(m);
    return this;
  }

  /** list.insert semantics: the index is clamped, negative counts from the end. */
  insert(index: number, module: Module): void {
    const all = this.list();
    const n = all.length;
    let i = index < 0 ? Math.max(0, index + n) : Math.min(index, n);
    if (!Number.isInteger(i)) i = Math.trunc(i);
    all.splice(i, 0, module);
    this.renumber(all);
  }

  pop(idx = -1): Module {
    const m = this.at(idx);
    this.delItem(idx);
    return m;
  }

  [Symbol.iterator](): Iterator<Module> {
    return this.list()[Symbol.iterator]();
  }

  override repr(): string {
    return this.compressed(this.list().map((m) => m.repr()));
  }

  override async reprAsync(): Promise<string> {
    const reprs: string[] = [];
    for (const m of this.list()) reprs.push(await m.reprAsync());
    return this.compressed(reprs);
  }

  private compressed(reprs: string[]): string {
    if (reprs.length === 0) return `${this.typeName}()`;
    const lines: string[] = [];
    let start = 0;
    for (let i = 1; i <= reprs.length; i++) {
      if (i < reprs.length && reprs[i] === reprs[start]) continue;
      const local = i - 1 === start ? `(${start}): ${reprs[start]}` : `(${start}-${i - 1}): ${i - start} x ${reprs[start]}`;
      lines.push(addIndent(local, 2));
      start = i;
    }
    return `${this.typeName}(\n  ${lines.join('\n  ')}\n)`;
  }
}
