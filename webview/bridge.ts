// The only place in the page that touches postMessage and the VS Code state
// API. In the standalone report there is no VS Code: messages go nowhere and
// state lives in memory.
import {
  type HostToWebview,
  type PanelState,
  type WebviewToHost,
  sanitizePanelState,
  validateHostMessage,
} from '../extension/protocol';

interface VsCodeApi {
  postMessage(msg: unknown): void;
  getState(): unknown;
  setState(state: unknown): void;
}

declare global {
  // Provided by VS Code inside webviews; callable once per page.
  function acquireVsCodeApi(): VsCodeApi;
}

let api: VsCodeApi | null = null;
let memoryState: unknown;

function vscodeApi(): VsCodeApi | null {
  if (api) return api;
  if (typeof acquireVsCodeApi === 'function') api = acquireVsCodeApi();
  return api;
}

export function inVsCode(): boolean {
  return vscodeApi() !== null;
}

export function post(msg: WebviewToHost): void {
  vscodeApi()?.postMessage(msg);
}

/** Calls `handler` with every valid host message; invalid ones are reported to
 *  the host's log and dropped. */
export function onMessage(handler: (msg: HostToWebview) => void): () => void {
  const listener = (e: MessageEvent): void => {
    const v = validateHostMessage(e.data);
    if (v.ok) handler(v.message);
    else post({ type: 'log', level: 'error', message: `dropped message from host: ${v.reason}` });
  };
  window.addEventListener('message', listener);
  return () => window.removeEventListener('message', listener);
}

export function loadState(): PanelState {
  const raw = vscodeApi() ? vscodeApi()!.getState() : memoryState;
  return sanitizePanelState(raw);
}

export function saveState(state: PanelState): void {
  const a = vscodeApi();
  try {
    if (a) a.setState(state);
    else memoryState = state;
  } catch (e) {
    // A full state store must not break the panel; the host still has the trace.
    post({ type: 'log', level: 'error', message: `could not save panel state: ${e instanceof Error ? e.message : String(e)}` });
  }
}
