// torch.optim's param_groups as Python dicts, kept per optimizer and synced
// with the engine's groups (see the note below).
import type { Optimizer, ParamGroup } from '../../../optim/index';
import { PyDict } from '../../runtime/dict';
import { PyList, PyTuple, type PyValue } from '../../runtime/objects';
import { wrapTensor } from './classes';
import type { Bound } from './signature';

// param_groups: one dict per group, made with the optimizer and kept, as in
// Python (`g = opt.param_groups[0]; g['lr'] = 0.01` works at any time). The
// dicts are the truth for hyper-parameters: they are copied into the
// engine's groups before each step, and a scheduler's new lr is written back.
export const groupDicts = new WeakMap<Optimizer, PyDict[]>();
export const groupLists = new WeakMap<Optimizer, PyList>();

export function hyperToPy(v: unknown): PyValue {
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  if (Array.isArray(v)) return new PyTuple(v.map(hyperToPy));
  return (v ?? null) as PyValue;
}
export function hyperFromPy(v: PyValue): unknown {
  if (typeof v === 'bigint') return Number(v);
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(hyperFromPy);
  return v;
}

/** A group's dict: the program's own values where it gave them, else the
 *  defaults (ints where PyTorch's default is an int: weight_decay 0). */
export function groupDict(g: ParamGroup, b: Bound, raw: Map<string, PyValue> | undefined): PyDict {
  const d = new PyDict();
  for (const [k, v] of Object.entries(g)) {
    if (k === 'params') d.set(k, new PyList(g.params.map(wrapTensor)));
    else d.set(k, raw?.get(k) ?? b[k] ?? hyperToPy(v));
  }
  return d;
}

export function groupDictsOf(opt: Optimizer): PyDict[] {
  let dicts = groupDicts.get(opt);
  if (!dicts) {
    dicts = opt.paramGroups.map((g) => groupDict(g, {}, undefined));
    groupDicts.set(opt, dicts);
  }
  return dicts;
}

/** The program's edits of param_groups, into the engine's groups. */
export function syncGroups(opt: Optimizer): void {
  const dicts = groupDicts.get(opt);
  if (!dicts) return;
  opt.paramGroups.forEach((g, i) => {
    const d = dicts[i];
    if (!d) return;
    for (const [k, v] of d.entries()) if (k !== 'params') g[String(k)] = hyperFromPy(v);
  });
}

/** A scheduler's changes to the groups (lr, initial_lr; OneCycleLR also
 *  max_lr, momentum, ...), from the engine's groups into the dicts. A value
 *  that did not change keeps its Python type (lr=1 stays 1), and initial_lr
 *  taken from lr is lr's own object, as PyTorch's setdefault leaves it. */
export function writeLrsBack(opt: Optimizer, keys: readonly string[] = ['lr', 'initial_lr']): void {
  const dicts = groupDictsOf(opt);
  opt.paramGroups.forEach((g, i) => {
    const d = dicts[i];
    for (const key of keys) {
      if (!(key in g)) continue;
      const v = g[key];
      const now = d.get(key);
      if (Array.isArray(v)) {
        const old = now === undefined ? null : hyperFromPy(now);
        if (!Array.isArray(old) || old.length !== v.length || old.some((x, j) => x !== v[j])) {
          d.set(key, new PyTuple(v.map((x, j) => (Array.isArray(old) && old[j] === x && now instanceof PyTuple ? now.items[j] : x as number))));
        }
        continue;
      }
      if (typeof v !== 'number') continue;
      const lr = d.get('lr');
      if (now === undefined && key === 'initial_lr' && lr !== undefined && Number(lr) === v) d.set(key, lr);
      else if (now === undefined || Number(now) !== v) d.set(key, v);
    }
  });
}

