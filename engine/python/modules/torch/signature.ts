// Binds positional and keyword arguments to parameter names the way Python
// (and PyTorch's argument parser) does, with Python's TypeError messages.
import { pyError } from '../../runtime/exceptions';
import type { Kwargs, PyValue } from '../../runtime/objects';

export type Bound = Record<string, PyValue | undefined>;

/**
 * `params` are names; a leading `*` marks keyword-only from there on
 * (e.g. ['input', 'dim', '*', 'keepdim']). Missing parameters are undefined.
 */
export function bind(fn: string, params: readonly string[], args: readonly PyValue[], kwargs: Kwargs): Bound {
  const out: Bound = {};
  const star = params.indexOf('*');
  const positional = star < 0 ? params : params.slice(0, star);
  const names = params.filter((p) => p !== '*');
  if (args.length > positional.length) {
    throw pyError('TypeError', `${fn}() takes ${positional.length} positional argument${positional.length === 1 ? '' : 's'} but ${args.length} were given`);
  }
  args.forEach((a, i) => { out[positional[i]] = a; });
  if (kwargs) {
    for (const [k, v] of kwargs) {
      if (!names.includes(k)) throw pyError('TypeError', `${fn}() got an unexpected keyword argument '${k}'`);
      if (out[k] !== undefined) throw pyError('TypeError', `${fn}() got multiple values for argument '${k}'`);
      out[k] = v;
    }
  }
  return out;
}

export function required<T extends PyValue>(b: Bound, name: string, fn: string): T {
  const v = b[name];
  if (v === undefined) throw pyError('TypeError', `${fn}() missing 1 required positional argument: '${name}'`);
  return v as T;
}

export function kw(kwargs: Kwargs, name: string): PyValue | undefined {
  return kwargs ? kwargs.get(name) : undefined;
}

/** Splits keyword arguments the caller handles itself from the rest. */
export function takeKw(kwargs: Kwargs, names: readonly string[]): [Record<string, PyValue>, Kwargs] {
  const taken: Record<string, PyValue> = {};
  if (!kwargs) return [taken, null];
  const rest = new Map<string, PyValue>();
  for (const [k, v] of kwargs) {
    if (names.includes(k)) taken[k] = v;
    else rest.set(k, v);
  }
  return [taken, rest.size ? rest : null];
}

/** PyTorch's argument parser message for missing tensor-op arguments. */
export function requireArgs(fn: string, b: Bound, names: readonly string[]): void {
  const missing = names.filter((n) => b[n] === undefined);
  if (missing.length) {
    throw pyError('TypeError', `${fn}() missing ${missing.length} required positional arguments: ${missing.map((m) => `"${m}"`).join(', ')}`);
  }
}

/** Python's message for a function defined in Python (Linear.__init__ ...). */
export function requirePyArgs(fn: string, b: Bound, names: readonly string[]): void {
  const missing = names.filter((n) => b[n] === undefined);
  if (!missing.length) return;
  const q = missing.map((m) => `'${m}'`);
  const list = q.length === 1 ? q[0] : q.length === 2 ? `${q[0]} and ${q[1]}` : q.slice(0, -1).join(', ') + ', and ' + q[q.length - 1];
  throw pyError('TypeError', `${fn}() missing ${missing.length} required positional argument${missing.length === 1 ? '' : 's'}: ${list}`);
}
