// Tensor methods and properties as PyTorch's Python API spells them.
import { pyError } from '../../runtime/exceptions';
import {
  type CallContext, type Kwargs, PyClass, PyInstance, PyIterator, PyList, PyTuple, STOP, builtinClasses, type PyValue,
} from '../../runtime/objects';
import { objectId } from '../../runtime/dict';
import { Tensor } from '../../../tensor';
import type { Node } from '../../../autograd/node';
import { legacyTypeName } from '../../../core/dtype';
import {
  asTensor, legacyClasses, makeSize, maybeWrap, pyDtype, tensorClass, toDType, wrapTensor,
} from './classes';
import { defMethod, defProperty } from './define';
import { pyNumber, toBool, toInt, toNumber, toShape, typeName } from './convert';
import { SHARED, sizeOf } from './shared-ops';
import { bind, requireArgs } from './signature';
import { toOperand } from './operand';
import { torchHooks } from './hooks';
import * as E from './engine-ops';
import { generatorArg } from './random-generator';

const S = (v: PyValue): Tensor => asTensor(v)!;

// Methods shared with torch.* functions.
for (const [name, op] of Object.entries(SHARED)) {
  defMethod(tensorClass, name, (self, args, kwargs) => {
    const positional = op.varargs ? [self] : [self, ...args];
    const b = bind(name, op.params, positional, kwargs);
    requireArgs(name, b, op.params.filter((x) => x !== '*').slice(0, op.required ?? 1));
    return op.impl(b, op.varargs ? args : []);
  });
}

defMethod(tensorClass, 'view', (self, args) => {
  if (args.length === 1 && args[0] instanceof PyInstance && args[0].cls.name === 'dtype') {
    throw pyError('NotImplementedError', 'Tensor.view(dtype) is not supported');
  }
  return wrapTensor(E.view(S(self), toShape(args, 'view')));
});
defMethod(tensorClass, 'view_as', (self, [o]) => wrapTensor(E.view(S(self), S(o).shape)));
defMethod(tensorClass, 'reshape_as', (self, [o]) => wrapTensor(E.reshape(S(self), S(o).shape)));
defMethod(tensorClass, 'expand', (self, args) => wrapTensor(E.expand(S(self), toShape(args, 'expand'))));
defMethod(tensorClass, 'expand_as', (self, [o]) => wrapTensor(E.expand(S(self), S(o).shape)));
defMethod(tensorClass, 'contiguous', (self) => wrapTensor(E.contiguous(S(self))));
defMethod(tensorClass, 'size', (self, [dim], kwargs) => sizeOf(S(self), dim ?? kwargs?.get('dim')));
defMethod(tensorClass, 'dim', (self) => BigInt(S(self).dim()));
defMethod(tensorClass, 'ndimension', (self) => BigInt(S(self).dim()));
defMethod(tensorClass, 'is_contiguous', (self) => S(self).isContiguous());
defMethod(tensorClass, 'element_size', (self) => BigInt(itemSizeOf(S(self))));

function itemSizeOf(t: Tensor): number {
  return { float32: 4, float64: 8, int64: 8, int32: 4, bool: 1 }[t.dtype];
}

// ---- values out ----------------------------------------------------------

function isInt(t: Tensor): boolean {
  return t.dtype === 'int64' || t.dtype === 'int32';
}

defMethod(tensorClass, 'item', async (self) => {
  const t = S(self);
  return pyNumber(await t.itemAsync(), isInt(t), t.dtype === 'bool');
});
defMethod(tensorClass, 'tolist', async (self) => {
  const t = S(self);
  const values = await t.read();
  const conv = (x: number) => pyNumber(x, isInt(t), t.dtype === 'bool');
  if (t.shape.length === 0) return conv(values[0]);
  let pos = 0;
  const build = (d: number): PyValue => {
    const out: PyValue[] = [];
    for (let i = 0; i < t.shape[d]; i++) out.push(d === t.shape.length - 1 ? conv(values[pos++]) : build(d + 1));
    return new PyList(out);
  };
  return build(0);
});
defMethod(tensorClass, '__float__', async (self) => Number(await scalarOf(S(self))));
defMethod(tensorClass, '__int__', async (self) => BigInt(Math.trunc(await scalarOf(S(self)))));
defMethod(tensorClass, '__index__', async (self) => {
  const t = S(self);
  if (!isInt(t) && t.dtype !== 'bool') throw pyError('TypeError', 'only integer tensors of a single element can be converted to an index');
  return BigInt(await scalarOf(t));
});
defMethod(tensorClass, '__bool__', async (self) => {
  const t = S(self);
  if (t.numel() !== 1) throw pyError('RuntimeError', 'Boolean value of Tensor with more than one value is ambiguous');
  return (await t.read())[0] !== 0;
});
defMethod(tensorClass, '__len__', (self) => {
  const t = S(self);
  if (t.dim() === 0) throw pyError('TypeError', 'len() of a 0-d tensor');
  return BigInt(t.shape[0]);
});
defMethod(tensorClass, '__iter__', (self) => {
  const t = S(self);
  if (t.dim() === 0) throw pyError('TypeError', 'iteration over a 0-d tensor');
  let i = 0;
  return new PyIterator(() => (i < t.shape[0] ? wrapTensor(E.select(t, 0, i++)) : STOP));
});
defMethod(tensorClass, '__hash__', (self) => BigInt(objectId(self as object)));

