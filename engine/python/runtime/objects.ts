// The Python object model. A Python value is one of:
//   None -> null, bool -> boolean, int -> bigint (always: exact like Python),
//   float -> number, str -> string, everything else -> a PyObject subclass.
// Behaviour lives in classes (PyClass.dict) exactly as in Python: operators,
// attribute access, iteration, len, repr... look up dunder methods along the
// MRO. Native types (torch.Tensor, nn.Module) are PyClasses whose dict holds
// PyBuiltin functions; their instances are PyInstance with a `native` slot.
import type { Expr, FunctionScopeInfo, Param, Stmt } from '../ast';
import type { SourceRange } from '../../trace/types';
import type { Scope } from './scope';

export type PyValue = null | boolean | bigint | number | string | PyObject;

export abstract class PyObject {
  abstract readonly cls: PyClass;
}

/** Arguments a builtin receives; kwargs is null when none were passed (the common case). */
export type Kwargs = Map<string, PyValue> | null;

/** What a builtin can do besides compute: call back into Python, print, etc.
 *  (implemented by the Interpreter; see runtime/interpreter.ts). */
export interface CallContext {
  call(fn: PyValue, args: PyValue[], kwargs?: Kwargs): Promise<PyValue>;
  /** Range of the call expression being evaluated (for errors and the trace). */
  readonly currentRange: SourceRange | null;
  write(text: string): void;
}

