// The op graph. A node is keyed by WHERE the op ran — the active call
// expressions plus the statement — the op's name and its ordinal among ops of
// that name there since the loop iteration began; never by the tensor. So a
// training loop or a repeated forward maps onto the same nodes instead of
// growing the graph every iteration. Inputs that no recorded op produced
// become leaf nodes ('param' or 'input') labelled with their name. A node's
// range is the innermost expression that evaluated to its output (refined
// through onExpr), the statement until then.
import type { Graph, GraphEdge, GraphNode, SourceRange } from './types';
import type { ExecLocation, TracedTensor } from './traced-tensor';

export interface LeafName {
  label: string;
  kind: 'param' | 'input';
  module?: string;
  range?: SourceRange;
}

function rangeKey(r: SourceRange | null | undefined): string {
  return r ? `${r.from}:${r.to}` : '?';
}

export class GraphRecorder {
  readonly nodes: GraphNode[] = [];
  readonly edges: GraphEdge[] = [];
  truncated = false;
  private readonly byKey = new Map<string, number>();
  private readonly edgeKeys = new Set<string>();
  /** Which node produced a tensor most recently. */
  private readonly producer = new WeakMap<object, number>();
  /** Ops of one name seen at one site since the current loop iteration began. */
  private ordinals = new Map<string, number>();
  /** Nodes whose range is still the statement's (no expression reported yet). */
  private readonly provisional = new Set<number>();
  /** The newest tensor each node stands for (previewed when the trace ends). */
  readonly lastValue = new Map<number, TracedTensor>();

  constructor(
    private readonly maxNodes: number,
    private readonly maxEdges: number,
    private readonly leafName: (t: TracedTensor) => LeafName | null,
  ) {}

  nodeOf(t: TracedTensor): number | undefined {
    return this.producer.get(t);
  }

  onOp(opName: string, inputs: readonly TracedTensor[], output: TracedTensor, loc: ExecLocation): void {
    // Factories (randn, zeros, tensor) have no inputs: their results enter the
    // graph as leaves, named, when something uses them.
    if (inputs.length === 0) return;
    const site = loc.stack.map(rangeKey).join('/') + '|' + rangeKey(loc.range);
    const inputIds: number[] = [];
    for (let i = 0; i < inputs.length; i++) {
      const id = this.inputNode(inputs[i], site, i, loc);
      if (id === undefined) return;
      inputIds.push(id);
    }
    const base = `op|${site}|${opName}`;
    const ordinal = this.ordinals.get(base) ?? 0;
    this.ordinals.set(base, ordinal + 1);
    const key = `${base}#${ordinal}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.addNode(key, {
        kind: 'op',
        label: opName,
        gradFn: output.gradFn?.name,
        shape: [...output.shape],
        dtype: output.dtype,
        range: loc.range ?? undefined,
        module: loc.module,
        requiresGrad: output.requiresGrad,
      });
      if (id === undefined) return;
      this.provisional.add(id);
    } else {
      const node = this.nodes[id];
      node.shape = [...output.shape];
      node.requiresGrad = output.requiresGrad;
      if (output.gradFn) node.gradFn = output.gradFn.name;
    }
    inputIds.forEach((from, input) => this.addEdge(from, id!, input));
    this.producer.set(output, id);
    this.lastValue.set(id, output);
  }

  /** A new loop iteration: ops start again at ordinal 0 at every site. */
  newIteration(): void {
    if (this.ordinals.size) this.ordinals = new Map();
  }

  /** An expression evaluated to `t`: the first such expression is its node's range. */
  refineRange(t: TracedTensor, range: SourceRange): void {
    const id = this.producer.get(t);
    if (id === undefined || !this.provisional.has(id)) return;
    this.nodes[id].range = range;
    this.provisional.delete(id);
  }

  private inputNode(t: TracedTensor, site: string, index: number, loc: ExecLocation): number | undefined {
    const known = this.producer.get(t);
    if (known !== undefined) return known;
    const name = this.leafName(t);
    const kind = name?.kind ?? (t.requiresGrad && t.isLeaf ? 'param' : 'input');
    // A name assigned on two different lines (the seed's `features`, first
    // [1, 5] then [1, 3]) stands for two tensors: key named leaves by where
    // they were assigned too, so a loop's re-assignment still maps to one node.
    const key = name
      ? `${name.kind}|${name.module ?? ''}|${name.label}|${rangeKey(name.range)}`
      : `leaf|${site}|${index}`;
    let id = this.byKey.get(key);
    if (id === undefined) {
      id = this.addNode(key, {
        kind,
        label: name?.label ?? (t.gradFn ? t.gradFn.name : 'tensor'),
        shape: [...t.shape],
        dtype: t.dtype,
        range: name?.range ?? loc.range ?? undefined,
        module: name?.module,
        requiresGrad: t.requiresGrad,
      });
      if (id === undefined) return undefined;
    } else {
      this.nodes[id].shape = [...t.shape];
    }
    this.producer.set(t, id);
    this.lastValue.set(id, t);
    return id;
  }

  private addNode(key: string, fields: Omit<GraphNode, 'id'>): number | undefined {
    if (this.nodes.length >= this.maxNodes) {
      this.truncated = true;
      return undefined;
    }
    const id = this.nodes.length;
    const node: GraphNode = { id, ...fields };
    for (const k of Object.keys(node) as (keyof GraphNode)[]) if (node[k] === undefined) delete node[k];
    this.nodes.push(node);
    this.byKey.set(key, id);
    return id;
  }

  private addEdge(from: number, to: number, input: number): void {
    // Nodes are created in execution order, so an edge from a newer node to an
    // older one is a loop-carried dependency (x = x * 2 in a loop): dropping it
    // keeps the graph a DAG that layered layouts can draw.
    if (from >= to) return;
    const key = `${from}>${to}#${input}`;
    if (this.edgeKeys.has(key)) return;
    if (this.edges.length >= this.maxEdges) {
      this.truncated = true;
      return;
    }
    this.edgeKeys.add(key);
    this.edges.push({ from, to, input });
  }

  snapshot(): Graph {
    return { nodes: this.nodes, edges: this.edges, truncated: this.truncated };
  }
}
