// The host side of the panel against a fake `vscode`: the ready handshake,
// re-sending the last trace after a reload, export and GPU-run round trips,
// reveal-source, and dropping invalid messages.
import { readFileSync } from 'node:fs';
import { beforeEach, describe, expect, it, vi } from 'vitest';
import type { Trace } from '../../engine/trace/types';

interface FakeWebview {
  html: string;
  options: unknown;
  cspSource: string;
  sent: unknown[];
  listener: ((m: unknown) => void) | null;
  postMessage(m: unknown): Promise<boolean>;
  onDidReceiveMessage(fn: (m: unknown) => void): { dispose(): void };
  asWebviewUri(u: { path: string }): { toString(): string };
}

const state = vi.hoisted(() => ({
  panels: [] as unknown[],
  shown: [] as { uri: unknown; opts: { selection: unknown } }[],
  docs: [] as { uri: { toString(): string; fsPath: string; path: string } }[],
  serializer: null as null | { deserializeWebviewPanel(p: unknown, s: unknown): Promise<void> },
}));

vi.mock('vscode', () => {
  const makeWebview = (): FakeWebview => ({
    html: '', options: {}, cspSource: 'https://fake.vscode-cdn.net', sent: [], listener: null,
    postMessage(m) { this.sent.push(m); return Promise.resolve(true); },
    onDidReceiveMessage(fn) { this.listener = fn; return { dispose: () => (this.listener = null) }; },
    asWebviewUri: (u) => ({ toString: () => `https://fake${u.path}` }),
  });
  const makePanel = () => {
    let dispose: () => void = () => {};
    const p = {
      webview: makeWebview(), visible: true, iconPath: undefined,
      reveal: vi.fn(),
      onDidChangeViewState: () => ({ dispose() {} }),
      onDidDispose: (fn: () => void) => { dispose = fn; return { dispose() {} }; },
      dispose: () => dispose(),
    };
    state.panels.push(p);
    return p;
  };
  return {
    Uri: { joinPath: (base: { path: string }, ...parts: string[]) => ({ path: [base.path, ...parts].join('/') }) },
    ViewColumn: { One: 1, Beside: -2 },
    Range: class { constructor(public a: number, public b: number, public c: number, public d: number) {} },
    window: {
      createWebviewPanel: vi.fn(() => makePanel()),
      registerWebviewPanelSerializer: (_t: string, s: typeof state.serializer) => { state.serializer = s; return { dispose() {} }; },
      showTextDocument: vi.fn(async (uri: unknown, opts: { selection: unknown }) => { state.shown.push({ uri, opts }); }),
      visibleTextEditors: [],
    },
    workspace: { get textDocuments() { return state.docs; } },
  };
});

const { createVisualizer } = await import('../../extension/panel');
const seed: Trace = JSON.parse(readFileSync('test/fixtures/traces/seed.json', 'utf8'));

type Panel = { webview: FakeWebview; dispose(): void };
const lastPanel = (): Panel => state.panels[state.panels.length - 1] as Panel;
const fromPage = (m: unknown): void => lastPanel().webview.listener!(m);

function setup() {
  const logs: string[] = [];
  const context = { extensionUri: { path: '/ext' }, subscriptions: [] as unknown[] };
  const vis = createVisualizer(context as never, (l) => logs.push(l));
  return { vis, logs, context };
}

beforeEach(() => {
  state.panels.length = 0;
  state.shown.length = 0;
  state.docs.length = 0;
});

