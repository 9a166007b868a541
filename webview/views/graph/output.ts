// The node a graph leads to: what a reader looks for first (the loss of a
// training step, the seed's last sigmoid). A graph too big to show whole at a
// readable scale is shown around it. Pure: no DOM.
import type { GraphLayout } from './layout';
import type { VisibleGraph } from './model';

/** The node the last backward() started from (the loss), else the newest
 *  node that feeds nothing; its centre in layout coordinates. */
export function outputNode(g: VisibleGraph, layout: GraphLayout, backwardRoot?: number): { id: string; x: number; y: number } | undefined {
  const feeds = new Set(g.edges.map((e) => e.from));
  let best = backwardRoot === undefined ? undefined : g.nodes.find((n) => n.nodeIds.includes(backwardRoot));
  if (!best) for (const n of g.nodes) if (!feeds.has(n.id) && (!best || n.rep.id > best.rep.id)) best = n;
  const b = best && layout.nodes.get(best.id);
  return b ? { id: b.id, x: b.x + b.width / 2, y: b.y + b.height / 2 } : undefined;
}
