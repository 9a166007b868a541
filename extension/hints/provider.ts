// Inlay hints: the shape after each tensor assignment, from the latest trace.
import * as vscode from 'vscode';
import { Results, viewOf } from '../results';
import { readSettings } from '../settings';
import { torchDtype, torchSize } from '../hover/numbers';
import { tensorAssignments } from '../trace/query';
import { hintColumn, hintLabel } from './label';
import { HintRefresher } from './refresh';

export class ShapeHintsProvider implements vscode.InlayHintsProvider {
  private readonly changed = new vscode.EventEmitter<void>();
  readonly onDidChangeInlayHints = this.changed.event;
  private readonly refresher = new HintRefresher(() => this.changed.fire());

  constructor(private readonly results: Results) {}

  refresh(): void {
    this.refresher.changed();
  }

  provideInlayHints(doc: vscode.TextDocument, visible: vscode.Range): vscode.InlayHint[] {
    this.refresher.answered();
    if (!readSettings().inlayHints) return [];
    const view = viewOf(this.results, doc);
    if (!view) return [];
    const hints: vscode.InlayHint[] = [];
    const seen = new Set<string>();
    for (const rec of tensorAssignments(view.trace)) {
      if (rec.value.kind !== 'tensor' || rec.assignedName === undefined) continue;
      const range = view.toRange(rec.range);
      if (!range || !visible.contains(range.start)) continue;
      const line = doc.lineAt(range.start.line);
      const col = hintColumn(line.text, rec.assignedName, range.start.character);
      if (col === null) continue;
      const pos = new vscode.Position(line.lineNumber, col);
      const key = `${pos.line}:${pos.character}`;
      if (seen.has(key)) continue; // `a = b = x`, or a tuple target: one hint per place
      seen.add(key);
      const hint = new vscode.InlayHint(pos, `: ${hintLabel(rec.value)}`, vscode.InlayHintKind.Type);
      hint.paddingLeft = false;
      hint.tooltip = `${rec.assignedName}: tensor ${torchSize(rec.value.shape)} ${torchDtype(rec.value.dtype)}`;
      hints.push(hint);
    }
    return hints;
  }

  dispose(): void {
    this.refresher.cancel();
    this.changed.dispose();
  }
}
