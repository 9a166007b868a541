// Decides when programs run: live runs after a pause in typing (debounced),
// explicit runs at once. One run at a time in the host runtime; a new run
// cancels the one in flight, so a fast typist never queues stale work.
import * as vscode from 'vscode';
import type { Trace } from '../../engine/trace/types';
import { Results, snapshotOf, type RunResult } from '../results';
import { readSettings } from '../settings';
import { usesTorch, type RunSnapshot } from '../source/cells';
import type { HostRuntime, RunHandle, RunOutcome } from './hostRuntime';

export type RunOrigin = 'live' | 'run';

export type RunState =
  | { kind: 'idle' }
  | { kind: 'running'; file: string; origin: RunOrigin }
  | { kind: 'finished'; file: string; origin: RunOrigin; outcome: RunOutcome; timeBudgetMs: number; memoryBudgetBytes: number };

export interface FinishedRun {
  origin: RunOrigin;
  snapshot: RunSnapshot;
  outcome: RunOutcome;
  result: RunResult;
}

export class Runner implements vscode.Disposable {
  private readonly timers = new Map<string, NodeJS.Timeout>();
  private inFlight: { key: string; handle: RunHandle } | null = null;
  private readonly stateEmitter = new vscode.EventEmitter<RunState>();
  private readonly finishedEmitter = new vscode.EventEmitter<FinishedRun>();
  private readonly stdoutEmitter = new vscode.EventEmitter<{ origin: RunOrigin; text: string }>();
  readonly onDidChangeState = this.stateEmitter.event;
  readonly onDidFinish = this.finishedEmitter.event;
  readonly onStdout = this.stdoutEmitter.event;

  constructor(
    private readonly runtime: HostRuntime,
    private readonly results: Results,
  ) {}

  /** A document changed or opened: run it after the debounce, if live mode
   *  is on and it is a torch program. */
  schedule(doc: vscode.TextDocument): void {
    const s = readSettings();
    if (!s.liveMode || !isPython(doc)) return;
    const snapshot = snapshotOf(doc);
    if (!usesTorch(snapshot.source)) return;
    const key = snapshot.key;
    clearTimeout(this.timers.get(key));
    // A new edit makes the run in flight stale: stop it now rather than after the debounce.
    if (this.inFlight?.key === key) this.inFlight.handle.cancel();
    this.timers.set(
      key,
      setTimeout(() => {
        this.timers.delete(key);
        void this.run(snapshotOf(doc), 'live');
      }, s.debounceMs),
    );
  }

  /** Runs now (cancelling whatever runs), with the budget for the origin. */
  async run(snapshot: RunSnapshot, origin: RunOrigin): Promise<FinishedRun> {
    const s = readSettings();
    clearTimeout(this.timers.get(snapshot.key));
    this.timers.delete(snapshot.key);
    const budgets = {
      timeBudgetMs: origin === 'live' ? s.timeBudgetMs : s.runTimeBudgetMs,
      memoryBudgetBytes: s.memoryBudgetBytes,
      live: origin === 'live',
    };
    this.stateEmitter.fire({ kind: 'running', file: snapshot.file, origin });
    const handle = this.runtime.start(snapshot.source, snapshot.file, budgets, (text) => this.stdoutEmitter.fire({ origin, text }));
    const mine = { key: snapshot.key, handle };
    this.inFlight = mine;
    const outcome = await handle.outcome;
    if (this.inFlight === mine) this.inFlight = null;
    const result = this.results.record(snapshot, outcome);
    const finished = { origin, snapshot, outcome, result };
    // A cancelled run was replaced by a newer one, which reports its own state.
    if (outcome.kind !== 'cancelled' || !this.runtime.busy) {
      this.stateEmitter.fire({ kind: 'finished', file: snapshot.file, origin, outcome, ...budgets });
    }
    this.finishedEmitter.fire(finished);
    return finished;
  }

  /** Stops the run in flight and every pending live run. */
  stop(): boolean {
    const had = this.inFlight !== null || this.timers.size > 0;
    for (const t of this.timers.values()) clearTimeout(t);
    this.timers.clear();
    this.inFlight?.handle.cancel();
    return had;
  }

  forget(doc: vscode.TextDocument): void {
    clearTimeout(this.timers.get(doc.uri.toString()));
    this.timers.delete(doc.uri.toString());
  }

  dispose(): void {
    this.stop();
    this.stateEmitter.dispose();
    this.finishedEmitter.dispose();
    this.stdoutEmitter.dispose();
  }
}

export function isPython(doc: vscode.TextDocument): boolean {
  return doc.languageId === 'python' && !['git', 'output', 'vscode-scm', 'gitfs'].includes(doc.uri.scheme);
}

/** The trace of a finished run, when it produced one. */
export function traceOf(outcome: RunOutcome): Trace | null {
  return outcome.kind === 'done' ? outcome.trace : null;
}
