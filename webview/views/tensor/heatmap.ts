// A value heatmap with a diverging scale centred on zero and its legend;
// numbers inside cells when the cells are big enough to hold them. Image mode
// draws grey levels from min (black) to max (white), as plt.imshow(cmap='gray').
import * as d3 from 'd3';
import { fmtShort } from '../../format';
import { type Theme, divergingScale, textOn } from '../../theme';
import type { Matrix } from './slice';

export interface HeatmapOptions {
  theme: Theme;
  /** Largest |value| of the colour domain (shared by value and grad when useful). */
  maxAbs: number;
  image: boolean;
  title: string;
  maxWidth: number;
}

interface Cell { i: number; r: number; c: number; v: number | null }

export function renderHeatmap(g: SVGGElement, m: Matrix, o: HeatmapOptions): { width: number; height: number; domain: number[] } {
  const t = o.theme;
  const size = Math.max(4, Math.min(44, Math.floor(o.maxWidth / Math.max(1, m.cols)), Math.floor(360 / Math.max(1, m.rows))));
  const top = 20;
  const finite = m.cells.filter((v): v is number => v !== null && Number.isFinite(v));
  const lo = finite.length ? d3.min(finite)! : 0;
  const hi = finite.length ? d3.max(finite)! : 1;
  const diverging = divergingScale(t, o.maxAbs);
  const grey = d3.scaleLinear<string>().domain([lo, hi === lo ? lo + 1 : hi]).range(['#000000', '#ffffff']).clamp(true);
  const colour = (v: number | null): string =>
    v === null ? 'none' : Number.isNaN(v) ? '#ff00ff' : o.image ? grey(v) : diverging(v);
  const cells: Cell[] = m.cells.map((v, i) => ({ i, r: Math.floor(i / m.cols), c: i % m.cols, v }));
  const root = d3.select(g);
  root.selectAll('text.title').data([o.title]).join('text').attr('class', 'title')
    .attr('y', 13).attr('font-size', 12).attr('font-weight', 600).attr('fill', t.fg).text((d) => d);
  const grid = root.selectAll('g.cells').data([0]).join('g').attr('class', 'cells').attr('transform', `translate(0,${top})`);
  grid.selectAll<SVGRectElement, Cell>('rect').data(cells, (d) => d.i).join('rect')
    .attr('x', (d) => d.c * size).attr('y', (d) => d.r * size).attr('width', size).attr('height', size)
    .attr('fill', (d) => colour(d.v))
    .attr('stroke', (d) => (d.v === null ? t.border : size >= 10 ? t.border : 'none'))
    .attr('stroke-width', 0.5).attr('stroke-dasharray', (d) => (d.v === null ? '2,2' : null))
    .selectAll('title').data((d) => [d]).join('title').text((d) => `[${d.r}, ${d.c}] = ${d.v === null ? 'not recorded' : d.v}`);
  // Numbers in cells when they fit (5 characters at 10px).
  const showText = size >= 34 && !o.image;
  grid.selectAll<SVGTextElement, Cell>('text').data(showText ? cells.filter((d) => d.v !== null) : [], (d) => d.i).join('text')
    .attr('x', (d) => d.c * size + size / 2).attr('y', (d) => d.r * size + size / 2 + 3.5).attr('text-anchor', 'middle')
    .attr('font-size', 10).attr('font-family', t.mono).attr('pointer-events', 'none')
    .attr('fill', (d) => textOn(colour(d.v), t)).text((d) => fmtShort(d.v!));
  // Legend: the colour bar with its domain.
  const lw = Math.max(120, Math.min(220, m.cols * size));
  const ly = top + m.rows * size + 10;
  const domain = o.image ? [lo, hi] : [-o.maxAbs, 0, o.maxAbs];
  const stops = d3.range(0, 1.0001, 0.1).map((s) => (o.image ? lo + s * (hi - lo) : -o.maxAbs + s * 2 * o.maxAbs));
  const legend = root.selectAll('g.legend').data([0]).join('g').attr('class', 'legend').attr('transform', `translate(0,${ly})`);
  legend.selectAll('rect.stop').data(stops).join('rect').attr('class', 'stop')
    .attr('x', (_d, i) => (i * lw) / stops.length).attr('width', lw / stops.length + 0.5).attr('height', 8)
    .attr('fill', (v) => (o.image ? grey(v) : diverging(v)));
  legend.selectAll('rect.frame').data([0]).join('rect').attr('class', 'frame').attr('width', lw).attr('height', 8).attr('fill', 'none').attr('stroke', t.border);
  legend.selectAll<SVGTextElement, number>('text').data(domain).join('text')
    .attr('x', (_d, i) => (i * lw) / (domain.length - 1)).attr('y', 20)
    .attr('text-anchor', (_d, i) => (i === 0 ? 'start' : i === domain.length - 1 ? 'end' : 'middle'))
    .attr('font-size', 10).attr('fill', t.muted).text((d) => fmtShort(d));
  g.setAttribute('data-domain', domain.join(','));
  return { width: Math.max(lw, m.cols * size), height: ly + 26, domain };
}
