// The Tensor view: a grid of the run's tensors on the left; for the chosen one
// its shape diagram, heatmap (a 2-D slice, with axis pickers for N-D), the
// .grad beside it, a histogram, stats with NaN/Inf flags, and the printed value.
// The grid also lists the model's parameters; when the Training view's slider
// picks a step, a parameter is shown as it was after that step (atStep.ts).
import * as d3 from 'd3';
import { roundForSample } from '../../../engine/trace/stats';
import type { ExprRecord, ParamSnapshot, StepSnapshot, Trace, TensorSummary } from '../../../engine/trace/types';
import type { ViewId } from '../../../extension/protocol';
import { fmt, numel, shapeText } from '../../format';
import { createButton, createCheckbox, createDataGrid, createDropdown, type DataGrid, type Dropdown } from '../../ui/toolkit';
import { chosenStep, stepCaption } from '../network/steps';
import { drawAtStep } from './atStep';
import { type View, type ViewContext, emptyNote, ensure, ensureSvg } from '../view';
import { renderHeatmap } from './heatmap';
import { renderHistogram } from './histogram';
import { renderShape } from './shape';
import { type SliceChoice, autoHistogram, fitSlice, looksLikeImage, sliceMatrix } from './slice';

type Row = { key: string; name: string; line: string; shape: string; dtype: string; grad: string };

export function tensorRecords(exprs: readonly ExprRecord[]): (ExprRecord & { value: TensorSummary })[] {
  return exprs.filter((e): e is ExprRecord & { value: TensorSummary } => e.value.kind === 'tensor');
}

export const recordKey = (e: ExprRecord): string => String(e.range.from);

/** One tensor the view can show: a recorded expression, or a parameter known
 *  only as a graph node (nn.Linear's weight is never an expression). */
export interface Shown {
  key: string;
  name: string;
  line: string;
  value: TensorSummary;
  assignedName?: string;
  /** The graph node it stands for (a parameter's snapshots are keyed by it). */
  nodeId?: number;
}

/** The parameters of the graph that no named expression shows: "model.0.weight".
 *  No line: a parameter node's range is where a forward pass first used it. */
export function paramEntries(trace: Trace, named: readonly Shown[]): Shown[] {
  const shownNodes = new Set(named.map((r) => r.nodeId));
  return trace.graph.nodes
    .filter((n) => n.kind === 'param' && n.value && !shownNodes.has(n.id))
    .map((n) => ({ key: `node:${n.id}`, name: n.module ? `${n.module}.${n.label}` : n.label, line: '', value: n.value!, nodeId: n.id }));
}

function nameOf(e: ExprRecord, source: string): string {
  if (e.assignedName) return e.assignedName;
  const text = source.slice(e.range.from, e.range.to).replace(/\s+/g, ' ');
  return text.length > 28 ? `${text.slice(0, 27)}…` : text || `line ${e.range.line}`;
}

export class TensorView implements View {
  readonly id: ViewId = 'tensor';
  readonly title = 'Tensor';
  private el!: HTMLElement;
  private grid!: DataGrid<Row>;
  private pickers!: HTMLElement;
  private svgEl!: SVGSVGElement;
  private printed!: HTMLPreElement;
  private slices = new Map<string, SliceChoice>();
  private imageMode = new Map<string, boolean>();
  private ctx!: ViewContext;
  private lastName: string | null = null;
  private stepNote!: HTMLElement;
  private endButton!: HTMLElement;
  private mode: 'value' | 'step' = 'value';

