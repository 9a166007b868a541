// The Graph view: the run's op DAG, folded by module and function, with zoom
// and pan. Clicking an op selects it and reveals its source line; clicking a
// folded node unfolds it; the editor cursor line highlights its nodes.
import * as d3 from 'd3';
import type { ViewId } from '../../../extension/protocol';
import { createButton } from '../../ui/toolkit';
import { READABLE, attachZoom, type Zoomer } from '../../zoom';
import { type View, type ViewContext, emptyNote, ensure, ensureSvg } from '../view';
import { layoutGraph } from './layout';
import { type VisibleGraph, visibleGraph } from './model';
import { type GraphStyle, renderGraph } from './render';

/** Lines the editor cursor is on; set by the app from 'cursor' messages. */
export const cursorLines = new Set<number>();

export class GraphView implements View {
  readonly id: ViewId;
  readonly title: string;
  protected el!: HTMLElement;
  protected svgEl!: SVGSVGElement;
  protected layer!: SVGGElement;
  protected zoomer!: Zoomer;
  protected ctx!: ViewContext;
  protected fitted = false;
  private lastKey = '';

  constructor(id: ViewId = 'graph', title = 'Graph') {
    this.id = id;
    this.title = title;
  }

  mount(container: HTMLElement): void {
    this.el = container;
    const bar = ensure(container, 'div', 'tl-toolbar');
    this.toolbar(bar);
    const note = ensure(container, 'p', 'tl-note');
    note.textContent = '';
    this.svgEl = ensureSvg(container, 'tl-canvas');
    this.layer = d3.select(this.svgEl).append('g').attr('class', 'layer').node()!;
    this.zoomer = attachZoom(
      this.svgEl, this.layer,
      (t) => this.ctx?.update({ zoom: { ...this.ctx.state.zoom, [this.id]: t } }),
      () => (this.graph?.nodes.length ?? 0) > 120,
    );
  }

  protected toolbar(bar: HTMLElement): void {
    bar.append(
      createButton('Fit', () => this.fit(0), 'Fit the whole graph into the view'),
      createButton('Unfold all', () => this.ctx.update({ unfolded: this.graph?.groups ?? [] })),
      createButton('Fold all', () => this.ctx.update({ unfolded: [] })),
    );
  }

  protected graph: VisibleGraph | null = null;
  protected layoutSize = { width: 0, height: 0 };

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  /** Fits the graph; by default no smaller than readable (a narrow panel shows
   *  the inputs first and the rest a pan away); Fit button: the whole graph. */
  fit(minScale = READABLE): void {
    const vp = this.svgEl.getBoundingClientRect();
    const t = this.zoomer.fit(this.layoutSize, { width: vp.width || 800, height: vp.height || 500 }, minScale);
    this.zoomer.set(t);
    this.ctx?.update({ zoom: { ...this.ctx.state.zoom, [this.id]: t } });
  }

  /** Extra styling (the gradient overlay) for subclasses. */
  protected decorate(_g: VisibleGraph, style: GraphStyle): GraphStyle {
    return style;
  }

  protected note(): string {
    const g = this.graph!;
    const parts = [`${g.nodes.length} nodes, ${g.edges.length} edges. Blue boxes are input tensors, yellow ones parameters (requires_grad), grey ones ops, green ones folded functions and modules: click ⊞ to unfold, click an op to see its line.`];
    if (g.truncated) parts.push('The run made more ops than the recorder keeps: later ops are not shown.');
    return parts.join(' ');
  }

  async render(ctx: ViewContext): Promise<void> {
    this.ctx = ctx;
    const { trace, state } = ctx;
    emptyNote(this.el, trace.graph.nodes.length ? null : 'No tensor ops were recorded in this run yet.');
    const g = visibleGraph(trace.graph, ctx.source, state.unfolded);
    this.graph = g;
    const layout = await layoutGraph(g);
    this.layoutSize = { width: layout.width, height: layout.height };
    const style = this.decorate(g, {
      theme: ctx.theme,
      selected: state.selectedNode === null ? null : g.nodes.find((n) => n.nodeIds.includes(state.selectedNode!))?.id ?? null,
      lines: cursorLines,
      onNode: (n) => {
        if (n.kind === 'group') {
          ctx.update({ unfolded: [...state.unfolded, n.groupId!] });
          return;
        }
        ctx.update({ selectedNode: n.rep.id });
        if (n.rep.range) ctx.post({ type: 'revealSource', range: n.rep.range });
      },
      onGroupBadge: (gid) => ctx.update({ unfolded: ctx.state.unfolded.filter((u) => u !== gid) }),
    });
    renderGraph(this.layer, g, layout, style);
    this.el.querySelector('p.tl-note')!.textContent = this.note();
    // Keep the user's zoom; fit only the first time a structure is shown.
    const key = `${trace.file}`;
    const z = state.zoom[this.id];
    if (z && this.fitted) return;
    if (z && !this.fitted) this.zoomer.set(z);
    else if (!this.fitted || key !== this.lastKey) this.fit();
    this.fitted = true;
    this.lastKey = key;
  }
}
