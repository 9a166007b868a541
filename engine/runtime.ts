// run(source, options) -> Trace: one program through the parser, the
// interpreter with the bundled modules, and the engine on one backend, with
// the trace recorder listening and the budgets (time, tensor memory,
// recursion, cancel) in force. It always produces a trace: a failing or
// stopped program yields everything recorded up to that point plus the error.
import type { Backend } from './backend/backend';
import type { Tensor } from './tensor';
import { cpuBackend } from './backend/cpu/cpu-backend';
import { getDefaultBackend, setDefaultBackend } from './core/default-backend';
import { itemSize, type DType } from './core/dtype';
import { setGradEnabled } from './autograd/grad-mode';
import { setOpObserver } from './ops/observer';
import { defaultGenerator, DEFAULT_SEED } from './random/index';
import { formatTensor } from './format/index';
import { parse } from './python/parse/index';
import { syntaxWarnings } from './python/parse/syntax-warnings';
import { Interpreter } from './python/runtime/interpreter';
import { PyException, pyError } from './python/runtime/exceptions';
import { defaultModules } from './python/modules/registry';
import { toRunError } from './python/run';
import {
  registerTorchModules, torchHooks, describeValue, noteModuleName, currentModulePath,
} from './python/modules/torch/index';
import { registerNumpyModules } from './python/modules/numpy/register';
import { registerTorchvisionModules } from './python/modules/torchvision/register';
import { registerMatplotlibModules } from './python/modules/matplotlib/register';
import type { InterpreterHooks } from './python/hooks';
import type { PyValue } from './python/runtime/objects';
import { TraceRecorder } from './trace/recorder';
import { RunWarnings } from './run-warnings';
import { setNnWarningHandler } from './nn/warnings';
import type { TraceCaps } from './trace/caps';
import type { RunError, SourceRange, StopReason, Trace } from './trace/types';
import './python/index';

export interface RunOptions {
  /** Name shown in tracebacks and stored in the trace. */
  file: string;
  timeBudgetMs?: number;
  /** Live tensor storage allowed at once, in bytes (checked at allocation). */
  memoryBudgetBytes?: number;
  /** Python frames deep before RecursionError. */
  maxRecursion?: number;
  /** Set `cancelled` to stop the run at its next check (a few ms). */
  signal?: { cancelled: boolean };
  onStdout?(text: string): void;
  /** What the program writes to sys.stderr (print(file=sys.stderr), traceback.print_exc()). */
  onStderr?(text: string): void;
  backend?: Backend;
  /** A full, synchronous garbage collection, where the host has one (Node:
   *  extension/runtime/gc.ts). With it the memory budget recounts what is
   *  really alive before it stops a program; without it (a browser) it goes
   *  by what the collector has reported so far. */
  collectGarbage?: () => void;
  /** The script's path as Python names it in warnings (its __file__: the CLI
   *  passes the absolute path); default `file`. */
  scriptPath?: string;
  /** Live mode: run the statements above a syntax error (Python runs nothing). */
  runBeforeSyntaxError?: boolean;
  traceCaps?: Partial<TraceCaps>;
}

export const DEFAULT_TIME_BUDGET_MS = 30_000;
export const DEFAULT_MEMORY_BUDGET_BYTES = 1 << 30;

const WHOLE_FILE: SourceRange = { from: 0, to: 0, line: 1, col: 0, endLine: 1, endCol: 0 };

/** Counts live tensor bytes on `backend` while a run lasts. The garbage
 *  collector reports freed storages only after it has run and the event loop
 *  has turned, so the running count lags: a program that makes and drops
 *  large tensors in a loop looks like it holds them all. Before stopping a
 *  program the budget therefore collects garbage itself (when the host can:
 *  `collectGarbage`) and recounts the storages still alive. */
class MemoryBudget {
  live = 0;
  exceeded = false;
  /** Called with each allocation's size (the interpreter's work counter). */
  onAlloc: (bytes: number) => void = () => {};
  private readonly alive = new Set<Allocation>();
  private readonly registry = new FinalizationRegistry<Allocation>((a) => this.forget(a));
  private readonly original: Backend['alloc'];
  private readonly hadOwn: boolean;

