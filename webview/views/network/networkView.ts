// The Network view: units as circles (fill = activation of the first sample),
// weights as edges (colour = sign, width = magnitude), big layers binned by
// the rule in model.ts, which the view prints under the picture.
import * as d3 from 'd3';
import type { ViewId } from '../../../extension/protocol';
import { fmt } from '../../format';
import { divergingScale } from '../../theme';
import { createButton } from '../../ui/toolkit';
import { chosenStep, stepCaption } from './steps';
import { attachZoom, type Zoomer } from '../../zoom';
import { type View, type ViewContext, emptyNote, ensure, ensureSvg } from '../view';
import { type Network, type Synapse, type Unit, networkOf } from './model';

export interface NetworkLayout {
  pos: Map<string, { x: number; y: number; r: number }>;
  width: number;
  height: number;
  /** x of each layer's column. */
  columns: number[];
  /** Where the input picture goes (left of the input layer), when there is one. */
  image: { x: number; y: number; size: number } | null;
}

const IMAGE_SIZE = 112;

export function layoutNetwork(net: Network, height = 460): NetworkLayout {
  const colGap = 190;
  // An input picture takes a column of its own, left of the input units.
  const left = net.inputImage ? IMAGE_SIZE + 50 : 0;
  const columns = net.layers.map((_l, k) => left + 70 + k * colGap);
  const pos = new Map<string, { x: number; y: number; r: number }>();
  net.layers.forEach((l, k) => {
    const n = l.units.length;
    const step = Math.min(34, (height - 60) / Math.max(1, n));
    const r = Math.max(4, Math.min(13, step * 0.4));
    const top = 44 + (height - 60 - step * (n - 1)) / 2;
    l.units.forEach((u, i) => pos.set(u.key, { x: columns[k], y: top + i * step, r }));
  });
  const image = net.inputImage ? { x: 10, y: 44 + (height - 60 - IMAGE_SIZE) / 2, size: IMAGE_SIZE } : null;
  return { pos, width: left + 140 + (net.layers.length - 1) * colGap, height, columns, image };
}

/** Largest |weight| and |activation| over the end of the run and every
 *  snapshot: one scale for all steps, so scrubbing shows weights grow or shrink. */
export function networkScales(trace: ViewContext['trace']): { weight: number; activation: number } {
  let weight = 0;
  let activation = 0;
  for (const at of [null, ...(trace.snapshots ?? [])]) {
    const net = networkOf(trace.graph, at);
    for (const s of net?.synapses ?? []) weight = Math.max(weight, Math.abs(s.weight));
    for (const l of net?.layers ?? []) for (const u of l.units) activation = Math.max(activation, Math.abs(u.activation ?? 0));
  }
  return { weight: weight || 1, activation: activation || 1 };
}

export class NetworkView implements View {
  readonly id: ViewId = 'network';
  readonly title = 'Network';
  private el!: HTMLElement;
  private svgEl!: SVGSVGElement;
  private layer!: SVGGElement;
  private zoomer!: Zoomer;
  private ctx!: ViewContext;
  private fitted = false;
  private size = { width: 0, height: 0 };
  private stepLine!: HTMLElement;
  private endButton!: HTMLElement;
  private scales: { trace: ViewContext['trace'] | null; weight: number; activation: number } = { trace: null, weight: 1, activation: 1 };

  mount(container: HTMLElement): void {
    this.el = container;
    const bar = ensure(container, 'div', 'tl-toolbar');
    this.stepLine = ensure(bar, 'span', 'tl-step');
    this.stepLine.style.fontWeight = '600';
    this.endButton = createButton('Show end of run', () => this.ctx.update({ step: null }), 'Stop following the Training slider: show the weights the run ended with');
    bar.append(createButton('Fit', () => this.fit()), this.endButton);
    ensure(container, 'p', 'tl-note');
    this.svgEl = ensureSvg(container, 'tl-canvas');
    this.layer = d3.select(this.svgEl).append('g').attr('class', 'layer').node()!;
    this.zoomer = attachZoom(this.svgEl, this.layer, (t) => this.ctx?.update({ zoom: { ...this.ctx.state.zoom, network: t } }));
  }

