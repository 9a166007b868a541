// Layered layout of the visible graph with elkjs. Inputs come first and the
// output last, like a formula read left to right; in a panel taller than wide
// (VS Code's side-by-side panel) the layers run top to bottom instead, so the
// drawing has the panel's shape and fits without shrinking its labels away.
// Pure apart from ELK's own async worker-less run; the same input gives the
// same coordinates.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { FONT, PAD_X, nodeHeight, nodeWidth } from './nodeBox';
import { textWidth } from '../../format';
import type { VisibleGraph } from './model';

export interface NodeBox { id: string; x: number; y: number; width: number; height: number }
export interface EdgePath { id: string; points: { x: number; y: number }[] }
export type Direction = 'DOWN' | 'RIGHT';
export interface GraphLayout { nodes: Map<string, NodeBox>; edges: EdgePath[]; width: number; height: number; direction: Direction }

export interface LayoutOptions {
  direction: Direction;
  /** Text some nodes show instead of their value (the Gradients view's ∇ lines). */
  previews?: Map<string, string>;
}

/** Top to bottom when the panel is taller than wide, else left to right. */
export function directionFor(viewport: { width: number; height: number }): Direction {
  return viewport.height > viewport.width ? 'DOWN' : 'RIGHT';
}

let elk: InstanceType<typeof ELK> | null = null;
/** Recent layouts by input: live updates change values, not structure, and
 *  the view may try both directions (graph and gradients views share this). */
const recent = new Map<string, GraphLayout>();
const RECENT = 6;

function sizeOf(g: VisibleGraph, o: LayoutOptions): { id: string; width: number; height: number }[] {
  return g.nodes.map((n) => {
    const p = o.previews?.get(n.id);
    return { id: n.id, width: Math.max(nodeWidth(n), p ? textWidth(p, FONT.small) + 2 * PAD_X : 0), height: nodeHeight(n) };
  });
}

export async function layoutGraph(g: VisibleGraph, o: LayoutOptions): Promise<GraphLayout> {
  const sizes = sizeOf(g, o);
  // Unconnected parts are arranged for the panel afterwards (pack.ts), so a
  // resize that keeps the direction reuses this layout.
  const key = JSON.stringify([o.direction, sizes, g.edges.map((e) => e.id)]);
  const cached = recent.get(key);
  if (cached) return cached;
  elk ??= new ELK();
  const down = o.direction === 'DOWN';
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': o.direction,
      'elk.edgeRouting': 'ORTHOGONAL',
      // Layers are stacked along the flow: keep the gaps between them short
      // enough for arrows to read, shorter still when layers are rows.
      'elk.layered.spacing.nodeNodeBetweenLayers': down ? '26' : '36',
      'elk.layered.spacing.edgeNodeBetweenLayers': '12',
      'elk.spacing.nodeNode': down ? '12' : '16',
      'elk.spacing.componentComponent': '28',
      'elk.padding': '[top=0,left=0,bottom=0,right=0]',
      'elk.layered.nodePlacement.strategy': 'LINEAR_SEGMENTS',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children: sizes,
    edges: g.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const out = await elk.layout(root);
  const nodes = new Map<string, NodeBox>();
  for (const c of out.children ?? []) nodes.set(c.id, { id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const edges: EdgePath[] = (out.edges ?? []).map((e) => {
    const s = (e as { sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[] }).sections?.[0];
    return { id: e.id, points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [] };
  });
  const layout: GraphLayout = { nodes, edges, width: out.width ?? 0, height: out.height ?? 0, direction: o.direction };
  recent.set(key, layout);
  if (recent.size > RECENT) recent.delete(recent.keys().next().value!);
  return layout;
}
