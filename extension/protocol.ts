// Every message between the extension host and the visualizer webview, in one
// typed module that both sides import. Messages are plain JSON: a tagged union
// on `type`. Whatever arrives goes through a validator first (a webview is a
// separate page and a host may be older or newer than the webview bundle), so
// a malformed message is dropped with a reason instead of crashing a view.
//
// Only the bridges call postMessage: extension/panel/bridge.ts on the host and
// webview/bridge.ts in the page.
import type { SourceRange, Trace } from '../engine/trace/types';

/** The panel's views, in tab order. */
export const VIEW_IDS = ['tensor', 'graph', 'gradients', 'network', 'training', 'plots'] as const;
export type ViewId = (typeof VIEW_IDS)[number];

export type ExportFormat = 'svg' | 'png';

/** Which run a trace came from: a live run (on each edit), an explicit run, or
 *  a run inside the webview on the GPU runtime. */
export type TraceOrigin = 'live' | 'run' | 'webview';

// ---------------------------------------------------------------- host -> webview

export type HostToWebview =
  /** A new trace replaces the old one; open views update in place. */
  | { type: 'trace'; trace: Trace; source: string; origin: TraceOrigin }
  /** The runner's state, shown in the panel's status line. */
  | { type: 'status'; state: 'idle' | 'running' | 'stopped' | 'error'; message?: string }
  | { type: 'showView'; view: ViewId }
  /** The editor cursor moved: highlight the graph nodes created on this line. */
  | { type: 'cursor'; file: string; line: number }
  | { type: 'revealNode'; nodeId: number }
  /** Open the Tensor view on the expression record with this key (String(range.from)). */
  | { type: 'showTensor'; key: string }
  /** Ask the webview to export the current view; it answers with 'exported'. */
  | { type: 'export'; requestId: number; format: ExportFormat }
  /** Run source on the webview's runtime (WebGPU, or its CPU fallback). */
  | { type: 'runInWebview'; runId: number; source: string; file: string; timeBudgetMs?: number }
  | { type: 'cancelWebviewRun'; runId: number }
  /** Ask whether the page has WebGPU (for the `auto` backend); it answers with 'gpuInfo'. */
  | { type: 'probeGpu'; requestId: number };

// ---------------------------------------------------------------- webview -> host

export type WebviewToHost =
  /** The page loaded and can receive messages (sent once per page load). */
  | { type: 'ready' }
  /** The user clicked something that has a source location. */
  | { type: 'revealSource'; range: SourceRange }
  | { type: 'exported'; requestId: number; format: ExportFormat; view: ViewId; data: string }
  /** Progress of a webview run: backend in use ("webgpu" or why it fell back). */
  | { type: 'webviewRunStatus'; runId: number; backend: 'cpu' | 'webgpu'; message: string }
  | { type: 'webviewRunStdout'; runId: number; text: string }
  | { type: 'webviewRunResult'; runId: number; trace: Trace }
  /** The answer to 'probeGpu': the adapter the page would run on, or why none. */
  | { type: 'gpuInfo'; requestId: number; gpu: GpuInfo }
  /** Something went wrong inside the page; the host logs it to its output channel. */
  | { type: 'log'; level: 'info' | 'error'; message: string };

/** The page's WebGPU: a software adapter (SwiftShader) is slower than the CPU backend. */
export type GpuInfo =
  | { available: false; reason: string }
  | { available: true; adapterName: string; software: boolean };

/** What the webview keeps in vscode.getState() so hide/show and window reload
 *  restore it; also what the WebviewPanelSerializer receives. */
export interface PanelState {
  view: ViewId;
  /** Expression range (`from` offset) of the tensor shown in the Tensor view. */
  tensorKey: string | null;
  /** Graph node selected in Graph/Gradient views. */
  selectedNode: number | null;
  /** Graph modules the user unfolded. */
  unfolded: string[];
  /** Training step chosen with the slider (index into trace.steps), null = last. */
  step: number | null;
  /** Which backward() the gradient view shows, null = last. */
  backward: number | null;
  /** Zoom transforms per view, so live updates and reloads keep them. */
  zoom: Partial<Record<ViewId, { x: number; y: number; k: number }>>;
  /** The last trace, so a reload can draw at once before the host re-sends. */
  trace?: Trace;
  source?: string;
}

