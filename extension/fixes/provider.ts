// Quick fixes for a matrix-product shape clash. Each candidate is re-run in a
// separate runtime (so the live run is not disturbed) and offered only when
// the program then gets past the fixed call.
import * as vscode from 'vscode';
import type { HostRuntime } from '../runtime/hostRuntime';
import { readSettings } from '../settings';
import { Results, snapshotOf, viewOf } from '../results';
import { DIAGNOSTIC_SOURCE } from '../diagnostics/collection';
import { applyFix, callOperands, fixWorked, mmFixCandidates, parseClash, type FixCandidate } from './mmFix';

export class ShapeFixProvider implements vscode.CodeActionProvider {
  static readonly kinds = [vscode.CodeActionKind.QuickFix];
  /** Verdicts by fixed text, so the lightbulb does not re-run on every request. */
  private readonly verdicts = new Map<string, Promise<boolean>>();
  /** Checks run one after another: the verifier runtime runs one program at a time. */
  private queue: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly results: Results,
    private readonly verifier: () => HostRuntime,
    private readonly log: (line: string) => void,
  ) {}

  async provideCodeActions(doc: vscode.TextDocument, _range: vscode.Range, ctx: vscode.CodeActionContext, token: vscode.CancellationToken): Promise<vscode.CodeAction[]> {
    const actions: vscode.CodeAction[] = [];
    for (const diag of ctx.diagnostics) {
      if (diag.source !== DIAGNOSTIC_SOURCE) continue;
      const clash = parseClash(diag.message);
      const view = viewOf(this.results, doc);
      // Offsets are computed on the run's text: wait for a run of this text.
      if (!clash || !view || view.stale) continue;
      const from = view.toSourceOffset(diag.range.start);
      const to = view.toSourceOffset(diag.range.end);
      if (from === null || to === null) continue;
      const snapshot = snapshotOf(doc);
      const operands = callOperands(snapshot.source, from, to);
      if (!operands) continue;
      for (const fix of mmFixCandidates(clash, operands)) {
        if (token.isCancellationRequested) return actions;
        const range = view.toRange({ from: fix.from, to: fix.to, line: 0, col: 0, endLine: 0, endCol: 0 });
        if (!range || !(await this.works(snapshot.source, snapshot.file, fix))) continue;
        const a = new vscode.CodeAction(fix.title, vscode.CodeActionKind.QuickFix);
        a.diagnostics = [diag];
        a.edit = new vscode.WorkspaceEdit();
        a.edit.replace(doc.uri, range, fix.replacement);
        actions.push(a);
      }
    }
    if (actions.length) actions[0].isPreferred = true;
    return actions;
  }

  private works(source: string, file: string, fix: FixCandidate): Promise<boolean> {
    const fixed = applyFix(source, fix);
    let verdict = this.verdicts.get(fixed);
    if (!verdict) {
      const span = { from: fix.from, to: fix.from + fix.replacement.length };
      verdict = this.queue.then(() => this.check(fixed, file, span));
      this.queue = verdict.catch(() => false);
      this.verdicts.set(fixed, verdict);
      if (this.verdicts.size > 32) this.verdicts.delete(this.verdicts.keys().next().value!);
    }
    return verdict;
  }

  /** Re-runs the fixed program: it works when no error is left on the fixed call. */
  private async check(fixed: string, file: string, span: { from: number; to: number }): Promise<boolean> {
    const s = readSettings();
    const outcome = await this.verifier().start(fixed, file, { timeBudgetMs: s.timeBudgetMs, memoryBudgetBytes: s.memoryBudgetBytes, live: true }).outcome;
    if (outcome.kind !== 'done') {
      this.verdicts.delete(fixed); // no answer (cancelled or killed): ask again next time
      return false;
    }
    const e = outcome.trace.error;
    const ok = fixWorked(e, span);
    this.log(`quick fix ${fixed.slice(span.from, span.to)}: ${ok ? 'the program runs past it' : `still fails (${e?.type}: ${e?.message})`}`);
    return ok;
  }
}
