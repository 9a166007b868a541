// Name resolution: Python's LEGB with per-function local sets decided before
// running (so `x = x + 1` in a function without `global x` is an
// UnboundLocalError, as in Python).
import type { FunctionScopeInfo } from '../ast';
import { pyError } from './exceptions';
import type { PyValue } from './objects';

export type ScopeKind = 'module' | 'function' | 'class' | 'comprehension';

export class Scope {
  readonly vars = new Map<string, PyValue>();
  /** Set on the scope of a running generator function: where `yield` hands values. */
  gen: { yield(v: PyValue): Promise<PyValue> } | null = null;
  /** Prefix for __qualname__ of functions and classes defined here ("A." or "f.<locals>."). */
  qualPrefix = "";
  constructor(
    readonly kind: ScopeKind,
    readonly parent: Scope | null,
    readonly globals: Scope,
    readonly builtins: Map<string, PyValue>,
    readonly info: FunctionScopeInfo | null = null,
  ) {}

  static module(builtins: Map<string, PyValue>): Scope {
    const s = new Scope('module', null, null as unknown as Scope, builtins);
    (s as { globals: Scope }).globals = s;
    return s;
  }

  lookup(name: string): PyValue {
    const info = this.info;
    if (info && info.globals.has(name)) return this.lookupGlobal(name);
    const own = this.vars.get(name);
    if (own !== undefined) return own;
    if (info && info.locals.has(name)) {
      throw pyError('UnboundLocalError', `cannot access local variable '${name}' where it is not associated with a value`);
    }
    for (let s = this.parent; s; s = s.parent) {
      if (s.kind === 'class' || s.kind === 'module') continue;
      const v = s.vars.get(name);
      if (v !== undefined) return v;
    }
    return this.lookupGlobal(name);
  }

  private lookupGlobal(name: string): PyValue {
    const v = this.globals.vars.get(name);
    if (v !== undefined) return v;
    const b = this.builtins.get(name);
    if (b !== undefined) return b;
    throw pyError('NameError', `name '${name}' is not defined`);
  }

  assign(name: string, value: PyValue): void {
    this.target(name).vars.set(name, value);
  }

  delete(name: string): void {
    const t = this.target(name);
    if (!t.vars.delete(name)) throw pyError('NameError', `name '${name}' is not defined`);
  }

  /** Scope that `name = ...` writes to. */
  private target(name: string): Scope {
    const info = this.info;
    if (!info) return this;
    if (info.globals.has(name)) return this.globals;
    if (info.nonlocals.has(name)) {
      for (let s = this.parent; s; s = s.parent) {
        if (s.kind === 'function' && s.vars.has(name)) return s;
      }
      throw pyError('SyntaxError', `no binding for nonlocal '${name}' found`);
    }
    return this;
  }
}
