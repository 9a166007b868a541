// Expression evaluation. evalExpr returns a value directly for leaves (names,
// constants) and a Promise otherwise, so callers only await when needed.
import type { Arg, Expr } from '../ast';
import { Ellipsis, Kwargs, PyBuiltin, PyFunction, PyIterator, PyList, PySlice, PySuper, PyTuple, PyValue, PyClass } from './objects';
import { PyDict, PySet } from './dict';
import { PyException, pyError } from './exceptions';
import type { Interpreter } from './interpreter';
import { Scope } from './scope';
import { binaryOp, compareOp, prepareKeys } from './ops';
import { getAttr, repr, str, truthy, typeName, typeOf } from './protocol';
import { callValue } from './call';
import { getIterator, iterate, toArray } from './iter';
import { PyGenerator, closeMadeSince, generatorsMade, isInstanceOf } from './generator';
import { getItem } from './subscript';
import { assignTarget } from './assign';
import { makeLambda } from './define';
import { formatValue } from './format-value';
import { toPyException } from './convert-error';

export function evalExpr(it: Interpreter, e: Expr, scope: Scope): PyValue | Promise<PyValue> {
  switch (e.kind) {
    case 'Name': {
      let v: PyValue;
      try {
        v = scope.lookup(e.id);
      } catch (err) {
        if (err instanceof PyException && !err.range) err.range = e.range;
        throw err;
      }
      return reportSync(it, e, v, 'name');
    }
    case 'Constant': {
      const v = e.value;
      if (v !== null && typeof v === 'object') {
        if ('ellipsis' in v) return Ellipsis;
        throw located(pyError('NotImplementedError', 'complex numbers are not supported by Tensor Lens'), e);
      }
      return v;
    }
    case 'BinOp':
      return binOpFast(it, e, scope);
    default:
      return evalAsync(it, e, scope);
  }
}

/** a OP b without a promise when both sides and the operator are synchronous. */
function binOpFast(it: Interpreter, e: Extract<Expr, { kind: 'BinOp' }>, scope: Scope): PyValue | Promise<PyValue> {
  const a = evalExpr(it, e.left, scope);
  if (a instanceof Promise) return binOpFinish(it, e, scope, a, null);
  const b = evalExpr(it, e.right, scope);
  if (b instanceof Promise) return binOpFinish(it, e, scope, a, b);
  try {
    const r = binaryOp(it, e.op, a, b);
    return r instanceof Promise ? binOpFinish(it, e, scope, a, b, r) : reportSync(it, e, r, 'binop');
  } catch (err) {
    const pe = toPyException(it, err);
    if (!pe.range) pe.range = e.range;
    throw pe;
  }
}

async function binOpFinish(
  it: Interpreter, e: Extract<Expr, { kind: 'BinOp' }>, scope: Scope,
  left: PyValue | Promise<PyValue>, right: PyValue | Promise<PyValue> | null, pending?: Promise<PyValue>,
): Promise<PyValue> {
  let r: PyValue;
  try {
    if (pending) r = await pending;
    else {
      const a = await left;
      const b = right === null ? await ev(it, e.right, scope) : await right;
      r = await binaryOp(it, e.op, a, b);
    }
  } catch (err) {
    const pe = toPyException(it, err);
    if (!pe.range) pe.range = e.range;
    throw pe;
  }
  return reportSync(it, e, r, 'binop');
}

/** Calls the onExpr hook; waits only when the hook itself is asynchronous. */
function reportSync(it: Interpreter, e: Expr, v: PyValue, kind: import('../hooks').ExprKind): PyValue | Promise<PyValue> {
  const h = it.hooks.onExpr;
  if (!h) return v;
  const r = h(e.range, v, kind);
  return r instanceof Promise ? r.then(() => v) : v;
}

function located(err: PyException, e: Expr): PyException {
  if (!err.range) err.range = e.range;
  return err;
}