export function defaultPanelState(view: ViewId = 'graph'): PanelState {
  return { view, tensorKey: null, selectedNode: null, unfolded: [], step: null, backward: null, zoom: {} };
}

// ---------------------------------------------------------------- validation

export type Validated<T> = { ok: true; message: T } | { ok: false; reason: string };

type Obj = Record<string, unknown>;
const isObj = (x: unknown): x is Obj => typeof x === 'object' && x !== null && !Array.isArray(x);
const isNum = (x: unknown): x is number => typeof x === 'number' && !Number.isNaN(x);
const isInt = (x: unknown): x is number => Number.isInteger(x);
const isStr = (x: unknown): x is string => typeof x === 'string';

export function isViewId(x: unknown): x is ViewId {
  return isStr(x) && (VIEW_IDS as readonly string[]).includes(x);
}

export function isSourceRange(x: unknown): x is SourceRange {
  return isObj(x) && ['from', 'to', 'line', 'col', 'endLine', 'endCol'].every((k) => isInt(x[k]));
}

/** Structural check of a trace: the top-level shape and every list the views
 *  index into. Values inside summaries are checked where views read them. */
export function checkTrace(x: unknown): string | null {
  if (!isObj(x)) return 'trace is not an object';
  if (x.version !== 1) return `unsupported trace version ${String(x.version)}`;
  if (!isStr(x.file)) return 'trace.file must be a string';
  if (x.backend !== 'cpu' && x.backend !== 'webgpu') return 'trace.backend must be "cpu" or "webgpu"';
  for (const k of ['exprs', 'backwards', 'steps', 'figures'] as const) {
    if (!Array.isArray(x[k])) return `trace.${k} must be an array`;
  }
  if (!isStr(x.stdout)) return 'trace.stdout must be a string';
  const g = x.graph;
  if (!isObj(g) || !Array.isArray(g.nodes) || !Array.isArray(g.edges)) return 'trace.graph must have nodes and edges';
  for (const n of g.nodes as unknown[]) {
    if (!isObj(n) || !isInt(n.id) || !isStr(n.label) || !Array.isArray(n.shape)) return 'graph node needs id, label and shape';
    if (n.kind !== 'input' && n.kind !== 'param' && n.kind !== 'op') return `graph node ${String(n.id)} has unknown kind`;
  }
  for (const e of g.edges as unknown[]) {
    if (!isObj(e) || !isInt(e.from) || !isInt(e.to)) return 'graph edge needs from and to';
  }
  for (const r of x.exprs as unknown[]) {
    if (!isObj(r) || !isSourceRange(r.range) || !isObj(r.value) || !isStr(r.value.kind)) return 'expr record needs range and value';
  }
  for (const s of x.steps as unknown[]) {
    if (!isObj(s) || !isInt(s.step) || !Array.isArray(s.params)) return 'step record needs step and params';
    if (s.loss !== null && !isNum(s.loss) && s.loss !== undefined) return 'step loss must be a number or null';
  }
  for (const b of x.backwards as unknown[]) {
    if (!isObj(b) || !isInt(b.index) || !Array.isArray(b.grads)) return 'backward record needs index and grads';
  }
  if (x.error !== null && !(isObj(x.error) && isStr(x.error.type) && isStr(x.error.message))) return 'trace.error must be null or an error';
  return null;
}

function fail<T>(reason: string): Validated<T> {
  return { ok: false, reason };
}

