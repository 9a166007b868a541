// What every view gets and provides. A view owns one container element; it
// keeps its SVG between renders so that live updates change it in place
// (keyed joins) and zoom, selection and the chosen tensor survive.
import type { PanelState, ViewId, WebviewToHost } from '../../extension/protocol';
import type { Trace } from '../../engine/trace/types';
import type { Theme } from '../theme';

export interface ViewContext {
  trace: Trace;
  source: string;
  state: PanelState;
  theme: Theme;
  /** Changes the panel state (persisted) and re-renders the views that read it. */
  update(patch: Partial<PanelState>): void;
  post(msg: WebviewToHost): void;
}

export interface View {
  readonly id: ViewId;
  readonly title: string;
  mount(container: HTMLElement): void;
  render(ctx: ViewContext): Promise<void> | void;
  /** The SVG to export (the view's main picture). */
  svg(): SVGSVGElement | null;
}

/** Creates (once) a child element with a class inside `parent`. */
export function ensure<K extends keyof HTMLElementTagNameMap>(parent: Element, tag: K, cls: string): HTMLElementTagNameMap[K] {
  const found = parent.querySelector(`:scope > ${tag}.${cls}`);
  if (found) return found as HTMLElementTagNameMap[K];
  const el = document.createElement(tag);
  el.className = cls;
  parent.appendChild(el);
  return el;
}

export function ensureSvg(parent: Element, cls: string): SVGSVGElement {
  const found = parent.querySelector(`:scope > svg.${cls}`);
  if (found) return found as SVGSVGElement;
  const svg = document.createElementNS('http://www.w3.org/2000/svg', 'svg');
  svg.setAttribute('class', cls);
  svg.setAttribute('xmlns', 'http://www.w3.org/2000/svg');
  parent.appendChild(svg);
  return svg;
}

/** A friendly line for a view that has nothing to show yet. */
export function emptyNote(parent: HTMLElement, text: string | null): void {
  const note = ensure(parent, 'p', 'tl-empty');
  note.textContent = text ?? '';
  note.hidden = !text;
}
