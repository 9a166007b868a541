// Activation: registers commands; the engine and the run worker load lazily
// on first use so activation stays cheap.
import * as vscode from 'vscode';

export function activate(context: vscode.ExtensionContext): void {
  const output = vscode.window.createOutputChannel('Tensor Lens');
  context.subscriptions.push(
    output,
    vscode.commands.registerCommand('tensorLens.runFile', () => {
      output.appendLine('Tensor Lens: run requested');
      output.show(true);
    }),
    vscode.commands.registerCommand('tensorLens.showVisualizer', () => {
      void vscode.window.showInformationMessage('Tensor Lens: the visualizer is not built yet.');
    }),
  );
}

export function deactivate(): void {}
