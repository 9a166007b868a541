// Statement execution. Returns a completion: undefined (fall through), BREAK,
// CONTINUE or { ret } — cheaper than throwing for control flow.
import type { ExceptHandler, Stmt } from '../ast';
import type { SourceRange } from '../../trace/types';
import type { Interpreter } from './interpreter';
import { PyException, excClass, excLinks, isExceptionClass, newException, pyError, setContext, tracebackOf } from './exceptions';
import { PyClass, PyInstance, PyRange, PyTuple, PyValue, STOP, IterResult } from './objects';
import { closeMadeSince, generatorsMade } from './generator';
import { Scope } from './scope';
import { evalExpr } from './eval';
import { assignTarget, deleteTarget } from './assign';
import { getIterator } from './iter';
import { truthy, findDunder, getAttr, repr, typeOf } from './protocol';
import { getItem, setItem } from './subscript';
import { binaryOp, inplaceOp } from './ops';
import { makeFunction, makeClass } from './define';
import { execImport, execImportFrom } from './imports';
import { toPyException } from './convert-error';
import { callValue } from './call';

export const BREAK = 1;
export const CONTINUE = 2;
export type Completion = undefined | typeof BREAK | typeof CONTINUE | { ret: PyValue };

/** Runs statements synchronously while they complete synchronously; the first
 *  one that suspends hands the rest to an async continuation. */
export function execBlock(it: Interpreter, body: Stmt[], scope: Scope): Completion | Promise<Completion> {
  for (let i = 0; i < body.length; i++) {
    const c = execStmt(it, body[i], scope);
    if (c instanceof Promise) return continueBlock(it, body, scope, i, c);
    if (c !== undefined) return c;
  }
  return undefined;
}

async function continueBlock(it: Interpreter, body: Stmt[], scope: Scope, i: number, pending: Promise<Completion>): Promise<Completion> {
  const first = await pending;
  if (first !== undefined) return first;
  for (let j = i + 1; j < body.length; j++) {
    let c = execStmt(it, body[j], scope);
    if (c instanceof Promise) c = await c;
    if (c !== undefined) return c;
  }
  return undefined;
}

function truth(it: Interpreter, v: PyValue): boolean | Promise<boolean> {
  return truthy(it, v);
}

export function execStmt(it: Interpreter, s: Stmt, scope: Scope): Completion | Promise<Completion> {
  it.frame.stmtRange = s.range;
  const t = it.tick();
  if (t instanceof Promise) return t.then(() => execStmtInner(it, s, scope));
  return execStmtInner(it, s, scope);
}

function execStmtInner(it: Interpreter, s: Stmt, scope: Scope): Completion | Promise<Completion> {
  switch (s.kind) {
    case 'Pass': case 'Global': case 'Nonlocal':
      return undefined;
    case 'Break':
      return BREAK;
    case 'Continue':
      return CONTINUE;
    case 'Expr':
      if (!s.display) {
        const v = evalExpr(it, s.value, scope);
        return v instanceof Promise ? v.then(() => undefined) : undefined;
      }
      return execAsync(it, s, scope);
    case 'Assign':
      if (s.targets.length === 1 && s.targets[0].kind === 'Name') {
        const target = s.targets[0];
        const v = evalExpr(it, s.value, scope);
        if (v instanceof Promise) return v.then((x) => assignName(it, target.id, target.range, x, scope));
        return assignName(it, target.id, target.range, v, scope);
      }
      return execAsync(it, s, scope);
    case 'AugAssign':
      if (s.target.kind === 'Name') {
        const cur = scope.lookup(s.target.id);
        if (cur === null || typeof cur !== 'object') {
          const rhs = evalExpr(it, s.value, scope);
          if (!(rhs instanceof Promise) && (rhs === null || typeof rhs !== 'object')) {
            let r: PyValue | Promise<PyValue>;
            try {
              r = binaryOp(it, s.op, cur, rhs);
            } catch (err) {
              const e = toPyException(it, err);
              if (!e.range) e.range = s.range;
              throw e;
            }
            if (!(r instanceof Promise)) return assignName(it, s.target.id, s.target.range, r, scope);
          }
          // Re-evaluating would repeat side effects: finish on the async path
          // with the values we already have.
          return finishAugAssign(it, s.target, s.op, cur, rhs, scope);
        }
      }
      return execAsync(it, s, scope);
    default:
      return execAsync(it, s, scope);
  }
}

async function finishAugAssign(it: Interpreter, target: { id: string; range: SourceRange }, op: import('../ast').BinOpName, cur: PyValue, rhs: PyValue | Promise<PyValue>, scope: Scope): Promise<Completion> {
  const v = await inplaceOp(it, op, cur, await rhs);
  return assignName(it, target.id, target.range, v, scope);
}