  svg(): SVGSVGElement | null {
    return this.svgEl ?? null;
  }

  fit(): void {
    const vp = this.svgEl.getBoundingClientRect();
    this.zoomer.set(this.zoomer.fit(this.size, { width: vp.width || 800, height: vp.height || 500 }));
  }

  /** The first sample of the input layer as the picture it is (an MNIST
   *  digit), greyscale from the background to the text colour of the theme. */
  private renderImage(net: Network, layout: NetworkLayout): void {
    const t = this.ctx.theme;
    const img = net.inputImage;
    const box = layout.image;
    const g = d3.select(this.layer).selectAll('g.input-image').data(img && box ? [0] : []).join('g').attr('class', 'input-image');
    if (!img || !box) return;
    g.attr('transform', `translate(${box.x},${box.y})`);
    const cell = box.size / img.side;
    const grey = d3.interpolateRgb(t.bg, t.fg);
    const px = img.pixels.map((v, i) => ({ i, v }));
    g.selectAll<SVGRectElement, { i: number; v: number }>('rect.px').data(px, (d) => d.i).join('rect').attr('class', 'px')
      .attr('x', (d) => (d.i % img.side) * cell).attr('y', (d) => Math.floor(d.i / img.side) * cell)
      .attr('width', cell + 0.3).attr('height', cell + 0.3).attr('fill', (d) => grey(d.v / 255));
    g.selectAll('rect.frame').data([0]).join('rect').attr('class', 'frame').attr('width', box.size).attr('height', box.size)
      .attr('fill', 'none').attr('stroke', t.muted);
    g.selectAll('text.caption').data([`first sample, ${img.side}×${img.side}`, `values ${fmt(img.lo)} … ${fmt(img.hi)}`]).join('text')
      .attr('class', 'caption').attr('x', box.size / 2).attr('y', (_d, i) => box.size + 16 + i * 14).attr('text-anchor', 'middle')
      .attr('font-size', 11).attr('fill', (_d, i) => (i ? t.muted : t.fg)).text((d) => d);
    // The picture feeds the input units: one arrow into the column.
    g.selectAll('line.feed').data([0]).join('line').attr('class', 'feed')
      .attr('x1', box.size + 6).attr('y1', box.size / 2).attr('x2', layout.columns[0] - box.x - 22).attr('y2', box.size / 2)
      .attr('stroke', t.muted).attr('stroke-width', 1.5).attr('marker-end', null);
  }

