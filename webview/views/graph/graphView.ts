// The Graph view: the run's op DAG, folded by module and function, with zoom
// and pan. Clicking an op selects it and reveals its source line; clicking a
// folded node unfolds it; the editor cursor line highlights its nodes.
//
// The camera: until the user zooms or pans, the view keeps itself fitted (to
// a readable scale, or whole after "Fit") and lays the graph out again when
// the panel changes shape. Once the user moves it, their zoom is kept (and
// saved in the panel state) through live updates, resizes and reloads.
import * as d3 from 'd3';
import type { ViewId } from '../../../extension/protocol';
import { createButton } from '../../ui/toolkit';
import { MARGIN, READABLE, attachZoom, type ZoomTransform, type Zoomer } from '../../zoom';
import { type View, type ViewContext, emptyNote, ensure, ensureSvg } from '../view';
import { type GraphLayout, directionFor, layoutGraph } from './layout';
import { type VisibleGraph, visibleGraph } from './model';
import { outputNode } from './output';
import { packParts } from './pack';
import { type GraphStyle, renderGraph } from './render';

/** Lines the editor cursor is on; set by the app from 'cursor' messages. */
export const cursorLines = new Set<number>();

/** A fitted graph is not blown up past this: a five-node graph in a wide
 *  panel would otherwise have 20px labels. */
const MAX_SCALE = 1.25;

/** A panel resize settles before the graph is laid out again. */
const RESIZE_DEBOUNCE_MS = 120;