async function scalarOf(t: Tensor): Promise<number> {
  if (t.numel() !== 1) {
    throw pyError('ValueError', `only one element tensors can be converted to Python scalars`);
  }
  return (await t.read())[0];
}

// ---- dtype conversions ---------------------------------------------------

for (const [name, d] of [['float', 'float32'], ['double', 'float64'], ['long', 'int64'], ['int', 'int32'], ['bool', 'bool']] as const) {
  defMethod(tensorClass, name, (self) => wrapTensor(E.to(S(self), d)));
}
defMethod(tensorClass, 'to', (self, args, kwargs) => {
  let t = S(self);
  const cands = [...args, ...(kwargs ? [...kwargs.entries()].filter(([k]) => k === 'dtype' || k === 'device').map(([, v]) => v) : [])];
  for (const a of cands) {
    if (a instanceof PyInstance && a.cls.name === 'dtype') t = E.to(t, toDType(a));
    else if (asTensor(a)) t = E.to(t, asTensor(a)!.dtype);
    // Devices ('cpu', torch.device('cpu'), 'cuda') leave the tensor where it is: the engine has one device.
  }
  return wrapTensor(t);
});
defMethod(tensorClass, 'cpu', (self) => self);
defMethod(tensorClass, 'cuda', (self) => self);
defMethod(tensorClass, 'type', (self, [dtype], kwargs) => {
  const t = S(self);
  const d = dtype ?? kwargs?.get('dtype');
  if (d === undefined || d === null) return legacyTypeName(t.dtype);
  return wrapTensor(E.to(t, toDType(d)));
});
defMethod(tensorClass, 'type_as', (self, [o]) => wrapTensor(E.to(S(self), S(o).dtype)));

// ---- in place ------------------------------------------------------------

function operandOf(v: PyValue, what: string) {
  const o = toOperand(v);
  if (o === null) throw pyError('TypeError', `${what}(): argument 'other' must be Tensor or Number, not ${typeName(v)}`);
  return o;
}
for (const [name, fn] of [['add_', E.add_], ['sub_', E.sub_], ['mul_', E.mul_], ['div_', E.div_], ['pow_', E.pow_]] as const) {
  defMethod(tensorClass, name, (self, [o], kwargs) => {
    const alpha = kwargs?.get('alpha');
    fn(S(self), operandOf(o, name), alpha === undefined ? undefined : toNumber(alpha, 'alpha'));
    return self;
  });
}
defMethod(tensorClass, 'zero_', (self) => { E.zero_(S(self)); return self; });
defMethod(tensorClass, 'fill_', (self, [v]) => { E.fill_(S(self), toNumber(v, 'value')); return self; });
defMethod(tensorClass, 'copy_', (self, [src]) => { E.copy_(S(self), S(src)); return self; });
defMethod(tensorClass, 'clamp_', (self, args, kwargs) => {
  const b = bind('clamp_', ['min', 'max'], args, kwargs);
  E.clamp_(S(self), b.min == null ? null : toNumber(b.min, 'min'), b.max == null ? null : toNumber(b.max, 'max'));
  return self;
});
defMethod(tensorClass, 'normal_', (self, args, kwargs) => {
  const b = bind('normal_', ['mean', 'std', '*', 'generator'], args, kwargs);
  E.normal_(S(self), b.mean == null ? 0 : toNumber(b.mean, 'mean'), b.std == null ? 1 : toNumber(b.std, 'std'), generatorArg(b.generator, 'normal_'));
  return self;
});
defMethod(tensorClass, 'uniform_', (self, args, kwargs) => {
  const b = bind('uniform_', ['from', 'to', '*', 'generator'], args, kwargs);
  E.uniform_(S(self), b.from == null ? 0 : toNumber(b.from, 'from'), b.to == null ? 1 : toNumber(b.to, 'to'), generatorArg(b.generator, 'uniform_'));
  return self;
});

// ---- autograd ------------------------------------------------------------

defMethod(tensorClass, 'backward', async (self, args, kwargs, ctx) => {
  const b = bind('backward', ['gradient', 'retain_graph', 'create_graph', 'inputs'], args, kwargs);
  const t = S(self);
  const grad = b.gradient == null ? undefined : S(b.gradient);
  // The trace shows every graph node's gradient: intermediate tensors keep
  // theirs for this one backward (retain_grad), then go back to PyTorch's
  // behaviour (.grad None on non-leaves) before user code runs again.
  const probes = (torchHooks.gradProbes?.() ?? []).filter((p) => !p.isLeaf && p.requiresGrad && !p.retainsGrad);
  for (const p of probes) E.retainGrad(p);
  try {
    E.backward(t, grad, b.retain_graph == null ? false : toBool(b.retain_graph, 'retain_graph'));
    await torchHooks.onBackward?.(ctx.currentRange, t);
  } finally {
    for (const p of probes) {
      p.grad = null;
      p.retainsGrad = false;
      const r = p.gradFn?.retained;
      if (r) r[p.outputNr] = null;
    }
  }
  return null;
});
defMethod(tensorClass, 'requires_grad_', (self, [flag], kwargs) => {
  const f = flag ?? kwargs?.get('requires_grad');
  E.requiresGrad_(S(self), f === undefined ? true : toBool(f, 'requires_grad'));
  return self;
});
defMethod(tensorClass, 'retain_grad', (self) => { E.retainGrad(S(self)); return null; });

