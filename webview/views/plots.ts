// The Plots view: the run's matplotlib figures, one SVG chart each (line,
// scatter, bar, hist, imshow), with title, axis labels and legend.
import * as d3 from 'd3';
import type { Figure, FigureSeries } from '../../engine/trace/types';
import type { ViewId } from '../../extension/protocol';
import type { Theme } from '../theme';
import { histogram } from './tensor/slice';
import { type View, type ViewContext, emptyNote, ensureSvg } from './view';

const FW = 420;
const FH = 300;
const M = { l: 48, r: 12, t: 28, b: 40 };
// matplotlib's default colour cycle, so figures look as they would in Python.
const CYCLE = ['#1f77b4', '#ff7f0e', '#2ca02c', '#d62728', '#9467bd', '#8c564b', '#e377c2', '#7f7f7f', '#bcbd22', '#17becf'];

function extent(fig: Figure): { x: [number, number]; y: [number, number]; bands: string[] } {
  const xs: number[] = [];
  const ys: number[] = [0];
  const bands: string[] = [];
  for (const s of fig.series) {
    switch (s.kind) {
      case 'line': case 'scatter': xs.push(...s.x); ys.push(...s.y); break;
      case 'bar': s.x.forEach((v) => bands.push(String(v))); ys.push(...s.height); break;
      case 'hist': { const h = histogram(s.values, s.bins); xs.push(h.lo, h.hi); ys.push(...h.counts); break; }
      case 'image': xs.push(0, s.shape[1] ?? 1); ys.push(0, s.shape[0] ?? 1); break;
    }
  }
  const ext = (v: number[]): [number, number] => (v.length ? [d3.min(v)!, d3.max(v)!] : [0, 1]);
  return { x: ext(xs), y: ext(ys), bands: [...new Set(bands)] };
}

function drawSeries(g: d3.Selection<SVGGElement, unknown, null, undefined>, s: FigureSeries, i: number, x: d3.ScaleLinear<number, number>, y: d3.ScaleLinear<number, number>, band: d3.ScaleBand<string>): void {
  const colour = ('color' in s && s.color) || CYCLE[i % CYCLE.length];
  switch (s.kind) {
    case 'line': {
      const pts = s.x.map((v, k) => [x(v), y(s.y[k])] as [number, number]);
      g.append('path').attr('d', d3.line()(pts) ?? '').attr('fill', 'none').attr('stroke', colour).attr('stroke-width', 1.6);
      break;
    }
    case 'scatter':
      g.selectAll(null).data(s.x).enter().append('circle').attr('cx', (v) => x(v)).attr('cy', (_v, k) => y(s.y[k])).attr('r', 3).attr('fill', colour);
      break;
    case 'bar':
      g.selectAll(null).data(s.height).enter().append('rect').attr('x', (_h, k) => band(String(s.x[k]))!).attr('width', band.bandwidth())
        .attr('y', (h) => y(Math.max(0, h))).attr('height', (h) => Math.abs(y(h) - y(0))).attr('fill', colour);
      break;
    case 'hist': {
      const h = histogram(s.values, s.bins);
      const w = (h.hi - h.lo) / Math.max(1, h.counts.length);
      g.selectAll(null).data(h.counts).enter().append('rect').attr('x', (_c, k) => x(h.lo + k * w)).attr('width', (_c, k) => Math.max(1, x(h.lo + (k + 1) * w) - x(h.lo + k * w) - 1))
        .attr('y', (c) => y(c)).attr('height', (c) => y(0) - y(c)).attr('fill', colour);
      break;
    }
    case 'image': {
      const [rows, cols] = s.shape;
      const lo = d3.min(s.values) ?? 0;
      const hi = d3.max(s.values) ?? 1;
      const interp = s.cmap === 'gray' || s.cmap === 'Greys_r' ? d3.interpolateGreys : d3.interpolateViridis;
      const c = d3.scaleSequential(s.cmap === 'gray' ? (v: number) => interp(1 - v) : interp).domain([lo, hi === lo ? lo + 1 : hi]);
      const cw = x(1) - x(0);
      const ch = Math.abs(y(1) - y(0));
      g.selectAll(null).data(s.values.slice(0, rows * cols)).enter().append('rect')
        .attr('x', (_v, k) => x(k % cols)).attr('y', (_v, k) => y(Math.floor(k / cols)))
        .attr('width', cw + 0.3).attr('height', ch + 0.3).attr('fill', (v) => c(v));
      break;
    }
  }
}

