// The panel: a header (file, backend, run status, error), the view tabs, and
// the state every view reads. A new trace re-renders only the visible view;
// the others redraw when their tab is opened. State is saved on every change
// (vscode.setState), so hide/show and reloads restore the same picture.
import type { Trace } from '../engine/trace/types';
import { type ExportFormat, type HostToWebview, type PanelState, type ViewId, type WebviewToHost, isViewId } from '../extension/protocol';
import { inVsCode, loadState, post, saveState } from './bridge';
import { download, pngDataUrl, svgText } from './export';
import { type Theme, readTheme } from './theme';
import { createButton, createTabs, registerToolkit, type Tabs } from './ui/toolkit';
import { GradientView } from './views/gradients';
import { GraphView, cursorLines } from './views/graph/graphView';
import { NetworkView } from './views/network/networkView';
import { PlotsView } from './views/plots';
import { TensorView } from './views/tensor/tensorView';
import { TrainingView } from './views/training';
import type { View, ViewContext } from './views/view';

/** Largest trace (JSON characters) kept in the webview state. */
const STATE_TRACE_LIMIT = 256_000;

/** Patches that only move the camera: saved, but nothing redraws. */
const QUIET_KEYS: (keyof PanelState)[] = ['zoom'];

export class App {
  readonly views: View[] = [new TensorView(), new GraphView(), new GradientView(), new NetworkView(), new TrainingView(), new PlotsView()];
  state: PanelState;
  trace: Trace | null = null;
  source = '';
  theme: Theme;
  private tabs!: Tabs;
  private header!: HTMLElement;
  private dirty = new Set<ViewId>();
  private rendering: Promise<void> = Promise.resolve();
  private status = '';

  constructor(private root: HTMLElement) {
    registerToolkit();
    this.state = loadState();
    this.theme = readTheme();
    this.build();
    if (this.state.trace) this.setTrace(this.state.trace, this.state.source ?? '');
    // VS Code switches the body class when the theme changes.
    new MutationObserver(() => {
      this.theme = readTheme();
      this.invalidateAll();
    }).observe(document.body, { attributes: true, attributeFilter: ['class'] });
  }

  private build(): void {
    this.header = document.createElement('header');
    this.header.className = 'tl-header';
    const actions = document.createElement('div');
    actions.className = 'tl-actions';
    actions.append(
      createButton('Export SVG', () => void this.exportView('svg', -1), 'Save the current view as SVG'),
      createButton('Export PNG', () => void this.exportView('png', -1), 'Save the current view as PNG'),
    );
    this.tabs = createTabs(this.views.map((v) => ({ id: v.id, title: v.title })), (id) => {
      if (isViewId(id)) this.update({ view: id });
    });
    // The header's lines (file, backend, a fallback notice, an error) and the
    // export buttons share one row, so a long line wraps instead of running under the buttons.
    const top = document.createElement('div');
    top.className = 'tl-top';
    top.append(this.header, actions);
    this.root.append(top, this.tabs.element);
    for (const v of this.views) v.mount(this.tabs.body(v.id));
    this.tabs.select(this.state.view);
    this.renderHeader();
  }

  private context(): ViewContext {
    return {
      trace: this.trace!, source: this.source, state: this.state, theme: this.theme,
      update: (p) => this.update(p),
      post: (m: WebviewToHost) => post(m),
    };
  }

  setTrace(trace: Trace, source: string): void {
    this.trace = trace;
    this.source = source;
    // The state is saved on every change (each scrub and zoom), so it carries
    // the trace only when that is cheap; otherwise the host re-sends the last
    // trace when the page says 'ready' after a reload.
    const small = JSON.stringify(trace).length + source.length < STATE_TRACE_LIMIT;
    const { trace: _old, source: _oldSource, ...rest } = this.state;
    this.state = small ? { ...rest, trace, source } : rest;
    saveState(this.state);
    this.renderHeader();
    this.invalidateAll();
  }

