// The object protocol: type(), attribute access, truthiness, len, repr/str.
// Everything goes through class dicts (dunder methods), as in Python, so user
// classes and native classes (torch) behave the same.
import { formatPyFloat } from '../format/float';
import { strRepr } from '../format/str-repr';
import { PyDict, PyDictView, PySet, objectId } from './dict';
import { PyGenerator } from './generator';
import { excClass, excLinks, exceptionArgs, isExceptionClass, pyError, tracebackOf } from './exceptions';
import {
  CallContext, Ellipsis, NotImplemented, PyBoundMethod, PyBuiltin, PyClass, PyClassMethod, PyFunction,
  PyInstance, PyIterator, PyList, PyModule, PyObject, PyProperty, PyRange, PySlice, PyStaticMethod, PySuper,
  PyTuple, PyValue, builtinClasses as B,
} from './objects';

export function typeOf(v: PyValue): PyClass {
  switch (typeof v) {
    case 'bigint': return B.int;
    case 'number': return B.float;
    case 'string': return B.str;
    case 'boolean': return B.bool;
    default: return v === null ? B.NoneType : v.cls;
  }
}

/** The type's name as error messages print it (CPython's tp_name). */
export function typeName(v: PyValue): string {
  return typeOf(v).tpName;
}

/** A class attribute that user or native code overrides (not object's default). */
export function findDunder(cls: PyClass, name: string): PyValue | undefined {
  const v = cls.lookup(name);
  return v === undefined || v === null ? undefined : v;
}

/** Binds a class attribute found on the MRO to `obj` (descriptor protocol). */
export function bindAttr(attr: PyValue, obj: PyValue, cls: PyClass): PyValue {
  if (attr instanceof PyFunction || attr instanceof PyBuiltin) return new PyBoundMethod(obj, attr);
  if (attr instanceof PyStaticMethod) return attr.func;
  if (attr instanceof PyClassMethod) return new PyBoundMethod(cls, attr.func);
  return attr;
}

function instanceDict(obj: PyValue): Map<string, PyValue> | null {
  if (obj instanceof PyInstance || obj instanceof PyFunction || obj instanceof PyModule) return obj.dict;
  return null;
}

/** getattr(obj, name); undefined when missing (callers raise AttributeError). */
export async function getAttrOpt(ctx: CallContext, obj: PyValue, name: string): Promise<PyValue | undefined> {
  if (obj instanceof PyClass) return classAttr(obj, name);
  if (obj instanceof PySuper) return superAttr(obj, name);
  if (obj instanceof PyModule) {
    const v = obj.dict.get(name);
    if (v !== undefined) return v;
    if (name === '__name__') return obj.name;
    if (name === '__dict__') return PyDict.fromStringMap(obj.dict);
    return undefined;
  }
  const cls = typeOf(obj);
  const attr = cls.lookup(name);
  if (attr instanceof PyProperty) {
    if (attr.fget === null) throw pyError('AttributeError', `property '${name}' of '${cls.name}' object has no getter`);
    return ctx.call(attr.fget, [obj]);
  }
  const d = instanceDict(obj);
  if (d) {
    const v = d.get(name);
    if (v !== undefined) return v;
  }
  if (attr !== undefined) return bindAttr(attr, obj, cls);
  const special = specialAttr(obj, name);
  if (special !== undefined) return special;
  // __getattr__'s own AttributeError (with its message) propagates, as in Python.
  const ga = cls.lookup('__getattr__');
  if (ga) return ctx.call(ga, [obj, name]);
  return undefined;
}

export function isPyExc(e: unknown, name: string): boolean {
  return !!e && typeof e === 'object' && 'value' in e && (e as { value: PyValue }).value instanceof PyInstance &&
    ((e as { value: PyInstance }).value.cls.isSubclassOf(excClass(name)));
}

