// Calling: Python functions (argument binding as CPython, with its error
// messages), builtins, bound methods, classes (instantiation) and objects with
// __call__.
import type { Expr, Param, Stmt } from '../ast';
import { PyDict } from './dict';
import { PyException, exceptionArgs, isExceptionClass, pyError } from './exceptions';
import type { Frame, Interpreter } from './interpreter';
import {
  Kwargs, PyBoundMethod, PyBuiltin, PyClass, PyFunction, PyInstance, PyStaticMethod, PyTuple, PyValue, builtinClasses,
} from './objects';
import { findDunder, typeName, typeOf } from './protocol';
import { Scope } from './scope';
import { execBlock } from './exec';
import { evalExpr } from './eval';
import { makeGenerator } from './generator';
import { toPyException } from './convert-error';

export function callValue(it: Interpreter, fn: PyValue, args: PyValue[], kwargs: Kwargs): PyValue | Promise<PyValue> {
  if (fn instanceof PyFunction) return callFunction(it, fn, args, kwargs);
  if (fn instanceof PyBuiltin) return fn.fn(args, kwargs, it);
  if (fn instanceof PyBoundMethod) return callValue(it, fn.func, [fn.self, ...args], kwargs);
  if (fn instanceof PyClass) return instantiate(it, fn, args, kwargs);
  const c = fn === null || typeof fn !== 'object' ? undefined : findDunder(typeOf(fn), '__call__');
  if (c) return callValue(it, c, [fn, ...args], kwargs);
  throw pyError('TypeError', `'${typeName(fn)}' object is not callable`);
}

async function instantiate(it: Interpreter, cls: PyClass, args: PyValue[], kwargs: Kwargs): Promise<PyValue> {
  if (cls === builtinClasses.type && args.length === 1 && !kwargs) return typeOf(args[0]);
  const newFn = cls.lookup('__new__');
  let obj: PyValue;
  if (newFn !== undefined && newFn !== null && newFn !== cls.mro[cls.mro.length - 1].dict.get('__new__')) {
    const f = newFn instanceof PyStaticMethod ? newFn.func : newFn;
    obj = await callValue(it, f, [cls, ...args], kwargs);
    if (!(obj instanceof PyInstance) || !obj.cls.isSubclassOf(cls)) return obj;
  } else {
    const inst = new PyInstance(cls);
    if (isExceptionClass(cls)) inst.dict.set('args', new PyTuple(args));
    obj = inst;
  }
  const init = cls.lookup('__init__');
  if (init !== undefined && init !== null) {
    const r = await callValue(it, init, [obj, ...args], kwargs);
    if (r !== null) throw pyError('TypeError', `__init__() should return None, not '${typeName(r)}'`);
  } else if ((args.length || kwargs?.size) && !isExceptionClass(cls) && (newFn === undefined || newFn === null)) {
    throw pyError('TypeError', `${cls.name}() takes no arguments`);
  }
  return obj;
}

function plural(n: number, word: string): string {
  return `${n} ${word}${n === 1 ? '' : 's'}`;
}

function nameList(names: string[]): string {
  const q = names.map((n) => `'${n}'`);
  if (q.length === 1) return q[0];
  if (q.length === 2) return `${q[0]} and ${q[1]}`;
  return q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
}

