// copy.deepcopy of tensors and nn.Modules (`best = copy.deepcopy(model)`,
// `copy.deepcopy(model.state_dict())`): copies that share nothing with the
// original, as in PyTorch. Tensors go through engine/nn/deep-copy.ts; a
// module's engine object is rebuilt field by field with every tensor,
// submodule and container copied through the same memo, and gets a Python
// object of the same class.
import { Module } from '../../../nn/module';
import { deepCopyTensor } from '../../../nn/deep-copy';
import { Tensor } from '../../../tensor';
import { PyInstance, type PyValue } from '../../runtime/objects';
import { registerDeepCopier } from '../misc';
import { wrapTensor } from './classes';
import { PyBackedModule, bindNative, wrapModule } from './nn-module';

type Deep = (x: PyValue) => Promise<PyValue>;

registerDeepCopier(async (v, memo, deep) => {
  if (!(v instanceof PyInstance)) return undefined;
  if (v.native instanceof Tensor) {
    const copy = wrapTensor(deepCopyTensor(v.native, memo));
    memo.set(v, copy);
    for (const [k, x] of v.dict) copy.dict.set(k, await deep(x));
    return copy;
  }
  if (v.native instanceof Module) return copyModule(v, v.native, memo, deep);
  return undefined;
});

async function copyModule(o: PyInstance, m: Module, memo: Map<unknown, unknown>, deep: Deep): Promise<PyInstance> {
  const copy = new PyInstance(o.cls);
  memo.set(o, copy);
  const fields = m as unknown as Record<string, unknown>;
  let cm: Module;
  if (m instanceof PyBackedModule) {
    cm = new PyBackedModule(copy, m.ctx);
  } else {
    cm = Object.create(Object.getPrototypeOf(m) as object) as Module;
  }
  memo.set(m, cm);
  const target = cm as unknown as Record<string, unknown>;
  for (const key of Object.keys(fields)) {
    // forward: the trace's wrapper around the original (bindNative wraps the copy's);
    // self and ctx: a Python-backed module's own object and interpreter.
    if (key === 'forward' || key === 'self' || key === 'ctx') continue;
    target[key] = await copyField(fields[key], memo, deep);
  }
  bindNative(copy, cm);
  for (const [k, x] of o.dict) copy.dict.set(k, await deep(x));
  return copy;
}

/** A module field: tensors, modules and containers of them are copied; plain values are shared (immutable). */
async function copyField(x: unknown, memo: Map<unknown, unknown>, deep: Deep): Promise<unknown> {
  if (x instanceof Tensor) return deepCopyTensor(x, memo);
  if (x instanceof Module) return ((await deep(wrapModule(x))) as PyInstance).native;
  if (x instanceof PyInstance) return deep(x);
  if (x instanceof Map) {
    const out = new Map();
    for (const [k, v] of x) out.set(k, await copyField(v, memo, deep));
    return out;
  }
  if (x instanceof Set) return new Set(x);
  if (Array.isArray(x)) {
    const out: unknown[] = [];
    for (const v of x) out.push(await copyField(v, memo, deep));
    return out;
  }
  return x;
}
