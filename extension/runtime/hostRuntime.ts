// Runs programs in the worker (runtime/worker.ts) and guarantees an answer:
// the engine stops itself on its budgets and on the cancel flag, and when it
// does not within a grace period (a native loop, a bug) the worker is
// terminated and a fresh one serves the next run. No vscode here, so unit
// tests drive it against the built worker.
import { Worker } from 'node:worker_threads';
import type { Trace } from '../../engine/trace/types';
import type { FromWorker, RunRequest } from './messages';

export type RunOutcome =
  | { kind: 'done'; trace: Trace; wallMs: number }
  | { kind: 'cancelled'; wallMs: number }
  /** The worker had to be ended: budget not honoured in time, out of memory, or an engine failure. */
  | { kind: 'killed'; reason: 'time' | 'memory' | 'crash'; message: string; wallMs: number };

export interface RunBudgets {
  timeBudgetMs: number;
  memoryBudgetBytes: number;
  /** Live mode: run what comes before a syntax error (see RunRequest.live). */
  live?: boolean;
}

export interface RunHandle {
  readonly outcome: Promise<RunOutcome>;
  /** Ask the run to stop; the outcome settles within `cancelGraceMs`. */
  cancel(): void;
}

export interface HostRuntimeOptions {
  workerPath: string;
  /** How long a cancelled run may take to notice before its worker is ended. */
  cancelGraceMs?: number;
  /** Extra time past the time budget before the worker is ended (default
   *  2 s + half the budget: a stopped run still summarises its trace). */
  budgetGraceMs?: number;
  log?: (line: string) => void;
}

interface Active {
  id: number;
  flag: Int32Array;
  started: number;
  settle: (o: RunOutcome) => void;
  onStdout: (text: string) => void;
  timers: NodeJS.Timeout[];
}

export class HostRuntime {
  private worker: Worker | null = null;
  private workerHeapMb = 0;
  private active: Active | null = null;
  private nextId = 1;

  constructor(private readonly opts: HostRuntimeOptions) {}

  get busy(): boolean {
    return this.active !== null;
  }

  /** Starts a run; any run still in flight is cancelled first. */
  start(source: string, file: string, budgets: RunBudgets, onStdout: (text: string) => void = () => {}): RunHandle {
    this.cancelActive();
    const id = this.nextId++;
    const cancelFlag = new SharedArrayBuffer(4);
    const flag = new Int32Array(cancelFlag);
    const started = Date.now();
    let settle!: (o: RunOutcome) => void;
    const outcome = new Promise<RunOutcome>((resolve) => (settle = resolve));
    const active: Active = { id, flag, started, onStdout, timers: [], settle: () => {} };
    active.settle = (o) => {
      if (this.active === active) this.active = null;
      active.timers.forEach(clearTimeout);
      settle(o);
    };
    this.active = active;

    const worker = this.workerFor(budgets.memoryBudgetBytes);
    const request: RunRequest = { id, source, file, timeBudgetMs: budgets.timeBudgetMs, memoryBudgetBytes: budgets.memoryBudgetBytes, live: budgets.live ?? false, cancelFlag };
    worker.postMessage({ type: 'run', request });
    active.timers.push(
      setTimeout(() => {
        this.kill(active, { kind: 'killed', reason: 'time', message: `the run did not stop within its ${budgets.timeBudgetMs} ms time budget`, wallMs: Date.now() - started });
      }, budgets.timeBudgetMs + (this.opts.budgetGraceMs ?? 2000 + budgets.timeBudgetMs / 2)),
    );
    return {
      outcome,
      cancel: () => {
        if (this.active !== active) return;
        Atomics.store(flag, 0, 1);
        active.timers.push(
          setTimeout(() => this.kill(active, { kind: 'cancelled', wallMs: Date.now() - started }), this.opts.cancelGraceMs ?? 250),
        );
      },
    };
  }

  dispose(): void {
    this.cancelActive();
    void this.worker?.terminate();
    this.worker = null;
  }

  private cancelActive(): void {
    const a = this.active;
    if (!a) return;
    Atomics.store(a.flag, 0, 1);
    // The worker is shared: a new run cannot wait for the old one to notice,
    // so a run still going is ended with its worker.
    this.kill(a, { kind: 'cancelled', wallMs: Date.now() - a.started });
  }

  private kill(a: Active, o: RunOutcome): void {
    if (this.active !== a) return;
    this.opts.log?.(`run ${a.id}: ending the worker (${o.kind === 'killed' ? o.message : 'cancelled'})`);
    const w = this.worker;
    this.worker = null;
    void w?.terminate();
    a.settle(o);
  }

  private workerFor(memoryBudgetBytes: number): Worker {
    // The engine counts its own tensor bytes; the V8 heap limit is a backstop
    // for everything else (interpreter objects), with headroom above the budget.
    const heapMb = Math.max(256, Math.ceil(memoryBudgetBytes / 2 ** 20) + 256);
    if (this.worker && this.workerHeapMb === heapMb) return this.worker;
    void this.worker?.terminate();
    const w = new Worker(this.opts.workerPath, { resourceLimits: { maxOldGenerationSizeMb: heapMb } });
    this.worker = w;
    this.workerHeapMb = heapMb;
    w.on('message', (m: FromWorker) => this.onMessage(m));
    w.on('error', (err: Error & { code?: string }) => {
      const a = this.active;
      if (this.worker !== w || !a) return;
      const memory = err.code === 'ERR_WORKER_OUT_OF_MEMORY';
      this.kill(a, { kind: 'killed', reason: memory ? 'memory' : 'crash', message: memory ? 'the program ran out of memory' : err.message, wallMs: Date.now() - a.started });
    });
    w.on('exit', (code) => {
      if (this.worker !== w) return;
      this.worker = null;
      const a = this.active;
      if (a) this.kill(a, { kind: 'killed', reason: 'crash', message: `the run worker exited (code ${code})`, wallMs: Date.now() - a.started });
    });
    return w;
  }

  private onMessage(m: FromWorker): void {
    const a = this.active;
    switch (m.type) {
      case 'ready':
        return;
      case 'stdout':
        if (a && a.id === m.id) a.onStdout(m.text);
        return;
      case 'done':
        // A run that noticed its cancel flag is superseded: its partial trace
        // must not replace the last complete one (hints would flicker).
        if (a && a.id === m.id) {
          const wallMs = Date.now() - a.started;
          a.settle(m.trace.stopped === 'cancelled' ? { kind: 'cancelled', wallMs } : { kind: 'done', trace: m.trace, wallMs });
        }
        return;
      case 'crashed':
        if (a && a.id === m.id) {
          a.settle({ kind: 'killed', reason: 'crash', message: m.message, wallMs: Date.now() - a.started });
        }
        return;
      default:
        return;
    }
  }
}
