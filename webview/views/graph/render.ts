// Draws a laid-out graph with keyed joins: node boxes (op, shape, value
// preview) and edges. The gradient view passes an overlay that turns edges
// into gradient flow (width = magnitude, colour = sign).
import * as d3 from 'd3';
import type { TensorSummary } from '../../../engine/trace/types';
import { type Theme, divergingScale } from '../../theme';
import type { GraphLayout } from './layout';
import type { VisibleGraph, VisibleNode } from './model';
import { BADGE_FONT, FONT, PAD_X, ROW, ROW_STEP, badgeText, badgeWidth, detailText, previewText, previewTop } from './nodeBox';

export interface EdgeGrad { width: number; color: string; depth: number; title: string }

export interface GraphStyle {
  theme: Theme;
  selected: string | null;
  /** Source lines whose nodes light up (the editor cursor). */
  lines: Set<number>;
  onNode(n: VisibleNode): void;
  onGroupBadge(groupId: string): void;
  /** Gradient overlay, by visible edge id and by visible node id. */
  edgeGrad?: Map<string, EdgeGrad>;
  nodeGrad?: Map<string, { text: string; color: string; depth: number }>;
}

function fillOf(n: VisibleNode, t: Theme): string {
  switch (n.kind) {
    case 'input': return t.nodeInput;
    case 'param': return t.nodeParam;
    case 'op': return t.nodeOp;
    case 'group': return t.nodeGroup;
  }
}

/** Up to 12 cells of the value, coloured like the heatmap; scalars as text. */
function previewCells(v: TensorSummary | undefined): number[] {
  if (!v) return [];
  return v.sample.values.slice(0, 12);
}

