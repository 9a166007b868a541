// The interpreter: state of one run (globals, frames, budgets, hooks) and the
// entry point runModule(). Statement and expression evaluation live in
// exec.ts and eval.ts; calls in call.ts.
import type { Module } from '../ast';
import type { SourceRange, TraceFrame } from '../../trace/types';
import type { InterpreterHooks } from '../hooks';
import { ModuleRegistry, defaultModules } from '../modules/registry';
import { PyException, excClass, newException, pyError } from './exceptions';
import { CallContext, Kwargs, PyFunction, PyModule, PyValue } from './objects';
import { Scope } from './scope';
import { makeBuiltins } from '../builtins/index';
import { callValue } from './call';
import { execBlock } from './exec';
import { PyGenerator, closeMadeSince } from './generator';
import { str } from './protocol';
import { toPyException } from './convert-error';

export interface InterpreterOptions {
  /** File name shown in tracebacks. */
  file?: string;
  timeBudgetMs?: number;
  /** Python frames deep before RecursionError (Python's default: 1000). */
  maxRecursion?: number;
  signal?: { cancelled: boolean };
  hooks?: InterpreterHooks;
  modules?: ModuleRegistry;
  /** Let the event loop run (cancel messages) at least this often. */
  yieldEveryMs?: number;
  /** Asked at each budget check: true when freed tensor memory is waiting to
   *  be counted (the garbage collector reports it only when the event loop
   *  turns), so the check yields even before yieldEveryMs has passed. */
  memoryPressure?: () => boolean;
  /** Tensor bytes allocated between checks (default CHECK_EVERY_BYTES); a
   *  small memory budget wants checks, and the yields that let the collector
   *  report, well before it fills. */
  checkEveryBytes?: number;
}

export interface Frame {
  name: string;
  /** Statement being executed (its range's line is the traceback line). */
  stmtRange: SourceRange | null;
  func: PyFunction | null;
  scope: Scope;
}

export interface RunResult {
  error: PyException | null;
  stopped: 'time' | 'recursion' | 'cancelled' | null;
}

const CHECK_EVERY = 256;
/** Tensor bytes allocated between checks: a program of few but heavy steps
 *  (a convolution per statement) reaches it long before CHECK_EVERY steps,
 *  so time, cancel and memory are still checked every few milliseconds. */
const CHECK_EVERY_BYTES = 16 << 20;

export class Interpreter implements CallContext {
  readonly builtins: Map<string, PyValue>;
  readonly globals: Scope;
  readonly hooks: InterpreterHooks;
  readonly modules: ModuleRegistry;
  readonly loadedModules = new Map<string, PyModule>();
  readonly file: string;
  readonly maxRecursion: number;
  /** Call expression ranges of active calls, outermost first (graph keys, tracebacks). */
  readonly callStack: SourceRange[] = [];
  readonly frames: Frame[] = [];
  depth = 0;
  steps = 0;
  /** Tensor bytes allocated since the last check (the run's allocator adds to it). */
  workBytes = 0;
  private nextCheck = CHECK_EVERY;
  private readonly deadline: number;
  private lastYield = Date.now();
  private readonly yieldEveryMs: number;
  private readonly checkEveryBytes: number;
  readonly signal: { cancelled: boolean };
  stopped: RunResult['stopped'] = null;
  /** Exceptions being handled (for bare `raise` and __context__). */
  readonly handling: PyException[] = [];
  private out = '';

  constructor(readonly options: InterpreterOptions = {}) {
    this.file = options.file ?? '<string>';
    this.hooks = options.hooks ?? {};
    this.modules = options.modules ?? defaultModules;
    this.maxRecursion = options.maxRecursion ?? 1000;
    this.deadline = options.timeBudgetMs !== undefined ? Date.now() + options.timeBudgetMs : Infinity;
    this.yieldEveryMs = options.yieldEveryMs ?? 50;
    this.checkEveryBytes = options.checkEveryBytes ?? CHECK_EVERY_BYTES;
    this.signal = options.signal ?? { cancelled: false };
    this.builtins = makeBuiltins(this);
    this.globals = Scope.module(this.builtins);
    this.globals.vars.set('__name__', '__main__');
    this.globals.vars.set('__file__', this.file);
    this.globals.vars.set('__doc__', null);
  }

  get frame(): Frame {
    return this.frames[this.frames.length - 1];
  }

  get currentRange(): SourceRange | null {
    return this.callStack.length ? this.callStack[this.callStack.length - 1] : null;
  }

  write(text: string): void {
    this.out += text;
    this.hooks.onStdout?.(text);
  }

  /** sys.stderr.write / print(file=sys.stderr): not part of stdout. */
  writeErr(text: string): void {
    this.hooks.onStderr?.(text);
  }