defProperty(tensorClass, 'shape', (self) => makeSize(S(self).shape));
defProperty(tensorClass, 'dtype', (self) => pyDtype(S(self).dtype));
defProperty(tensorClass, 'ndim', (self) => BigInt(S(self).dim()));
defProperty(tensorClass, 'T', (self) => wrapTensor(E.numpyT(S(self))));
defProperty(tensorClass, 'mT', (self) => wrapTensor(E.transpose(S(self), -2, -1)));
defProperty(tensorClass, 'is_leaf', (self) => S(self).isLeaf);
defProperty(tensorClass, 'retains_grad', (self) => S(self).retainsGrad);
defProperty(tensorClass, 'is_cuda', () => false);
defProperty(tensorClass, 'device', () => deviceObject());
defProperty(
  tensorClass, 'requires_grad', (self) => S(self).requiresGrad,
  (self, v) => { E.requiresGrad_(S(self), toBool(v, 'requires_grad')); },
);
defProperty(
  tensorClass, 'grad', (self) => maybeWrap(S(self).grad),
  (self, v) => { S(self).grad = v === null ? null : S(v); },
);
defProperty(
  tensorClass, 'data', (self) => wrapTensor(E.detach(S(self))),
  (self, v) => { E.setData(S(self), S(v)); },
);
defProperty(tensorClass, 'grad_fn', (self) => gradFnObject(S(self)));

// ---- grad_fn and device objects -----------------------------------------

const gradFnClasses = new Map<string, PyClass>();
const gradFnObjects = new WeakMap<object, PyInstance>();

function gradFnObject(t: Tensor): PyValue {
  return t.gradFn ? nodeObject(t.gradFn) : null;
}

/** The Python object of a backward node (one per node, so `is` works). */
function nodeObject(node: Node): PyInstance {
  let o = gradFnObjects.get(node);
  if (o) return o;
  let c = gradFnClasses.get(node.name);
  if (!c) {
    c = new PyClass(node.name, [builtinClasses.object]);
    defMethod(c, 'name', (s) => ((s as PyInstance).native as { name: string }).name);
    // ((next node, its output number), ...) per input, as the blitz tutorial walks it:
    // a leaf that requires grad is its AccumulateGrad, an input without grad None.
    defProperty(c, 'next_functions', (s) => {
      const n = (s as PyInstance).native as Node;
      return new PyTuple(n.next.map((e, i) => new PyTuple([
        e === null ? null : e instanceof Tensor ? accumulateGradObject(e) : nodeObject(e),
        BigInt(n.nextNr?.[i] ?? 0),
      ])));
    });
    gradFnClasses.set(node.name, c);
  }
  o = new PyInstance(c);
  o.native = node;
  gradFnObjects.set(node, o);
  return o;
}

/** PyTorch's AccumulateGrad: where a leaf's gradient is summed into .grad. */
const accumulateGradClass = new PyClass('AccumulateGrad', [builtinClasses.object]);
defMethod(accumulateGradClass, 'name', () => 'torch::autograd::AccumulateGrad');
defProperty(accumulateGradClass, 'next_functions', () => new PyTuple([]));
defProperty(accumulateGradClass, 'variable', (s) => wrapTensor((s as PyInstance).native as Tensor));
const accumulateGrads = new WeakMap<Tensor, PyInstance>();

function accumulateGradObject(leaf: Tensor): PyInstance {
  let o = accumulateGrads.get(leaf);
  if (!o) {
    o = new PyInstance(accumulateGradClass);
    o.native = leaf;
    accumulateGrads.set(leaf, o);
  }
  return o;
}

let device: PyInstance | null = null;
export const deviceClass = new PyClass('device', [builtinClasses.object]);
deviceClass.module = 'torch';
deviceClass.cTypeName = 'torch.device';
const devType = (self: PyValue): string => {
  const t = (self as PyInstance).dict.get('_type');
  return typeof t === 'string' ? t : 'cpu';
};
defMethod(deviceClass, '__repr__', (self) => `device(type='${devType(self)}')`);
defMethod(deviceClass, '__str__', (self) => devType(self));
defProperty(deviceClass, 'type', (self) => devType(self));
export function deviceObject(): PyInstance {
  device ??= new PyInstance(deviceClass);
  return device;
}

export { legacyClasses, toInt };
export type { CallContext, Kwargs };
