// The panel's page: a strict CSP (nothing by default; scripts only with this
// load's nonce; styles and images only from the extension), the webview
// bundle and its CSS. Pure, so the CSP can be tested without VS Code.
import { randomBytes } from 'node:crypto';

export interface PanelPage {
  /** webview.cspSource */
  cspSource: string;
  /** webview.asWebviewUri(dist/webview.js) as a string */
  scriptUri: string;
  styleUri: string;
  nonce: string;
}

export function makeNonce(): string {
  return randomBytes(18).toString('base64').replace(/[^A-Za-z0-9]/g, '');
}

export function panelCsp(p: Pick<PanelPage, 'cspSource' | 'nonce'>): string {
  return [
    "default-src 'none'",
    `script-src 'nonce-${p.nonce}'`,
    // The UI toolkit adopts constructed stylesheets; its single inline style
    // attribute is blocked harmlessly, so no 'unsafe-inline' is needed.
    `style-src ${p.cspSource} 'nonce-${p.nonce}'`,
    // PNG export draws the SVG through a data: image onto a canvas.
    `img-src ${p.cspSource} data: blob:`,
    `font-src ${p.cspSource}`,
  ].join('; ');
}

export function panelHtml(p: PanelPage): string {
  return `<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta http-equiv="Content-Security-Policy" content="${panelCsp(p)}">
<meta name="viewport" content="width=device-width, initial-scale=1">
<link rel="stylesheet" href="${p.styleUri}" nonce="${p.nonce}">
<title>Tensor Lens</title>
</head>
<body>
<div id="app"></div>
<script nonce="${p.nonce}" src="${p.scriptUri}"></script>
</body>
</html>
`;
}
