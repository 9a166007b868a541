// The Training view: the loss over optimizer steps, and at the chosen step the
// per-parameter gradient flow (mean and max |grad|, log scale: vanishing grads
// show as short bars) and weight histograms. The slider sets state.step, which
// the Network view (weights and activations of that step), the Tensor view
// (a parameter at that step) and the Gradients view (that step's backward) follow.
import * as d3 from 'd3';
import type { ParamStats, StepRecord } from '../../engine/trace/types';
import type { ViewId } from '../../extension/protocol';
import { fmt } from '../format';
import type { Theme } from '../theme';
import { createSlider } from '../ui/toolkit';
import { stepIndex } from './network/steps';
import { renderHistogram } from './tensor/histogram';
import { type View, type ViewContext, emptyNote, ensure, ensureSvg } from './view';

export { stepIndex };

const W = 640;
const LOSS_H = 200;

function renderLoss(g: SVGGElement, steps: StepRecord[], at: number, t: Theme): void {
  const root = d3.select(g);
  const pts = steps.map((s, i) => ({ i, step: s.step, loss: s.loss })).filter((p): p is { i: number; step: number; loss: number } => p.loss !== null && Number.isFinite(p.loss));
  const x = d3.scaleLinear().domain([steps[0]?.step ?? 0, steps[steps.length - 1]?.step ?? 1]).range([50, W - 10]);
  const y = d3.scaleLinear().domain([0, d3.max(pts, (p) => p.loss) || 1]).nice().range([LOSS_H - 24, 22]);
  root.selectAll('text.title').data([0]).join('text').attr('class', 'title').attr('x', 50).attr('y', 12)
    .attr('font-size', 12).attr('font-weight', 600).attr('fill', t.fg).text('loss per optimizer step');
  root.selectAll<SVGGElement, number>('g.yaxis').data([0]).join('g').attr('class', 'yaxis').attr('transform', 'translate(50,0)')
    .call(d3.axisLeft(y).ticks(5))
    .call((a) => a.selectAll('text').attr('fill', t.muted)).call((a) => a.selectAll('line,path').attr('stroke', t.muted));
  root.selectAll<SVGGElement, number>('g.xaxis').data([0]).join('g').attr('class', 'xaxis').attr('transform', `translate(0,${LOSS_H - 24})`)
    .call(d3.axisBottom(x).ticks(8).tickFormat(d3.format('d')))
    .call((a) => a.selectAll('text').attr('fill', t.muted)).call((a) => a.selectAll('line,path').attr('stroke', t.muted));
  const line = d3.line<(typeof pts)[number]>().x((p) => x(p.step)).y((p) => y(p.loss));
  root.selectAll('path.loss').data([pts]).join('path').attr('class', 'loss').attr('fill', 'none')
    .attr('stroke', t.accent).attr('stroke-width', 1.5).attr('d', (d) => line(d) ?? '');
  const cur = steps[at];
  const mark = root.selectAll('g.marker').data(cur ? [cur] : []).join((e) => {
    const m = e.append('g').attr('class', 'marker');
    m.append('line');
    m.append('circle');
    m.append('text');
    return m;
  });
  mark.attr('transform', (s) => `translate(${x(s.step)},0)`);
  mark.select('line').attr('y1', 22).attr('y2', LOSS_H - 24).attr('stroke', t.highlight).attr('stroke-width', 1.5);
  mark.select('circle').attr('r', 4).attr('cy', (s) => (s.loss === null ? -10 : y(s.loss))).attr('fill', t.highlight);
  const label = mark.select<SVGTextElement>('text').attr('y', 20).attr('font-size', 11).attr('fill', t.fg)
    .text((s) => `step ${s.step}: loss ${s.loss === null ? '—' : fmt(s.loss)}`);
  // Right of the marker, unless that runs past the chart's right edge: then left of it.
  label.each(function (s) {
    const width = typeof this.getComputedTextLength === 'function' ? this.getComputedTextLength() : this.textContent!.length * 6.5;
    const flip = x(s.step) + 4 + width > W - 2;
    d3.select(this).attr('x', flip ? -4 : 4).attr('text-anchor', flip ? 'end' : 'start');
  });
}

/** Mean |grad|; older traces kept only the signed mean, the best they offer. */
function meanAbs(p: ParamStats): number {
  return p.gradMeanAbs ?? Math.abs(p.gradMean);
}