/** name = v, telling the onAssign hook; a Promise only when the hook is async. */
function assignName(it: Interpreter, name: string, range: SourceRange, v: PyValue, scope: Scope): Completion | Promise<Completion> {
  scope.assign(name, v);
  const h = it.hooks.onAssign;
  if (!h) return undefined;
  const r = h(name, range, v);
  return r instanceof Promise ? r.then(() => undefined) : undefined;
}

async function execAsync(it: Interpreter, s: Stmt, scope: Scope): Promise<Completion> {
  switch (s.kind) {
    case 'Expr': {
      const v = await evalExpr(it, s.value, scope);
      if (s.display && v !== null) it.write((await repr(it, v)) + '\n');
      return undefined;
    }
    case 'Assign': {
      const v = await evalExpr(it, s.value, scope);
      for (const t of s.targets) await assignTarget(it, t, v, scope);
      return undefined;
    }
    case 'AnnAssign':
      if (s.value) await assignTarget(it, s.target, await evalExpr(it, s.value, scope), scope);
      return undefined;
    case 'AugAssign':
      return execAugAssign(it, s, scope);
    case 'Return':
      return { ret: s.value ? await evalExpr(it, s.value, scope) : null };
    case 'Delete':
      for (const t of s.targets) await deleteTarget(it, t, scope);
      return undefined;
    case 'Raise':
      throw await makeRaise(it, s.exc, s.cause, scope);
    case 'Assert': {
      if (await truth(it, await evalExpr(it, s.test, scope))) return undefined;
      const args = s.msg ? [await evalExpr(it, s.msg, scope)] : [];
      throw new PyException(newException(excClass('AssertionError'), args));
    }
    case 'Import':
      await execImport(it, s, scope);
      return undefined;
    case 'ImportFrom':
      await execImportFrom(it, s, scope);
      return undefined;
    case 'If': {
      let cur: Stmt = s;
      // elif chains are nested Ifs: walk them without recursion.
      for (;;) {
        if (cur.kind !== 'If') return execBlock(it, [cur], scope);
        if (await truth(it, await evalExpr(it, cur.test, scope))) return execBlock(it, cur.body, scope);
        if (cur.orelse.length === 1 && cur.orelse[0].kind === 'If') {
          cur = cur.orelse[0];
          it.frame.stmtRange = cur.range;
          continue;
        }
        return execBlock(it, cur.orelse, scope);
      }
    }
    case 'While':
      return execWhile(it, s, scope);
    case 'For':
      return execFor(it, s, scope);
    case 'Try':
      return execTry(it, s, scope);
    case 'With':
      return execWith(it, s, scope, 0);
    case 'FunctionDef': {
      const fn = await makeFunction(it, s, scope);
      scope.assign(s.name, fn);
      await it.hooks.onAssign?.(s.name, s.nameRange, fn);
      return undefined;
    }
    case 'ClassDef': {
      const cls = await makeClass(it, s, scope);
      scope.assign(s.name, cls);
      await it.hooks.onAssign?.(s.name, s.nameRange, cls);
      return undefined;
    }
    case 'Unsupported':
      throw pyError('NotImplementedError', `${s.construct} is not supported by Tensor Lens`);
    case 'Pass': case 'Global': case 'Nonlocal': case 'Break': case 'Continue':
      return execStmtInner(it, s, scope);
  }
}

async function execAugAssign(it: Interpreter, s: Extract<Stmt, { kind: 'AugAssign' }>, scope: Scope): Promise<Completion> {
  const t = s.target;
  if (t.kind === 'Name') {
    const cur = scope.lookup(t.id);
    const v = await inplaceOp(it, s.op, cur, await evalExpr(it, s.value, scope));
    scope.assign(t.id, v);
    await it.hooks.onAssign?.(t.id, t.range, v);
    return undefined;
  }
  if (t.kind === 'Attribute') {
    const obj = await evalExpr(it, t.value, scope);
    const cur = await getAttr(it, obj, t.attr);
    const v = await inplaceOp(it, s.op, cur, await evalExpr(it, s.value, scope));
    await assignTarget(it, t, v, scope, obj);
    return undefined;
  }
  if (t.kind === 'Subscript') {
    const obj = await evalExpr(it, t.value, scope);
    const idx = await evalExpr(it, t.index, scope);
    const cur = await getItem(it, obj, idx);
    const v = await inplaceOp(it, s.op, cur, await evalExpr(it, s.value, scope));
    await setItem(it, obj, idx, v);
    return undefined;
  }
  throw pyError('SyntaxError', "illegal expression for augmented assignment");
}

