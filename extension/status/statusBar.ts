// The status bar item: what the runner is doing; a click opens the panel.
import * as vscode from 'vscode';
import type { RunState } from '../runtime/runner';
import { statusText } from './statusText';

export class RunStatusBar implements vscode.Disposable {
  private readonly item = vscode.window.createStatusBarItem('tensorLens.status', vscode.StatusBarAlignment.Left, 50);

  constructor(command: string) {
    this.item.name = 'Tensor Lens';
    this.item.command = command;
    this.show({ kind: 'idle' });
  }

  show(state: RunState): void {
    const t = statusText(state);
    this.item.text = t.text;
    this.item.tooltip = t.tooltip;
    this.item.backgroundColor =
      t.tone === 'error' ? new vscode.ThemeColor('statusBarItem.errorBackground') : t.tone === 'warning' ? new vscode.ThemeColor('statusBarItem.warningBackground') : undefined;
    this.item.show();
  }

  dispose(): void {
    this.item.dispose();
  }
}