  mount(container: HTMLElement): void {
    this.el = container;
    container.classList.add('tl-tensor');
    const side = ensure(container, 'div', 'tl-side');
    this.grid = createDataGrid<Row>(
      // Names like model.0.weight get the spare width (a fixed 100 px broke them mid-word).
      [{ key: 'name', title: 'Name', width: 'minmax(100px, 1.2fr)' }, { key: 'line', title: 'Line', width: '62px' }, { key: 'shape', title: 'Shape', width: '92px' }, { key: 'dtype', title: 'dtype', width: '80px' }, { key: 'grad', title: 'grad_fn', width: '1fr' }],
      (r) => r.key,
      (key) => this.ctx.update({ tensorKey: key }),
    );
    side.appendChild(this.grid.element);
    const main = ensure(container, 'div', 'tl-main');
    this.pickers = ensure(main, 'div', 'tl-toolbar');
    // Above the pickers: which training step the picture is of, when the slider chose one.
    const stepBar = ensure(main, 'div', 'tl-stepbar');
    stepBar.classList.add('tl-toolbar');
    main.insertBefore(stepBar, this.pickers);
    this.stepNote = ensure(stepBar, 'span', 'tl-step');
    this.stepNote.style.fontWeight = '600';
    this.endButton = createButton('Show end of run', () => this.ctx.update({ step: null }), 'Show the values the run ended with');
    stepBar.append(this.endButton);
    this.svgEl = ensureSvg(main, 'tl-tensor-svg');
    this.printed = ensure(main, 'pre', 'tl-printed');
  }

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  /** Named expressions, then parameters the grid lists too. */
  entries(ctx: ViewContext): { all: Shown[]; listed: Shown[] } {
    // `W = torch.randn(..., requires_grad=True)` is recorded before any op
    // uses W, so its record has no node: its parameter node is the one named
    // at that assignment (same range).
    const paramAt = new Map<number, number>();
    for (const n of ctx.trace.graph.nodes) if (n.kind === 'param' && n.range) paramAt.set(n.range.from, n.id);
    const all: Shown[] = tensorRecords(ctx.trace.exprs).map((r) => ({
      key: recordKey(r), name: nameOf(r, ctx.source), line: String(r.range.line), value: r.value, assignedName: r.assignedName,
      nodeId: r.value.nodeId ?? (r.assignedName ? paramAt.get(r.range.from) : undefined),
    }));
    // The grid lists variables (named results); any tensor can still be shown from the graph.
    const named = all.filter((r) => r.assignedName);
    const params = paramEntries(ctx.trace, named);
    return { all: [...all, ...params], listed: [...named, ...params] };
  }

  chosen(ctx: ViewContext, all = this.entries(ctx).all): Shown | undefined {
    const byKey = all.find((r) => r.key === ctx.state.tensorKey);
    if (byKey) {
      this.lastName = byKey.assignedName ?? null;
      return byKey;
    }
    // An edit above the chosen line moves its offsets: follow the name instead.
    const byName = this.lastName ? [...all].reverse().find((r) => r.assignedName === this.lastName) : undefined;
    if (byName) return byName;
    // A graph selection shows that node's tensor; otherwise the last named one.
    const byNode = ctx.state.selectedNode !== null ? all.find((r) => r.nodeId === ctx.state.selectedNode) : undefined;
    const records = all.filter((r) => !r.key.startsWith('node:'));
    return byNode ?? [...records].reverse().find((r) => r.assignedName) ?? records[records.length - 1];
  }

  render(ctx: ViewContext): void {
    this.ctx = ctx;
    const { all, listed } = this.entries(ctx);
    const rec = this.chosen(ctx, all);
    this.grid.setRows(
      listed.map((r) => ({
        key: r.key, name: r.name, line: r.line, shape: shapeText(r.value.shape),
        dtype: r.value.dtype, grad: r.value.gradFn ?? (r.key.startsWith('node:') ? 'parameter' : r.value.requiresGrad ? 'leaf · grad' : ''),
      })),
      rec ? rec.key : null,
    );
    emptyNote(this.el, rec ? null : 'No tensors in this run yet.');
    const step = chosenStep(ctx);
    const shown = rec ? this.snapshotOf(rec, step) : null;
    this.endButton.hidden = !step;
    this.stepNote.textContent = !step ? ''
      : shown?.step ? `The Training slider is at step ${step.step}: this parameter is shown as it was then.`
      : rec && this.isParam(rec)
        ? step.snapshot ? `The Training slider is at step ${step.step}, but the optimizer does not update this tensor: this is its last value.` : stepCaption(step, 'Parameter values')
      : `The Training slider is at step ${step.step}, but only parameters are recorded per step: this is the last value of the run.`;
    this.stepNote.parentElement!.hidden = !step;
    const mode = shown ? 'step' : 'value';
    if (mode !== this.mode) d3.select(this.svgEl).selectAll('*').remove();
    this.mode = mode;
    if (!rec) {
      d3.select(this.svgEl).selectAll('*').remove();
      this.pickers.replaceChildren();
      this.printed.textContent = '';
      return;
    }
    if (shown) {
      this.pickers.replaceChildren();
      drawAtStep(this.svgEl, rec.name, rec.value.dtype, shown.param, shown.when, shown.caption, ctx.theme);
      this.printed.textContent = shown.step
        ? `print() output is kept for the end of the run only: press "Show end of run" to see ${rec.name} printed.`
        : rec.value.printed;
      return;
    }
    const key = rec.key;
    const v = rec.value;
    const choice = fitSlice(v.shape, this.slices.get(key));
    this.slices.set(key, choice);
    const image = this.imageMode.get(key) ?? looksLikeImage(v.shape);
    this.renderPickers(key, v.shape, choice, image);
    this.draw(rec.name, v, choice, image);
    this.printed.textContent = v.printed;
  }