export async function ev(it: Interpreter, e: Expr, scope: Scope): Promise<PyValue> {
  const v = evalExpr(it, e, scope);
  return v instanceof Promise ? await v : v;
}

async function evalAsync(it: Interpreter, e: Expr, scope: Scope): Promise<PyValue> {
  try {
    return await evalInner(it, e, scope);
  } catch (err) {
    const pe = toPyException(it, err);
    if (!pe.range) pe.range = e.range;
    throw pe;
  }
}

async function report(it: Interpreter, e: Expr, v: PyValue, kind: import('../hooks').ExprKind): Promise<PyValue> {
  const h = it.hooks.onExpr;
  if (h) {
    const r = h(e.range, v, kind);
    if (r instanceof Promise) await r;
  }
  return v;
}

async function evalInner(it: Interpreter, e: Expr, scope: Scope): Promise<PyValue> {
  switch (e.kind) {
    case 'Name':
      return report(it, e, scope.lookup(e.id), 'name');
    case 'Constant':
      return evalExpr(it, e, scope);
    case 'BinOp': {
      const a = await ev(it, e.left, scope);
      const b = await ev(it, e.right, scope);
      let r = binaryOp(it, e.op, a, b);
      if (r instanceof Promise) r = await r;
      return it.hooks.onExpr ? report(it, e, r, 'binop') : r;
    }
    case 'UnaryOp':
      return report(it, e, await unary(it, e.op, await ev(it, e.operand, scope)), 'unary');
    case 'BoolOp': {
      const a = await ev(it, e.left, scope);
      const t = await truthy(it, a);
      if (e.op === 'and' ? !t : t) return a;
      return ev(it, e.right, scope);
    }
    case 'Compare': {
      let left = await ev(it, e.left, scope);
      let result: PyValue = true;
      for (let i = 0; i < e.ops.length; i++) {
        const right = await ev(it, e.comparators[i], scope);
        let r = compareOp(it, e.ops[i], left, right);
        if (r instanceof Promise) r = await r;
        result = r;
        if (i < e.ops.length - 1 && !(await truthy(it, r))) break;
        left = right;
      }
      return it.hooks.onExpr ? report(it, e, result, 'compare') : result;
    }
    case 'IfExp':
      return (await truthy(it, await ev(it, e.test, scope))) ? ev(it, e.body, scope) : ev(it, e.orelse, scope);
    case 'Call':
      return evalCall(it, e, scope);
    case 'Attribute': {
      const obj = await ev(it, e.value, scope);
      const v = await getAttr(it, obj, e.attr);
      return it.hooks.onExpr ? report(it, e, v, 'attribute') : v;
    }
    case 'Subscript': {
      const obj = await ev(it, e.value, scope);
      const idx = await ev(it, e.index, scope);
      const v = await getItem(it, obj, idx);
      return it.hooks.onExpr ? report(it, e, v, 'subscript') : v;
    }
    case 'Slice':
      return new PySlice(
        e.lower ? await ev(it, e.lower, scope) : null,
        e.upper ? await ev(it, e.upper, scope) : null,
        e.step ? await ev(it, e.step, scope) : null,
      );
    case 'Tuple':
      return new PyTuple(await evalElements(it, e.elts, scope));
    case 'List':
      return new PyList(await evalElements(it, e.elts, scope));
    case 'Set': {
      const elts = await evalElements(it, e.elts, scope);
      const s = new PySet();
      if (e.elts.length >= 3 && e.elts.every(isConstantExpr)) {
        // CPython compiles a display of 3+ constants to a frozenset constant
        // (built from the source order, then rebuilt from its own order when
        // the compiler merges constants) merged into the new set: the slots,
        // so the order, come from those.
        const folded = new PySet(true);
        for (const v of elts) folded.add(v);
        const merged = new PySet(true);
        for (const v of folded.items()) merged.add(v);
        s.mergeFrom(merged);
        return s;
      }
      for (const v of elts) {
        await prepareKeys(it, s, [v]);
        s.add(v);
      }
      return s;
    }
    case 'Dict': {
      const d = new PyDict();
      for (const item of e.items) {
        if (item.kind === 'pair') {
          const k = await ev(it, item.key, scope);
          const v = await ev(it, item.value, scope);
          await prepareKeys(it, d, [k]);
          d.set(k, v);
        } else {
          const src = await ev(it, item.value, scope);
          await mergeMapping(it, d, src);
        }
      }
      return d;
    }
    case 'Starred':
      throw pyError('SyntaxError', "can't use starred expression here");
    case 'FString':
      return fstring(it, e.parts, scope);
    case 'Lambda':
      return makeLambda(it, e, scope);
    case 'Comp':
      return comprehension(it, e, scope);
    case 'NamedExpr': {
      const v = await ev(it, e.value, scope);
      scope.assign(e.target, v);
      return v;
    }
    case 'Yield':
      return evalYield(it, e, scope);
  }
}