async function execWhile(it: Interpreter, s: Extract<Stmt, { kind: 'While' }>, scope: Scope): Promise<Completion> {
  let n = 0;
  const hook = it.hooks.onLoopIteration;
  while (await truth(it, await evalExpr(it, s.test, scope))) {
    n++;
    if (hook) hook(s.range, n);
    const c = await execBlock(it, s.body, scope);
    if (c === BREAK) return undefined;
    if (c !== undefined && c !== CONTINUE) return c;
    const t = it.tick();
    if (t instanceof Promise) await t;
    it.frame.stmtRange = s.range;
  }
  return execBlock(it, s.orelse, scope);
}

async function execFor(it: Interpreter, s: Extract<Stmt, { kind: 'For' }>, scope: Scope): Promise<Completion> {
  const madeBefore = generatorsMade();
  const iterable = await evalExpr(it, s.iter, scope);
  const hook = it.hooks.onLoopIteration;
  let n = 0;
  const target = s.target;
  const simpleName = target.kind === 'Name' ? target : null;
  const after = (c: Completion): Completion | 'stop' => {
    it.frame.stmtRange = s.range;
    if (c === BREAK) return 'stop';
    if (c !== undefined && c !== CONTINUE) return c;
    return undefined;
  };
  // Synchronous when the body is (plain loops over numbers); a Promise otherwise.
  const runBody = (x: PyValue): Completion | 'stop' | Promise<Completion | 'stop'> => {
    n++;
    if (hook) hook(s.range, n);
    if (simpleName === null) return runBodyAsync(x);
    const a = assignName(it, simpleName.id, simpleName.range, x, scope);
    if (a instanceof Promise) return a.then(() => runBodyAsync(x, true));
    const c = execBlock(it, s.body, scope);
    if (c instanceof Promise) return c.then(async (cc) => { const t = it.tick(); if (t instanceof Promise) await t; return after(cc); });
    const t = it.tick();
    if (t instanceof Promise) return t.then(() => after(c));
    return after(c);
  };
  const runBodyAsync = async (x: PyValue, assigned = false): Promise<Completion | 'stop'> => {
    if (!assigned) await assignTarget(it, target, x, scope);
    const c = await execBlock(it, s.body, scope);
    const t = it.tick();
    if (t instanceof Promise) await t;
    return after(c);
  };
  if (iterable instanceof PyRange) {
    // Fast path: no iterator object, bigint counter.
    const { start, stop, step } = iterable;
    for (let i = start; step > 0n ? i < stop : i > stop; i += step) {
      let r = runBody(i);
      if (r instanceof Promise) r = await r;
      if (r === 'stop') return undefined;
      if (r !== undefined) return r;
    }
    return execBlock(it, s.orelse, scope);
  }
  if (iterable instanceof PyTuple) {
    for (const x of iterable.items) {
      let r = runBody(x);
      if (r instanceof Promise) r = await r;
      if (r === 'stop') return undefined;
      if (r !== undefined) return r;
    }
    return execBlock(it, s.orelse, scope);
  }
  let iter = getIterator(it, iterable);
  if (iter instanceof Promise) iter = await iter;
  try {
    for (;;) {
      let x: IterResult | Promise<IterResult> = iter.next();
      if (x instanceof Promise) x = await x;
      if (x === STOP) break;
      let r = runBody(x);
      if (r instanceof Promise) r = await r;
      if (r === 'stop') return undefined;
      if (r !== undefined) return r;
    }
  } finally {
    await closeMadeSince(it, [iter], madeBefore);
  }
  return execBlock(it, s.orelse, scope);
}

async function matches(it: Interpreter, h: ExceptHandler, e: PyException, scope: Scope): Promise<boolean> {
  if (!h.type) return true;
  const t = await evalExpr(it, h.type, scope);
  const classes = t instanceof PyTuple ? t.items : [t];
  for (const c of classes) {
    if (!(c instanceof PyClass) || !isExceptionClass(c)) {
      throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    }
    if (e.value.cls.isSubclassOf(c)) return true;
  }
  return false;
}

