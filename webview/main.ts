// Entry of the webview bundle (dist/webview.js). Inside VS Code the host sends
// traces as messages; in the standalone report the trace is embedded in the
// page as JSON.
import type { Trace } from '../engine/trace/types';
import { checkTrace } from '../extension/protocol';
import { App } from './app';
import { onMessage, post } from './bridge';
import { installWebviewRuntime } from './runtime';
import './styles.css';

declare global {
  interface Window {
    /** For tests and the report: the app and a promise of its next idle moment. */
    tensorLens?: { app: App; idle(): Promise<void> };
  }
}

function embedded(): { trace: Trace; source: string } | null {
  const el = document.getElementById('tensor-lens-data');
  if (!el?.textContent) return null;
  const data = JSON.parse(el.textContent) as { trace: unknown; source: string };
  const bad = checkTrace(data.trace);
  if (bad) throw new Error(`embedded trace is invalid: ${bad}`);
  return { trace: data.trace as Trace, source: data.source };
}

const root = document.getElementById('app') ?? document.body;
const app = new App(root);
window.tensorLens = { app, idle: () => app.idle() };
// Programs run in the panel ("Run File on GPU") show here as soon as they end;
// the host gets the same trace for hovers and diagnostics.
const runSources = new Map<number, string>();
onMessage((msg) => {
  if (msg.type === 'runInWebview') {
    runSources.set(msg.runId, msg.source);
    app.setStatus('running in the panel…');
  }
  app.handle(msg);
});
installWebviewRuntime({
  post: (m) => {
    if (m.type === 'webviewRunStatus') app.setStatus(m.message);
    if (m.type === 'webviewRunResult') {
      app.setTrace(m.trace, runSources.get(m.runId) ?? '');
      runSources.delete(m.runId);
    }
    post(m);
  },
  onMessage,
});
const data = embedded();
if (data) app.setTrace(data.trace, data.source);
post({ type: 'ready' });