async function unary(it: Interpreter, op: 'neg' | 'pos' | 'invert' | 'not', v: PyValue): Promise<PyValue> {
  if (op === 'not') return !(await truthy(it, v));
  if (typeof v === 'boolean') v = v ? 1n : 0n;
  if (typeof v === 'bigint') return op === 'neg' ? -v : op === 'pos' ? v : ~v;
  if (typeof v === 'number' && op !== 'invert') return op === 'neg' ? -v : v;
  const name = op === 'neg' ? '__neg__' : op === 'pos' ? '__pos__' : '__invert__';
  const f = typeOf(v).lookup(name);
  if (f) return it.call(f, [v]);
  const sym = op === 'neg' ? '-' : op === 'pos' ? '+' : '~';
  throw pyError('TypeError', `bad operand type for unary ${sym}: '${typeName(v)}'`);
}

async function evalElements(it: Interpreter, elts: Expr[], scope: Scope): Promise<PyValue[]> {
  const out: PyValue[] = [];
  for (const x of elts) {
    if (x.kind === 'Starred') out.push(...(await toArray(it, await ev(it, x.value, scope))));
    else out.push(await ev(it, x, scope));
  }
  return out;
}

export async function mergeMapping(it: Interpreter, d: PyDict, src: PyValue): Promise<void> {
  if (src instanceof PyDict) {
    for (const [k, v] of src.entries()) d.set(k, v);
    return;
  }
  const keysFn = typeOf(src).lookup('keys');
  if (!keysFn) throw pyError('TypeError', `'${typeName(src)}' object is not a mapping`);
  for (const k of await toArray(it, await it.call(keysFn, [src]))) d.set(k, await getItem(it, src, k));
}

async function evalCall(it: Interpreter, e: Extract<Expr, { kind: 'Call' }>, scope: Scope): Promise<PyValue> {
  const fn = await ev(it, e.func, scope);
  let args: PyValue[];
  let kwargs: Kwargs;
  if (fn instanceof PyClass && fn === it.builtins.get('super') && e.args.length === 0) {
    return report(it, e, zeroArgSuper(it), 'call');
  }
  const madeBefore = generatorsMade();
  if (e.args.length === 0) {
    args = [];
    kwargs = null;
  } else {
    [args, kwargs] = await evalArgs(it, e.args, scope);
  }
  it.callStack.push(e.range);
  let r: PyValue;
  try {
    const v = callValue(it, fn, args, kwargs);
    r = v instanceof Promise ? await v : v;
  } catch (err) {
    // An exception from a generator frame, coming out through a builtin
    // (next(g), sum(genexp)): this frame's traceback entry points at the call.
    if (err instanceof PyException && !err.pendingRange && err.frames.length && err.lastFrame !== it.frame) err.pendingRange = e.range;
    throw err;
  } finally {
    it.callStack.pop();
    if (generatorsMade() !== madeBefore && consumesArgs(it, fn)) await closeMadeSince(it, args, madeBefore);
  }
  return it.hooks.onExpr ? report(it, e, r, 'call') : r;
}