export function renderGraph(layer: SVGGElement, g: VisibleGraph, layout: GraphLayout, s: GraphStyle): void {
  const t = s.theme;
  const root = d3.select(layer);
  const defs = root.selectAll('defs').data([0]).join('defs');
  defs.selectAll('marker').data(['arrow']).join('marker')
    .attr('id', 'tl-arrow').attr('viewBox', '0 0 10 10').attr('refX', 9).attr('refY', 5)
    .attr('markerWidth', 7).attr('markerHeight', 7).attr('orient', 'auto-start-reverse')
    .selectAll('path').data([0]).join('path').attr('d', 'M0,0L10,5L0,10z').attr('fill', t.muted);

  const line = d3.line<{ x: number; y: number }>().x((p) => p.x).y((p) => p.y);
  const pathOf = new Map(layout.edges.map((e) => [e.id, e.points]));
  const edges = root.selectAll('g.edges').data([0]).join('g').attr('class', 'edges');
  edges.selectAll<SVGPathElement, (typeof g.edges)[number]>('path.edge')
    .data(g.edges, (e) => e.id)
    .join('path')
    .attr('class', 'edge')
    .attr('data-id', (e) => e.id)
    .attr('fill', 'none')
    .attr('d', (e) => line(pathOf.get(e.id) ?? []) ?? '')
    .attr('stroke', (e) => s.edgeGrad?.get(e.id)?.color ?? t.muted)
    .attr('stroke-width', (e) => s.edgeGrad?.get(e.id)?.width ?? 1.3)
    .attr('stroke-opacity', (e) => (s.edgeGrad && !s.edgeGrad.has(e.id) ? 0.35 : 0.9))
    .attr('marker-end', (e) => (s.edgeGrad?.has(e.id) ? null : 'url(#tl-arrow)'))
    .selectAll('title').data((e) => [e]).join('title')
    .text((e) => s.edgeGrad?.get(e.id)?.title ?? '');

  const nodes = root.selectAll('g.nodes').data([0]).join('g').attr('class', 'nodes');
  const sel = nodes.selectAll<SVGGElement, VisibleNode>('g.node')
    .data(g.nodes, (n) => n.id)
    .join((enter) => {
      const e = enter.append('g').attr('class', 'node').attr('tabindex', 0).attr('role', 'button');
      e.append('rect').attr('class', 'box');
      e.append('text').attr('class', 'label');
      e.append('text').attr('class', 'detail');
      e.append('text').attr('class', 'sub');
      e.append('g').attr('class', 'preview');
      e.append('title');
      return e;
    })
    .attr('data-id', (n) => n.id)
    .attr('data-kind', (n) => n.kind)
    .attr('transform', (n) => {
      const b = layout.nodes.get(n.id);
      return `translate(${b?.x ?? 0},${b?.y ?? 0})`;
    })
    .style('cursor', 'pointer')
    .on('click', (_e, n) => s.onNode(n))
    .on('keydown', (e: KeyboardEvent, n) => {
      if (e.key === 'Enter' || e.key === ' ') s.onNode(n);
    });

  const w = (n: VisibleNode): number => layout.nodes.get(n.id)?.width ?? 80;
  const h = (n: VisibleNode): number => layout.nodes.get(n.id)?.height ?? 50;
  const lit = (n: VisibleNode): boolean => n.lines.some((l) => s.lines.has(l));
  sel.select('rect.box')
    .attr('width', w).attr('height', h).attr('rx', (n) => (n.kind === 'op' ? 6 : n.kind === 'group' ? 10 : 2))
    .attr('fill', (n) => fillOf(n, t))
    .attr('stroke', (n) => (n.id === s.selected ? t.accent : lit(n) ? t.highlight : t.border))
    .attr('stroke-width', (n) => (n.id === s.selected || lit(n) ? 3 : n.kind === 'group' ? 2 : 1));
  sel.select('text.label')
    .attr('x', PAD_X).attr('y', ROW.label).attr('fill', t.fg).attr('font-weight', 600).attr('font-size', FONT.label)
    .attr('font-family', (n) => (n.kind === 'op' ? t.mono : t.font))
    .text((n) => (n.kind === 'group' ? `⊞ ${n.label}` : n.label));
  sel.select('text.detail')
    .attr('x', PAD_X).attr('y', ROW.detail).attr('fill', t.muted).attr('font-size', FONT.detail).attr('font-family', t.mono)
    .text(detailText);
  sel.select('text.sub')
    .attr('x', PAD_X).attr('y', ROW.sub).attr('fill', t.fg).attr('font-size', FONT.small).attr('font-style', 'italic')
    .text((n) => (n.kind === 'group' ? `= ${n.sub ?? ''}` : ''));
  sel.select('title').text((n) => {
    const parts = [`${n.kind === 'group' ? 'folded: ' + n.nodeIds.length + ' ops (click to unfold)' : n.kind} ${n.label} ${n.detail}`];
    if (n.rep.gradFn) parts.push(`grad_fn=<${n.rep.gradFn}>`);
    if (n.lines.length) parts.push(`line ${n.lines.join(', ')}`);
    const g = s.nodeGrad?.get(n.id);
    if (g) parts.push(g.text);
    return parts.join('\n');
  });

  // Value preview (or the gradient, in the gradient view).
  sel.select<SVGGElement>('g.preview').each(function (n) {
    const p = d3.select(this).attr('transform', `translate(${PAD_X},${previewTop(n)})`);
    const grad = s.nodeGrad?.get(n.id);
    // A folded node previews its output (the sigmoid's 0.1595 in the seed).
    const vals = previewCells(n.rep.value);
    const text = grad ? grad.text : previewText(n);
    p.selectAll('text').data(text ? [text] : []).join('text')
      .attr('y', ROW_STEP - 3).attr('font-size', FONT.small).attr('font-family', t.mono).attr('fill', grad ? grad.color : t.fg).text((d) => d);
    const cells = text ? [] : vals;
    const scale = divergingScale(t, n.rep.value?.stats ? Math.max(Math.abs(n.rep.value.stats.min), Math.abs(n.rep.value.stats.max)) : 1);
    const cw = Math.min(10, (w(n) - 2 * PAD_X) / Math.max(1, cells.length));
    p.selectAll('rect').data(cells).join('rect')
      .attr('x', (_d, i) => i * cw).attr('y', 2).attr('width', Math.max(1, cw - 1)).attr('height', 10)
      .attr('fill', (d) => scale(d)).attr('stroke', t.border).attr('stroke-width', 0.5);
  });

  // A badge on nodes of an unfolded group: click to fold it again.
  sel.selectAll<SVGGElement, VisibleNode>('g.badge')
    .data((n) => (n.kind !== 'group' && n.groupId ? [n] : []))
    .join((enter) => {
      const b = enter.append('g').attr('class', 'badge');
      b.append('rect');
      b.append('text');
      return b;
    })
    .attr('transform', (n) => `translate(${w(n) - badgeWidth(n) - 5},4)`)
    .on('click', (e: MouseEvent, n) => {
      e.stopPropagation();
      s.onGroupBadge(n.groupId!);
    })
    .call((b) => {
      b.select('rect').attr('width', badgeWidth).attr('height', 16).attr('rx', 3).attr('fill', t.nodeGroup).attr('stroke', t.border);
      b.select('text').attr('x', 4).attr('y', 12).attr('font-size', BADGE_FONT).attr('fill', t.fg).text(badgeText);
    });
}
