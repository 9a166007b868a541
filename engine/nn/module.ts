// nn.Module: parameters, buffers and submodules registered by name in
// insertion order, exactly as PyTorch keeps them, so named_parameters(),
// state_dict() and repr() list things in PyTorch's order.
//
// The Python layer routes `self.x = value` to setAttr and `self.x` (when the
// instance dict has no x) to getAttr; both follow nn.Module.__setattr__ /
// __getattr__. A Python subclass overrides forward (possibly async: its body is
// run by the async interpreter) and sets typeName to its class name.
// KeyError messages are the raw argument: the interpreter applies repr() when
// it prints a KeyError, as Python does.

import { Tensor } from '../tensor';
import { TorchError, runtimeError, typeError } from '../core/errors';
import { attributeError, pyError } from './errors';
import { isParameter, typename } from './parameter';
import { moduleRepr, moduleReprAsync } from './module-repr';
import * as tree from './module-tree';
import { loadStateDict, stateDict, type IncompatibleKeys, type StateDict } from './state-dict';

export class Module {
  /** The class name PyTorch prints (`Linear`, or the user's Python class). */
  typeName: string;
  readonly _parameters = new Map<string, Tensor | null>();
  readonly _buffers = new Map<string, Tensor | null>();
  readonly _nonPersistentBuffers = new Set<string>();
  readonly _modules = new Map<string, Module | null>();
  /** Plain attributes (the instance __dict__ for values that are none of the above). */
  readonly _attrs = new Map<string, unknown>();
  training = true;

  constructor(typeName = 'Module') {
    this.typeName = typeName;
  }

  // ------------------------------------------------------------ calling

  /** The computation. Built-in modules answer synchronously; a Python
   *  subclass's forward may return a Promise. */
  forward(..._args: unknown[]): unknown {
    throw new TorchError('NotImplementedError', `Module [${this.typeName}] is missing the required "forward" function`);
  }

  /** `module(x)`: always a Promise, for the interpreter. */
  call(...args: unknown[]): Promise<unknown> {
    try {
      return Promise.resolve(this.forward(...args));
    } catch (e) {
      return Promise.reject(e);
    }
  }

  /** `module(x)` for built-in modules, without a Promise per call. Throws if
   *  forward turns out to be asynchronous. */
  callSync(...args: unknown[]): unknown {
    const r = this.forward(...args);
    if (r instanceof Promise) {
      throw runtimeError(`${this.typeName}.forward is asynchronous; use call()`);
    }
    return r;
  }

  // ------------------------------------------------------------ registration

  registerParameter(name: string, param: Tensor | null): void {
    checkMemberName(name, 'parameter');
    if (this.hasAttr(name) && !this._parameters.has(name)) {
      throw pyError('KeyError', `attribute '${name}' already exists`);
    }
    if (param !== null && !isParameter(param)) {
      throw typeError(`cannot assign '${typename(param)}' object to parameter '${name}' (torch.nn.Parameter or None required)`);
    }
    if (param !== null && !param.isLeaf) {
      throw pyError('ValueError', `Cannot assign non-leaf Tensor to parameter '${name}'. Model parameters must be created explicitly. To express '${name}' as a function of another Tensor, compute the value in the forward() method.`);
    }
    this._parameters.set(name, param);
  }

  registerBuffer(name: string, tensor: Tensor | null, persistent = true): void {
    checkMemberName(name, 'buffer');
    if (this.hasAttr(name) && !this._buffers.has(name)) {
      throw pyError('KeyError', `attribute '${name}' already exists`);
    }
    if (tensor !== null && !(tensor instanceof Tensor)) {
      throw typeError(`cannot assign '${typename(tensor)}' object to buffer '${name}' (torch Tensor or None required)`);
    }
    this._buffers.set(name, tensor);
    if (persistent) this._nonPersistentBuffers.delete(name);
    else this._nonPersistentBuffers.add(name);
  }

  addModule(name: string, module: Module | null): void {
    if (module !== null && !(module instanceof Module)) {
      throw typeError(`${typename(module)} is not a Module subclass`);
    }
    checkMemberName(name, 'module');
    if (this.hasAttr(name) && !this._modules.has(name)) {
      throw pyError('KeyError', `attribute '${name}' already exists`);
    }
    this._modules.set(name, module);
  }

  registerModule(name: string, module: Module | null): void {
    this.addModule(name, module);
  }

  // ------------------------------------------------------------ attributes

  /** nn.Module.__setattr__. */
  setAttr(name: string, value: unknown): void {
    const removeFrom = (...maps: (Map<string, unknown> | Set<string>)[]): void => {
      for (const m of maps) m.delete(name);
    };
    if (name === 'training') {
      // A plain attribute in PyTorch, mirrored by the `training` field here.
      this.training = Boolean(value);
      return;
    }
    if (isParameter(value)) {
      removeFrom(this._attrs, this._buffers, this._modules, this._nonPersistentBuffers);
      this.registerParameter(name, value);
    } else if (this._parameters.has(name)) {
      if (value !== null && value !== undefined) {
        throw typeError(`cannot assign '${typename(value)}' as parameter '${name}' (torch.nn.Parameter or None expected)`);
      }
      this.registerParameter(name, null);
    } else if (value instanceof Module) {
      removeFrom(this._attrs, this._parameters, this._buffers, this._nonPersistentBuffers);
      this._modules.set(name, value);
    } else if (this._modules.has(name)) {
      if (value !== null && value !== undefined) {
        throw typeError(`cannot assign '${typename(value)}' as child module '${name}' (torch.nn.Module or None expected)`);
      }
      this._modules.set(name, null);
    } else if (this._buffers.has(name)) {
      if (value !== null && value !== undefined && !(value instanceof Tensor)) {
        throw typeError(`cannot assign '${typename(value)}' as buffer '${name}' (torch.nn.Buffer, torch.Tensor or None expected)`);
      }
      this._buffers.set(name, (value as Tensor | null | undefined) ?? null);
    } else {
      this._attrs.set(name, value);
    }
  }

