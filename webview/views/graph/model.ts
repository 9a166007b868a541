// From the trace's op graph to the graph the user sees: ops created inside an
// nn.Module or inside a user function (`def activation(x): ...`) fold into one
// node per call, so the seed reads "features, weights -> mul -> sum -> add ->
// activation" instead of a dozen elementwise steps. Pure: no DOM.
import type { Graph, GraphNode } from '../../../engine/trace/types';
import { shapeText } from '../../format';

export interface VisibleNode {
  id: string;
  kind: GraphNode['kind'] | 'group';
  label: string;
  /** Second line: the shape. */
  detail: string;
  /** Third line for groups: what the folded ops compute ("sigmoid"). */
  sub?: string;
  /** Trace nodes this visible node stands for. */
  nodeIds: number[];
  /** The node whose value and shape represent it (a group's output). */
  rep: GraphNode;
  /** For a folded group: its id; for a node inside an unfolded group: that group. */
  groupId?: string;
  groupLabel?: string;
  lines: number[];
}

export interface VisibleEdge {
  id: string;
  from: string;
  to: string;
  /** The trace edge it stands for (the first one, when several merge). */
  traceFrom: number;
  traceTo: number;
}

export interface VisibleGraph {
  nodes: VisibleNode[];
  edges: VisibleEdge[];
  /** Every foldable group, for the "fold all" control. */
  groups: string[];
  truncated: boolean;
}

export interface FunctionSpan {
  name: string;
  /** Lines of the body, 1-based inclusive. */
  start: number;
  end: number;
}