export class GraphView implements View {
  readonly id: ViewId;
  readonly title: string;
  protected el!: HTMLElement;
  protected svgEl!: SVGSVGElement;
  protected layer!: SVGGElement;
  protected zoomer!: Zoomer;
  protected ctx!: ViewContext;
  protected graph: VisibleGraph | null = null;
  protected layout: GraphLayout | null = null;
  private style: GraphStyle | null = null;
  /** Whether the camera has been placed since the view was mounted. */
  private placed = false;
  /** What the automatic camera does: fit at a readable scale, or whole (after "Fit"). */
  private fitMode: 'readable' | 'whole' = 'readable';
  private drawnFor = '';
  private lastFile = '';
  private drawing: Promise<void> = Promise.resolve();
  private resizeTimer: ReturnType<typeof setTimeout> | undefined;
  /** The camera the user chose, null while the view fits itself. Kept here:
   *  a zoom updates the panel state quietly, so ctx.state lags behind it. */
  private camera: ZoomTransform | null = null;
  /** The canvas size of the last drawing (a resize has changed it since). */
  private drawnSize = { width: 0, height: 0 };

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
      (t) => {
        this.camera = t;
        this.ctx?.update({ zoom: { ...this.ctx.state.zoom, [this.id]: t } });
      },
      () => (this.graph?.nodes.length ?? 0) > 120,
    );
    new ResizeObserver(() => {
      clearTimeout(this.resizeTimer);
      this.resizeTimer = setTimeout(() => this.redraw(), RESIZE_DEBOUNCE_MS);
    }).observe(this.svgEl);
  }

  protected toolbar(bar: HTMLElement): void {
    bar.append(
      createButton('Fit', () => this.fit(0), 'Fit the whole graph into the view'),
      createButton('Unfold all', () => this.ctx.update({ unfolded: this.graph?.groups ?? [] })),
      createButton('Fold all', () => this.ctx.update({ unfolded: [] })),
    );
  }

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  private viewport(): { width: number; height: number } {
    const r = this.svgEl.getBoundingClientRect();
    // A hidden tab measures 0: lay out for a usual panel, the resize fixes it when shown.
    return r.width > 0 && r.height > 0 ? { width: r.width, height: r.height } : { width: 800, height: 500 };
  }

  /** Back to a camera that fits itself: the saved zoom is dropped. */
  private forgetCamera(): void {
    if (!this.camera) return;
    this.camera = null;
    const { [this.id]: _dropped, ...rest } = this.ctx.state.zoom;
    this.ctx.update({ zoom: rest });
  }

  /** Fits the graph and keeps it fitted: by default no smaller than readable,
   *  the output in view and the rest a pan away; with 0 (the Fit button), whole. */
  fit(minScale = READABLE): void {
    this.fitMode = minScale === 0 ? 'whole' : 'readable';
    if (!this.layout) return;
    const l = this.layout;
    const focus = outputNode(this.graph!, l, this.ctx?.trace.backwards.at(-1)?.rootNodeId);
    this.zoomer.set(this.zoomer.fit(l, this.viewport(), { minScale, maxScale: MAX_SCALE, focus }));
    // The automatic camera is not a user's zoom: it is not saved, so a reload
    // or a resize fits again to the panel as it is then.
    this.forgetCamera();
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
    // After a reload, the zoom the user had; for another program, a fresh fit.
    if (!this.placed) this.camera = state.zoom[this.id] ?? null;
    else if (this.lastFile !== trace.file) {
      this.fitMode = 'readable';
      this.drawnFor = '';
      this.forgetCamera();
    }
    this.lastFile = trace.file;
    const g = visibleGraph(trace.graph, ctx.source, state.unfolded);
    this.graph = g;
    this.style = this.decorate(g, {
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
    this.el.querySelector('p.tl-note')!.textContent = this.note();
    await this.queue();
  }

  /** Draws one at a time: a resize can land while a render awaits ELK. */
  private queue(): Promise<void> {
    this.drawing = this.drawing.catch(() => undefined).then(() => this.draw());
    return this.drawing;
  }

  private redraw(): void {
    const r = this.svgEl.getBoundingClientRect();
    if (!this.graph || r.width === 0 || r.height === 0) return;
    void this.queue();
  }

  /** The panel's direction, unless only the other one shows the whole graph readably. */
  private async chooseLayout(vp: { width: number; height: number }): Promise<GraphLayout> {
    const g = this.graph!;
    const previews = new Map([...(this.style!.nodeGrad ?? new Map<string, { text: string }>())].map(([id, v]) => [id, v.text]));
    const inner = { width: vp.width - 2 * MARGIN, height: vp.height - 2 * MARGIN };
    const scale = (l: GraphLayout): number => Math.min(inner.width / Math.max(1, l.width), inner.height / Math.max(1, l.height));
    const preferred = directionFor(vp);
    const layout = packParts(g, await layoutGraph(g, { direction: preferred, previews }), inner, MAX_SCALE);
    // A big graph is never whole at a readable scale: spare it a second layout.
    if (scale(layout) >= READABLE || g.nodes.length > 150) return layout;
    const other = packParts(g, await layoutGraph(g, { direction: preferred === 'DOWN' ? 'RIGHT' : 'DOWN', previews }), inner, MAX_SCALE);
    return scale(other) >= READABLE ? other : layout;
  }

  private async draw(): Promise<void> {
    const g = this.graph!;
    const vp = this.viewport();
    const layout = await this.chooseLayout(vp);
    const direction = layout.direction;
    // With the user's zoom kept through a change of direction, the node they
    // were looking at stays in the middle.
    const before = this.layout && this.layout.direction !== direction ? this.centreNode() : null;
    this.layout = layout;
    this.drawnSize = vp;
    renderGraph(this.layer, g, layout, this.style!);
    this.svgEl.dataset.direction = direction;
    const drawnFor = JSON.stringify([vp.width, vp.height, layout.width, layout.height, direction, g.nodes.length]);
    const changed = drawnFor !== this.drawnFor;
    this.drawnFor = drawnFor;
    // A zoom saved before a reload may belong to a panel of another shape (the
    // other direction) or to an older program: if it shows no node, fit.
    if (this.camera && !this.placed && !this.showsAnyNode(this.camera, vp)) this.forgetCamera();
    const z = this.camera;
    if (z && !this.placed) this.zoomer.set(z);
    else if (z && before) {
      const b = layout.nodes.get(before);
      if (b) {
        const t = { k: z.k, x: vp.width / 2 - (b.x + b.width / 2) * z.k, y: vp.height / 2 - (b.y + b.height / 2) * z.k };
        this.camera = t;
        this.zoomer.set(t);
        this.ctx.update({ zoom: { ...this.ctx.state.zoom, [this.id]: t } });
      }
    } else if (!z && (changed || !this.placed)) this.fit(this.fitMode === 'whole' ? 0 : READABLE);
    this.placed = true;
  }

  private showsAnyNode(t: ZoomTransform, vp: { width: number; height: number }): boolean {
    return [...this.layout!.nodes.values()].some((b) =>
      t.x + b.x * t.k < vp.width && t.x + (b.x + b.width) * t.k > 0 && t.y + b.y * t.k < vp.height && t.y + (b.y + b.height) * t.k > 0);
  }

  /** The node drawn nearest the middle of the canvas as it was. */
  private centreNode(): string | null {
    const t = this.zoomer.current();
    const vp = this.drawnSize;
    let best: string | null = null;
    let bestD = Infinity;
    for (const b of this.layout!.nodes.values()) {
      const d = Math.hypot(t.x + (b.x + b.width / 2) * t.k - vp.width / 2, t.y + (b.y + b.height / 2) * t.k - vp.height / 2);
      if (d < bestD) [best, bestD] = [b.id, d];
    }
    return best;
  }
}
