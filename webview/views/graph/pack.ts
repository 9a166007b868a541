// Arranges the unconnected parts of a laid-out graph (the seed's single neuron
// and its two-layer network are separate parts) to fill the panel: side by
// side, wrapping into rows, when the flow runs down; one under the other,
// wrapping into columns, when it runs right. Of all the wrap widths it keeps
// the one that lets the whole drawing be shown largest. Pure: no DOM.
import type { EdgePath, GraphLayout } from './layout';
import type { VisibleGraph } from './model';

export const GAP = 20;

interface Part { nodes: string[]; edges: string[]; x: number; y: number; width: number; height: number }

/** Weakly connected parts, in the order their first node is drawn. */
function parts(g: VisibleGraph, layout: GraphLayout): Part[] {
  const parent = new Map(g.nodes.map((n) => [n.id, n.id]));
  const find = (x: string): string => {
    while (parent.get(x) !== x) {
      parent.set(x, parent.get(parent.get(x)!)!);
      x = parent.get(x)!;
    }
    return x;
  };
  for (const e of g.edges) parent.set(find(e.from), find(e.to));
  const byRoot = new Map<string, Part>();
  for (const n of g.nodes) {
    const r = find(n.id);
    if (!byRoot.has(r)) byRoot.set(r, { nodes: [], edges: [], x: Infinity, y: Infinity, width: -Infinity, height: -Infinity });
    byRoot.get(r)!.nodes.push(n.id);
  }
  const pathOf = new Map(layout.edges.map((e) => [e.id, e]));
  for (const e of g.edges) byRoot.get(find(e.from))!.edges.push(e.id);
  for (const p of byRoot.values()) {
    let [x0, y0, x1, y1] = [Infinity, Infinity, -Infinity, -Infinity];
    for (const id of p.nodes) {
      const b = layout.nodes.get(id);
      if (!b) continue;
      [x0, y0, x1, y1] = [Math.min(x0, b.x), Math.min(y0, b.y), Math.max(x1, b.x + b.width), Math.max(y1, b.y + b.height)];
    }
    for (const id of p.edges) {
      for (const q of pathOf.get(id)?.points ?? []) [x0, y0, x1, y1] = [Math.min(x0, q.x), Math.min(y0, q.y), Math.max(x1, q.x), Math.max(y1, q.y)];
    }
    Object.assign(p, { x: x0, y: y0, width: x1 - x0, height: y1 - y0 });
  }
  return [...byRoot.values()].filter((p) => Number.isFinite(p.x));
}

/** Offsets of each part when parts go along the main axis up to `limit`, then wrap. */
function wrap(sizes: { along: number; across: number }[], limit: number): { offsets: { along: number; across: number }[]; along: number; across: number } {
  const offsets: { along: number; across: number }[] = [];
  let [pos, line, lineDepth, maxAlong] = [0, 0, 0, 0];
  for (const s of sizes) {
    if (pos > 0 && pos + s.along > limit) {
      line += lineDepth + GAP;
      [pos, lineDepth] = [0, 0];
    }
    offsets.push({ along: pos, across: line });
    pos += s.along + GAP;
    lineDepth = Math.max(lineDepth, s.across);
    maxAlong = Math.max(maxAlong, pos - GAP);
  }
  return { offsets, along: maxAlong, across: line + lineDepth };
}

/** The layout with its parts re-packed to best fit `viewport` (scale capped at `maxScale`). */
export function packParts(g: VisibleGraph, layout: GraphLayout, viewport: { width: number; height: number }, maxScale: number): GraphLayout {
  const ps = parts(g, layout);
  if (ps.length < 2) return layout;
  // Parts go across the flow: side by side when it runs down, stacked when it runs right.
  const down = layout.direction === 'DOWN';
  const sizes = ps.map((p) => (down ? { along: p.width, across: p.height } : { along: p.height, across: p.width }));
  const vAlong = down ? viewport.width : viewport.height;
  const vAcross = down ? viewport.height : viewport.width;
  let best: { score: number; packed: ReturnType<typeof wrap> } | null = null;
  let total = 0;
  for (let i = 0; i < sizes.length; i++) {
    total += sizes[i].along + (i ? GAP : 0);
    const packed = wrap(sizes, Math.max(total, ...sizes.map((s) => s.along)));
    const score = Math.min(maxScale, vAlong / Math.max(1, packed.along), vAcross / Math.max(1, packed.across));
    // Ties go to the fewer wrapped lines (the later limit): the flow stays in one band.
    if (!best || score >= best.score - 1e-9) best = { score, packed };
  }
  const { offsets, along, across } = best!.packed;
  const nodes = new Map(layout.nodes);
  const shift = new Map<string, { dx: number; dy: number }>();
  ps.forEach((p, i) => {
    const o = offsets[i];
    const d = down ? { dx: o.along - p.x, dy: o.across - p.y } : { dx: o.across - p.x, dy: o.along - p.y };
    for (const id of p.nodes) {
      const b = layout.nodes.get(id);
      if (b) nodes.set(id, { ...b, x: b.x + d.dx, y: b.y + d.dy });
    }
    for (const id of p.edges) shift.set(id, d);
  });
  const edges: EdgePath[] = layout.edges.map((e) => {
    const d = shift.get(e.id) ?? { dx: 0, dy: 0 };
    return { id: e.id, points: e.points.map((q) => ({ x: q.x + d.dx, y: q.y + d.dy })) };
  });
  return { ...layout, nodes, edges, width: down ? along : across, height: down ? across : along };
}