  constructor(private readonly backend: Backend, readonly maxBytes: number, private readonly collectGarbage?: () => void) {
    this.original = backend.alloc;
    this.hadOwn = Object.prototype.hasOwnProperty.call(backend, 'alloc');
    const self = this;
    // Patched on the instance (not wrapped in a new object) so every tensor
    // keeps the backend identity ops compare when mixing tensors.
    backend.alloc = function alloc(this: Backend, dtype: DType, size: number) {
      const bytes = size * itemSize(dtype);
      if (self.live + bytes > self.maxBytes && !self.recount(bytes)) {
        self.exceeded = true;
        const mb = (n: number) => (n / (1 << 20)).toFixed(1);
        const e = pyError('MemoryError', `Tensor Lens stopped the program: allocating ${mb(bytes)} MB more would exceed the tensor memory budget (${mb(self.maxBytes)} MB; ${mb(self.live)} MB in use)`);
        e.fatal = true;
        throw e;
      }
      const storage = self.original.call(this, dtype, size);
      self.live += bytes;
      self.onAlloc(bytes);
      const a: Allocation = { bytes, ref: self.collectGarbage ? new WeakRef(storage) : null };
      self.alive.add(a);
      self.registry.register(storage, a, a);
      return storage;
    };
  }

  /** Over half the budget counted as live: much of it may be garbage whose
   *  release the collector reports only once the event loop turns. */
  pressed(): boolean {
    return this.live > this.maxBytes / 2;
  }

  /** Collects garbage and drops the storages it freed; true when `bytes`
   *  more then fit. (A storage made since the event loop last turned stays
   *  alive through a collection: the spec keeps new WeakRef targets until the
   *  current job ends; the interpreter turns the loop under pressure.) */
  private recount(bytes: number): boolean {
    if (!this.collectGarbage || bytes > this.maxBytes) return false;
    this.collectGarbage();
    for (const a of this.alive) {
      if (a.ref?.deref() === undefined) {
        this.registry.unregister(a);
        this.forget(a);
      }
    }
    return this.live + bytes <= this.maxBytes;
  }

  private forget(a: Allocation): void {
    if (this.alive.delete(a)) this.live -= a.bytes;
  }

  restore(): void {
    if (this.hadOwn) this.backend.alloc = this.original;
    else delete (this.backend as { alloc?: unknown }).alloc;
  }
}

interface Allocation {
  bytes: number;
  /** Set when the budget can collect garbage itself and recount. */
  ref: WeakRef<object> | null;
}

