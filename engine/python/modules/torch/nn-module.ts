// nn.Module for Python: built-in layers and user subclasses alike are
// PyInstances whose `native` is an engine Module (engine/nn). A user class's
// forward is Python: PyBackedModule bridges it, so an engine Sequential can
// hold user modules and a user module can hold engine layers. Attribute
// assignment follows nn.Module.__setattr__ (parameters and submodules
// register; everything else lands in the instance __dict__).
import { Module } from '../../../nn/module';
import { isParameter } from '../../../nn/parameter';
import { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { PyDict } from '../../runtime/dict';
import {
  type CallContext, PyClass, PyInstance, PyIterator, PyList, PyTuple, STOP, builtinClasses, type PyValue,
} from '../../runtime/objects';
import { OrderedDictClass } from '../collections';
import { asTensor, wrapTensor } from './classes';
import { defMethod, defProperty } from './define';
import { toBool, typeName } from './convert';
import { bind } from './signature';
import { torchHooks, withOperandsAsync } from './hooks';
import { noteParamNames } from './param-names';

export const moduleClass = new PyClass('Module', [builtinClasses.object]);
moduleClass.module = 'torch.nn.modules.module';

/** Engine Module -> its Python object (built-ins created in TS get one lazily). */
const wrappers = new WeakMap<Module, PyInstance>();
/** Python classes of built-in layers by engine type name, for lazily made wrappers. */
export const layerClasses = new Map<string, PyClass>();

export function wrapModule(m: Module): PyInstance {
  let o = wrappers.get(m);
  if (!o) {
    o = new PyInstance(layerClasses.get(m.typeName) ?? moduleClass);
    o.native = m;
    wrappers.set(m, o);
  }
  return o;
}

export function bindNative(o: PyInstance, m: Module): void {
  o.native = m;
  wrappers.set(m, o);
  if (!(m instanceof PyBackedModule)) traceForward(m);
}

/** Makes a built-in layer's forward announce its module path to the trace,
 *  also when a container (Sequential) calls it from TypeScript. */
function traceForward(m: Module): void {
  const inner = m.forward.bind(m);
  m.forward = (...args: unknown[]): unknown => {
    moduleStack.push(modulePaths.get(m) ?? m.typeName);
    try {
      return inner(...args);
    } finally {
      moduleStack.pop();
    }
  };
}

export function asModule(v: PyValue): Module | null {
  return v instanceof PyInstance && v.native instanceof Module ? v.native : null;
}

export function expectModule(v: PyValue, what: string): Module {
  const m = asModule(v);
  if (!m) throw pyError('TypeError', `${what} must be an nn.Module, not ${typeName(v)}`);
  return m;
}

/** Engine values -> Python values (tensors and modules wrapped, arrays as tuples). */
export function toPy(v: unknown): PyValue {
  if (v instanceof Tensor) return wrapTensor(v);
  if (v instanceof Module) return wrapModule(v);
  if (Array.isArray(v)) return new PyTuple(v.map(toPy));
  if (v === undefined) return null;
  if (typeof v === 'number') return Number.isInteger(v) ? BigInt(v) : v;
  return v as PyValue;
}

/** Python values -> what engine modules take. */
export function fromPy(v: PyValue): unknown {
  const t = asTensor(v);
  if (t) return t;
  const m = asModule(v);
  if (m) return m;
  if (v instanceof PyTuple || v instanceof PyList) return v.items.map(fromPy);
  return v;
}

/** A Module whose forward is a Python method. */
export class PyBackedModule extends Module {
  constructor(readonly self: PyInstance, readonly ctx: CallContext) {
    super(self.cls.name);
  }
  override forward(...args: unknown[]): Promise<unknown> {
    const fwd = this.self.cls.lookup('forward');
    if (!fwd || fwd === builtinForward) {
      return Promise.reject(pyError('NotImplementedError', `Module [${this.typeName}] is missing the required "forward" function`));
    }
    return this.run(fwd, args);
  }
  private async run(fwd: PyValue, args: unknown[]): Promise<unknown> {
    moduleStack.push(modulePaths.get(this) ?? this.typeName);
    try {
      return fromPy(await this.ctx.call(fwd, [this.self, ...args.map(toPy)]));
    } finally {
      moduleStack.pop();
    }
  }
}

const S = (v: PyValue): Module => {
  const m = asModule(v);
  if (!m) throw pyError('AttributeError', `cannot assign module before Module.__init__() call`);
  return m;
};

/** Module paths for the graph: modules bound to names, with their children. */
const modulePaths = new WeakMap<Module, string>();
const moduleStack: string[] = [];

export function noteModuleName(name: string, v: PyValue): void {
  const m = asModule(v);
  if (!m) return;
  for (const [sub, child] of m.namedModules(name)) if (!modulePaths.has(child)) modulePaths.set(child, sub);
  const params = m.namedParameters();
  noteParamNames(params);
  torchHooks.nameParameters?.(name, params);
}

export function currentModulePath(): string | undefined {
  return moduleStack.length ? moduleStack[moduleStack.length - 1] : undefined;
}

defMethod(moduleClass, '__init__', (self, _args, _kw, ctx) => {
  const o = self as PyInstance;
  if (!(o.native instanceof Module)) bindNative(o, new PyBackedModule(o, ctx));
  return null;
});

defMethod(moduleClass, 'forward', async (self, args) => toPy(await S(self).call(...args.map(fromPy))));
const builtinForward = moduleClass.dict.get('forward');
defMethod(moduleClass, '__call__', async (self, args, kwargs, ctx) => {
  const m = S(self);
  const fwd = (self as PyInstance).cls.lookup('forward');
  if (fwd === builtinForward) {
    const engineArgs = args.map(fromPy);
    const tensors = engineArgs.filter((a): a is Tensor => a instanceof Tensor);
    return toPy(await withOperandsAsync(tensors, () => m.call(...engineArgs)));
  }
  // A Python forward: the module path is pushed here (built-in forwards push their own).
  moduleStack.push(modulePaths.get(m) ?? m.typeName);
  try {
    return await ctx.call(fwd!, [self, ...args], kwargs);
  } finally {
    moduleStack.pop();
  }
});

defMethod(moduleClass, '__setattr__', (self, [name, value]) => {
  const o = self as PyInstance;
  const key = name as string;
  const m = o.native instanceof Module ? o.native : null;
  const engineValue = fromPy(value);
  if (!m) {
    if (isParameter(engineValue) || engineValue instanceof Module) {
      throw pyError('AttributeError', `cannot assign ${engineValue instanceof Module ? 'module' : 'parameters'} before Module.__init__() call`);
    }
    o.dict.set(key, value);
    return null;
  }
  const registered = m._parameters.has(key) || m._modules.has(key) || m._buffers.has(key);
  if (isParameter(engineValue) || engineValue instanceof Module || registered) {
    o.dict.delete(key);
    m.setAttr(key, engineValue === null ? null : engineValue);
  } else {
    o.dict.set(key, value);
  }
  return null;
});
defMethod(moduleClass, '__getattr__', (self, [name]) => {
  const m = asModule(self);
  if (!m) throw pyError('AttributeError', `'${(self as PyInstance).cls.name}' object has no attribute '${String(name)}'`);
  return toPy(m.getAttr(name as string));
});
defMethod(moduleClass, '__delattr__', (self, [name]) => {
  const o = self as PyInstance;
  if (o.dict.delete(name as string)) return null;
  S(self).delAttr(name as string);
  return null;
});
defMethod(moduleClass, '__repr__', (self) => S(self).repr());
defProperty(moduleClass, 'training', (self) => S(self).training, (self, v) => { S(self).training = toBool(v, 'training'); });

function iter(values: PyValue[]): PyIterator {
  let i = 0;
  return new PyIterator(() => (i < values.length ? values[i++] : STOP));
}
const pair = (k: string, v: PyValue) => new PyTuple([k, v]);

defMethod(moduleClass, 'parameters', (self, args, kw) => {
  const b = bind('parameters', ['recurse'], args, kw);
  return iter(S(self).parameters(b.recurse === undefined ? true : toBool(b.recurse, 'recurse')).map(wrapTensor));
});
defMethod(moduleClass, 'named_parameters', (self, args, kw) => {
  const b = bind('named_parameters', ['prefix', 'recurse'], args, kw);
  const prefix = typeof b.prefix === 'string' ? b.prefix : '';
  return iter(S(self).namedParameters(prefix, b.recurse === undefined ? true : toBool(b.recurse, 'recurse')).map(([k, p]) => pair(k, wrapTensor(p))));
});
defMethod(moduleClass, 'buffers', (self) => iter(S(self).buffers().map(wrapTensor)));
defMethod(moduleClass, 'named_buffers', (self) => iter(S(self).namedBuffers().map(([k, t]) => pair(k, wrapTensor(t)))));
defMethod(moduleClass, 'children', (self) => iter(S(self).children().map(wrapModule)));
defMethod(moduleClass, 'named_children', (self) => iter(S(self).namedChildren().map(([k, c]) => pair(k, wrapModule(c)))));
defMethod(moduleClass, 'modules', (self) => iter(S(self).modules().map(wrapModule)));
defMethod(moduleClass, 'named_modules', (self) => iter(S(self).namedModules().map(([k, c]) => pair(k, wrapModule(c)))));
defMethod(moduleClass, 'train', (self, [mode]) => { S(self).train(mode === undefined ? true : toBool(mode, 'mode')); return self; });
defMethod(moduleClass, 'eval', (self) => { S(self).eval(); return self; });
defMethod(moduleClass, 'zero_grad', (self, args, kw) => {
  const b = bind('zero_grad', ['set_to_none'], args, kw);
  S(self).zeroGrad(b.set_to_none === undefined ? true : toBool(b.set_to_none, 'set_to_none'));
  return null;
});
defMethod(moduleClass, 'requires_grad_', (self, [flag]) => { S(self).requiresGrad_(flag === undefined ? true : toBool(flag, 'requires_grad')); return self; });
for (const name of ['to', 'cpu', 'cuda', 'float', 'double']) defMethod(moduleClass, name, (self) => self);
defMethod(moduleClass, 'add_module', (self, [name, mod]) => { S(self).addModule(name as string, asModule(mod)); return null; });
defMethod(moduleClass, 'register_module', (self, [name, mod]) => { S(self).addModule(name as string, asModule(mod)); return null; });
defMethod(moduleClass, 'register_buffer', (self, [name, t]) => { S(self).registerBuffer(name as string, asTensor(t)); return null; });
defMethod(moduleClass, 'register_parameter', (self, [name, t]) => { S(self).registerParameter(name as string, asTensor(t)); return null; });
defMethod(moduleClass, 'extra_repr', (self) => S(self).extraRepr());
defMethod(moduleClass, 'state_dict', (self) => {
  const d = new PyDict();
  d.klass = OrderedDictClass;
  for (const [k, t] of S(self).stateDict()) d.set(k, wrapTensor(t as Tensor));
  return d;
});

const incompatibleKeysClass = new PyClass('_IncompatibleKeys', [builtinClasses.tuple]);
defMethod(incompatibleKeysClass, '__repr__', (self) => {
  const [missing, unexpected] = (self as PyInstance).native as [string[], string[]];
  if (!missing.length && !unexpected.length) return '<All keys matched successfully>';
  const q = (xs: string[]) => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  return `_IncompatibleKeys(missing_keys=${q(missing)}, unexpected_keys=${q(unexpected)})`;
});

defMethod(moduleClass, 'load_state_dict', (self, args, kw) => {
  const b = bind('load_state_dict', ['state_dict', 'strict', 'assign'], args, kw);
  const src = b.state_dict;
  if (!(src instanceof PyDict)) throw pyError('TypeError', `Expected state_dict to be dict-like, got ${typeName(src ?? null)}.`);
  const entries: [string, Tensor][] = src.entries().map(([k, v]) => [String(k), asTensor(v)!]);
  const r = S(self).loadStateDict(entries, b.strict === undefined ? true : toBool(b.strict, 'strict'));
  const o = new PyInstance(incompatibleKeysClass);
  o.native = [r.missingKeys ?? [], r.unexpectedKeys ?? []];
  return o;
});

export { PyDict, OrderedDictClass };