/** What CPython's compiler folds to a constant: literals, signed numbers,
 *  arithmetic on numbers and tuples of them. */
function isConstantExpr(e: Expr): boolean {
  if (e.kind === 'Constant') return true;
  if (e.kind === 'UnaryOp') return (e.op === 'neg' || e.op === 'pos') && isNumberExpr(e.operand);
  if (e.kind === 'BinOp') return isNumberExpr(e.left) && isNumberExpr(e.right);
  if (e.kind === 'Tuple') return e.elts.every(isConstantExpr);
  return false;
}

function isNumberExpr(e: Expr): boolean {
  if (e.kind === 'Constant') return typeof e.value === 'bigint' || typeof e.value === 'number' || typeof e.value === 'boolean';
  return (e.kind === 'UnaryOp' || e.kind === 'BinOp') && isConstantExpr(e);
}

/** Builtins that use up their iterable arguments and keep no reference to
 *  them: a generator made for the call is dropped (closed) when it returns. */
const CONSUMERS = new Set(['next', 'list', 'tuple', 'set', 'frozenset', 'dict', 'sum', 'any', 'all', 'min', 'max', 'sorted']);

function consumesArgs(it: Interpreter, fn: PyValue): boolean {
  const name = fn instanceof PyBuiltin || fn instanceof PyClass ? fn.name : null;
  return name !== null && CONSUMERS.has(name) && it.builtins.get(name) === fn;
}

function zeroArgSuper(it: Interpreter): PySuper {
  const frame = it.frame;
  const fn = frame.func;
  const owner = fn ? (fn.dict.get('__owner_class__') as PyClass | undefined) : undefined;
  if (!fn || !owner) throw pyError('RuntimeError', 'super(): no arguments');
  const first = fn.params[0];
  const self = first ? frame.scope.vars.get(first.name) : undefined;
  if (self === undefined) throw pyError('RuntimeError', 'super(): no arguments');
  return new PySuper(owner, self);
}

export async function evalArgs(it: Interpreter, argNodes: Arg[], scope: Scope): Promise<[PyValue[], Kwargs]> {
  const args: PyValue[] = [];
  let kwargs: Kwargs = null;
  for (const a of argNodes) {
    switch (a.kind) {
      case 'pos':
        args.push(await ev(it, a.value, scope));
        break;
      case 'star':
        args.push(...(await toArray(it, await ev(it, a.value, scope))));
        break;
      case 'kw':
        kwargs ??= new Map();
        if (kwargs.has(a.name)) throw pyError('SyntaxError', `keyword argument repeated: ${a.name}`);
        kwargs.set(a.name, await ev(it, a.value, scope));
        break;
      case 'starstar': {
        const d = new PyDict();
        await mergeMapping(it, d, await ev(it, a.value, scope));
        kwargs ??= new Map();
        for (const [k, v] of d.entries()) {
          if (typeof k !== 'string') throw pyError('TypeError', 'keywords must be strings');
          kwargs.set(k, v);
        }
        break;
      }
    }
  }
  return [args, kwargs];
}

async function fstring(it: Interpreter, parts: import('../ast').FStringPart[], scope: Scope): Promise<string> {
  let out = '';
  for (const p of parts) {
    if (p.kind === 'text') {
      out += p.text;
      continue;
    }
    const v = await ev(it, p.expr, scope);
    const spec = p.spec ? await fstring(it, p.spec, scope) : '';
    let s: string;
    if (p.conversion === 'r' || p.conversion === 'a') s = await formatValue(it, await repr(it, v), spec);
    else if (p.conversion === 's') s = await formatValue(it, await str(it, v), spec);
    else s = await formatValue(it, v, spec);
    out += (p.selfDoc ?? '') + s;
  }
  return out;
}