  /** The snapshot a parameter is drawn from: the chosen step's; or, at the
   *  end of the run, the last step's when the preview holds only part of the
   *  value and that snapshot is the value the run ended with (same stats). */
  private snapshotOf(rec: Shown, step: ReturnType<typeof chosenStep>): { param: ParamSnapshot; when: string; caption: string; step: boolean } | null {
    const find = (s: StepSnapshot | undefined): ParamSnapshot | undefined =>
      rec.nodeId === undefined ? undefined : s?.params.find((p) => p.nodeId === rec.nodeId);
    if (step) {
      const param = find(step.snapshot ?? undefined);
      return param && step.snapshot ? { param, when: `after step ${step.snapshot.step}`, caption: stepCaption(step, 'Values'), step: true } : null;
    }
    const last = this.ctx.trace.snapshots?.at(-1);
    const param = find(last);
    const v = rec.value.stats;
    if (!last || !param?.stats || !v || rec.value.sample.complete) return null;
    const same = (['min', 'max', 'mean', 'std'] as const).every((k) => roundForSample(v[k]) === param.stats![k]);
    if (!same) return null;
    return {
      param, when: `at the end of the run (after step ${last.step})`, step: false,
      caption: `Whole value from the last step's snapshot (the preview keeps ${rec.value.sample.values.length} of ${numel(rec.value.shape)} values).`,
    };
  }

  private isParam(r: Shown): boolean {
    return r.nodeId !== undefined && this.ctx.trace.graph.nodes.find((n) => n.id === r.nodeId)?.kind === 'param';
  }

  private renderPickers(key: string, shape: number[], c: SliceChoice, image: boolean): void {
    const controls: HTMLElement[] = [];
    const d = shape.length;
    const set = (patch: Partial<SliceChoice>): void => {
      this.slices.set(key, { ...c, ...patch });
      this.render(this.ctx);
    };
    if (d >= 3) {
      const axes = shape.map((n, i) => ({ value: String(i), label: `dim ${i} (${n})` }));
      const rows: Dropdown = createDropdown('rows', (x) => set({ rowAxis: Number(x) }));
      rows.setOptions(axes, String(c.rowAxis));
      const cols: Dropdown = createDropdown('cols', (x) => set({ colAxis: Number(x) }));
      cols.setOptions(axes, String(c.colAxis));
      controls.push(rows.element, cols.element);
      shape.forEach((n, i) => {
        if (i === c.rowAxis || i === c.colAxis) return;
        const idx = createDropdown(`dim ${i} =`, (x) => set({ index: c.index.map((old, j) => (j === i ? Number(x) : old)) }));
        idx.setOptions(Array.from({ length: Math.min(n, 256) }, (_, k) => ({ value: String(k), label: String(k) })), String(c.index[i]));
        controls.push(idx.element);
      });
    }
    if (d >= 2 && shape[d - 1] >= 8 && shape[d - 2] >= 8) {
      controls.push(createCheckbox('image', image, (on) => {
        this.imageMode.set(key, on);
        this.render(this.ctx);
      }));
    }
    this.pickers.replaceChildren(...controls);
  }