  /** Whether getAttr(name) would find something. */
  hasAttr(name: string): boolean {
    return name === 'training' || this._attrs.has(name) || this._parameters.has(name) || this._buffers.has(name) || this._modules.has(name);
  }

  /** The instance dict first (as Python's __getattribute__), then nn.Module.__getattr__. */
  getAttr(name: string): unknown {
    if (name === 'training') return this.training;
    if (this._attrs.has(name)) return this._attrs.get(name);
    if (this._parameters.has(name)) return this._parameters.get(name);
    if (this._buffers.has(name)) return this._buffers.get(name);
    if (this._modules.has(name)) return this._modules.get(name);
    throw attributeError(`'${this.typeName}' object has no attribute '${name}'`);
  }

  /** nn.Module.__delattr__. */
  delAttr(name: string): void {
    if (this._parameters.delete(name)) return;
    if (this._buffers.delete(name)) {
      this._nonPersistentBuffers.delete(name);
      return;
    }
    if (this._modules.delete(name)) return;
    if (this._attrs.delete(name)) return;
    throw attributeError(`'${this.typeName}' object has no attribute '${name}'`);
  }

  // ------------------------------------------------------------ traversal

  parameters(recurse = true): Tensor[] {
    return tree.namedParameters(this, '', recurse).map(([, p]) => p);
  }
  namedParameters(prefix = '', recurse = true): [string, Tensor][] {
    return tree.namedParameters(this, prefix, recurse);
  }
  buffers(recurse = true): Tensor[] {
    return tree.namedBuffers(this, '', recurse).map(([, b]) => b);
  }
  namedBuffers(prefix = '', recurse = true): [string, Tensor][] {
    return tree.namedBuffers(this, prefix, recurse);
  }
  children(): Module[] {
    return tree.namedChildren(this).map(([, m]) => m);
  }
  namedChildren(): [string, Module][] {
    return tree.namedChildren(this);
  }
  modules(): Module[] {
    return tree.namedModules(this, '').map(([, m]) => m);
  }
  namedModules(prefix = ''): [string, Module][] {
    return tree.namedModules(this, prefix);
  }

  // ------------------------------------------------------------ state

  stateDict(prefix = '', keepVars = false): StateDict {
    return stateDict(this, prefix, keepVars);
  }

  /** Raises PyTorch's RuntimeError when strict and keys differ. */
  loadStateDict(state: StateDict | Iterable<[string, Tensor]>, strict = true): IncompatibleKeys {
    return loadStateDict(this, state, strict);
  }

  train(mode = true): this {
    if (typeof mode !== 'boolean') throw pyError('ValueError', 'training mode is expected to be boolean');
    this.training = mode;
    for (const m of this.children()) m.train(mode);
    return this;
  }

  eval(): this {
    return this.train(false);
  }

  /** PyTorch 2.x default: set_to_none=True. */
  zeroGrad(setToNone = true): void {
    for (const p of this.parameters()) {
      if (p.grad === null) continue;
      if (setToNone) p.grad = null;
      else tree.zeroGradInPlace(p);
    }
  }

  /** module.apply(fn): fn on every submodule (children first), then on self.
   *  fn may be a Python function (async): the result then is a Promise. */
  apply(fn: (m: Module) => unknown): this | Promise<this> {
    // Post-order, as PyTorch: each child's subtree, then the module itself
    // (the order matters when fn draws random numbers).
    const mods: Module[] = [];
    const visit = (m: Module): void => {
      for (const c of m.children()) visit(c);
      mods.push(m);
    };
    visit(this);
    for (let i = 0; i < mods.length; i++) {
      const r = fn(mods[i]);
      if (r instanceof Promise) {
        return (async () => {
          await r;
          for (let j = i + 1; j < mods.length; j++) await fn(mods[j]);
          return this;
        })();
      }
    }
    return this;
  }

  requiresGrad_(requiresGrad = true): this {
    for (const p of this.parameters()) p.requiresGrad = requiresGrad;
    return this;
  }

  // ------------------------------------------------------------ printing

  /** The part inside the parentheses on the module's own line. */
  extraRepr(): string {
    return '';
  }

  repr(): string {
    return moduleRepr(this);
  }

  /** extra_repr for a Python subclass, whose method runs in the async
   *  interpreter: the bindings override this one (default: extraRepr()). */
  extraReprAsync(): string | Promise<string> {
    return this.extraRepr();
  }

  /** repr() awaiting every extraReprAsync in the tree (print(model) from Python). */
  reprAsync(): Promise<string> {
    return moduleReprAsync(this);
  }

  toString(): string {
    return this.repr();
  }
}


function checkMemberName(name: string, what: string): void {
  if (typeof name !== 'string') throw typeError(`${what} name should be a string. Got ${typename(name)}`);
  if (name.includes('.')) throw pyError('KeyError', `${what} name can't contain "."`);
  if (name === '') throw pyError('KeyError', `${what} name can't be empty string ""`);
}
