// optimizer.state_dict() / load_state_dict(), in PyTorch's layout.
import type { Optimizer } from '../../../optim/index';
import { Tensor as TensorClass, type Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import { type PyClass, PyList, PyTuple, type PyValue } from '../../runtime/objects';
import { typeName } from '../../runtime/protocol';
import { asTensor, wrapTensor } from './classes';
import { defMethod } from './define';
import { groupDictsOf, hyperFromPy, hyperToPy, syncGroups } from './optim-groups';

export function defineStateDict(cls: PyClass, O: (v: PyValue) => Optimizer): void {
  // state_dict(): {'state': {index: state}, 'param_groups': [group with
  // 'params' as indices, last]}. The state dicts hold the optimizer's own
  // tensors, as PyTorch's do.
  defMethod(cls, 'state_dict', (self) => {
    const opt = O(self);
    syncGroups(opt);
    const index = new Map<Tensor, number>();
    const groups = groupDictsOf(opt).map((d, gi) => {
      const out = new PyDict();
      for (const [k, v] of d.entries()) if (k !== 'params') out.set(k, v);
      out.set('params', new PyList(opt.paramGroups[gi].params.map((p) => {
        if (!index.has(p)) index.set(p, index.size);
        return BigInt(index.get(p)!);
      })));
      return out;
    });
    const state = new PyDict();
    for (const [p, st] of opt.state) {
      const i = index.get(p);
      if (i === undefined) continue;
      const d = new PyDict();
      for (const [k, v] of Object.entries(st)) d.set(k, v instanceof TensorClass ? wrapTensor(v) : hyperToPy(v));
      state.set(BigInt(i), d);
    }
    const out = new PyDict();
    out.set('state', state);
    out.set('param_groups', new PyList(groups));
    return out;
  });

  defMethod(cls, 'load_state_dict', (self, args) => {
    const opt = O(self);
    const sd = args[0];
    if (!(sd instanceof PyDict)) throw pyError('TypeError', `'${typeName(sd ?? null)}' object is not subscriptable`);
    const saved = sd.get('param_groups');
    const savedState = sd.get('state');
    if (!(saved instanceof PyList)) throw pyError('KeyError', "'param_groups'");
    if (!(savedState instanceof PyDict)) throw pyError('KeyError', "'state'");
    if (saved.items.length !== opt.paramGroups.length) {
      throw pyError('ValueError', 'loaded state dict has a different number of parameter groups');
    }
    const byIndex = new Map<number, Tensor>();
    saved.items.forEach((sg, gi) => {
      const ids = sg instanceof PyDict ? sg.get('params') : undefined;
      const n = ids instanceof PyList || ids instanceof PyTuple ? ids.items.length : -1;
      if (n !== opt.paramGroups[gi].params.length) {
        throw pyError('ValueError', "loaded state dict contains a parameter group that doesn't match the size of optimizer's group");
      }
      (ids as PyList).items.forEach((id, j) => byIndex.set(Number(id), opt.paramGroups[gi].params[j]));
    });
    opt.state.clear();
    for (const [k, v] of savedState.entries()) {
      const p = byIndex.get(Number(k));
      if (!p || !(v instanceof PyDict)) continue;
      const st: Record<string, unknown> = {};
      for (const [sk, sv] of v.entries()) st[String(sk)] = asTensor(sv) ?? hyperFromPy(sv);
      opt.loadState(p, st);
    }
    // The saved hyper-parameters replace the groups' (the params stay).
    const dicts = groupDictsOf(opt);
    saved.items.forEach((sg, gi) => {
      const d = dicts[gi];
      const params = d.get('params');
      for (const k of [...d.keys()]) d.delete(k);
      // In the saved group's key order, 'params' (ours) where it stood.
      for (const [k, v] of (sg as PyDict).entries()) d.set(k, k === 'params' ? params ?? v : v);
    });
    syncGroups(opt);
    return null;
  });
}