export function renderFigure(g: SVGGElement, fig: Figure, t: Theme): void {
  const root = d3.select(g);
  root.selectAll('*').remove();
  const e = extent(fig);
  const isImage = fig.series.some((s) => s.kind === 'image');
  const x = d3.scaleLinear().domain(e.x).nice().range([M.l, FW - M.r]);
  const y = d3.scaleLinear().domain(e.y).nice().range([FH - M.b, M.t]);
  if (isImage) {
    // As imshow: square pixels, row 0 at the top, y counting downwards.
    const side = Math.min(FW - M.l - M.r, FH - M.t - M.b);
    x.domain(e.x).range([M.l, M.l + side]);
    y.domain([e.y[1], e.y[0]]).range([FH - M.b, FH - M.b - side]);
  }
  const band = d3.scaleBand<string>().domain(e.bands).range([M.l, FW - M.r]).padding(0.2);
  root.append('rect').attr('width', FW).attr('height', FH).attr('fill', t.bg).attr('stroke', t.border);
  const body = root.append('g');
  fig.series.forEach((s, i) => drawSeries(body, s, i, x, y, band));
  const axisColour = (a: d3.Selection<SVGGElement, unknown, null, undefined>): void => {
    a.selectAll('text').attr('fill', t.muted);
    a.selectAll('line,path').attr('stroke', t.muted);
  };
  root.append('g').attr('transform', `translate(0,${FH - M.b})`).call(e.bands.length ? d3.axisBottom(band) : d3.axisBottom(x).ticks(6)).call(axisColour);
  root.append('g').attr('transform', `translate(${M.l},0)`).call(d3.axisLeft(y).ticks(5)).call(axisColour);
  const label = (text: string | undefined, xx: number, yy: number, rot = 0, weight = 400): void => {
    if (text) root.append('text').attr('transform', `translate(${xx},${yy}) rotate(${rot})`).attr('text-anchor', 'middle').attr('font-size', 12).attr('font-weight', weight).attr('fill', t.fg).text(text);
  };
  label(fig.title, FW / 2, 18, 0, 600);
  label(fig.xlabel, FW / 2, FH - 6);
  label(fig.ylabel, 12, FH / 2, -90);
  if (fig.legend) {
    const named = fig.series.map((s, i) => ({ s, i })).filter((d) => 'label' in d.s && d.s.label);
    const lg = root.append('g').attr('class', 'legend').attr('transform', `translate(${FW - M.r - 110},${M.t + 4})`);
    named.forEach((d, k) => {
      const c = ('color' in d.s && d.s.color) || CYCLE[d.i % CYCLE.length];
      lg.append('rect').attr('x', 0).attr('y', k * 16).attr('width', 12).attr('height', 10).attr('fill', c);
      lg.append('text').attr('x', 16).attr('y', k * 16 + 9).attr('font-size', 11).attr('fill', t.fg).text(('label' in d.s && d.s.label) || '');
    });
  }
}

export class PlotsView implements View {
  readonly id: ViewId = 'plots';
  readonly title = 'Plots';
  private el!: HTMLElement;
  private svgEl!: SVGSVGElement;

  mount(container: HTMLElement): void {
    this.el = container;
    this.svgEl = ensureSvg(container, 'tl-plots-svg');
  }

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  render(ctx: ViewContext): void {
    const figs = ctx.trace.figures;
    emptyNote(this.el, figs.length ? null : 'No matplotlib figures in this run (plt.plot, plt.imshow, plt.hist, plt.bar).');
    const per = 2;
    const g = d3.select(this.svgEl).selectAll<SVGGElement, Figure>('g.figure').data(figs, (f) => String(f.id)).join('g').attr('class', 'figure')
      .attr('transform', (_f, i) => `translate(${(i % per) * (FW + 16)},${Math.floor(i / per) * (FH + 16)})`);
    g.each(function (f) {
      renderFigure(this, f, ctx.theme);
    });
    const w = Math.min(figs.length, per) * (FW + 16);
    const h = Math.ceil(figs.length / per) * (FH + 16);
    d3.select(this.svgEl).attr('width', w).attr('height', h).attr('viewBox', `0 0 ${w} ${h}`);
  }
}
