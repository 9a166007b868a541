// def, lambda and class statements -> function and class objects.
import type { Expr, Param, Stmt } from '../ast';
import { PyDict } from './dict';
import { pyError } from './exceptions';
import type { Interpreter } from './interpreter';
import { PyClass, PyClassMethod, PyFunction, PyProperty, PyStaticMethod, PyValue, builtinClasses } from './objects';
import { Scope } from './scope';
import { ev } from './eval';
import { evalArgs } from './eval';
import { execBlock } from './exec';
import { callValue } from './call';
import { analyseFunction } from '../parse/scope';

async function evalDefaults(it: Interpreter, params: Param[], scope: Scope): Promise<Map<string, PyValue>> {
  const defaults = new Map<string, PyValue>();
  for (const p of params) if (p.default) defaults.set(p.name, await ev(it, p.default, scope));
  return defaults;
}

export async function makeFunction(it: Interpreter, s: Extract<Stmt, { kind: 'FunctionDef' }>, scope: Scope): Promise<PyValue> {
  if (s.isAsync) throw pyError('NotImplementedError', 'async functions are not supported by Tensor Lens');
  const decorators: PyValue[] = [];
  for (const d of s.decorators) decorators.push(await ev(it, d, scope));
  const defaults = await evalDefaults(it, s.params, scope);
  const info = s.scope ?? analyseFunction(s.params, s.body);
  const fn = new PyFunction(s.name, scope.qualPrefix + s.name, s.params, s.body, scope, defaults, info, s.range);
  fn.dict.set('__module__', '__main__');
  fn.dict.set('__doc__', docstring(s.body));
  let v: PyValue = fn;
  for (let i = decorators.length - 1; i >= 0; i--) v = await callValue(it, decorators[i], [v], null);
  return v;
}

function docstring(body: Stmt[]): PyValue {
  const first = body[0];
  if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && typeof first.value.value === 'string') return first.value.value;
  return null;
}

const lambdaInfo = new WeakMap<Expr, ReturnType<typeof analyseFunction>>();

export async function makeLambda(it: Interpreter, e: Extract<Expr, { kind: 'Lambda' }>, scope: Scope): Promise<PyValue> {
  let info = lambdaInfo.get(e);
  if (!info) {
    info = analyseFunction(e.params, []);
    lambdaInfo.set(e, info);
  }
  const defaults = await evalDefaults(it, e.params, scope);
  return new PyFunction('<lambda>', scope.qualPrefix + '<lambda>', e.params, e.body, scope, defaults, info, e.range);
}

export async function makeClass(it: Interpreter, s: Extract<Stmt, { kind: 'ClassDef' }>, scope: Scope): Promise<PyValue> {
  const decorators: PyValue[] = [];
  for (const d of s.decorators) decorators.push(await ev(it, d, scope));
  const [baseVals, kwargs] = await evalArgs(it, s.bases, scope);
  let meta: PyClass | undefined;
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (k === 'metaclass' && v instanceof PyClass) meta = v;
      else throw pyError('NotImplementedError', `class keyword argument '${k}' is not supported by Tensor Lens`);
    }
  }
  const bases: PyClass[] = [];
  for (const b of baseVals) {
    if (!(b instanceof PyClass)) throw pyError('TypeError', 'bases must be types');
    if (b === builtinClasses.list || b === builtinClasses.dict || b === builtinClasses.str || b === builtinClasses.int ||
        b === builtinClasses.float || b === builtinClasses.tuple || b === builtinClasses.set) {
      throw pyError('NotImplementedError', `subclassing the builtin type '${b.name}' is not supported by Tensor Lens`);
    }
    bases.push(b);
  }
  if (bases.length === 0) bases.push(builtinClasses.object);
  const body = new Scope('class', scope, scope.globals, scope.builtins);
  body.qualPrefix = scope.qualPrefix + s.name + '.';
  body.vars.set('__module__', '__main__');
  body.vars.set('__qualname__', scope.qualPrefix + s.name);
  const doc = docstring(s.body);
  if (doc !== null) body.vars.set('__doc__', doc);
  await execBlock(it, s.body, body);
  const cls = new PyClass(s.name, bases, meta);
  cls.module = '__main__';
  for (const [k, v] of body.vars) {
    cls.dict.set(k, v);
    setOwner(v, cls);
  }
  if (cls.dict.has('__eq__') && !cls.dict.has('__hash__')) cls.dict.set('__hash__', null);
  // Native base classes (torch.nn.Module) may want to know about subclasses.
  const hook = cls.lookup('__init_subclass__');
  if (hook) await callValue(it, hook, [cls], null);
  let v: PyValue = cls;
  for (let i = decorators.length - 1; i >= 0; i--) v = await callValue(it, decorators[i], [v], null);
  return v;
}

/** Remembers the defining class on methods: zero-argument super() needs it. */
function setOwner(v: PyValue, cls: PyClass): void {
  if (v instanceof PyFunction) v.dict.set('__owner_class__', cls);
  else if (v instanceof PyStaticMethod || v instanceof PyClassMethod) setOwner(v.func, cls);
  else if (v instanceof PyProperty) {
    setOwner(v.fget, cls);
    setOwner(v.fset, cls);
  }
}

export { PyDict };
