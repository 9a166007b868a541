// Activation (on Python files and notebooks): wires the runner, the editor
// features and the commands. The engine is not loaded here: it lives in the
// run worker (dist/worker.js), started on the first run.
import * as vscode from 'vscode';
import { COMMANDS, registerCommands } from './commands';
import { RunDiagnostics } from './diagnostics/collection';
import { ShapeFixProvider } from './fixes/provider';
import { ShapeHintsProvider } from './hints/provider';
import { TensorHoverProvider } from './hover/provider';
import { RunOutput } from './output';
import { createVisualizer } from './panel';
import { Results } from './results';
import { HostRuntime } from './runtime/hostRuntime';
import { isPython, Runner } from './runtime/runner';
import { readSettings, SECTION } from './settings';
import { RunStatusBar } from './status/statusBar';

const PYTHON: vscode.DocumentSelector = [{ language: 'python' }];

export function activate(context: vscode.ExtensionContext): void {
  const output = new RunOutput();
  const log = (line: string): void => output.log(line);
  const workerPath = context.asAbsolutePath('dist/worker.js');
  const runtime = new HostRuntime({ workerPath, log });
  let verifier: HostRuntime | undefined;
  const results = new Results();
  const runner = new Runner(runtime, results);
  const status = new RunStatusBar(COMMANDS.showVisualizer);
  const diagnostics = new RunDiagnostics(results);
  const hints = new ShapeHintsProvider(results);
  // Created now (it is cheap: no webview until shown) so its serializer can
  // restore a panel left open before a window reload.
  const panel = createVisualizer(context, log);

  context.subscriptions.push(
    output, results, runner, status, diagnostics, hints,
    { dispose: () => runtime.dispose() },
    { dispose: () => verifier?.dispose() },
    vscode.languages.registerHoverProvider(PYTHON, new TensorHoverProvider(results)),
    vscode.languages.registerInlayHintsProvider(PYTHON, hints),
    vscode.languages.registerCodeActionsProvider(
      PYTHON,
      new ShapeFixProvider(results, () => (verifier ??= new HostRuntime({ workerPath, log })), log),
      { providedCodeActionKinds: ShapeFixProvider.kinds },
    ),
    ...registerCommands({
      runner,
      results,
      output,
      panel: () => panel,
      onGpuRun: (snapshot, trace, note) => {
        log(`${snapshot.file}: GPU run on ${trace.backend} (${note})`);
        results.record(snapshot, { kind: 'done', trace, wallMs: trace.durationMs });
        status.show({ kind: 'finished', file: snapshot.file, origin: 'run', outcome: { kind: 'done', trace, wallMs: trace.durationMs }, timeBudgetMs: readSettings().runTimeBudgetMs, memoryBudgetBytes: readSettings().memoryBudgetBytes });
      },
    }),
    runner.onDidChangeState((s) => status.show(s)),
    runner.onStdout(({ origin, text }) => {
      if (origin === 'run') output.stdout(text);
    }),
    runner.onDidFinish((run) => {
      output.finished(run);
      if (run.outcome.kind !== 'done') return;
      // The panel's "reveal source" opens the file itself (for a notebook, the notebook).
      panel.setSourceUri(vscode.Uri.parse(run.snapshot.key));
      panel.postTrace(run.outcome.trace, run.snapshot.source, run.origin);
    }),
    results.onDidChange((key) => {
      diagnostics.update(key);
      hints.refresh();
    }),
    vscode.workspace.onDidChangeTextDocument((e) => {
      if (e.contentChanges.length) runner.schedule(e.document);
    }),
    vscode.workspace.onDidOpenTextDocument((doc) => runner.schedule(doc)),
    vscode.workspace.onDidChangeNotebookDocument((e) => {
      const cell = e.notebook.getCells().find((c) => isPython(c.document));
      if (cell && e.contentChanges.length) runner.schedule(cell.document); // cell text edits arrive as text document changes
    }),
    vscode.workspace.onDidOpenNotebookDocument((nb) => {
      const cell = nb.getCells().find((c) => isPython(c.document));
      if (cell) runner.schedule(cell.document);
    }),
    vscode.window.onDidChangeTextEditorSelection((e) => {
      if (isPython(e.textEditor.document)) panel.postCursor(e.textEditor.document.uri.toString(), e.selections[0].active.line + 1);
    }),
    vscode.workspace.onDidChangeConfiguration((e) => {
      if (e.affectsConfiguration(`${SECTION}.inlayHints`)) hints.refresh();
      if (e.affectsConfiguration(`${SECTION}.liveMode`)) vscode.workspace.textDocuments.forEach((d) => runner.schedule(d));
    }),
  );
  // The document that activated us is already open: run it.
  vscode.workspace.textDocuments.forEach((d) => runner.schedule(d));
}

export function deactivate(): void {}