async function execTry(it: Interpreter, s: Extract<Stmt, { kind: 'Try' }>, scope: Scope): Promise<Completion> {
  let completion: Completion;
  // The exception leaving through `finally`: it is being handled while the
  // finally block runs (an exception raised there gets it as __context__).
  let propagating: PyException | null = null;
  try {
    let failed: PyException | null = null;
    try {
      completion = await execBlock(it, s.body, scope);
    } catch (err) {
      const e = toPyException(it, err);
      if (e.fatal) throw e;
      it.finishTraceback(e, it.frame);
      if (s.handlers.length === 0) throw (propagating = e);
      failed = e;
    }
    if (failed) {
      const e = failed;
      for (const h of s.handlers) {
        if (!(await matches(it, h, e, scope))) continue;
        if (h.name) scope.assign(h.name, e.value);
        try {
          return await handling(it, e, () => execBlock(it, h.body, scope));
        } catch (inner) {
          throw (propagating = toPyException(it, inner));
        } finally {
          if (h.name) scope.vars.delete(h.name);
        }
      }
      throw (propagating = e);
    }
    if (completion === undefined && s.orelse.length) completion = await execBlock(it, s.orelse, scope);
    return completion;
  } catch (err) {
    throw (propagating = toPyException(it, err));
  } finally {
    if (s.finalbody.length) {
      const pending = propagating && !propagating.fatal ? propagating : null;
      const run = () => execBlock(it, s.finalbody, scope);
      const fc = pending ? await handling(it, pending, run) : await run();
      // `return`/`break` in finally overrides the pending result or exception.
      // eslint-disable-next-line no-unsafe-finally
      if (fc !== undefined) return fc;
    }
  }
}

/** Runs `body` while `e` is being handled (bare `raise` re-raises it); an
 *  exception escaping the body gets `e` as its __context__, as in CPython. */
async function handling<T>(it: Interpreter, e: PyException, body: () => T | Promise<T>): Promise<T> {
  it.handling.push(e);
  try {
    return await body();
  } catch (inner) {
    const ie = toPyException(it, inner);
    if (!ie.fatal && ie.value !== e.value && excLinks(ie.value).context === null) setContext(ie.value, e.value);
    throw ie;
  } finally {
    it.handling.pop();
  }
}

async function execWith(it: Interpreter, s: Extract<Stmt, { kind: 'With' }>, scope: Scope, i: number): Promise<Completion> {
  if (i >= s.items.length) return execBlock(it, s.body, scope);
  const item = s.items[i];
  const mgr = await evalExpr(it, item.expr, scope);
  const cls = typeOf(mgr);
  const enter = findDunder(cls, '__enter__');
  const exit = findDunder(cls, '__exit__');
  if (!enter || !exit) {
    throw pyError('TypeError', `'${cls.name}' object does not support the context manager protocol`);
  }
  const entered = await callValue(it, enter, [mgr], null);
  if (item.target) await assignTarget(it, item.target, entered, scope);
  let c: Completion;
  try {
    c = await execWith(it, s, scope, i + 1);
  } catch (err) {
    const e = toPyException(it, err);
    if (e.fatal) throw e;
    it.finishTraceback(e, it.frame);
    const suppress = await handling(it, e, () => callValue(it, exit, [mgr, e.value.cls, e.value, tracebackOf(e)], null));
    if (await truth(it, suppress)) return undefined;
    throw e;
  }
  await callValue(it, exit, [mgr, null, null, null], null);
  return c;
}

async function makeRaise(it: Interpreter, excExpr: import('../ast').Expr | null, causeExpr: import('../ast').Expr | null, scope: Scope): Promise<PyException> {
  if (!excExpr) {
    const cur = it.handling[it.handling.length - 1];
    if (!cur) return pyError('RuntimeError', 'No active exception to reraise');
    return cur;
  }
  const v = await evalExpr(it, excExpr, scope);
  const inst = await toExceptionInstance(it, v);
  // Raising an object raised before continues its traceback, as in CPython.
  const before = excLinks(inst).raised;
  const e = new PyException(inst);
  if (before) e.frames = [...before.frames];
  if (causeExpr) {
    const c = await evalExpr(it, causeExpr, scope);
    const links = excLinks(inst);
    if (c === null) links.cause = null;
    else if (c instanceof PyClass || c instanceof PyInstance) links.cause = await toCauseInstance(it, c);
    else throw pyError('TypeError', 'exception causes must derive from BaseException');
    links.suppressContext = true;
  }
  const ctxExc = it.handling[it.handling.length - 1];
  if (ctxExc) setContext(inst, ctxExc.value);
  return e;
}

async function toCauseInstance(it: Interpreter, v: PyClass | PyInstance): Promise<PyInstance> {
  if (v instanceof PyInstance ? !isExceptionClass(v.cls) : !isExceptionClass(v)) {
    throw pyError('TypeError', 'exception causes must derive from BaseException');
  }
  return toExceptionInstance(it, v);
}

async function toExceptionInstance(it: Interpreter, v: PyValue): Promise<PyInstance> {
  if (v instanceof PyClass && isExceptionClass(v)) {
    const inst = await callValue(it, v, [], null);
    return inst as PyInstance;
  }
  if (v instanceof PyInstance && isExceptionClass(v.cls)) return v;
  throw pyError('TypeError', 'exceptions must derive from BaseException');
}