describe('visualizer panel (host)', () => {
  it('serves a strict page and waits for ready before sending the trace', async () => {
    const { vis, context } = setup();
    expect(context.subscriptions).toHaveLength(2);
    vis.postTrace(seed, 'src', 'live');
    await vis.show('graph');
    const w = lastPanel().webview;
    expect(w.html).toContain("default-src 'none'");
    expect(w.html).toContain('src="https://fake/ext/dist/webview.js"');
    expect(w.options).toEqual({ enableScripts: true, localResourceRoots: [{ path: '/ext/dist' }] });
    expect(w.sent).toEqual([]);
    fromPage({ type: 'ready' });
    expect(w.sent.map((m) => (m as { type: string }).type)).toEqual(['trace', 'showView']);
    // A reload (or hide/show) says ready again: the last trace comes back.
    fromPage({ type: 'ready' });
    expect(w.sent.map((m) => (m as { type: string }).type)).toEqual(['trace', 'showView', 'trace']);
  });

  it('round-trips export and GPU runs by id', async () => {
    const { vis } = setup();
    await vis.show();
    fromPage({ type: 'ready' });
    const w = lastPanel().webview;
    const exp = vis.exportView('svg');
    await Promise.resolve();
    const req = w.sent.find((m) => (m as { type: string }).type === 'export') as { requestId: number };
    fromPage({ type: 'exported', requestId: req.requestId, format: 'svg', view: 'graph', data: '<svg/>' });
    expect(await exp).toEqual({ view: 'graph', data: '<svg/>' });
    const out: string[] = [];
    const run = vis.runOnGpu('print(1)', 'a.py', 1000, (t) => out.push(t));
    await Promise.resolve();
    await Promise.resolve();
    const r = w.sent.find((m) => (m as { type: string }).type === 'runInWebview') as { runId: number };
    fromPage({ type: 'webviewRunStatus', runId: r.runId, backend: 'cpu', message: 'navigator.gpu is missing: running on the CPU' });
    fromPage({ type: 'webviewRunStdout', runId: r.runId, text: '1\n' });
    fromPage({ type: 'webviewRunResult', runId: r.runId, trace: seed });
    expect(await run).toEqual({ trace: seed, backendNote: 'navigator.gpu is missing: running on the CPU' });
    expect(out).toEqual(['1\n']);
    // A run whose page goes away (hidden, reloaded) ends at once, without a trace.
    const lost = vis.runOnGpu('print(2)', 'a.py', 60_000, () => {});
    await Promise.resolve();
    await Promise.resolve();
    fromPage({ type: 'ready' });
    expect(await lost).toBeNull();
  });

  it('asks an open, visible panel about its WebGPU by id, and answers null for a closed or hidden one', async () => {
    const { vis } = setup();
    expect(await vis.probeGpu()).toBeNull(); // never opens the panel itself
    expect(state.panels).toHaveLength(0);
    await vis.show();
    fromPage({ type: 'ready' });
    const w = lastPanel().webview;
    const asked = vis.probeGpu();
    const req = w.sent.find((m) => (m as { type: string }).type === 'probeGpu') as { requestId: number };
    fromPage({ type: 'gpuInfo', requestId: req.requestId + 1, gpu: { available: false, reason: 'another request' } });
    fromPage({ type: 'gpuInfo', requestId: req.requestId, gpu: { available: true, adapterName: 'NVIDIA H100', software: false } });
    expect(await asked).toEqual({ available: true, adapterName: 'NVIDIA H100', software: false });
    (lastPanel() as unknown as { visible: boolean }).visible = false;
    expect(await vis.probeGpu()).toBeNull();
    (lastPanel() as unknown as { visible: boolean }).visible = true;
    const pending = vis.probeGpu();
    lastPanel().dispose();
    expect(await pending).toBeNull();
  });

  it('reveals the source range a click names, and logs invalid messages', async () => {
    const { vis, logs } = setup();
    const uri = { toString: () => 'file:///w/examples/seed.py', fsPath: '/w/examples/seed.py', path: '/w/examples/seed.py' };
    state.docs.push({ uri });
    vis.postTrace(seed, 'src', 'run');
    await vis.show();
    fromPage({ type: 'ready' });
    fromPage({ type: 'revealSource', range: { from: 0, to: 5, line: 19, col: 4, endLine: 19, endCol: 9 } });
    await new Promise((r) => setTimeout(r, 0));
    expect(state.shown).toHaveLength(1);
    expect(state.shown[0].uri).toBe(uri);
    expect(state.shown[0].opts.selection).toMatchObject({ a: 18, b: 4, c: 18, d: 9 });
    fromPage({ type: 'revealSource', range: { line: 3 } });
    expect(logs).toEqual(['visualizer: dropped message from the panel: revealSource needs a source range']);
  });

  it('resolves pending requests with null when the panel closes, and adopts a restored panel', async () => {
    const { vis } = setup();
    await vis.show();
    fromPage({ type: 'ready' });
    const exp = vis.exportView('png');
    await Promise.resolve();
    expect(lastPanel().webview.sent.some((m) => (m as { type: string }).type === 'export')).toBe(true);
    lastPanel().dispose();
    expect(await exp).toBeNull();
    const restored = { webview: { ...lastPanel().webview, sent: [] as unknown[], html: '' }, visible: true, reveal: vi.fn(), onDidChangeViewState: () => ({ dispose() {} }), onDidDispose: () => ({ dispose() {} }) };
    state.panels.push(restored);
    await state.serializer!.deserializeWebviewPanel(restored, {});
    expect(restored.webview.html).toContain('<div id="app"></div>');
  });
});
