// Assignment targets: names, attributes, subscripts and (starred) unpacking.
import type { Expr } from '../ast';
import { pyError } from './exceptions';
import type { Interpreter } from './interpreter';
import { PyList, PyValue } from './objects';
import { Scope } from './scope';
import { ev } from './eval';
import { delAttr, setAttr, typeName } from './protocol';
import { delItem, setItem } from './subscript';
import { toArray } from './iter';

export async function assignTarget(it: Interpreter, t: Expr, v: PyValue, scope: Scope, objGiven?: PyValue): Promise<void> {
  switch (t.kind) {
    case 'Name': {
      scope.assign(t.id, v);
      const h = it.hooks.onAssign;
      if (h) {
        const r = h(t.id, t.range, v);
        if (r instanceof Promise) await r;
      }
      return;
    }
    case 'Attribute': {
      const obj = objGiven !== undefined ? objGiven : await ev(it, t.value, scope);
      await setAttr(it, obj, t.attr, v);
      return;
    }
    case 'Subscript': {
      const obj = await ev(it, t.value, scope);
      const key = await ev(it, t.index, scope);
      await setItem(it, obj, key, v);
      return;
    }
    case 'Tuple':
    case 'List':
      return unpack(it, t.elts, v, scope);
    case 'Starred':
      throw pyError('SyntaxError', 'starred assignment target must be in a list or tuple');
    default:
      throw pyError('SyntaxError', 'cannot assign to expression');
  }
}

async function unpack(it: Interpreter, targets: Expr[], v: PyValue, scope: Scope): Promise<void> {
  if (v !== null && typeof v !== 'object' && typeof v !== 'string') {
    throw pyError('TypeError', `cannot unpack non-iterable ${typeName(v)} object`);
  }
  const items = await toArray(it, v);
  const starAt = targets.findIndex((t) => t.kind === 'Starred');
  if (starAt < 0) {
    if (items.length > targets.length) throw pyError('ValueError', `too many values to unpack (expected ${targets.length})`);
    if (items.length < targets.length) throw pyError('ValueError', `not enough values to unpack (expected ${targets.length}, got ${items.length})`);
    for (let i = 0; i < targets.length; i++) await assignTarget(it, targets[i], items[i], scope);
    return;
  }
  const after = targets.length - starAt - 1;
  if (items.length < targets.length - 1) {
    throw pyError('ValueError', `not enough values to unpack (expected at least ${targets.length - 1}, got ${items.length})`);
  }
  for (let i = 0; i < starAt; i++) await assignTarget(it, targets[i], items[i], scope);
  await assignTarget(it, (targets[starAt] as Extract<Expr, { kind: 'Starred' }>).value, new PyList(items.slice(starAt, items.length - after)), scope);
  for (let i = 0; i < after; i++) await assignTarget(it, targets[starAt + 1 + i], items[items.length - after + i], scope);
}

export async function deleteTarget(it: Interpreter, t: Expr, scope: Scope): Promise<void> {
  switch (t.kind) {
    case 'Name':
      scope.delete(t.id);
      return;
    case 'Attribute':
      await delAttr(it, await ev(it, t.value, scope), t.attr);
      return;
    case 'Subscript':
      await delItem(it, await ev(it, t.value, scope), await ev(it, t.index, scope));
      return;
    case 'Tuple':
    case 'List':
      for (const e of t.elts) await deleteTarget(it, e, scope);
      return;
    default:
      throw pyError('SyntaxError', 'cannot delete expression');
  }
}