export async function run(source: string, options: RunOptions): Promise<Trace> {
  const started = Date.now();
  const backend = options.backend ?? cpuBackend;
  const previousBackend = getDefaultBackend();
  const memory = new MemoryBudget(backend, options.memoryBudgetBytes ?? DEFAULT_MEMORY_BUDGET_BYTES, options.collectGarbage);
  setDefaultBackend(backend);
  // A fresh process: PyTorch's default seed, grad mode on.
  defaultGenerator.manualSeed(DEFAULT_SEED);
  setGradEnabled(true);

  let it: Interpreter | null = null;
  const recorder = new TraceRecorder({
    file: options.file,
    backend: backend.name === 'webgpu' ? 'webgpu' : 'cpu',
    print: (t) => formatTensor(t),
    describe: (v) => describeValue(v as PyValue),
    location: () => ({ stack: it?.callStack ?? [], range: it?.frames.length ? it.frame.stmtRange : null, module: currentModulePath() }),
    caps: options.traceCaps,
  });
  const hooks: InterpreterHooks = {
    onExpr: (range, value) => recorder.onExpr(range, value),
    onAssign: (name, range, value) => {
      recorder.onAssign(name, range, value);
      noteModuleName(name, value);
    },
    onLoopIteration: () => recorder.onLoopIteration(),
    onStdout: (text) => {
      recorder.writeStdout(text);
      options.onStdout?.(text);
    },
    onStderr: (text) => options.onStderr?.(text),
    onWarning: (category, message, range) => warnings.warn(category, message, range),
    onWarningFilter: (action, category) => warnings.filter(action, category),
  };
  const currentStmt = () => (it?.frames.length ? it.frame.stmtRange : null) ?? WHOLE_FILE;
  const warnings = new RunWarnings({
    path: options.scriptPath ?? options.file,
    source,
    stderr: (text) => options.onStderr?.(text),
    record: (w) => recorder.addWarning(w),
    here: currentStmt,
  });
  // PyTorch's own UserWarnings (softmax without dim, a loss broadcasting its target).
  setNnWarningHandler((message) => warnings.warn('UserWarning', message, null));
  torchHooks.onBackward = (range, root) => recorder.onBackward(range ?? currentStmt(), root);
  torchHooks.gradProbes = () => recorder.gradProbes() as Tensor[];
  torchHooks.onStep = (range, params) => recorder.onStep(range ?? currentStmt(), params);
  torchHooks.nameParameters = (path, params) => recorder.nameParameters(path, params);
  torchHooks.failedOperands = null;
  setOpObserver((op, inputs, output) => recorder.onOp(op, inputs, output));

  let stopped: StopReason | null = null;
  let flushPlots = (): void => {};
  try {
    const registry = defaultModules.extend();
    registerTorchModules(registry);
    // numpy after torch: it adds torch.from_numpy to the torch module.
    registerNumpyModules(registry);
    registerTorchvisionModules(registry);
    const plots = registerMatplotlibModules(registry, (f) => { recorder.addFigure(f); });
    flushPlots = () => plots.flush();
    const mod = parse(source);
    // The compiler's warnings come before anything runs, as in CPython.
    if (!mod.syntaxError) for (const w of syntaxWarnings(mod)) warnings.warn('SyntaxWarning', w.message, w.range);
    const runnable = mod.syntaxError && !options.runBeforeSyntaxError ? { body: [], syntaxError: mod.syntaxError } : mod;
    it = new Interpreter({
      file: options.file,
      timeBudgetMs: options.timeBudgetMs ?? DEFAULT_TIME_BUDGET_MS,
      maxRecursion: options.maxRecursion,
      signal: options.signal,
      hooks,
      modules: registry,
      memoryPressure: () => memory.pressed(),
      checkEveryBytes: Math.min(16 << 20, memory.maxBytes / 8),
    });
    const interp = it;
    memory.onAlloc = (bytes) => { interp.workBytes += bytes; };
    const result = await it.runModule(runnable);
    stopped = memory.exceeded ? 'memory' : result.stopped;
    if (result.error) {
      const err = await toRunError(it, result.error);
      // Operands explain shape errors; a stale set from an error the program
      // caught earlier must not decorate an unrelated one.
      const shapeError = err.type === 'RuntimeError' && /shape|size/i.test(err.message);
      recorder.onError({ ...err, operands: shapeError ? torchHooks.failedOperands ?? undefined : undefined });
    }
  } catch (e) {
    // The interpreter reports Python errors as results; anything thrown here
    // is a bug of ours, still reported as a located Python-style error.
    recorder.onError(internalError(e, it));
  } finally {
    setOpObserver(null);
    setNnWarningHandler(null);
    memory.restore();
    setDefaultBackend(previousBackend);
    setGradEnabled(true);
    for (const k of Object.keys(torchHooks) as (keyof typeof torchHooks)[]) delete torchHooks[k];
  }
  // A figure still being drawn when the program ends is shown too.
  flushPlots();
  if (stopped) recorder.stop(stopped);
  return recorder.finish(Date.now() - started);
}

function internalError(e: unknown, it: Interpreter | null): RunError {
  const message = e instanceof PyException ? e.typeName : e instanceof Error ? e.message : String(e);
  const range = (it?.frames.length ? it.frame.stmtRange : null) ?? WHOLE_FILE;
  return { type: 'SystemError', message: `internal error in Tensor Lens: ${message}`, range, traceback: [], related: [] };
}