function specialAttr(obj: PyValue, name: string): PyValue | undefined {
  switch (name) {
    case '__class__': return typeOf(obj);
    case '__dict__': {
      const d = instanceDict(obj);
      return d ? PyDict.fromStringMap(d) : undefined;
    }
    case '__name__':
      if (obj instanceof PyFunction || obj instanceof PyBuiltin || obj instanceof PyGenerator) return obj.name;
      return undefined;
    case '__qualname__':
      return obj instanceof PyFunction || obj instanceof PyGenerator ? obj.qualname : undefined;
    case 'value':
      // StopIteration.value: a generator's return value.
      return obj instanceof PyInstance && obj.cls.isSubclassOf(excClass('StopIteration')) ? exceptionArgs(obj)[0] ?? null : undefined;
    case '__self__':
      return obj instanceof PyBoundMethod ? obj.self : undefined;
    case '__func__':
      return obj instanceof PyBoundMethod ? obj.func : undefined;
    case 'args':
      return obj instanceof PyInstance && isExceptionClass(obj.cls) ? new PyTuple(exceptionArgs(obj)) : undefined;
    case '__cause__': case '__context__': case '__suppress_context__':
      return obj instanceof PyInstance && isExceptionClass(obj.cls) ? chainAttr(obj, name) : undefined;
    case '__traceback__': {
      if (!(obj instanceof PyInstance && isExceptionClass(obj.cls))) return undefined;
      const raised = excLinks(obj).raised;
      return raised ? tracebackOf(raised) : null;
    }
    case 'start': case 'stop': case 'step':
      if (obj instanceof PyRange) return obj[name];
      if (obj instanceof PySlice) return obj[name];
      return undefined;
    case 'real': return typeof obj === 'bigint' || typeof obj === 'number' ? obj : typeof obj === 'boolean' ? BigInt(obj) : undefined;
    case 'imag': return typeof obj === 'bigint' ? 0n : typeof obj === 'number' ? 0 : undefined;
  }
  return undefined;
}

export function classAttr(cls: PyClass, name: string): PyValue | undefined {
  const attr = cls.lookup(name);
  if (attr !== undefined) {
    if (attr instanceof PyStaticMethod) return attr.func;
    if (attr instanceof PyClassMethod) return new PyBoundMethod(cls, attr.func);
    return attr;
  }
  switch (name) {
    case '__name__': return cls.name;
    case '__qualname__': return cls.name;
    case '__module__': return cls.module;
    case '__mro__': return new PyTuple(cls.mro);
    case '__bases__': return new PyTuple(cls.bases);
    case '__base__': return cls.bases[0] ?? null;
    case '__class__': return cls.cls;
    case '__dict__': return PyDict.fromStringMap(cls.dict);
  }
  const meta = cls.cls;
  if (meta !== cls) {
    const m = meta.lookup(name);
    if (m !== undefined) return bindAttr(m, cls, meta);
  }
  return undefined;
}

function superAttr(s: PySuper, name: string): PyValue | undefined {
  const self = s.self;
  const startCls = self instanceof PyClass && self.isSubclassOf(s.thisClass) ? self : typeOf(self);
  const mro = startCls.mro;
  const i = mro.indexOf(s.thisClass);
  for (const c of mro.slice(i + 1)) {
    const v = c.dict.get(name);
    if (v === undefined) continue;
    if (v instanceof PyProperty) return undefined;
    if (self instanceof PyClass && v instanceof PyFunction) return v;
    return bindAttr(v, self, startCls);
  }
  return undefined;
}

export async function getAttr(ctx: CallContext, obj: PyValue, name: string): Promise<PyValue> {
  const v = await getAttrOpt(ctx, obj, name);
  if (v !== undefined) return v;
  throw attributeError(obj, name);
}