/** Validates a message the webview received from the host. */
export function validateHostMessage(x: unknown): Validated<HostToWebview> {
  if (!isObj(x) || !isStr(x.type)) return fail('message without a type');
  const m = x as Obj & { type: HostToWebview['type'] };
  switch (m.type) {
    case 'trace': {
      const bad = checkTrace(m.trace);
      if (bad) return fail(bad);
      if (!isStr(m.source)) return fail('trace.source must be a string');
      if (m.origin !== 'live' && m.origin !== 'run' && m.origin !== 'webview') return fail('bad trace origin');
      break;
    }
    case 'status':
      if (!['idle', 'running', 'stopped', 'error'].includes(m.state as string)) return fail('bad status state');
      if (m.message !== undefined && !isStr(m.message)) return fail('status.message must be a string');
      break;
    case 'showView':
      if (!isViewId(m.view)) return fail(`unknown view ${String(m.view)}`);
      break;
    case 'cursor':
      if (!isStr(m.file) || !isInt(m.line)) return fail('cursor needs file and line');
      break;
    case 'revealNode':
      if (!isInt(m.nodeId)) return fail('revealNode needs nodeId');
      break;
    case 'showTensor':
      if (!isStr(m.key)) return fail('showTensor needs key');
      break;
    case 'export':
      if (!isInt(m.requestId) || (m.format !== 'svg' && m.format !== 'png')) return fail('export needs requestId and format svg|png');
      break;
    case 'runInWebview':
      if (!isInt(m.runId) || !isStr(m.source) || !isStr(m.file)) return fail('runInWebview needs runId, source, file');
      if (m.timeBudgetMs !== undefined && !isNum(m.timeBudgetMs)) return fail('timeBudgetMs must be a number');
      break;
    case 'cancelWebviewRun':
      if (!isInt(m.runId)) return fail('cancelWebviewRun needs runId');
      break;
    case 'probeGpu':
      if (!isInt(m.requestId)) return fail('probeGpu needs requestId');
      break;
    default:
      return fail(`unknown host message type ${String((m as Obj).type)}`);
  }
  return { ok: true, message: m as unknown as HostToWebview };
}

/** Validates a message the host received from the webview. */
export function validateWebviewMessage(x: unknown): Validated<WebviewToHost> {
  if (!isObj(x) || !isStr(x.type)) return fail('message without a type');
  const m = x as Obj & { type: WebviewToHost['type'] };
  switch (m.type) {
    case 'ready':
      break;
    case 'revealSource':
      if (!isSourceRange(m.range)) return fail('revealSource needs a source range');
      break;
    case 'exported':
      if (!isInt(m.requestId) || (m.format !== 'svg' && m.format !== 'png') || !isViewId(m.view) || !isStr(m.data)) {
        return fail('exported needs requestId, format, view and data');
      }
      break;
    case 'webviewRunStatus':
      if (!isInt(m.runId) || (m.backend !== 'cpu' && m.backend !== 'webgpu') || !isStr(m.message)) return fail('bad webviewRunStatus');
      break;
    case 'webviewRunStdout':
      if (!isInt(m.runId) || !isStr(m.text)) return fail('bad webviewRunStdout');
      break;
    case 'webviewRunResult': {
      if (!isInt(m.runId)) return fail('webviewRunResult needs runId');
      const bad = checkTrace(m.trace);
      if (bad) return fail(bad);
      break;
    }
    case 'gpuInfo': {
      if (!isInt(m.requestId) || !isObj(m.gpu)) return fail('gpuInfo needs requestId and gpu');
      const g = m.gpu;
      const ok = g.available === true ? isStr(g.adapterName) && typeof g.software === 'boolean' : g.available === false && isStr(g.reason);
      if (!ok) return fail('bad gpuInfo.gpu');
      break;
    }
    case 'log':
      if ((m.level !== 'info' && m.level !== 'error') || !isStr(m.message)) return fail('bad log message');
      break;
    default:
      return fail(`unknown webview message type ${String((m as Obj).type)}`);
  }
  return { ok: true, message: m as unknown as WebviewToHost };
}

/** Validates a state restored by getState() or the panel serializer; anything
 *  unusable falls back to the defaults field by field. */
export function sanitizePanelState(x: unknown): PanelState {
  const d = defaultPanelState();
  if (!isObj(x)) return d;
  const s: PanelState = {
    view: isViewId(x.view) ? x.view : d.view,
    tensorKey: isStr(x.tensorKey) ? x.tensorKey : null,
    selectedNode: isInt(x.selectedNode) ? x.selectedNode : null,
    unfolded: Array.isArray(x.unfolded) ? x.unfolded.filter(isStr) : [],
    step: isInt(x.step) ? x.step : null,
    backward: isInt(x.backward) ? x.backward : null,
    zoom: {},
  };
  if (isObj(x.zoom)) {
    for (const [k, z] of Object.entries(x.zoom)) {
      if (isViewId(k) && isObj(z) && isNum(z.x) && isNum(z.y) && isNum(z.k)) s.zoom[k] = { x: z.x, y: z.y, k: z.k };
    }
  }
  if (checkTrace(x.trace) === null) s.trace = x.trace as Trace;
  if (isStr(x.source)) s.source = x.source;
  return s;
}
