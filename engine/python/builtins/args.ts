// Helpers for builtins written in TypeScript: arity checks with CPython's
// messages, keyword lookup, and conversions to JS numbers.
import { pyError } from '../runtime/exceptions';
import { BuiltinFn, Kwargs, PyBuiltin, PyClass, PyValue } from '../runtime/objects';
import { typeName } from '../runtime/protocol';

export function arity(name: string, args: PyValue[], min: number, max = min): void {
  if (args.length >= min && args.length <= max) return;
  if (min === max) {
    if (min === 0) throw pyError('TypeError', `${name}() takes no arguments (${args.length} given)`);
    if (min === 1) throw pyError('TypeError', `${name}() takes exactly one argument (${args.length} given)`);
    throw pyError('TypeError', `${name} expected ${min} arguments, got ${args.length}`);
  }
  if (args.length < min) throw pyError('TypeError', `${name} expected at least ${min} argument${min === 1 ? '' : 's'}, got ${args.length}`);
  throw pyError('TypeError', `${name} expected at most ${max} argument${max === 1 ? '' : 's'}, got ${args.length}`);
}

export function noKwargs(name: string, kwargs: Kwargs): void {
  if (kwargs && kwargs.size) throw pyError('TypeError', `${name}() takes no keyword arguments`);
}

/** Pops a keyword argument, checking only allowed names were passed. */
export function kw(kwargs: Kwargs, name: string): PyValue | undefined {
  return kwargs?.get(name);
}

export function onlyKwargs(fname: string, kwargs: Kwargs, allowed: string[]): void {
  if (!kwargs) return;
  for (const k of kwargs.keys()) {
    if (!allowed.includes(k)) throw pyError('TypeError', `${fname}() got an unexpected keyword argument '${k}'`);
  }
}

/** An int argument as a JS number (bool counts as int, as in Python). */
export function intArg(v: PyValue, what = 'an integer'): number {
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  throw pyError('TypeError', `'${typeName(v)}' object cannot be interpreted as ${what}`);
}

export function bigintArg(v: PyValue): bigint {
  if (typeof v === 'bigint') return v;
  if (typeof v === 'boolean') return v ? 1n : 0n;
  throw pyError('TypeError', `'${typeName(v)}' object cannot be interpreted as an integer`);
}

/** A Python int or float as a JS number. */
export function numberArg(v: PyValue): number | undefined {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (typeof v === 'boolean') return v ? 1 : 0;
  return undefined;
}

export function strArg(fname: string, v: PyValue, pos = 1): string {
  if (typeof v !== 'string') throw pyError('TypeError', `${fname}() argument ${pos} must be str, not ${typeName(v)}`);
  return v;
}

export function fn(name: string, f: BuiltinFn): PyBuiltin {
  return new PyBuiltin(name, f);
}

/** Adds builtin methods to a class's dict. */
export function methods(cls: PyClass, table: Record<string, BuiltinFn>): void {
  for (const [name, f] of Object.entries(table)) cls.dict.set(name, new PyBuiltin(name, f));
}