export function attributeError(obj: PyValue, name: string) {
  if (obj instanceof PyModule) return pyError('AttributeError', `module '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PyClass) return pyError('AttributeError', `type object '${obj.name}' has no attribute '${name}'`);
  if (obj instanceof PySuper) return pyError('AttributeError', `'super' object has no attribute '${name}'`);
  return pyError('AttributeError', `'${typeName(obj)}' object has no attribute '${name}'`);
}

export async function setAttr(ctx: CallContext, obj: PyValue, name: string, value: PyValue): Promise<void> {
  if (obj instanceof PyClass) {
    obj.dict.set(name, value);
    return;
  }
  const cls = typeOf(obj);
  const custom = cls.lookup('__setattr__');
  if (custom !== undefined && custom !== null && custom !== objectSetattr) {
    await ctx.call(custom, [obj, name, value]);
    return;
  }
  return genericSetAttr(ctx, obj, name, value);
}

/** object.__setattr__: properties, then the instance dict. */
export async function genericSetAttr(ctx: CallContext, obj: PyValue, name: string, value: PyValue): Promise<void> {
  const cls = typeOf(obj);
  const attr = cls.lookup(name);
  if (attr instanceof PyProperty) {
    if (attr.fset === null) throw pyError('AttributeError', `property '${name}' of '${cls.name}' object has no setter`);
    await ctx.call(attr.fset, [obj, value]);
    return;
  }
  if (obj instanceof PyInstance && isExceptionClass(cls) && name.endsWith('__') && setChainAttr(obj, name, value)) return;
  const d = instanceDict(obj);
  if (!d) throw pyError('AttributeError', `'${cls.name}' object has no attribute '${name}'`);
  d.set(name, value);
}

function chainAttr(e: PyInstance, name: string): PyValue {
  const l = excLinks(e);
  return name === '__cause__' ? l.cause : name === '__context__' ? l.context : l.suppressContext;
}

/** BaseException's __cause__/__context__/__suppress_context__ setters. */
function setChainAttr(e: PyInstance, name: string, value: PyValue): boolean {
  const l = excLinks(e);
  const exc = value === null || (value instanceof PyInstance && isExceptionClass(value.cls)) ? value : undefined;
  switch (name) {
    case '__cause__':
      if (exc === undefined) throw pyError('TypeError', 'exception cause must be None or derive from BaseException');
      l.cause = exc;
      l.suppressContext = true;
      return true;
    case '__context__':
      if (exc === undefined) throw pyError('TypeError', 'exception context must be None or derive from BaseException');
      l.context = exc;
      return true;
    case '__suppress_context__':
      l.suppressContext = value === true || (typeof value === 'bigint' && value !== 0n) || (typeof value === 'number' && value !== 0);
      return true;
  }
  return false;
}

export const objectSetattr = new PyBuiltin('__setattr__', async (args, _kw, ctx) => {
  await genericSetAttr(ctx, args[0], args[1] as string, args[2]);
  return null;
});

export async function delAttr(ctx: CallContext, obj: PyValue, name: string): Promise<void> {
  const custom = findDunder(typeOf(obj), '__delattr__');
  if (custom) {
    await ctx.call(custom, [obj, name]);
    return;
  }
  const d = obj instanceof PyClass ? obj.dict : instanceDict(obj);
  if (!d || !d.delete(name)) throw attributeError(obj, name);
}

// ---- truthiness, len ----

export function truthySync(v: PyValue): boolean | undefined {
  switch (typeof v) {
    case 'boolean': return v;
    case 'bigint': return v !== 0n;
    case 'number': return v !== 0;
    case 'string': return v.length > 0;
  }
  if (v === null) return false;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length > 0;
  if (v instanceof PyDict) return v.size > 0;
  if (v instanceof PySet) return v.map.size > 0;
  if (v instanceof PyRange) return v.length > 0n;
  if (v instanceof PyDictView) return v.dict.size > 0;
  if (v instanceof PyInstance) return undefined;
  return true;
}

export function truthy(ctx: CallContext, v: PyValue): boolean | Promise<boolean> {
  const t = truthySync(v);
  return t !== undefined ? t : truthyInstance(ctx, v as PyInstance);
}

async function truthyInstance(ctx: CallContext, v: PyInstance): Promise<boolean> {
  const b = findDunder(v.cls, '__bool__');
  if (b) {
    const r = await ctx.call(b, [v]);
    if (typeof r !== 'boolean') throw pyError('TypeError', `__bool__ should return bool, returned ${typeName(r)}`);
    return r;
  }
  const l = findDunder(v.cls, '__len__');
  if (l) return (await len(ctx, v)) > 0n;
  return true;
}

export async function len(ctx: CallContext, v: PyValue): Promise<bigint> {
  const s = lenSync(v);
  if (s !== undefined) return BigInt(s);
  const l = findDunder(typeOf(v), '__len__');
  if (!l) throw pyError('TypeError', `object of type '${typeName(v)}' has no len()`);
  const r = await ctx.call(l, [v]);
  if (typeof r === 'boolean') return r ? 1n : 0n;
  if (typeof r !== 'bigint') throw pyError('TypeError', `'${typeName(r)}' object cannot be interpreted as an integer`);
  if (r < 0n) throw pyError('ValueError', '__len__() should return >= 0');
  return r;
}

export function lenSync(v: PyValue): number | undefined {
  if (typeof v === 'string') return [...v].length === v.length ? v.length : [...v].length;
  if (v instanceof PyList || v instanceof PyTuple) return v.items.length;
  if (v instanceof PyDict) return v.size;
  if (v instanceof PySet) return v.map.size;
  if (v instanceof PyRange) return Number(v.length);
  if (v instanceof PyDictView) return v.dict.size;
  return undefined;
}

// ---- repr / str ----

export function reprSync(v: PyValue): string | undefined {
  switch (typeof v) {
    case 'string': return strRepr(v);
    case 'bigint': return intToString(v);
    case 'number': return formatPyFloat(v);
    case 'boolean': return v ? 'True' : 'False';
  }
  if (v === null) return 'None';
  return undefined;
}

const INT_MAX_STR_DIGITS = 4300;
const INT_DIGITS_LIMIT = 10n ** BigInt(INT_MAX_STR_DIGITS);

/** str(int), with CPython 3.11's limit on huge conversions. */
export function intToString(v: bigint): string {
  if (v >= INT_DIGITS_LIMIT || -v >= INT_DIGITS_LIMIT) {
    throw pyError('ValueError', `Exceeds the limit (${INT_MAX_STR_DIGITS} digits) for integer string conversion; use sys.set_int_max_str_digits() to increase the limit`);
  }
  return v.toString();
}

const reprStack = new Set<PyValue>();

export async function repr(ctx: CallContext, v: PyValue): Promise<string> {
  const s = reprSync(v);
  if (s !== undefined) return s;
  const o = v as PyObject;
  if (o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet) {
    if (reprStack.has(o)) return o instanceof PyList ? '[...]' : o instanceof PyDict ? '{...}' : '(...)';
    reprStack.add(o);
    try {
      return await containerRepr(ctx, o);
    } finally {
      reprStack.delete(o);
    }
  }
  if (o instanceof PyDictView) {
    const parts: string[] = [];
    for (const x of o.items()) parts.push(await repr(ctx, x));
    return `${o.typeName}([${parts.join(', ')}])`;
  }
  const r = findDunder(o.cls, '__repr__');
  if (r) {
    const out = await ctx.call(r, [o]);
    if (typeof out !== 'string') throw pyError('TypeError', `__repr__ returned non-string (type ${typeName(out)})`);
    return out;
  }
  return defaultRepr(o);
}

async function containerRepr(ctx: CallContext, o: PyList | PyTuple | PyDict | PySet): Promise<string> {
  if (o instanceof PyDict) {
    const parts: string[] = [];
    for (const [k, v] of o.entries()) parts.push(`${await repr(ctx, k)}: ${await repr(ctx, v)}`);
    const body = '{' + parts.join(', ') + '}';
    if (o.klass) return dictSubclassRepr(ctx, o, parts);
    return body;
  }
  if (o instanceof PySet) {
    const parts: string[] = [];
    for (const v of o.items()) parts.push(await repr(ctx, v));
    if (o.frozen) return parts.length ? `frozenset({${parts.join(', ')}})` : 'frozenset()';
    return parts.length ? '{' + parts.join(', ') + '}' : 'set()';
  }
  const parts: string[] = [];
  for (const v of o.items) parts.push(await repr(ctx, v));
  if (o instanceof PyList) return '[' + parts.join(', ') + ']';
  return parts.length === 1 ? `(${parts[0]},)` : '(' + parts.join(', ') + ')';
}

async function dictSubclassRepr(ctx: CallContext, o: PyDict, parts: string[]): Promise<string> {
  const name = o.klass?.name;
  if (name === 'defaultdict') {
    const f = o.defaultFactory === null ? 'None' : await repr(ctx, o.defaultFactory);
    return `defaultdict(${f}, {${parts.join(', ')}})`;
  }
  if (name === 'OrderedDict' && parts.length === 0) return 'OrderedDict()';
  if (name === 'OrderedDict') {
    const items: string[] = [];
    for (const [k, v] of o.entries()) items.push(`(${await repr(ctx, k)}, ${await repr(ctx, v)})`);
    return `OrderedDict([${items.join(', ')}])`;
  }
  if (name === 'Counter') {
    // CPython lists a Counter most common first (stable for ties).
    const items = o.entries().map((e, i) => [e, i] as const).sort((a, b) => {
      const x = a[0][1];
      const y = b[0][1];
      return typeof x === 'bigint' && typeof y === 'bigint' && x !== y ? (x > y ? -1 : 1) : a[1] - b[1];
    });
    const ps: string[] = [];
    for (const [[k, v]] of items) ps.push(`${await repr(ctx, k)}: ${await repr(ctx, v)}`);
    return ps.length ? `Counter({${ps.join(', ')}})` : 'Counter()';
  }
  return `${name}({${parts.join(', ')}})`;
}

function hexId(o: object): string {
  return '0x7f' + (0x1000000 + objectId(o) * 16).toString(16).padStart(10, '0');
}

export function defaultRepr(o: PyObject): string {
  if (o instanceof PyClass) return `<class '${o.qualifiedName}'>`;
  if (o instanceof PyFunction) return `<function ${o.qualname} at ${hexId(o)}>`;
  if (o instanceof PyBuiltin) return `<built-in function ${o.name}>`;
  if (o instanceof PyBoundMethod) {
    const f = o.func;
    const fname = f instanceof PyFunction ? f.qualname : f instanceof PyBuiltin ? f.name : '?';
    if (f instanceof PyBuiltin) return `<built-in method ${fname} of ${typeName(o.self)} object at ${hexId(o)}>`;
    return `<bound method ${fname} of <${typeOf(o.self).qualifiedName} object at ${hexId(o.self as object)}>>`;
  }
  if (o instanceof PyModule) return `<module '${o.name}' (built-in)>`;
  if (o instanceof PyRange) return o.step === 1n ? `range(${o.start}, ${o.stop})` : `range(${o.start}, ${o.stop}, ${o.step})`;
  if (o === NotImplemented) return 'NotImplemented';
  if (o === Ellipsis) return 'Ellipsis';
  if (o instanceof PyGenerator) return `<generator object ${o.qualname} at ${hexId(o)}>`;
  if (o instanceof PyIterator) return `<${o.cls.name} object at ${hexId(o)}>`;
  if (o instanceof PyInstance && isExceptionClass(o.cls)) {
    const args = exceptionArgs(o);
    const inner = args.map((a) => reprSync(a) ?? '...').join(', ');
    return `${o.cls.name}(${inner})`;
  }
  return `<${o.cls.qualifiedName} object at ${hexId(o)}>`;
}

export async function str(ctx: CallContext, v: PyValue): Promise<string> {
  if (typeof v === 'string') return v;
  const s = reprSync(v);
  if (s !== undefined) return s;
  const o = v as PyObject;
  if (o instanceof PyInstance || (o instanceof PyObject && !(o instanceof PyList || o instanceof PyTuple || o instanceof PyDict || o instanceof PySet))) {
    const f = findDunder(o.cls, '__str__');
    if (f) {
      const out = await ctx.call(f, [o]);
      if (typeof out !== 'string') throw pyError('TypeError', `__str__ returned non-string (type ${typeName(out)})`);
      return out;
    }
    if (o instanceof PyInstance && isExceptionClass(o.cls)) return exceptionStr(ctx, o);
  }
  return repr(ctx, v);
}

export async function exceptionStr(ctx: CallContext, e: PyInstance): Promise<string> {
  const args = exceptionArgs(e);
  if (args.length === 0) return '';
  if (args.length === 1) {
    return e.cls.isSubclassOf(excClass('KeyError')) ? repr(ctx, args[0]) : str(ctx, args[0]);
  }
  return repr(ctx, new PyTuple(args));
}
