// Colours come from VS Code's theme variables (set on <html> inside a webview);
// the standalone report has none, so each has a fallback. Views read a resolved
// Theme object and write colours as SVG attributes, which keeps exported SVG
// self-contained (no CSS variables left to resolve).
import * as d3 from 'd3';

export interface Theme {
  kind: 'light' | 'dark' | 'high-contrast';
  bg: string;
  fg: string;
  muted: string;
  border: string;
  accent: string;
  /** Negative values and gradients. */
  neg: string;
  /** Positive values and gradients. */
  pos: string;
  nodeInput: string;
  nodeParam: string;
  nodeOp: string;
  nodeGroup: string;
  highlight: string;
  font: string;
  mono: string;
}

type Palette = Omit<Theme, 'kind' | 'font' | 'mono'>;

const FALLBACK: Record<Theme['kind'], Palette> = {
  light: {
    bg: '#ffffff', fg: '#1f1f1f', muted: '#6e6e6e', border: '#c8c8c8', accent: '#005fb8',
    neg: '#1a73e8', pos: '#d93025', nodeInput: '#eef3f8', nodeParam: '#fff4d6', nodeOp: '#f3f3f3',
    nodeGroup: '#e8f1e4', highlight: '#f0a000',
  },
  dark: {
    bg: '#1f1f1f', fg: '#cccccc', muted: '#9d9d9d', border: '#454545', accent: '#3794ff',
    neg: '#4daafc', pos: '#f48771', nodeInput: '#1d2a38', nodeParam: '#3a3220', nodeOp: '#2b2b2b',
    nodeGroup: '#1f3322', highlight: '#ffcc00',
  },
  'high-contrast': {
    bg: '#000000', fg: '#ffffff', muted: '#ffffff', border: '#6fc3df', accent: '#f38518',
    neg: '#3794ff', pos: '#ff6b6b', nodeInput: '#000000', nodeParam: '#000000', nodeOp: '#000000',
    nodeGroup: '#000000', highlight: '#f38518',
  },
};

/** Which VS Code theme the page is in (VS Code puts a class on <body>). */
export function themeKind(body: HTMLElement): Theme['kind'] {
  const c = body.classList;
  if (c.contains('vscode-high-contrast') || c.contains('vscode-high-contrast-light')) return 'high-contrast';
  if (c.contains('vscode-dark')) return 'dark';
  if (c.contains('vscode-light')) return 'light';
  return window.matchMedia?.('(prefers-color-scheme: dark)').matches ? 'dark' : 'light';
}

export function readTheme(doc: Document = document): Theme {
  const kind = themeKind(doc.body);
  // VS Code sets the variables on <html>; the report on <body>: read the body.
  const css = getComputedStyle(doc.body);
  const v = (name: string, fallback: string): string => css.getPropertyValue(name).trim() || fallback;
  const f = FALLBACK[kind];
  const hc = kind === 'high-contrast';
  return {
    kind,
    bg: v('--vscode-editor-background', f.bg),
    fg: v('--vscode-editor-foreground', f.fg),
    muted: v('--vscode-descriptionForeground', f.muted),
    border: hc ? v('--vscode-contrastBorder', f.border) : v('--vscode-panel-border', f.border),
    accent: v('--vscode-focusBorder', f.accent),
    neg: v('--vscode-charts-blue', f.neg),
    pos: v('--vscode-charts-red', f.pos),
    nodeInput: f.nodeInput,
    nodeParam: f.nodeParam,
    nodeOp: f.nodeOp,
    nodeGroup: f.nodeGroup,
    highlight: hc ? v('--vscode-contrastActiveBorder', f.highlight) : f.highlight,
    font: v('--vscode-font-family', 'system-ui, -apple-system, "Segoe UI", sans-serif'),
    mono: v('--vscode-editor-font-family', 'ui-monospace, Menlo, Consolas, monospace'),
  };
}

/** Diverging scale centred on zero: blue below, red above, the background at
 *  zero so that "nothing" reads as empty in light and dark themes alike. */
export function divergingScale(theme: Theme, maxAbs: number): d3.ScaleDiverging<string> {
  const m = maxAbs > 0 && Number.isFinite(maxAbs) ? maxAbs : 1;
  const mid = theme.kind === 'high-contrast' ? '#000000' : theme.bg;
  const lo = d3.interpolateRgb(theme.neg, mid);
  const hi = d3.interpolateRgb(mid, theme.pos);
  return d3.scaleDiverging<string>((t) => (t < 0.5 ? lo(t * 2) : hi(t * 2 - 1))).domain([-m, 0, m]).clamp(true);
}

/** Text colour readable on a given fill. */
export function textOn(fill: string, theme: Theme): string {
  const c = d3.color(fill)?.rgb();
  if (!c) return theme.fg;
  const lum = (0.299 * c.r + 0.587 * c.g + 0.114 * c.b) / 255;
  return lum > 0.55 ? '#111111' : '#f5f5f5';
}
