// A small histogram with its x range; used for tensor values and weights.
import * as d3 from 'd3';
import { fmtShort } from '../../format';
import type { Theme } from '../../theme';

export function renderHistogram(
  g: SVGGElement,
  h: { lo: number; hi: number; counts: number[] },
  o: { theme: Theme; width: number; height: number; title: string },
): void {
  const t = o.theme;
  const root = d3.select(g);
  const top = 18;
  const ih = o.height - top - 16;
  const x = d3.scaleLinear().domain([h.lo, h.hi]).range([0, o.width]);
  const y = d3.scaleLinear().domain([0, d3.max(h.counts) || 1]).range([ih, 0]);
  const bw = o.width / Math.max(1, h.counts.length);
  root.selectAll('text.title').data([o.title]).join('text').attr('class', 'title')
    .attr('y', 12).attr('font-size', 12).attr('font-weight', 600).attr('fill', t.fg).text((d) => d);
  root.selectAll<SVGRectElement, number>('rect.bar').data(h.counts).join('rect').attr('class', 'bar')
    .attr('x', (_d, i) => i * bw + 0.5).attr('width', Math.max(1, bw - 1))
    .attr('y', (d) => top + y(d)).attr('height', (d) => ih - y(d))
    .attr('fill', (_d, i) => {
      const mid = h.lo + (i + 0.5) * ((h.hi - h.lo) / h.counts.length);
      return mid < 0 ? t.neg : t.pos;
    }).attr('fill-opacity', 0.75);
  root.selectAll('line.axis').data([0]).join('line').attr('class', 'axis')
    .attr('x1', 0).attr('x2', o.width).attr('y1', top + ih).attr('y2', top + ih).attr('stroke', t.muted);
  const ticks = h.counts.length ? [h.lo, h.lo < 0 && h.hi > 0 ? 0 : NaN, h.hi].filter((v) => !Number.isNaN(v)) : [];
  root.selectAll<SVGTextElement, number>('text.tick').data(ticks).join('text').attr('class', 'tick')
    .attr('x', (d) => x(d)).attr('y', top + ih + 12).attr('font-size', 10).attr('fill', t.muted)
    .attr('text-anchor', (d, i) => (i === 0 ? 'start' : d === h.hi ? 'end' : 'middle')).text((d) => fmtShort(d));
}
