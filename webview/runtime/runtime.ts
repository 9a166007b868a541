// The webview runtime: runs a program inside the panel on WebGPU (or on the
// CPU backend when WebGPU is missing, saying so) and streams its stdout and
// trace back to the host with the protocol's webviewRun* messages.
import { run } from '../../engine/runtime';
import type { Backend } from '../../engine/backend/backend';
import { cpuBackend } from '../../engine/backend/cpu/cpu-backend';
import type { Trace } from '../../engine/trace/types';
import type { HostToWebview, WebviewToHost } from '../../extension/protocol';
import { gpuInfo, probeWebGPU } from './gpu';

export interface RuntimeLink {
  post(msg: WebviewToHost): void;
  onMessage(handler: (msg: HostToWebview) => void): () => void;
}

export interface WebviewRun {
  backend: 'cpu' | 'webgpu';
  /** What the status line says about the backend (the fallback reason). */
  notice: string;
  trace: Trace;
}

/** Engine gaps (not the user's program) that make a WebGPU run fail: rerun on the CPU. */
function isBackendGap(trace: Trace): boolean {
  const m = trace.error?.message ?? '';
  return /must be read asynchronously|internal error: WebGPU/.test(m);
}

/** Runs `source` on WebGPU when the panel has it, else on the CPU backend. */
export async function runInPanel(
  source: string,
  file: string,
  opts: { timeBudgetMs?: number; signal?: { cancelled: boolean }; onStdout?(text: string): void; onStatus?(backend: 'cpu' | 'webgpu', notice: string): void; preferCpu?: boolean } = {},
): Promise<WebviewRun> {
  const probe = opts.preferCpu ? { kind: 'unavailable' as const, reason: 'the CPU backend was requested' } : await probeWebGPU();
  const go = (backend: Backend) => run(source, { file, backend, timeBudgetMs: opts.timeBudgetMs, signal: opts.signal, onStdout: opts.onStdout, onStderr: opts.onStdout });
  if (probe.kind === 'unavailable') {
    const notice = `${probe.reason}: running on the CPU backend instead.`;
    opts.onStatus?.('cpu', notice);
    return { backend: 'cpu', notice, trace: await go(cpuBackend) };
  }
  const notice = `Running on WebGPU (${probe.adapterName}).`;
  opts.onStatus?.('webgpu', notice);
  const trace = await go(probe.backend);
  if (!isBackendGap(trace)) return { backend: 'webgpu', notice, trace };
  const why = `This program needs something the WebGPU backend cannot do yet (${trace.error!.message}): ran it again on the CPU backend.`;
  opts.onStatus?.('cpu', why);
  return { backend: 'cpu', notice: why, trace: await go(cpuBackend) };
}

/** Answers runInWebview / cancelWebviewRun / probeGpu from the host. Returns the unsubscribe. */
export function installWebviewRuntime(link: RuntimeLink): () => void {
  const signals = new Map<number, { cancelled: boolean }>();
  return link.onMessage((msg) => {
    if (msg.type === 'probeGpu') {
      const requestId = msg.requestId;
      void gpuInfo().then((gpu) => link.post({ type: 'gpuInfo', requestId, gpu }));
      return;
    }
    if (msg.type === 'cancelWebviewRun') {
      const s = signals.get(msg.runId);
      if (s) s.cancelled = true;
      return;
    }
    if (msg.type !== 'runInWebview') return;
    const signal = { cancelled: false };
    signals.set(msg.runId, signal);
    const runId = msg.runId;
    void runInPanel(msg.source, msg.file, {
      timeBudgetMs: msg.timeBudgetMs,
      signal,
      onStdout: (text) => link.post({ type: 'webviewRunStdout', runId, text }),
      onStatus: (backend, message) => link.post({ type: 'webviewRunStatus', runId, backend, message }),
    })
      .then((r) => link.post({ type: 'webviewRunResult', runId, trace: r.trace }))
      .catch((e: unknown) => link.post({ type: 'log', level: 'error', message: `webview run failed: ${e instanceof Error ? e.message : String(e)}` }))
      .finally(() => signals.delete(runId));
  });
}
