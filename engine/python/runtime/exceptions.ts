// Python exceptions: classes (BaseException hierarchy) and the JS error that
// carries a raised exception instance through the interpreter.
import type { SourceRange, TraceFrame } from '../../trace/types';
import { PyClass, PyInstance, PyTuple, PyValue, builtinClasses } from './objects';
import './types';

export const excClasses = new Map<string, PyClass>();

function def(name: string, base: string | null): void {
  const cls = new PyClass(name, [base ? (excClasses.get(base) as PyClass) : builtinClasses.object]);
  excClasses.set(name, cls);
}

def('BaseException', null);
for (const [name, base] of [
  ['SystemExit', 'BaseException'], ['KeyboardInterrupt', 'BaseException'], ['GeneratorExit', 'BaseException'],
  ['Exception', 'BaseException'], ['StopIteration', 'Exception'], ['StopAsyncIteration', 'Exception'],
  ['ArithmeticError', 'Exception'], ['ZeroDivisionError', 'ArithmeticError'], ['OverflowError', 'ArithmeticError'],
  ['FloatingPointError', 'ArithmeticError'], ['AssertionError', 'Exception'], ['AttributeError', 'Exception'],
  ['BufferError', 'Exception'], ['EOFError', 'Exception'],
  ['LookupError', 'Exception'], ['IndexError', 'LookupError'], ['KeyError', 'LookupError'],
  ['NameError', 'Exception'], ['UnboundLocalError', 'NameError'], ['RuntimeError', 'Exception'],
  ['NotImplementedError', 'RuntimeError'], ['RecursionError', 'RuntimeError'], ['TypeError', 'Exception'],
  ['ValueError', 'Exception'], ['UnicodeError', 'ValueError'], ['ImportError', 'Exception'],
  ['ModuleNotFoundError', 'ImportError'], ['OSError', 'Exception'], ['FileNotFoundError', 'OSError'],
  ['PermissionError', 'OSError'], ['TimeoutError', 'OSError'], ['SyntaxError', 'Exception'],
  ['IndentationError', 'SyntaxError'], ['MemoryError', 'Exception'], ['SystemError', 'Exception'], ['Warning', 'Exception'],
  ['UserWarning', 'Warning'], ['DeprecationWarning', 'Warning'], ['RuntimeWarning', 'Warning'],
  ['FutureWarning', 'Warning'], ['PendingDeprecationWarning', 'Warning'], ['SyntaxWarning', 'Warning'],
] as const) {
  def(name, base);
}

export function excClass(name: string): PyClass {
  const c = excClasses.get(name);
  if (!c) throw new Error(`unknown exception class ${name}`);
  return c;
}

export function isExceptionClass(c: PyClass): boolean {
  return c.isSubclassOf(excClass('BaseException'));
}

export function newException(cls: PyClass, args: PyValue[]): PyInstance {
  const e = new PyInstance(cls);
  e.dict.set('args', new PyTuple(args));
  return e;
}

export function exceptionArgs(e: PyInstance): readonly PyValue[] {
  const a = e.dict.get('args');
  return a instanceof PyTuple ? a.items : [];
}

/** A raised Python exception travelling through the interpreter as a JS throw. */
export class PyException extends Error {
  /** Innermost-last frames, filled as the exception leaves each Python frame. */
  frames: TraceFrame[] = [];
  /** Where it was raised (innermost expression or statement). */
  range: SourceRange | null = null;
  /** Call site to use for the next (outer) frame added to the traceback. */
  pendingRange: SourceRange | null = null;
  /** Budget stops and cancels: `except` does not catch them (only `finally` runs). */
  fatal = false;
  /** The frame whose traceback entry was added last: an exception caught in
   *  a frame already carries that frame's entry, so a bare `raise` there does
   *  not add a second one (CPython keeps the original line). */
  lastFrame: object | null = null;
  constructor(readonly value: PyInstance) {
    super('python exception');
    excLinks(value).raised = this;
  }
  get typeName(): string {
    return this.value.cls.name;
  }
}

/** What CPython keeps on an exception object besides its args: the chain
 *  (__cause__, __context__, __suppress_context__) and its traceback (the
 *  frames of the last raise of this object). */
export interface ExcLinks {
  cause: PyInstance | null;
  context: PyInstance | null;
  suppressContext: boolean;
  raised: PyException | null;
}

const links = new WeakMap<PyInstance, ExcLinks>();

export function excLinks(e: PyInstance): ExcLinks {
  let l = links.get(e);
  if (!l) {
    l = { cause: null, context: null, suppressContext: false, raised: null };
    links.set(e, l);
  }
  return l;
}

/** `traceback` objects (an exception's __traceback__, __exit__'s third
 *  argument): one per frame entry, outermost first, linked by tb_next. */
export const tracebackClass = new PyClass('traceback', [builtinClasses.object]);
const tracebacks = new WeakMap<PyException, { length: number; tb: PyInstance }>();

export function tracebackOf(e: PyException): PyInstance | null {
  if (e.frames.length === 0) return null;
  const cached = tracebacks.get(e);
  if (cached && cached.length === e.frames.length) return cached.tb;
  let next: PyInstance | null = null;
  for (let i = e.frames.length - 1; i >= 0; i--) {
    const tb: PyInstance = new PyInstance(tracebackClass);
    tb.dict.set('tb_lineno', BigInt(e.frames[i].line));
    tb.dict.set('tb_next', next);
    next = tb;
  }
  tracebacks.set(e, { length: e.frames.length, tb: next as PyInstance });
  return next;
}

/** Sets __context__ as CPython does when `e` is raised while `handled` is
 *  being handled: never to itself, and any cycle through `e` is cut. */
export function setContext(e: PyInstance, handled: PyInstance): void {
  if (e === handled) return;
  for (let o: PyInstance | null = handled; o; ) {
    const l = excLinks(o);
    if (l.context === e) {
      l.context = null;
      break;
    }
    o = l.context;
  }
  excLinks(e).context = handled;
}

/** Throwable for `raise TypeError(msg)` from TypeScript code. */
export function pyError(type: string, message?: string): PyException {
  return new PyException(newException(excClass(type), message === undefined ? [] : [message]));
}
