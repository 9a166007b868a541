// The host's only contact with the webview's postMessage: typed messages out,
// validated messages in (an invalid one is logged and dropped).
import type * as vscode from 'vscode';
import { type HostToWebview, type WebviewToHost, validateWebviewMessage } from '../protocol';

export function postToWebview(webview: vscode.Webview, msg: HostToWebview): Thenable<boolean> {
  return webview.postMessage(msg);
}

export function onWebviewMessage(webview: vscode.Webview, handler: (msg: WebviewToHost) => void, log: (line: string) => void): vscode.Disposable {
  return webview.onDidReceiveMessage((raw: unknown) => {
    const v = validateWebviewMessage(raw);
    if (v.ok) handler(v.message);
    else log(`visualizer: dropped message from the panel: ${v.reason}`);
  });
}