export type BuiltinFn = (args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>;

export class PyClass extends PyObject {
  mro: PyClass[] = [];
  readonly dict = new Map<string, PyValue>();
  /** Native payload for classes defined in TypeScript (e.g. torch.Tensor). */
  native: unknown = undefined;
  /** Module name shown in reprs: <class '__main__.Net'>. */
  module = 'builtins';
  /** Set for the types that are written in C in real Python ('torch.Size',
   *  'numpy.ndarray'): their tp_name, which CPython's error messages print,
   *  names the module; a class written in Python gives only its name. */
  cTypeName: string | undefined = undefined;
  /** The type's name as CPython's error messages print it (tp_name). */
  get tpName(): string {
    return this.cTypeName ?? this.name;
  }
  constructor(public name: string, public bases: PyClass[], metaclass?: PyClass) {
    super();
    this.metaclass = metaclass;
    this.mro = computeMro(this);
  }
  private metaclass: PyClass | undefined;
  get cls(): PyClass {
    return this.metaclass ?? typeClassRef.current;
  }
  /** Attribute lookup along the MRO (no descriptor binding). */
  lookup(name: string): PyValue | undefined {
    for (const c of this.mro) {
      const v = c.dict.get(name);
      if (v !== undefined) return v;
    }
    return undefined;
  }
  isSubclassOf(other: PyClass): boolean {
    return this === other || this.mro.includes(other);
  }
  get qualifiedName(): string {
    return this.module === 'builtins' ? this.name : `${this.module}.${this.name}`;
  }
}

/** Filled in by types.ts: the `type` class (metaclass of every class). */
export const typeClassRef: { current: PyClass } = { current: undefined as unknown as PyClass };

/** C3 linearisation, as Python computes __mro__. */
function computeMro(c: PyClass): PyClass[] {
  const seqs = c.bases.map((b) => [...b.mro]);
  seqs.push([...c.bases]);
  const out: PyClass[] = [c];
  for (;;) {
    const live = seqs.filter((s) => s.length > 0);
    if (live.length === 0) return out;
    let head: PyClass | null = null;
    for (const s of live) {
      const cand = s[0];
      if (!live.some((t) => t.indexOf(cand) > 0)) {
        head = cand;
        break;
      }
    }
    if (!head) throw new MroError(c.bases.map((b) => b.name));
    out.push(head);
    for (const s of live) if (s[0] === head) s.shift();
  }
}

export class MroError extends Error {
  constructor(readonly names: string[]) {
    super('Cannot create a consistent method resolution order (MRO) for bases ' + names.join(', '));
  }
}

export class PyInstance extends PyObject {
  /** Instance attributes (__dict__). */
  readonly dict = new Map<string, PyValue>();
  /** Payload for instances of native classes (engine Tensor, nn.Module state...). */
  native: unknown = undefined;
  constructor(public cls: PyClass) {
    super();
  }
}

export class PyFunction extends PyObject {
  get cls(): PyClass {
    return builtinClasses.function;
  }
  readonly dict = new Map<string, PyValue>();
  constructor(
    public name: string,
    public qualname: string,
    readonly params: Param[],
    /** Statements of a def, or a single expression of a lambda. */
    readonly body: Stmt[] | Expr,
    readonly closure: Scope,
    readonly defaults: Map<string, PyValue>,
    readonly scopeInfo: FunctionScopeInfo,
    readonly range: SourceRange,
  ) {
    super();
  }
}

export class PyBuiltin extends PyObject {
  get cls(): PyClass {
    return builtinClasses.builtin_function_or_method;
  }
  constructor(public name: string, readonly fn: BuiltinFn) {
    super();
  }
}

export class PyBoundMethod extends PyObject {
  get cls(): PyClass {
    return builtinClasses.method;
  }
  constructor(readonly self: PyValue, readonly func: PyValue) {
    super();
  }
}

export class PyProperty extends PyObject {
  get cls(): PyClass {
    return builtinClasses.property;
  }
  constructor(public fget: PyValue, public fset: PyValue = null, public fdel: PyValue = null) {
    super();
  }
}

export class PyStaticMethod extends PyObject {
  get cls(): PyClass {
    return builtinClasses.staticmethod;
  }
  constructor(readonly func: PyValue) {
    super();
  }
}

export class PyClassMethod extends PyObject {
  get cls(): PyClass {
    return builtinClasses.classmethod;
  }
  constructor(readonly func: PyValue) {
    super();
  }
}

export class PyModule extends PyObject {
  get cls(): PyClass {
    return builtinClasses.module;
  }
  readonly dict = new Map<string, PyValue>();
  constructor(readonly name: string) {
    super();
  }
}

export class PyList extends PyObject {
  get cls(): PyClass {
    return builtinClasses.list;
  }
  constructor(public items: PyValue[] = []) {
    super();
  }
}

export class PyTuple extends PyObject {
  get cls(): PyClass {
    return builtinClasses.tuple;
  }
  constructor(readonly items: readonly PyValue[]) {
    super();
  }
}

export class PyRange extends PyObject {
  get cls(): PyClass {
    return builtinClasses.range;
  }
  constructor(readonly start: bigint, readonly stop: bigint, readonly step: bigint) {
    super();
  }
  get length(): bigint {
    const { start, stop, step } = this;
    if (step > 0n) return stop > start ? (stop - start + step - 1n) / step : 0n;
    return start > stop ? (start - stop - step - 1n) / -step : 0n;
  }
}

export class PySlice extends PyObject {
  get cls(): PyClass {
    return builtinClasses.slice;
  }
  constructor(readonly start: PyValue, readonly stop: PyValue, readonly step: PyValue) {
    super();
  }
}

/** Iterators implemented in TypeScript. `next` returns STOP when exhausted. */
export const STOP: unique symbol = Symbol('StopIteration');
export type IterResult = PyValue | typeof STOP;

export class PyIterator extends PyObject {
  /** The iterators this one draws from (enumerate's, zip's): a for loop
   *  closes the generators among them that were made for it. */
  sources: readonly PyIterator[] = [];
  get cls(): PyClass {
    return this.klass ?? builtinClasses.iterator;
  }
  constructor(readonly next: () => IterResult | Promise<IterResult>, private readonly klass?: PyClass) {
    super();
  }
}

export class PySuper extends PyObject {
  get cls(): PyClass {
    return builtinClasses.super;
  }
  constructor(readonly thisClass: PyClass, readonly self: PyValue) {
    super();
  }
}

class Singleton extends PyObject {
  constructor(private readonly klass: () => PyClass, readonly repr: string) {
    super();
  }
  get cls(): PyClass {
    return this.klass();
  }
}

export const NotImplemented = new Singleton(() => builtinClasses.NotImplementedType, 'NotImplemented');
export const Ellipsis = new Singleton(() => builtinClasses.ellipsis, 'Ellipsis');

/** Builtin type objects, created in types.ts (kept here so every file can
 *  reach them without import cycles). */
export const builtinClasses = {} as Record<
  | 'object' | 'type' | 'int' | 'float' | 'bool' | 'str' | 'NoneType' | 'list' | 'tuple' | 'dict' | 'set' | 'frozenset'
  | 'range' | 'slice' | 'function' | 'builtin_function_or_method' | 'method' | 'property' | 'staticmethod'
  | 'classmethod' | 'module' | 'iterator' | 'generator' | 'super' | 'NotImplementedType' | 'ellipsis' | 'complex',
  PyClass
>;