/** `def` blocks of the source by indentation (the trace has no call records). */
export function functionSpans(source: string): FunctionSpan[] {
  const lines = source.split('\n');
  const spans: FunctionSpan[] = [];
  const indentOf = (s: string): number => s.length - s.trimStart().length;
  lines.forEach((text, i) => {
    const m = /^(\s*)def\s+([A-Za-z_]\w*)\s*\(/.exec(text);
    if (!m) return;
    const indent = m[1].length;
    let end = i + 1;
    for (let j = i + 1; j < lines.length; j++) {
      const t = lines[j];
      if (t.trim() === '' || t.trimStart().startsWith('#')) continue;
      if (indentOf(t) <= indent) break;
      end = j + 1;
    }
    spans.push({ name: m[2], start: i + 2, end });
  });
  return spans;
}

const LINEAR = ['linear', 'addmm', 'mm', 'matmul'];
const CONV = ['conv1d', 'conv2d'];
/** Named after the layers of a folded network, in the order they first run. */
const BETWEEN_LAYERS = [
  'relu', 'leaky_relu', 'gelu', 'elu', 'selu', 'celu', 'silu', 'mish', 'softplus', 'hardtanh', 'relu6', 'prelu', 'sigmoid', 'tanh', 'softmax', 'log_softmax',
  'max_pool2d', 'avg_pool2d', 'adaptive_avg_pool2d', 'batch_norm', 'layer_norm', 'embedding', 'dropout',
];

/** Names what a folded chain of ops computes, when it is a textbook function.
 *  `layers` / `convLayers`: how many distinct linear / convolution layers the
 *  ops belong to, when known (a model called three times runs each layer
 *  three times: 3 layers, 3 calls). */
export function recognise(ops: string[], layers?: number, convLayers?: number): string | undefined {
  const has = (...names: string[]): boolean => names.some((n) => ops.includes(n));
  const linear = ops.filter((o) => LINEAR.includes(o)).length;
  const conv = ops.filter((o) => CONV.includes(o)).length;
  if (linear + conv >= 2) {
    const others = [...new Set(ops.filter((o) => BETWEEN_LAYERS.includes(o)))];
    const distinct = (count: number, known?: number) => (known && known > 0 && count % known === 0 ? known : count);
    const nLin = distinct(linear, layers);
    const nConv = distinct(conv, convLayers);
    const calls = linear ? linear / nLin : conv / nConv;
    const kinds = conv ? `${nConv} conv + ${nLin} linear layers` : `${nLin} linear layers`;
    return `${kinds}${others.length ? ` + ${others.join(', ')}` : ''}${calls > 1 ? ` (${calls} calls)` : ''}`;
  }
  if (has('log_softmax') && has('nll_loss')) return 'cross-entropy loss';
  if (has('sigmoid')) return 'sigmoid';
  if (has('softmax', 'log_softmax')) return ops.includes('log_softmax') ? 'log-softmax' : 'softmax';
  if (has('exp') && has('sum') && has('div', 'true_divide')) return 'softmax';
  if (has('exp') && has('div', 'reciprocal', 'rdiv', 'true_divide', 'pow') && has('neg', 'add', 'radd', 'rsub', 'sub')) return 'sigmoid';
  if (has('linear', 'addmm')) return 'linear layer';
  if (has('relu', 'clamp', 'maximum')) return ops.length === 1 ? 'ReLU' : undefined;
  return undefined;
}

function innermostSpan(spans: FunctionSpan[], line: number | undefined): FunctionSpan | undefined {
  if (line === undefined) return undefined;
  let best: FunctionSpan | undefined;
  for (const s of spans) if (line >= s.start && line <= s.end && (!best || s.start >= best.start)) best = s;
  return best;
}

/** The fold key of a node: its outermost module not unfolded, else its function. */
function foldKeys(n: GraphNode, spans: FunctionSpan[]): string[] {
  const keys: string[] = [];
  if (n.module) {
    const parts = n.module.split('.');
    for (let i = 1; i <= parts.length; i++) keys.push(`module:${parts.slice(0, i).join('.')}`);
  }
  const fn = innermostSpan(spans, n.range?.line);
  if (fn) keys.push(`def:${fn.name}`);
  return keys;
}

/** Splits a set of nodes into weakly connected parts (one per call). */
function components(ids: number[], graph: Graph): number[][] {
  const inSet = new Set(ids);
  const parent = new Map(ids.map((i) => [i, i]));
  const find = (x: number): number => {
    while (parent.get(x) !== x) x = parent.get(x)!;
    return x;
  };
  for (const e of graph.edges) {
    if (inSet.has(e.from) && inSet.has(e.to)) parent.set(find(e.from), find(e.to));
  }
  const parts = new Map<number, number[]>();
  for (const i of ids) {
    const r = find(i);
    if (!parts.has(r)) parts.set(r, []);
    parts.get(r)!.push(i);
  }
  return [...parts.values()].map((p) => p.sort((a, b) => a - b)).sort((a, b) => a[0] - b[0]);
}

function keyLabel(key: string): string {
  const [kind, name] = [key.slice(0, key.indexOf(':')), key.slice(key.indexOf(':') + 1)];
  return kind === 'def' ? `${name}()` : name.split('.').pop()!;
}

export function visibleGraph(graph: Graph, source: string, unfolded: readonly string[]): VisibleGraph {
  const spans = functionSpans(source);
  const open = new Set(unfolded);
  const byId = new Map(graph.nodes.map((n) => [n.id, n]));
  // Assign each node to the outermost folded group (key#component).
  const nodeGroup = new Map<number, string>();
  const enclosing = new Map<number, string>();
  const groups: string[] = [];
  const pending = new Map<string, number[]>();
  for (const n of graph.nodes) {
    for (const k of foldKeys(n, spans)) {
      if (!pending.has(k)) pending.set(k, []);
      pending.get(k)!.push(n.id);
    }
  }
  for (const [key, ids] of pending) {
    components(ids, graph).forEach((part, i) => {
      if (part.length < 2) return;
      const gid = `${key}#${i}`;
      groups.push(gid);
      for (const id of part) {
        if (nodeGroup.has(id)) continue;
        if (open.has(gid)) {
          if (!enclosing.has(id)) enclosing.set(id, gid);
        } else nodeGroup.set(id, gid);
      }
    });
  }
  const nodes: VisibleNode[] = [];
  const visibleOf = new Map<number, string>();
  const members = new Map<string, GraphNode[]>();
  for (const n of graph.nodes) {
    const gid = nodeGroup.get(n.id);
    if (gid) {
      if (!members.has(gid)) members.set(gid, []);
      members.get(gid)!.push(n);
      visibleOf.set(n.id, gid);
      continue;
    }
    const id = `n${n.id}`;
    visibleOf.set(n.id, id);
    const eg = enclosing.get(n.id);
    nodes.push({
      id, kind: n.kind, label: n.label, detail: shapeText(n.shape), nodeIds: [n.id], rep: n,
      groupId: eg, groupLabel: eg ? keyLabel(eg.slice(0, eg.lastIndexOf('#'))) : undefined,
      lines: n.range ? [n.range.line] : [],
    });
  }
  for (const [gid, ms] of members) {
    const inside = new Set(ms.map((m) => m.id));
    // The group's output: a member used outside it, else the newest member.
    const leaving = graph.edges.filter((e) => inside.has(e.from) && !inside.has(e.to)).map((e) => e.from);
    const rep = byId.get(leaving.length ? Math.max(...leaving) : Math.max(...inside))!;
    const opNodes = ms.filter((m) => m.kind === 'op');
    const ops = opNodes.map((m) => m.label);
    // Layers told apart by the module that ran them (nn.Linear's path), when every one is known.
    const distinctModules = (names: string[]) => {
      const of = opNodes.filter((m) => names.includes(m.label));
      return of.every((m) => m.module) ? new Set(of.map((m) => m.module)).size : undefined;
    };
    const layers = distinctModules(LINEAR);
    const convLayers = distinctModules(CONV);
    const key = gid.slice(0, gid.lastIndexOf('#'));
    nodes.push({
      id: gid, kind: 'group', label: keyLabel(key), detail: shapeText(rep.shape),
      sub: recognise(ops, layers, convLayers) ?? ops.slice(0, 3).join(' → ') + (ops.length > 3 ? ' …' : ''),
      nodeIds: ms.map((m) => m.id), rep, groupId: gid,
      lines: [...new Set(ms.flatMap((m) => (m.range ? [m.range.line] : [])))],
    });
  }
  const edges: VisibleEdge[] = [];
  const seen = new Set<string>();
  for (const e of graph.edges) {
    const from = visibleOf.get(e.from);
    const to = visibleOf.get(e.to);
    if (!from || !to || from === to) continue;
    const id = `${from}->${to}`;
    if (seen.has(id)) continue;
    seen.add(id);
    edges.push({ id, from, to, traceFrom: e.from, traceTo: e.to });
  }
  nodes.sort((a, b) => Math.min(...a.nodeIds) - Math.min(...b.nodeIds));
  return { nodes, edges, groups, truncated: graph.truncated };
}
