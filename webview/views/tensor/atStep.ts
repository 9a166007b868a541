// A parameter as it was after one training step (the Training view's slider):
// the trace keeps, for a few steps, every parameter's block means (the
// Network view's binning rule), stats and histogram, not its full value. So
// the picture says plainly that it is block means when blocks hold more than
// one value, and whose step it shows.
import * as d3 from 'd3';
import { blockValue } from '../../../engine/trace/blocks';
import type { ParamSnapshot } from '../../../engine/trace/types';
import { fmt, numel, shapeText } from '../../format';
import type { Theme } from '../../theme';
import { renderHeatmap } from './heatmap';
import { renderHistogram } from './histogram';
import { renderShape } from './shape';
import type { Matrix } from './slice';

/** The snapshot's block means as a heatmap matrix (a 1-D parameter is one row). */
export function blockMatrix(p: ParamSnapshot): Matrix {
  const b = p.blocks;
  const rows = b.shape.length === 2 ? b.shape[0] : 1;
  const cols = b.shape[b.shape.length - 1];
  return { rows, cols, cells: b.values.map((_v, i) => blockValue(b, i)), clipped: false };
}

/** "block means after step 5: 19×20 blocks of up to 7×40 values", or
 *  "value after step 5" when nothing is binned. `when`: "after step 5". */
export function blockTitle(p: ParamSnapshot, when: string): string {
  const g = p.blocks.groupSize;
  if (g.every((x) => x === 1)) return `value ${when}`;
  const blocks = p.blocks.shape.join('×');
  return `block means ${when}: ${blocks} blocks of up to ${g.join('×')} values`;
}

/** `when`: which moment the snapshot is ("after step 592"); `caption` says
 *  which step was asked for. */
export function drawAtStep(svgEl: SVGSVGElement, name: string, dtype: string, p: ParamSnapshot, when: string, caption: string, t: Theme): void {
  const svg = d3.select(svgEl);
  svg.selectAll('*').remove();
  const s = p.stats;
  const head = `${name}  ${shapeText(p.shape)}  ${dtype}   parameter`;
  svg.append('text').attr('class', 'head').attr('x', 0).attr('y', 16).attr('font-size', 14).attr('font-weight', 600).attr('fill', t.fg).text(head);
  svg.append('text').attr('class', 'step-caption').attr('x', 0).attr('y', 34).attr('font-size', 13).attr('font-weight', 600)
    .attr('fill', t.accent).text(caption);
  const shapeG = svg.append('g').attr('class', 'shape').attr('transform', 'translate(0,44)').node()!;
  const shapeBox = renderShape(shapeG, p.shape, t);
  const top = 44 + shapeBox.height + 14;
  const hmG = svg.append('g').attr('class', 'heatmap').attr('transform', `translate(0,${top})`).node()!;
  const m = blockMatrix(p);
  // Colours span the largest |cell|: block means of many weights are much
  // smaller than the weights' own range, and on that range they would all look blank.
  const maxAbs = Math.max(1e-30, ...m.cells.map((v) => (v === null ? 0 : Math.abs(v))));
  const hm = renderHeatmap(hmG, m, { theme: t, maxAbs, image: false, title: blockTitle(p, when), maxWidth: 420 });
  const hy = top + hm.height + 16;
  const histG = svg.append('g').attr('class', 'hist').attr('transform', `translate(0,${hy})`).node()!;
  renderHistogram(histG, p.hist, { theme: t, width: 260, height: 110, title: `histogram of all ${numel(p.shape)} values` });
  const statLines = s
    ? [`min ${fmt(s.min)}   max ${fmt(s.max)}`, `mean ${fmt(s.mean)}   std ${fmt(s.std)}`, `numel ${numel(p.shape)}   NaN ${s.nanCount}   Inf ${s.infCount}`]
    : ['no statistics (empty tensor)'];
  svg.append('g').attr('class', 'stats').attr('transform', `translate(290,${hy + 30})`)
    .selectAll('text').data(statLines).join('text').attr('y', (_d, i) => i * 18).attr('font-size', 12)
    .attr('font-family', t.mono).attr('fill', t.fg).text((d) => d);
  // Text widths estimated (bold 13-14px): the caption must not be cut off.
  const width = Math.max(hm.width, 560, shapeBox.width, head.length * 8, caption.length * 7.4) + 10;
  const height = hy + 120;
  svg.attr('width', width).attr('height', height).attr('viewBox', `0 0 ${width} ${height}`);
}
