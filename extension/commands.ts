// The palette commands (category "Tensor Lens"), registered in one place.
import * as vscode from 'vscode';
import type { Trace } from '../engine/trace/types';
import { chooseAutoBackend, lastRunOf } from './gpu/auto';
import type { ExportFormat } from './protocol';
import type { PanelPort } from './panelPort';
import { notebookSnapshotOf, Results, snapshotOf, viewOf } from './results';
import type { Runner } from './runtime/runner';
import { readSettings, SECTION } from './settings';
import type { RunSnapshot } from './source/cells';
import { recordAt, recordKey } from './trace/query';
import type { RunOutput } from './output';

export interface CommandDeps {
  runner: Runner;
  results: Results;
  panel: () => PanelPort;
  output: RunOutput;
  /** A GPU run finished: show it like a host run. */
  onGpuRun: (snapshot: RunSnapshot, trace: Trace, note: string) => void;
}

export const COMMANDS = {
  runFile: 'tensorLens.runFile',
  runFileOnGpu: 'tensorLens.runFileOnGpu',
  showVisualizer: 'tensorLens.showVisualizer',
  showGraph: 'tensorLens.showGraph',
  inspectTensor: 'tensorLens.inspectTensor',
  toggleLiveMode: 'tensorLens.toggleLiveMode',
  stopRun: 'tensorLens.stopRun',
  exportView: 'tensorLens.exportView',
} as const;

export function registerCommands(deps: CommandDeps): vscode.Disposable[] {
  const { runner, results, output } = deps;
  const reg = vscode.commands.registerCommand;
  return [
    reg(COMMANDS.runFile, async (uri?: vscode.Uri) => {
      const backend = readSettings().backend;
      if (backend === 'webgpu') return vscode.commands.executeCommand(COMMANDS.runFileOnGpu, uri);
      const snapshot = await targetSnapshot(uri);
      if (!snapshot) return;
      output.channel.show(true);
      output.log(`${snapshot.file}: Run File`);
      if (backend === 'auto') {
        // Sized by the file's latest CPU run (the live run, usually).
        const last = results.get(snapshot.key)?.trace;
        const choice = await chooseAutoBackend(last ? lastRunOf(last) : undefined, () => deps.panel().probeGpu());
        output.log(`${snapshot.file}: ${choice.reason}`);
        if (choice.backend === 'webgpu') return vscode.commands.executeCommand(COMMANDS.runFileOnGpu, uri);
      }
      await runner.run(snapshot, 'run');
    }),
    reg(COMMANDS.runFileOnGpu, async (uri?: vscode.Uri) => {
      const snapshot = await targetSnapshot(uri);
      if (!snapshot) return;
      output.channel.show(true);
      output.log(`${snapshot.file}: Run File on GPU (in the visualizer panel)`);
      const res = await deps.panel().runOnGpu(snapshot.source, snapshot.file, readSettings().runTimeBudgetMs, (t) => output.stdout(t));
      if (res) deps.onGpuRun(snapshot, res.trace, res.backendNote);
      else output.log(`${snapshot.file}: the GPU run was stopped before it finished`);
    }),
    reg(COMMANDS.showVisualizer, () => deps.panel().show()),
    reg(COMMANDS.showGraph, () => deps.panel().show('graph')),
    reg(COMMANDS.inspectTensor, async (arg?: { uri: string; key: string }) => {
      const key = arg?.key ?? keyAtCursor(results);
      if (key === null) {
        void vscode.window.showInformationMessage('Tensor Lens: put the cursor on a traced expression (run the file first if nothing is traced yet).');
        return;
      }
      await deps.panel().showTensor(key);
    }),
    reg(COMMANDS.toggleLiveMode, async () => {
      const on = !readSettings().liveMode;
      await vscode.workspace.getConfiguration(SECTION).update('liveMode', on, vscode.ConfigurationTarget.Global);
      if (!on) runner.stop();
      void vscode.window.setStatusBarMessage(`Tensor Lens: live mode ${on ? 'on' : 'off'}`, 3000);
      output.log(`live mode ${on ? 'on' : 'off'}`);
    }),
    reg(COMMANDS.stopRun, () => {
      const stopped = runner.stop();
      deps.panel().cancelGpuRun();
      output.log(stopped ? 'run stopped' : 'Stop Run: nothing was running');
    }),
    reg(COMMANDS.exportView, async () => {
      const pick = await vscode.window.showQuickPick(
        [
          { label: 'SVG', description: 'vector, for documents', format: 'svg' as ExportFormat },
          { label: 'PNG', description: 'image', format: 'png' as ExportFormat },
        ],
        { title: 'Tensor Lens: export the current view as' },
      );
      if (!pick) return;
      const res = await deps.panel().exportView(pick.format);
      if (!res) {
        void vscode.window.showWarningMessage('Tensor Lens: open the visualizer (Show Visualizer) before exporting a view.');
        return;
      }
      const base = vscode.workspace.workspaceFolders?.[0]?.uri;
      const target = await vscode.window.showSaveDialog({
        defaultUri: base ? vscode.Uri.joinPath(base, `tensor-lens-${res.view}.${pick.format}`) : undefined,
        filters: { [pick.label]: [pick.format] },
      });
      if (!target) return;
      await vscode.workspace.fs.writeFile(target, exportBytes(res.data));
      output.log(`exported the ${res.view} view to ${target.fsPath}`);
    }),
  ];
}

/** The file a command acts on: the URI it was given (menus), else the active editor. */
async function targetSnapshot(uri?: vscode.Uri): Promise<RunSnapshot | null> {
  const nb = vscode.window.activeNotebookEditor?.notebook;
  if (uri instanceof vscode.Uri) {
    if (nb && nb.uri.toString() === uri.toString()) return notebookSnapshotOf(nb);
    return snapshotOf(await vscode.workspace.openTextDocument(uri));
  }
  const doc = vscode.window.activeTextEditor?.document;
  if (doc && doc.languageId === 'python') return snapshotOf(doc);
  if (nb) return notebookSnapshotOf(nb);
  void vscode.window.showInformationMessage('Tensor Lens: open a Python file or notebook to run it.');
  return null;
}

function keyAtCursor(results: Results): string | null {
  const editor = vscode.window.activeTextEditor;
  if (!editor) return null;
  const view = viewOf(results, editor.document);
  const offset = view?.toSourceOffset(editor.selection.active);
  if (!view || offset === null || offset === undefined) return null;
  const rec = recordAt(view.trace, offset);
  return rec && rec.value.kind === 'tensor' ? recordKey(rec) : null;
}

/** SVG text as is; PNG arrives as a data URI with base64 bytes. */
function exportBytes(data: string): Uint8Array {
  const m = /^data:[^;,]+;base64,(.*)$/s.exec(data);
  return m ? Buffer.from(m[1], 'base64') : Buffer.from(data, 'utf8');
}