function renderGradFlow(g: SVGGElement, params: ParamStats[], t: Theme): void {
  const root = d3.select(g);
  const h = 170;
  const vals = params.flatMap((p) => [meanAbs(p), p.gradMaxAbs]).filter((v) => v > 0 && Number.isFinite(v));
  const y = d3.scaleLog().domain([d3.min(vals) ?? 1e-6, d3.max(vals) ?? 1]).nice().range([h - 40, 20]).clamp(true);
  const x = d3.scaleBand<string>().domain(params.map((p) => p.name)).range([50, W - 10]).padding(0.25);
  root.selectAll('text.title').data([0]).join('text').attr('class', 'title').attr('x', 50).attr('y', 12)
    .attr('font-size', 12).attr('font-weight', 600).attr('fill', t.fg).text('gradient flow: mean |grad| (solid) and max |grad| (outline), log scale');
  root.selectAll<SVGGElement, number>('g.yaxis').data([0]).join('g').attr('class', 'yaxis').attr('transform', 'translate(50,0)')
    .call(d3.axisLeft(y).tickValues(y.ticks().filter((v) => Math.abs(Math.log10(v) - Math.round(Math.log10(v))) < 1e-9)).tickFormat(d3.format('.0e')))
    .call((a) => a.selectAll('text').attr('fill', t.muted)).call((a) => a.selectAll('line,path').attr('stroke', t.muted));
  const bw = x.bandwidth();
  const bar = (v: number): number => (v > 0 ? y(v) : h - 40);
  root.selectAll<SVGRectElement, ParamStats>('rect.max').data(params, (p) => p.name).join('rect').attr('class', 'max')
    .attr('x', (p) => x(p.name)!).attr('width', bw).attr('y', (p) => bar(p.gradMaxAbs)).attr('height', (p) => h - 40 - bar(p.gradMaxAbs))
    .attr('fill', 'none').attr('stroke', t.accent);
  root.selectAll<SVGRectElement, ParamStats>('rect.mean').data(params, (p) => p.name).join('rect').attr('class', 'mean')
    .attr('x', (p) => x(p.name)! + bw * 0.2).attr('width', bw * 0.6).attr('y', (p) => bar(meanAbs(p)))
    .attr('height', (p) => h - 40 - bar(meanAbs(p))).attr('fill', t.accent).attr('fill-opacity', 0.8);
  root.selectAll<SVGTextElement, ParamStats>('text.name').data(params, (p) => p.name).join('text').attr('class', 'name')
    .attr('x', (p) => x(p.name)! + bw / 2).attr('y', h - 26).attr('text-anchor', 'middle').attr('font-size', 10)
    .attr('fill', t.fg).text((p) => p.name);
}

export class TrainingView implements View {
  readonly id: ViewId = 'training';
  readonly title = 'Training';
  private el!: HTMLElement;
  private svgEl!: SVGSVGElement;
  private slider!: ReturnType<typeof createSlider>;
  private caption!: HTMLElement;
  private ctx!: ViewContext;

  mount(container: HTMLElement): void {
    this.el = container;
    this.slider = createSlider('training step', (i) => this.ctx.update({ step: i }));
    const bar = ensure(container, 'div', 'tl-toolbar');
    bar.append(this.slider.element);
    this.caption = ensure(bar, 'span', 'tl-step');
    this.caption.style.fontWeight = '600';
    this.svgEl = ensureSvg(container, 'tl-training-svg');
  }

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  render(ctx: ViewContext): void {
    this.ctx = ctx;
    const steps = ctx.trace.steps;
    emptyNote(this.el, steps.length ? null : 'No optimizer.step() in this run: a training loop fills this view.');
    this.slider.element.hidden = !steps.length;
    this.caption.hidden = !steps.length;
    const svg = d3.select(this.svgEl);
    if (!steps.length) {
      svg.selectAll('*').remove();
      return;
    }
    const at = stepIndex(ctx);
    this.slider.set(steps.length - 1, at);
    const last = steps[steps.length - 1].step;
    this.caption.textContent = ctx.state.step === null
      ? `End of the run (step ${last}). Drag to pick a step: the Network view, the Tensor view's parameters and the Gradients view follow.`
      : `Step ${steps[at].step} of ${last}: the Network view, the Tensor view's parameters and the Gradients view show this step.`;
    const t = ctx.theme;
    const part = (cls: string, y: number): SVGGElement =>
      svg.selectAll<SVGGElement, number>(`g.${cls}`).data([0]).join('g').attr('class', cls).attr('transform', `translate(0,${y})`).node()!;
    renderLoss(part('loss', 0), steps, at, t);
    const params = steps[at].params;
    renderGradFlow(part('gradflow', LOSS_H + 10), params, t);
    const histTop = LOSS_H + 190;
    const hg = svg.selectAll('g.hists').data([0]).join('g').attr('class', 'hists').attr('transform', `translate(0,${histTop})`);
    hg.selectAll('text.title').data([0]).join('text').attr('class', 'title').attr('x', 0).attr('y', 12).attr('font-size', 12)
      .attr('font-weight', 600).attr('fill', t.fg).text(`weight histograms at step ${steps[at].step}`);
    const per = 4;
    const cells = hg.selectAll<SVGGElement, ParamStats>('g.hist').data(params, (p) => p.name).join('g').attr('class', 'hist')
      .attr('transform', (_p, i) => `translate(${(i % per) * 160},${22 + Math.floor(i / per) * 110})`);
    cells.each(function (p) {
      renderHistogram(this, p.hist, { theme: t, width: 140, height: 96, title: `${p.name} ${JSON.stringify(p.shape)}` });
    });
    const height = histTop + 22 + Math.ceil(params.length / per) * 110 + 10;
    svg.attr('width', W).attr('height', height).attr('viewBox', `0 0 ${W} ${height}`)
      // A panel beside the editor is narrower than W: scale down rather than cut off the last steps.
      .style('max-width', '100%').style('height', 'auto');
  }
}