async function comprehension(it: Interpreter, e: Extract<Expr, { kind: 'Comp' }>, scope: Scope): Promise<PyValue> {
  const inner = new Scope('comprehension', scope, scope.globals, scope.builtins);
  const results: PyValue[] = [];
  const dict = e.type === 'dict' ? new PyDict() : null;
  const set = e.type === 'set' ? new PySet() : null;
  let gen: PyGenerator | null = null;
  // The first iterable is evaluated in the enclosing scope, at once (Python's rule).
  const c0 = e.clauses[0];
  let first = await ev(it, c0.kind === 'for' ? c0.iter : c0.test, scope);
  const run = async (i: number): Promise<void> => {
    if (i === e.clauses.length) {
      const t = it.tick();
      if (t instanceof Promise) await t;
      if (gen) await gen.yield(await ev(it, e.elt, inner));
      else if (dict) {
        const k = await ev(it, e.elt, inner);
        const v = await ev(it, e.value as Expr, inner);
        await prepareKeys(it, dict, [k]);
        dict.set(k, v);
      } else if (set) {
        const v = await ev(it, e.elt, inner);
        await prepareKeys(it, set, [v]);
        set.add(v);
      }
      else results.push(await ev(it, e.elt, inner));
      return;
    }
    const c = e.clauses[i];
    if (c.kind === 'if') {
      if (await truthy(it, await ev(it, c.test, inner))) await run(i + 1);
      return;
    }
    const iterable = i === 0 ? first : await ev(it, c.iter, inner);
    await iterate(it, iterable, async (x) => {
      await assignTarget(it, c.target, x, inner);
      await run(i + 1);
    });
  };
  if (e.type === 'gen') {
    // A generator expression runs lazily, in a frame of its own, as in CPython.
    const iter = getIterator(it, first);
    first = iter instanceof Promise ? await iter : iter;
    const frame = { name: '<genexpr>', stmtRange: e.range, func: null, scope: inner };
    gen = new PyGenerator(it, frame, async () => {
      await run(0);
      return null;
    }, '<genexpr>');
    gen.sources = [first as PyIterator];
    return gen;
  }
  await run(0);
  if (dict) return dict;
  if (set) return set;
  return new PyList(results);
}

async function evalYield(it: Interpreter, e: Extract<Expr, { kind: 'Yield' }>, scope: Scope): Promise<PyValue> {
  let s: Scope | null = scope;
  while (s && !s.gen) s = s.parent;
  if (!s || !s.gen) throw pyError('SyntaxError', "'yield' outside function");
  const gen = s.gen;
  if (e.from) return yieldFrom(it, gen, await ev(it, e.value as Expr, scope));
  return gen.yield(e.value ? await ev(it, e.value, scope) : null);
}

/** `yield from src`: values sent and exceptions thrown into this generator go
 *  on to `src` when it is a generator; its return value is the result. */
async function yieldFrom(it: Interpreter, gen: { yield(v: PyValue): Promise<PyValue> }, src: PyValue): Promise<PyValue> {
  let sub = getIterator(it, src);
  if (sub instanceof Promise) sub = await sub;
  if (!(sub instanceof PyGenerator)) {
    await iterate(it, sub, async (x) => {
      await gen.yield(x);
    });
    return null;
  }
  let msg: Parameters<PyGenerator['resume']>[0] = { value: null };
  for (;;) {
    const d = await sub.resume(msg);
    if ('error' in d) throw d.error;
    if ('done' in d) return d.ret;
    try {
      msg = { value: await gen.yield(d.value) };
    } catch (err) {
      const thrown = toPyException(it, err);
      if (thrown.fatal) throw thrown;
      if (isInstanceOf(thrown, 'GeneratorExit')) {
        await sub.close();
        throw thrown;
      }
      msg = { throw: thrown };
    }
  }
}

export { PyFunction, PyBuiltin };
