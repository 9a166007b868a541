// import / from-import against the module registry (modules/registry.ts).
// Relative imports and anything unregistered are refused with Python's
// ModuleNotFoundError, saying the sandbox does not have the module.
import type { Stmt } from '../ast';
import { pyError } from './exceptions';
import type { Interpreter } from './interpreter';
import { PyModule, PyValue } from './objects';
import { Scope } from './scope';
import { getAttrOpt } from './protocol';

export async function loadModule(it: Interpreter, name: string): Promise<PyModule> {
  const cached = it.loadedModules.get(name);
  if (cached) return cached;
  const dot = name.lastIndexOf('.');
  const parent = dot > 0 ? await loadModule(it, name.slice(0, dot)) : null;
  const factory = it.modules.get(name);
  if (!factory) {
    // `torch.nn` may be an attribute of a loaded `torch` rather than registered.
    if (parent) {
      const attr = parent.dict.get(name.slice(dot + 1));
      if (attr instanceof PyModule) {
        it.loadedModules.set(name, attr);
        return attr;
      }
    }
    const top = name.split('.')[0];
    const available = it.modules.names().filter((n) => !n.includes('.')).join(', ');
    const msg = it.modules.has(top) || parent
      ? `No module named '${name}'`
      : `No module named '${name}' (it is not available in Tensor Lens's sandbox, which provides: ${available})`;
    throw pyError('ModuleNotFoundError', msg);
  }
  const m = await factory(it);
  it.loadedModules.set(name, m);
  if (parent && !parent.dict.has(name.slice(dot + 1))) parent.dict.set(name.slice(dot + 1), m);
  return m;
}

export async function execImport(it: Interpreter, s: Extract<Stmt, { kind: 'Import' }>, scope: Scope): Promise<void> {
  for (const n of s.names) {
    const m = await loadModule(it, n.name);
    if (n.asname) {
      bind(it, scope, n.asname, m, n.range);
    } else {
      const top = n.name.split('.')[0];
      bind(it, scope, top, await loadModule(it, top), n.range);
    }
  }
}

function bind(it: Interpreter, scope: Scope, name: string, v: PyValue, range: import('../../trace/types').SourceRange): void {
  scope.assign(name, v);
  it.hooks.onAssign?.(name, range, v);
}

export async function execImportFrom(it: Interpreter, s: Extract<Stmt, { kind: 'ImportFrom' }>, scope: Scope): Promise<void> {
  if (s.level > 0) {
    throw pyError('ImportError', 'attempted relative import with no known parent package');
  }
  const m = await loadModule(it, s.module);
  if (s.names === '*') {
    const all = m.dict.get('__all__');
    for (const [k, v] of m.dict) {
      if (all === undefined ? !k.startsWith('_') : true) scope.assign(k, v);
    }
    return;
  }
  for (const n of s.names) {
    let v = await getAttrOpt(it, m, n.name);
    if (v === undefined) {
      const sub = `${s.module}.${n.name}`;
      if (it.modules.has(sub)) v = await loadModule(it, sub);
    }
    if (v === undefined) {
      throw pyError('ImportError', `cannot import name '${n.name}' from '${s.module}' (unknown location)`);
    }
    bind(it, scope, n.asname ?? n.name, v, n.range);
  }
}
