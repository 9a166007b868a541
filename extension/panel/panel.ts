// The visualizer panel on the host side: one WebviewPanel at a time, restored
// after a window reload by a WebviewPanelSerializer. The page keeps its own UI
// state (getState/setState); the host keeps the last trace and sends it again
// whenever a page says 'ready' (first load, reload, or shown again after being
// hidden), so `retainContextWhenHidden` is not needed.
import * as vscode from 'vscode';
import type { Trace } from '../../engine/trace/types';
import type { PanelPort } from '../panelPort';
import type { ExportFormat, GpuInfo, HostToWebview, TraceOrigin, ViewId, WebviewToHost } from '../protocol';
import { onWebviewMessage, postToWebview } from './bridge';
import { makeNonce, panelHtml } from './html';

export const VIEW_TYPE = 'tensorLens.visualizer';

interface Pending<T> {
  resolve(v: T): void;
  timer: ReturnType<typeof setTimeout>;
}

export class Visualizer implements PanelPort {
  private panel: vscode.WebviewPanel | null = null;
  private ready = false;
  private queue: HostToWebview[] = [];
  private last: { trace: Trace; source: string; origin: TraceOrigin; uri?: vscode.Uri } | null = null;
  private nextId = 1;
  private exports = new Map<number, Pending<{ view: ViewId; data: string } | null>>();
  private probes = new Map<number, Pending<GpuInfo | null>>();
  private run: { id: number; page?: number; onStdout(t: string): void; note: string; done: Pending<{ trace: Trace; backendNote: string } | null> } | null = null;
  /** Page loads so far (each 'ready' is a new page). */
  private page = 0;
  private disposables: vscode.Disposable[] = [];

  constructor(private readonly context: vscode.ExtensionContext, private readonly log: (line: string) => void) {}

  /** The file the last trace came from, so "reveal source" can open it. */
  setSourceUri(uri: vscode.Uri): void {
    if (this.last) this.last.uri = uri;
    this.sourceUri = uri;
  }
  private sourceUri: vscode.Uri | undefined;

  async show(view?: ViewId): Promise<void> {
    if (!this.panel) this.adopt(this.createPanel());
    else this.panel.reveal(undefined, true);
    if (view) this.send({ type: 'showView', view });
  }

  async showTensor(key: string): Promise<void> {
    await this.show();
    this.send({ type: 'showTensor', key });
  }

  postTrace(trace: Trace, source: string, origin: TraceOrigin): void {
    this.last = { trace, source, origin, uri: this.sourceUri };
    if (this.panel) this.send({ type: 'trace', trace, source, origin });
  }

  postCursor(file: string, line: number): void {
    if (this.panel && this.ready) void postToWebview(this.panel.webview, { type: 'cursor', file, line });
  }

  revealNode(nodeId: number): void {
    this.send({ type: 'revealNode', nodeId });
  }

  async runOnGpu(source: string, file: string, timeBudgetMs: number, onStdout: (text: string) => void): Promise<{ trace: Trace; backendNote: string } | null> {
    await this.show();
    this.cancelGpuRun();
    const id = this.nextId++;
    return new Promise((resolve) => {
      // A page that never answers (no runtime, or it crashed) must not hang the command.
      const timer = setTimeout(() => this.finishRun(id, null, 'the panel did not answer'), timeBudgetMs + 30_000);
      this.run = { id, onStdout, note: '', done: { resolve, timer } };
      this.send({ type: 'runInWebview', runId: id, source, file, timeBudgetMs });
    });
  }

  cancelGpuRun(): void {
    if (!this.run) return;
    if (this.panel) this.send({ type: 'cancelWebviewRun', runId: this.run.id });
    this.finishRun(this.run.id, null, 'cancelled');
  }