  render(ctx: ViewContext): void {
    this.ctx = ctx;
    const t = ctx.theme;
    const chosen = chosenStep(ctx);
    const net = networkOf(ctx.trace.graph, chosen?.snapshot ?? null);
    // Which moment the picture is of: the slider's step (Training view) or the end.
    this.stepLine.textContent = chosen
      ? `${stepCaption(chosen, 'Weights')}, with the activations of that step's forward pass.`
      : ctx.trace.steps.length ? `Weights at the end of the run (after step ${ctx.trace.steps[ctx.trace.steps.length - 1].step}); the Training view's slider picks another step.` : 'Weights at the end of the run.';
    this.endButton.hidden = !chosen;
    emptyNote(this.el, net ? null : 'No linear layers yet: the Network view draws torch.mm / nn.Linear layers as neurons.');
    const note = this.el.querySelector('p.tl-note')!;
    if (!net) {
      d3.select(this.layer).selectAll('*').remove();
      note.textContent = '';
      return;
    }
    note.textContent = `${net.rule} Fill = activation of the first sample in the batch; edge colour = sign of the weight (red +, blue −), width = |weight|, on one scale for every step.` +
      (net.inputImage ? ' Left: that first sample as a picture, flattened row by row into the input layer.' : '') +
      (net.before.length ? ` The input layer is computed from the program's input by ${net.before.join(' → ')}, not drawn here (see the Graph view).` : '') +
      (net.partial ? ' Only part of some weight matrices was recorded; missing blocks have no edge.' : '');
    const layout = layoutNetwork(net);
    this.size = { width: layout.width, height: layout.height };
    const root = d3.select(this.layer);
    if (this.scales.trace !== ctx.trace) this.scales = { trace: ctx.trace, ...networkScales(ctx.trace) };
    const maxW = this.scales.weight;
    // Hundreds of thin lines: crisp-free rendering keeps pan/zoom frames short.
    const edgeG = root.selectAll('g.synapses').data([0]).join('g').attr('class', 'synapses').attr('shape-rendering', 'optimizeSpeed');
    const p = (key: string): { x: number; y: number; r: number } => layout.pos.get(key)!;
    edgeG.selectAll<SVGLineElement, Synapse>('line').data(net.synapses, (s) => s.key).join('line')
      .attr('x1', (s) => p(`${s.layer}:${s.from}`).x).attr('y1', (s) => p(`${s.layer}:${s.from}`).y)
      .attr('x2', (s) => p(`${s.layer + 1}:${s.to}`).x).attr('y2', (s) => p(`${s.layer + 1}:${s.to}`).y)
      .attr('stroke', (s) => (s.weight < 0 ? t.neg : t.pos))
      .attr('stroke-width', (s) => 0.3 + 3.2 * (Math.abs(s.weight) / maxW))
      .attr('stroke-opacity', (s) => 0.15 + 0.75 * (Math.abs(s.weight) / maxW))
      .selectAll('title').data((s) => [s]).join('title').text((s) => `weight ${fmt(s.weight)}`);
    const unitG = root.selectAll('g.units').data([0]).join('g').attr('class', 'units');
    const units = net.layers.flatMap((l) => l.units.map((u) => ({ u, l })));
    const actMax = this.scales.activation;
    const scale = divergingScale(t, actMax);
    unitG.selectAll<SVGCircleElement, { u: Unit; l: (typeof net.layers)[number] }>('circle').data(units, (d) => d.u.key).join('circle')
      .attr('cx', (d) => p(d.u.key).x).attr('cy', (d) => p(d.u.key).y).attr('r', (d) => p(d.u.key).r)
      .attr('fill', (d) => (d.u.activation === null ? t.bg : scale(d.u.activation)))
      .attr('stroke', t.fg).attr('stroke-width', (d) => (d.l.groupSize > 1 ? 2 : 1))
      .attr('stroke-dasharray', (d) => (d.u.activation === null ? '2,2' : null))
      .selectAll('title').data((d) => [d]).join('title')
      .text((d) => `${d.l.groupSize > 1 ? `units ${d.u.from}–${d.u.to - 1}` : `unit ${d.u.from}`}: activation ${d.u.activation === null ? 'not recorded' : fmt(d.u.activation)}`);
    // Two short lines per layer so neighbouring labels never collide.
    const labels = root.selectAll<SVGTextElement, (typeof net.layers)[number]>('text.layer').data(net.layers, (l) => `${l.role}:${l.name}`).join('text')
      .attr('class', 'layer').attr('x', (_l, k) => layout.columns[k]).attr('y', 4).attr('text-anchor', 'middle')
      .attr('font-size', 12).attr('fill', t.fg);
    labels.selectAll('tspan').data((l) => [
      { text: `${l.role}: ${l.size} units`, bold: true },
      { text: l.groupSize > 1 ? `${l.name} · ${l.units.length} groups` : l.name, bold: false },
    ]).join('tspan').attr('x', function () { return (this as SVGTSpanElement).parentElement!.getAttribute('x'); }).attr('dy', (_d, i) => (i ? 14 : 0))
      .attr('font-weight', (d) => (d.bold ? 600 : 400)).attr('fill', (d) => (d.bold ? t.fg : t.muted)).text((d) => d.text);
    this.renderImage(net, layout);
    if (!this.fitted) {
      const z = ctx.state.zoom.network;
      if (z) this.zoomer.set(z);
      else this.fit();
      this.fitted = true;
    }
  }
}