  private draw(name: string, v: TensorSummary, c: SliceChoice, image: boolean): void {
    const t = this.ctx.theme;
    const svg = d3.select(this.svgEl);
    const part = (cls: string): SVGGElement => svg.selectAll<SVGGElement, number>(`g.${cls}`).data([0]).join('g').attr('class', cls).node()!;
    const s = v.stats;
    const maxAbs = s ? Math.max(Math.abs(s.min), Math.abs(s.max)) : 1;
    // Header: name, shape, dtype, grad_fn and the flags a learner must not miss.
    const flags = s ? [s.nanCount ? `⚠ ${s.nanCount} NaN` : '', s.infCount ? `⚠ ${s.infCount} Inf` : ''].filter(Boolean) : [];
    const head = [`${name}  ${shapeText(v.shape)}  ${v.dtype}`, v.gradFn ? `grad_fn=<${v.gradFn}>` : v.requiresGrad ? 'leaf, requires_grad=True' : ''].filter(Boolean).join('   ');
    svg.selectAll('text.head').data([head]).join('text').attr('class', 'head').attr('x', 0).attr('y', 16)
      .attr('font-size', 14).attr('font-weight', 600).attr('fill', t.fg).text((d) => d);
    svg.selectAll('text.flags').data([flags.join('  ')]).join('text').attr('class', 'flags').attr('x', 0).attr('y', 34)
      .attr('font-size', 13).attr('font-weight', 700).attr('fill', t.pos).text((d) => d);
    const shapeG = part('shape');
    shapeG.setAttribute('transform', 'translate(0,44)');
    const shapeBox = renderShape(shapeG, v.shape, t);
    const top = 44 + shapeBox.height + 14;
    const values = v.sample.values;
    const m = sliceMatrix(v.shape, values, c);
    const hmG = part('heatmap');
    hmG.setAttribute('transform', `translate(0,${top})`);
    const sliceName = v.shape.length >= 3 ? ` [${v.shape.map((_n, i) => (i === c.rowAxis || i === c.colAxis ? ':' : String(c.index[i]))).join(', ')}]` : '';
    const clip = m.clipped ? ' (first 64×64)' : '';
    const note = v.sample.complete ? '' : ` · first ${values.length} of ${numel(v.shape)} values recorded`;
    const hm = renderHeatmap(hmG, m, { theme: t, maxAbs, image, title: `value${sliceName}${clip}${note}`, maxWidth: 420 });
    // The grad beside the value, on its own scale (grads are often much smaller).
    const gradG = part('grad');
    const g = v.grad;
    d3.select(gradG).selectAll('*').remove();
    let right = hm.width;
    if (g) {
      gradG.setAttribute('transform', `translate(${hm.width + 40},${top})`);
      const gs = g.stats;
      const gm = sliceMatrix(g.shape, g.sample.values, c);
      const gh = renderHeatmap(gradG, gm, { theme: t, maxAbs: gs ? Math.max(Math.abs(gs.min), Math.abs(gs.max)) : 1, image: false, title: '.grad', maxWidth: 420 });
      right += 40 + gh.width;
    }
    const histG = part('hist');
    const hy = top + hm.height + 16;
    histG.setAttribute('transform', `translate(0,${hy})`);
    renderHistogram(histG, autoHistogram(values), { theme: t, width: 260, height: 110, title: `histogram (${values.length} values)` });
    const statLines = s
      ? [`min ${fmt(s.min)}   max ${fmt(s.max)}`, `mean ${fmt(s.mean)}   std ${fmt(s.std)}`, `numel ${numel(v.shape)}   NaN ${s.nanCount}   Inf ${s.infCount}`]
      : ['no statistics (empty or non-float tensor)'];
    svg.selectAll('g.stats').data([0]).join('g').attr('class', 'stats').attr('transform', `translate(290,${hy + 30})`)
      .selectAll('text').data(statLines).join('text').attr('y', (_d, i) => i * 18).attr('font-size', 12)
      .attr('font-family', t.mono).attr('fill', t.fg).text((d) => d);
    const width = Math.max(right, 560, shapeBox.width) + 10;
    const height = hy + 120;
    svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
  }
}
