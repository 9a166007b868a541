// The host<->webview contract: valid messages pass, malformed ones are
// refused with a reason, restored state is sanitised field by field.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { checkTrace, sanitizePanelState, validateHostMessage, validateWebviewMessage } from '../../extension/protocol';
import { panelCsp, panelHtml } from '../../extension/panel/html';

const seed = JSON.parse(readFileSync('test/fixtures/traces/seed.json', 'utf8'));
const range = { from: 0, to: 3, line: 1, col: 0, endLine: 1, endCol: 3 };

describe('host -> webview messages', () => {
  it('accepts a real trace and every message kind', () => {
    expect(checkTrace(seed)).toBeNull();
    for (const m of [
      { type: 'trace', trace: seed, source: 'x', origin: 'live' },
      { type: 'status', state: 'running' },
      { type: 'showView', view: 'network' },
      { type: 'cursor', file: 'a.py', line: 3 },
      { type: 'revealNode', nodeId: 2 },
      { type: 'showTensor', key: '154' },
      { type: 'export', requestId: 1, format: 'png' },
      { type: 'runInWebview', runId: 1, source: 'x', file: 'a.py', timeBudgetMs: 1000 },
      { type: 'cancelWebviewRun', runId: 1 },
      { type: 'probeGpu', requestId: 4 },
    ]) {
      expect(validateHostMessage(m)).toEqual({ ok: true, message: m });
    }
  });

  it('refuses malformed messages with a reason', () => {
    expect(validateHostMessage({ type: 'showView', view: 'nope' })).toEqual({ ok: false, reason: 'unknown view nope' });
    expect(validateHostMessage({ type: 'trace', trace: { ...seed, version: 2 }, source: '', origin: 'run' })).toEqual({ ok: false, reason: 'unsupported trace version 2' });
    expect(validateHostMessage({ type: 'trace', trace: { ...seed, graph: { nodes: [{ id: 1 }], edges: [] } }, source: '', origin: 'run' }).ok).toBe(false);
    expect(validateHostMessage({ type: 'export', requestId: 1, format: 'gif' }).ok).toBe(false);
    expect(validateHostMessage({ type: 'launch' })).toEqual({ ok: false, reason: 'unknown host message type launch' });
    expect(validateHostMessage('trace')).toEqual({ ok: false, reason: 'message without a type' });
  });
});

describe('webview -> host messages', () => {
  it('accepts valid messages and refuses bad ones', () => {
    expect(validateWebviewMessage({ type: 'ready' }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'revealSource', range }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'exported', requestId: 3, format: 'svg', view: 'graph', data: '<svg/>' }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'webviewRunResult', runId: 1, trace: seed }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'revealSource', range: { ...range, line: 'one' } })).toEqual({ ok: false, reason: 'revealSource needs a source range' });
    expect(validateWebviewMessage({ type: 'log', level: 'warn', message: 'x' }).ok).toBe(false);
    expect(validateWebviewMessage({ type: 'gpuInfo', requestId: 4, gpu: { available: true, adapterName: 'H100', software: false } }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'gpuInfo', requestId: 4, gpu: { available: false, reason: 'navigator.gpu is missing' } }).ok).toBe(true);
    expect(validateWebviewMessage({ type: 'gpuInfo', requestId: 4, gpu: { available: true, adapterName: 'H100' } })).toEqual({ ok: false, reason: 'bad gpuInfo.gpu' });
    expect(validateWebviewMessage({ type: 'gpuInfo', requestId: 4, gpu: { available: false } })).toEqual({ ok: false, reason: 'bad gpuInfo.gpu' });
    expect(validateWebviewMessage({ type: 'gpuInfo', gpu: { available: false, reason: 'x' } })).toEqual({ ok: false, reason: 'gpuInfo needs requestId and gpu' });
  });
});

describe('panel state and page', () => {
  it('sanitises restored state field by field', () => {
    const s = sanitizePanelState({ view: 'training', step: 4, unfolded: ['a', 3], zoom: { graph: { x: 1, y: 2, k: 0.5 }, bogus: { x: 1, y: 1, k: 1 } }, trace: { version: 9 } });
    expect(s).toEqual({ view: 'training', tensorKey: null, selectedNode: null, unfolded: ['a'], step: 4, backward: null, zoom: { graph: { x: 1, y: 2, k: 0.5 } } });
    expect(sanitizePanelState(null).view).toBe('graph');
  });

  it('builds a strict CSP: nothing by default, nonce-only scripts, no unsafe-*', () => {
    const csp = panelCsp({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc' });
    expect(csp).toContain("default-src 'none'");
    expect(csp).toContain("script-src 'nonce-abc'");
    expect(csp).not.toContain('unsafe');
    const html = panelHtml({ cspSource: 'https://x.vscode-cdn.net', nonce: 'abc', scriptUri: 'https://x/webview.js', styleUri: 'https://x/webview.css' });
    expect(html.match(/<script/g)).toHaveLength(1);
    expect(html).toContain('<script nonce="abc" src="https://x/webview.js">');
  });
});
