// The webview runtime's message flow (runInWebview -> status, stdout, result;
// cancelWebviewRun; probeGpu -> gpuInfo), here in Node where navigator.gpu is missing, so it must
// say so and run on the CPU backend.
import { describe, expect, it } from 'vitest';
import { installWebviewRuntime } from '../../webview/runtime/index';
import type { HostToWebview, WebviewToHost } from '../../extension/protocol';
import { validateHostMessage, validateWebviewMessage } from '../../extension/protocol';

function link() {
  const sent: WebviewToHost[] = [];
  let handler: ((m: HostToWebview) => void) | null = null;
  return {
    sent,
    send(m: HostToWebview) {
      expect(validateHostMessage(m).ok).toBe(true);
      handler!(m);
    },
    post: (m: WebviewToHost) => void sent.push(m),
    onMessage(h: (m: HostToWebview) => void) {
      handler = h;
      return () => (handler = null);
    },
  };
}

async function until<T>(f: () => T | undefined): Promise<T> {
  for (let i = 0; i < 500; i++) {
    const v = f();
    if (v !== undefined) return v;
    await new Promise((r) => setTimeout(r, 10));
  }
  throw new Error('timed out');
}

describe('webview runtime messages', () => {
  it('falls back to the CPU backend with a plain notice, streams stdout, returns the trace', async () => {
    const l = link();
    const stop = installWebviewRuntime(l);
    l.send({ type: 'runInWebview', runId: 3, file: 'a.py', source: 'import torch\nx = torch.ones(2, 2)\nprint(x.sum())\n' });
    const result = await until(() => l.sent.find((m) => m.type === 'webviewRunResult'));
    stop();
    expect(l.sent[0]).toEqual({
      type: 'webviewRunStatus',
      runId: 3,
      backend: 'cpu',
      message: 'WebGPU is not available in this panel (navigator.gpu is missing): running on the CPU backend instead.',
    });
    expect(l.sent.filter((m) => m.type === 'webviewRunStdout').map((m) => (m as { text: string }).text).join('')).toBe('tensor(4.)\n');
    expect(result.type === 'webviewRunResult' && result.runId === 3 && result.trace.backend === 'cpu' && result.trace.error === null).toBe(true);
  });

  it('stops a run when the host cancels it', async () => {
    const l = link();
    installWebviewRuntime(l);
    l.send({ type: 'runInWebview', runId: 4, file: 'loop.py', source: 'i = 0\nwhile True:\n    i += 1\n' });
    await new Promise((r) => setTimeout(r, 50));
    l.send({ type: 'cancelWebviewRun', runId: 4 });
    const result = await until(() => l.sent.find((m) => m.type === 'webviewRunResult'));
    expect(result.type === 'webviewRunResult' && result.trace.stopped !== null).toBe(true);
  });

  it('answers probeGpu with why there is no WebGPU, for the host\'s auto backend', async () => {
    const l = link();
    const stop = installWebviewRuntime(l);
    l.send({ type: 'probeGpu', requestId: 9 });
    const answer = await until(() => l.sent.find((m) => m.type === 'gpuInfo'));
    stop();
    expect(validateWebviewMessage(answer).ok).toBe(true);
    expect(answer).toEqual({ type: 'gpuInfo', requestId: 9, gpu: { available: false, reason: 'WebGPU is not available in this panel (navigator.gpu is missing)' } });
  });
});