  /** Everything printed so far. */
  get stdout(): string {
    return this.out;
  }

  call(fn: PyValue, args: PyValue[], kwargs: Kwargs = null): Promise<PyValue> {
    const r = callValue(this, fn, args, kwargs);
    return r instanceof Promise ? r : Promise.resolve(r);
  }

  async str(v: PyValue): Promise<string> {
    return str(this, v);
  }

  /** Counts a step; every CHECK_EVERY steps, or CHECK_EVERY_BYTES of new
   *  tensors, checks time and cancel. */
  tick(): void | Promise<void> {
    if (++this.steps < this.nextCheck && this.workBytes < this.checkEveryBytes) return;
    this.nextCheck = this.steps + CHECK_EVERY;
    this.workBytes = 0;
    return this.checkBudget();
  }

  private async checkBudget(): Promise<void> {
    const now = Date.now();
    if (this.signal.cancelled) throw this.fatal('cancelled', 'KeyboardInterrupt', 'the run was cancelled');
    if (now > this.deadline) {
      const secs = ((this.options.timeBudgetMs ?? 0) / 1000).toString();
      throw this.fatal('time', 'TimeoutError', `Tensor Lens stopped the program: it ran longer than the time budget (${secs} s)`);
    }
    const pressed = this.options.memoryPressure?.() ?? false;
    if (now - this.lastYield >= this.yieldEveryMs || pressed) {
      this.lastYield = now;
      // Under memory pressure this runs at every check: setImmediate (Node)
      // turns the event loop in microseconds where setTimeout takes a
      // millisecond, so a program that only holds a large dataset barely slows.
      await new Promise<void>((r) => (pressed && typeof setImmediate === 'function' ? setImmediate(r) : setTimeout(r, 0)));
      if (this.signal.cancelled) throw this.fatal('cancelled', 'KeyboardInterrupt', 'the run was cancelled');
    }
  }

  fatal(reason: 'time' | 'recursion' | 'cancelled', type: string, message: string): PyException {
    this.stopped = reason;
    const e = new PyException(newException(excClass(type), [message]));
    e.fatal = true;
    return e;
  }

  /** Runs a parsed module; never throws (errors come back as a PyException). */
  /** The program's text, for tracebacks the program formats itself. */
  source = '';

  async runModule(mod: Module): Promise<RunResult> {
    if (mod.source !== undefined) this.source = mod.source;
    const frame: Frame = { name: '<module>', stmtRange: null, func: null, scope: this.globals };
    this.frames.push(frame);
    const first = mod.body[0];
    if (first && first.kind === 'Expr' && first.value.kind === 'Constant' && typeof first.value.value === 'string') {
      this.globals.vars.set('__doc__', first.value.value);
    }
    try {
      await execBlock(this, mod.body, this.globals);
      await this.closeGlobalGenerators();
      if (mod.syntaxError) {
        const e = pyError(mod.syntaxError.type ?? 'SyntaxError', mod.syntaxError.message);
        e.range = mod.syntaxError.range;
        e.frames = [];
        return { error: e, stopped: null };
      }
      return { error: null, stopped: null };
    } catch (err) {
      const e = toPyException(this, err);
      this.finishTraceback(e, frame);
      if (!e.fatal) await this.closeGlobalGenerators().catch(() => undefined);
      return { error: e, stopped: this.stopped };
    } finally {
      this.frames.pop();
    }
  }

  /** At exit CPython frees the main module's globals in the order they were
   *  defined, and a suspended generator they held is closed: its finally
   *  blocks run after the last statement. */
  private async closeGlobalGenerators(): Promise<void> {
    const gens = [...this.globals.vars.values()].filter((v): v is PyGenerator => v instanceof PyGenerator);
    await closeMadeSince(this, gens, 0);
  }

  /** Adds the frame an exception is leaving to its traceback (innermost first). */
  finishTraceback(e: PyException, frame: Frame): void {
    if (!e.range && frame.stmtRange) e.range = frame.stmtRange;
    if (e.lastFrame === frame) {
      e.pendingRange = null;
      return;
    }
    e.lastFrame = frame;
    const where = e.pendingRange ?? (e.frames.length === 0 ? e.range : null) ?? frame.stmtRange;
    e.pendingRange = null;
    // `range` rides along on the TraceFrame (extra JSON field) so that the
    // trace's traceback can be printed with Python 3.11's carets.
    const f: TraceFrame & { range?: SourceRange } = { name: frame.name, line: where?.line ?? frame.stmtRange?.line ?? 1 };
    if (where) f.range = where;
    e.frames.unshift(f);
  }
}