/** Binds call arguments to parameters into `vars`, raising CPython's TypeErrors. */
export function bindParams(fname: string, params: Param[], defaults: Map<string, PyValue>, args: PyValue[], kwargs: Kwargs, vars: Map<string, PyValue>): void {
  // Common case: positional arguments only, one per plain parameter.
  if (kwargs === null && args.length === params.length && params.every((p) => p.kind === 'normal')) {
    for (let i = 0; i < args.length; i++) vars.set(params[i].name, args[i]);
    return;
  }
  const positional = params.filter((p) => p.kind === 'normal' || p.kind === 'posonly');
  const star = params.find((p) => p.kind === 'star');
  const starstar = params.find((p) => p.kind === 'starstar');
  const n = Math.min(args.length, positional.length);
  for (let i = 0; i < n; i++) vars.set(positional[i].name, args[i]);
  if (args.length > positional.length) {
    if (!star) {
      const required = positional.filter((p) => !defaults.has(p.name)).length;
      const takes = required === positional.length ? `${positional.length}` : `from ${required} to ${positional.length}`;
      throw pyError('TypeError', `${fname}() takes ${takes} positional argument${positional.length === 1 && takes === '1' ? '' : 's'} but ${args.length} ${args.length === 1 ? 'was' : 'were'} given`);
    }
    vars.set(star.name, new PyTuple(args.slice(positional.length)));
  } else if (star) {
    vars.set(star.name, new PyTuple([]));
  }
  let extra: PyDict | null = null;
  if (starstar) {
    extra = new PyDict();
    vars.set(starstar.name, extra);
  }
  if (kwargs) {
    for (const [k, v] of kwargs) {
      const p = params.find((q) => q.name === k && q.kind !== 'star' && q.kind !== 'starstar' && q.kind !== 'posonly');
      if (p) {
        if (vars.has(k)) throw pyError('TypeError', `${fname}() got multiple values for argument '${k}'`);
        vars.set(k, v);
      } else if (extra) {
        extra.set(k, v);
      } else {
        throw pyError('TypeError', `${fname}() got an unexpected keyword argument '${k}'`);
      }
    }
  }
  const missingPos: string[] = [];
  const missingKw: string[] = [];
  for (const p of params) {
    if (p.kind === 'star' || p.kind === 'starstar' || vars.has(p.name)) continue;
    const d = defaults.get(p.name);
    if (d !== undefined) vars.set(p.name, d);
    else if (p.kind === 'kwonly') missingKw.push(p.name);
    else missingPos.push(p.name);
  }
  if (missingPos.length) {
    throw pyError('TypeError', `${fname}() missing ${plural(missingPos.length, 'required positional argument')}: ${nameList(missingPos)}`);
  }
  if (missingKw.length) {
    throw pyError('TypeError', `${fname}() missing ${plural(missingKw.length, 'required keyword-only argument')}: ${nameList(missingKw)}`);
  }
}

export async function callFunction(it: Interpreter, fn: PyFunction, args: PyValue[], kwargs: Kwargs): Promise<PyValue> {
  const scope = new Scope('function', fn.closure, fn.closure.globals, it.builtins, fn.scopeInfo);
  bindParams(fn.qualname, fn.params, fn.defaults, args, kwargs, scope.vars);
  scope.qualPrefix = fn.qualname + '.<locals>.';
  const frame: Frame = { name: fn.name, stmtRange: null, func: fn, scope };
  if (fn.scopeInfo.isGenerator) return makeGenerator(it, fn, frame);
  // The module frame counts too, as in CPython (limit 1000 -> 999 nested calls).
  if (++it.depth >= it.maxRecursion) {
    it.depth--;
    throw pyError('RecursionError', 'maximum recursion depth exceeded');
  }
  it.frames.push(frame);
  const site = it.currentRange;
  if (site) it.hooks.onCall?.(site, it.depth);
  try {
    if (!Array.isArray(fn.body)) {
      frame.stmtRange = (fn.body as Expr).range;
      let v = evalExpr(it, fn.body as Expr, scope);
      if (v instanceof Promise) v = await v;
      return v;
    }
    const c = await execBlock(it, fn.body as Stmt[], scope);
    return c !== undefined && typeof c === 'object' ? c.ret : null;
  } catch (err) {
    const e = toPyException(it, err);
    it.finishTraceback(e, frame);
    if (site) e.pendingRange = site;
    throw e;
  } finally {
    it.frames.pop();
    it.depth--;
    if (site) it.hooks.onReturn?.(site, it.depth);
  }
}

/** str(e) for a Python exception, used when printing tracebacks. */
export function exceptionArgsOf(e: PyException): readonly PyValue[] {
  return exceptionArgs(e.value);
}