  /** What the panel says about its WebGPU, for the `auto` backend; null when
   *  the panel is not open and visible (auto never opens it) or does not answer. */
  probeGpu(): Promise<GpuInfo | null> {
    if (!this.panel?.visible) return Promise.resolve(null);
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.probes.delete(requestId);
        this.log('visualizer: no answer about WebGPU within 5 s');
        resolve(null);
      }, 5_000);
      this.probes.set(requestId, { resolve, timer });
      this.send({ type: 'probeGpu', requestId });
    });
  }

  async exportView(format: ExportFormat): Promise<{ view: ViewId; data: string } | null> {
    await this.show();
    if (!this.panel) return null;
    const requestId = this.nextId++;
    return new Promise((resolve) => {
      const timer = setTimeout(() => {
        this.exports.delete(requestId);
        this.log('visualizer: export timed out');
        resolve(null);
      }, 20_000);
      this.exports.set(requestId, { resolve, timer });
      this.send({ type: 'export', requestId, format });
    });
  }

  /** Used by the serializer: a panel VS Code restored after a reload. */
  adopt(panel: vscode.WebviewPanel): void {
    this.panel = panel;
    this.ready = false;
    const dist = vscode.Uri.joinPath(this.context.extensionUri, 'dist');
    panel.webview.options = { enableScripts: true, localResourceRoots: [dist] };
    panel.iconPath = undefined;
    panel.webview.html = panelHtml({
      cspSource: panel.webview.cspSource,
      scriptUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.js')).toString(),
      styleUri: panel.webview.asWebviewUri(vscode.Uri.joinPath(dist, 'webview.css')).toString(),
      nonce: makeNonce(),
    });
    this.disposables.push(
      onWebviewMessage(panel.webview, (m) => this.receive(m), this.log),
      panel.onDidChangeViewState(() => {
        // Hidden webviews are torn down; the page says 'ready' again when shown.
        if (!panel.visible) this.ready = false;
      }),
      panel.onDidDispose(() => this.disposed()),
    );
  }

  private createPanel(): vscode.WebviewPanel {
    return vscode.window.createWebviewPanel(VIEW_TYPE, 'Tensor Lens', { viewColumn: vscode.ViewColumn.Beside, preserveFocus: true }, {
      enableScripts: true,
      localResourceRoots: [vscode.Uri.joinPath(this.context.extensionUri, 'dist')],
      retainContextWhenHidden: false,
    });
  }

  private send(msg: HostToWebview): void {
    if (!this.panel) return;
    if (this.ready) this.deliver(msg);
    else this.queue.push(msg);
  }

  private deliver(msg: HostToWebview): void {
    // Remember which page a run started in: it dies with that page.
    if (msg.type === 'runInWebview' && this.run?.id === msg.runId) this.run.page = this.page;
    void postToWebview(this.panel!.webview, msg);
  }

  private receive(msg: WebviewToHost): void {
    switch (msg.type) {
      case 'ready': {
        // A new page: a run in the old one died with it (the panel was hidden
        // or reloaded). Runs are not kept alive with retainContextWhenHidden:
        // the panel opens beside the editor, and a hidden GPU run would hold
        // the whole page in memory; the command says the run was stopped.
        this.page++;
        if (this.run?.page !== undefined && this.run.page !== this.page) this.finishRun(this.run.id, null, 'the panel was hidden or reloaded during the run');
        this.ready = true;
        const queued = this.queue;
        this.queue = [];
        if (this.last && !queued.some((m) => m.type === 'trace')) {
          void postToWebview(this.panel!.webview, { type: 'trace', trace: this.last.trace, source: this.last.source, origin: this.last.origin });
        }
        for (const m of queued) this.deliver(m);
        break;
      }
      case 'revealSource':
        void this.revealSource(msg.range);
        break;
      case 'exported': {
        const p = this.exports.get(msg.requestId);
        if (p) {
          clearTimeout(p.timer);
          this.exports.delete(msg.requestId);
          p.resolve({ view: msg.view, data: msg.data });
        }
        break;
      }
      case 'gpuInfo': {
        const p = this.probes.get(msg.requestId);
        if (p) {
          clearTimeout(p.timer);
          this.probes.delete(msg.requestId);
          p.resolve(msg.gpu);
        }
        break;
      }
      case 'webviewRunStatus':
        if (this.run?.id === msg.runId) this.run.note = msg.message;
        break;
      case 'webviewRunStdout':
        if (this.run?.id === msg.runId) this.run.onStdout(msg.text);
        break;
      case 'webviewRunResult':
        if (this.run?.id === msg.runId) this.finishRun(msg.runId, msg.trace, this.run.note);
        break;
      case 'log':
        this.log(`visualizer: ${msg.message}`);
        break;
      default: {
        const never: never = msg;
        void never;
      }
    }
  }

  private finishRun(id: number, trace: Trace | null, note: string): void {
    if (!this.run || this.run.id !== id) return;
    const { done } = this.run;
    this.run = null;
    clearTimeout(done.timer);
    if (!trace) this.log(`visualizer: GPU run ended without a trace (${note})`);
    done.resolve(trace ? { trace, backendNote: note } : null);
  }

  private async revealSource(range: { line: number; col: number; endLine: number; endCol: number }): Promise<void> {
    const file = this.last?.trace.file;
    // The trace names its file as the runner gave it: a path, or a URI string.
    const doc = file ? vscode.workspace.textDocuments.find((d) => d.uri.toString() === file || d.uri.fsPath === file || d.uri.path.endsWith(`/${file}`)) : undefined;
    const uri = this.last?.uri ?? doc?.uri ?? this.sourceUri;
    if (!uri) {
      this.log(`visualizer: cannot find ${file ?? 'the source'} to reveal`);
      return;
    }
    const sel = new vscode.Range(range.line - 1, range.col, range.endLine - 1, range.endCol);
    const visible = vscode.window.visibleTextEditors.find((e) => e.document.uri.toString() === uri.toString());
    await vscode.window.showTextDocument(uri, { viewColumn: visible?.viewColumn ?? vscode.ViewColumn.One, selection: sel, preserveFocus: false });
  }

  private disposed(): void {
    this.panel = null;
    this.ready = false;
    this.queue = [];
    this.cancelGpuRun();
    for (const pending of [this.exports, this.probes]) {
      for (const [, p] of pending) {
        clearTimeout(p.timer);
        p.resolve(null);
      }
      pending.clear();
    }
    for (const d of this.disposables.splice(0)) d.dispose();
  }

  dispose(): void {
    this.panel?.dispose();
  }
}

/**
 * Creates the visualizer and registers its serializer (so the panel comes back
 * after a window reload). Everything registered goes into context.subscriptions.
 * package.json needs "onWebviewPanel:tensorLens.visualizer" in activationEvents.
 */
export function createVisualizer(context: vscode.ExtensionContext, log: (line: string) => void): Visualizer {
  const vis = new Visualizer(context, log);
  context.subscriptions.push(
    vis,
    vscode.window.registerWebviewPanelSerializer(VIEW_TYPE, {
      async deserializeWebviewPanel(panel: vscode.WebviewPanel) {
        vis.adopt(panel);
      },
    }),
  );
  return vis;
}
