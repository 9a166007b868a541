// Layered layout of the visible graph with elkjs (left to right, the order in
// which a learner reads a formula). Pure apart from ELK's own async worker-less
// run; the same input gives the same coordinates.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { ElkNode } from 'elkjs/lib/elk-api';
import { fmt, textWidth } from '../../format';
import type { VisibleGraph, VisibleNode } from './model';

export interface NodeBox { id: string; x: number; y: number; width: number; height: number }
export interface EdgePath { id: string; points: { x: number; y: number }[] }
export interface GraphLayout { nodes: Map<string, NodeBox>; edges: EdgePath[]; width: number; height: number }

export const NODE_HEIGHT = 58;

export function nodeWidth(n: VisibleNode): number {
  const vals = n.rep.value?.sample.values.slice(0, 3) ?? [];
  // Small values are printed in the node; leave room for them.
  const preview = vals.length && vals.length <= 2 ? textWidth(vals.map(fmt).join(', '), 11) : 0;
  const texts = [textWidth(n.label, 13) + (n.kind === 'group' ? 16 : 0), textWidth(n.detail + ' · grad', 11), n.sub ? textWidth(`= ${n.sub}`, 11) : 0, preview, 64];
  return Math.max(...texts) + 24;
}

let elk: InstanceType<typeof ELK> | null = null;
let last: { key: string; layout: GraphLayout } | null = null;

function structureKey(g: VisibleGraph): string {
  return JSON.stringify([g.nodes.map((n) => [n.id, nodeWidth(n)]), g.edges.map((e) => e.id)]);
}

export async function layoutGraph(g: VisibleGraph): Promise<GraphLayout> {
  const key = structureKey(g);
  // Live updates usually change values, not structure: reuse the last layout.
  if (last && last.key === key) return last.layout;
  elk ??= new ELK();
  const root: ElkNode = {
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.edgeRouting': 'ORTHOGONAL',
      'elk.layered.spacing.nodeNodeBetweenLayers': '44',
      'elk.spacing.nodeNode': '18',
      'elk.spacing.componentComponent': '36',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
      'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
      'elk.separateConnectedComponents': 'true',
    },
    children: g.nodes.map((n) => ({ id: n.id, width: nodeWidth(n), height: n.kind === 'group' ? NODE_HEIGHT + 14 : NODE_HEIGHT })),
    edges: g.edges.map((e) => ({ id: e.id, sources: [e.from], targets: [e.to] })),
  };
  const out = await elk.layout(root);
  const nodes = new Map<string, NodeBox>();
  for (const c of out.children ?? []) nodes.set(c.id, { id: c.id, x: c.x ?? 0, y: c.y ?? 0, width: c.width ?? 0, height: c.height ?? 0 });
  const edges: EdgePath[] = (out.edges ?? []).map((e) => {
    const s = (e as { sections?: { startPoint: { x: number; y: number }; endPoint: { x: number; y: number }; bendPoints?: { x: number; y: number }[] }[] }).sections?.[0];
    return { id: e.id, points: s ? [s.startPoint, ...(s.bendPoints ?? []), s.endPoint] : [] };
  });
  const layout = { nodes, edges, width: out.width ?? 0, height: out.height ?? 0 };
  last = { key, layout };
  return layout;
}
