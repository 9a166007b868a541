// state_dict() / load_state_dict() with nn.Module's key order and its exact
// error text ("Error(s) in loading state_dict for Linear:\n\tMissing key(s) ...").

import { Tensor } from '../tensor';
import { runtimeError } from '../core/errors';
import type { Module } from './module';

/** An OrderedDict of name -> tensor: a Map keeps insertion order. */
export type StateDict = Map<string, Tensor>;

export interface IncompatibleKeys {
  missingKeys: string[];
  unexpectedKeys: string[];
}

/** What load_state_dict returns, printed: `<All keys matched successfully>` or the namedtuple. */
export function incompatibleKeysRepr(k: IncompatibleKeys): string {
  if (k.missingKeys.length === 0 && k.unexpectedKeys.length === 0) return '<All keys matched successfully>';
  const list = (xs: string[]): string => `[${xs.map((x) => `'${x}'`).join(', ')}]`;
  return `_IncompatibleKeys(missing_keys=${list(k.missingKeys)}, unexpected_keys=${list(k.unexpectedKeys)})`;
}

function detached(t: Tensor): Tensor {
  return new Tensor(t.storage, t.shape.slice(), t.strides.slice(), t.offset, t.dtype, t.base, t.versionCounter);
}

/** Own parameters, then own persistent buffers, then each child's, depth first. */
export function stateDict(m: Module, prefix: string, keepVars: boolean, into: StateDict = new Map()): StateDict {
  for (const [name, p] of m._parameters) {
    if (p !== null) into.set(prefix + name, keepVars ? p : detached(p));
  }
  for (const [name, b] of m._buffers) {
    if (b !== null && !m._nonPersistentBuffers.has(name)) into.set(prefix + name, keepVars ? b : detached(b));
  }
  for (const [name, child] of m._modules) {
    if (child !== null) stateDict(child, `${prefix}${name}.`, keepVars, into);
  }
  return into;
}

function sizeRepr(shape: readonly number[]): string {
  return `torch.Size([${shape.join(', ')}])`;
}

function sameShape(a: readonly number[], b: readonly number[]): boolean {
  return a.length === b.length && a.every((s, i) => s === b[i]);
}

function loadOwn(
  m: Module, state: StateDict, prefix: string, missing: string[], unexpected: string[], errors: string[],
): void {
  const local = new Map<string, Tensor>();
  for (const [k, v] of m._parameters) if (v !== null) local.set(k, v);
  for (const [k, v] of m._buffers) if (v !== null && !m._nonPersistentBuffers.has(k)) local.set(k, v);
  for (const [name, param] of local) {
    const key = prefix + name;
    const input = state.get(key);
    if (input === undefined) {
      missing.push(key);
      continue;
    }
    if (!(input instanceof Tensor)) {
      errors.push(`While copying the parameter named "${key}", expected torch.Tensor or Tensor-like object from checkpoint but received ${typeof input}`);
      continue;
    }
    let src = input;
    if (param.shape.length === 0 && src.shape.length === 1 && src.shape[0] === 1) {
      src = new Tensor(src.storage, [], [], src.offset, src.dtype, src.base, src.versionCounter);
    }
    if (!sameShape(src.shape, param.shape)) {
      errors.push(`size mismatch for ${key}: copying a param with shape ${sizeRepr(src.shape)} from checkpoint, the shape in current model is ${sizeRepr(param.shape)}.`);
      continue;
    }
    // param.copy_(input) under no_grad: writes through, bumps the version.
    param.backend.run('copy', [src], [param]);
    param.bumpVersion();
  }
  for (const key of state.keys()) {
    if (!key.startsWith(prefix)) continue;
    const rest = key.slice(prefix.length);
    const dot = rest.indexOf('.');
    if (dot >= 0) {
      if (!m._modules.has(rest.slice(0, dot))) unexpected.push(key);
    } else if (!local.has(rest)) {
      unexpected.push(key);
    }
  }
}

export function loadStateDict(
  root: Module, given: StateDict | Iterable<[string, Tensor]>, strict: boolean,
): IncompatibleKeys {
  const state: StateDict = given instanceof Map ? given : new Map(given);
  const missing: string[] = [];
  const unexpected: string[] = [];
  const errors: string[] = [];
  const load = (m: Module, local: StateDict, prefix: string): void => {
    loadOwn(m, local, prefix, missing, unexpected, errors);
    for (const [name, child] of m._modules) {
      if (child === null) continue;
      const p = `${prefix}${name}.`;
      const sub: StateDict = new Map();
      for (const [k, v] of local) if (k.startsWith(p)) sub.set(k, v);
      load(child, sub, p);
    }
  };
  load(root, state, '');
  const keys = { missingKeys: missing, unexpectedKeys: unexpected };
  if (strict) {
    const quoted = (xs: string[]): string => xs.map((k) => `"${k}"`).join(', ');
    if (unexpected.length > 0) errors.unshift(`Unexpected key(s) in state_dict: ${quoted(unexpected)}. `);
    if (missing.length > 0) errors.unshift(`Missing key(s) in state_dict: ${quoted(missing)}. `);
  }
  if (errors.length > 0) {
    throw runtimeError(`Error(s) in loading state_dict for ${root.typeName}:\n\t${errors.join('\n\t')}`);
  }
  return keys;
}