  update(patch: Partial<PanelState>): void {
    const prev = this.state;
    this.state = { ...this.state, ...patch };
    saveState(this.state);
    const keys = Object.keys(patch) as (keyof PanelState)[];
    if (keys.every((k) => QUIET_KEYS.includes(k))) return;
    if (patch.view && patch.view !== prev.view) this.tabs.select(patch.view);
    this.invalidateAll();
  }

  private invalidateAll(): void {
    for (const v of this.views) this.dirty.add(v.id);
    this.scheduleRender();
  }

  /** Renders the visible view if it is out of date; returns when done. */
  scheduleRender(): Promise<void> {
    this.rendering = this.rendering.then(async () => {
      const view = this.views.find((v) => v.id === this.state.view)!;
      if (!this.trace || !this.dirty.has(view.id)) return;
      this.dirty.delete(view.id);
      try {
        await view.render(this.context());
      } catch (e) {
        post({ type: 'log', level: 'error', message: `view ${view.id} failed: ${e instanceof Error ? e.message : String(e)}` });
        throw e;
      }
    });
    return this.rendering;
  }

  /** Resolves once pending renders have finished (tests and exports wait on it). */
  idle(): Promise<void> {
    return this.scheduleRender();
  }

  private renderHeader(): void {
    const t = this.trace;
    const parts: string[] = [];
    if (t) parts.push(`${t.file} · ${t.backend === 'webgpu' ? 'WebGPU' : 'CPU'} · ${Math.round(t.durationMs)} ms`);
    else parts.push('Run a Python file (Tensor Lens: Run File) to see its tensors here.');
    if (this.status) parts.push(this.status);
    const line = document.createElement('div');
    line.className = 'tl-status';
    line.textContent = parts.join(' · ');
    const children: HTMLElement[] = [line];
    if (t?.error) {
      const err = document.createElement('div');
      err.className = 'tl-error';
      err.textContent = `${t.error.type}: ${t.error.message} (line ${t.error.range.line})`;
      children.push(err);
    }
    if (t?.stopped) {
      const s = document.createElement('div');
      s.className = 'tl-error';
      s.textContent = `The run was stopped (${t.stopped}); views show what ran before.`;
      children.push(s);
    }
    this.header.replaceChildren(...children);
  }

  /** A line in the header: run state, or which backend a panel run uses and why. */
  setStatus(text: string): void {
    this.status = text;
    this.renderHeader();
  }

  async exportView(format: ExportFormat, requestId: number): Promise<void> {
    await this.idle();
    const view = this.views.find((v) => v.id === this.state.view)!;
    const svg = view.svg();
    if (!svg) return;
    const data = format === 'svg' ? svgText(svg, this.theme) : await pngDataUrl(svg, this.theme);
    if (inVsCode()) post({ type: 'exported', requestId, format, view: view.id, data });
    else download(`tensor-lens-${view.id}.${format}`, data, format === 'svg' ? 'image/svg+xml' : 'image/png');
  }

  handle(msg: HostToWebview): void {
    switch (msg.type) {
      case 'trace':
        // A run of the host's: a notice left by an earlier panel (GPU) run no longer applies.
        this.status = '';
        this.setTrace(msg.trace, msg.source);
        break;
      case 'status':
        this.status = msg.state === 'running' ? 'running…' : msg.message ?? '';
        this.renderHeader();
        break;
      case 'showView':
        this.update({ view: msg.view });
        break;
      case 'cursor':
        cursorLines.clear();
        cursorLines.add(msg.line);
        this.dirty.add('graph');
        this.dirty.add('gradients');
        void this.scheduleRender();
        break;
      case 'showTensor':
        this.update({ tensorKey: msg.key, view: 'tensor' });
        break;
      case 'revealNode':
        this.update({ selectedNode: msg.nodeId, view: this.state.view === 'gradients' ? 'gradients' : 'graph' });
        break;
      case 'export':
        void this.exportView(msg.format, msg.requestId);
        break;
      case 'runInWebview':
      case 'cancelWebviewRun':
      case 'probeGpu':
        // Handled by the WebGPU runtime (webview/runtime), which listens itself.
        break;
      default: {
        const never: never = msg;
        void never;
      }
    }
  }
}
