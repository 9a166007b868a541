// Gradient flow: the graph of the run with the grads of one backward() drawn
// on it (edge width = |grad| of the tensor the edge feeds, colour = sign of its
// mean), animated from the loss back to the leaves.
import * as d3 from 'd3';
import type { BackwardRecord, NodeGrad } from '../../engine/trace/types';
import { fmt } from '../format';
import { createButton, createDropdown, type Dropdown } from '../ui/toolkit';
import { GraphView } from './graph/graphView';
import type { VisibleGraph } from './graph/model';
import type { EdgeGrad, GraphStyle } from './graph/render';
import type { ViewContext } from './view';

/** Which backward the view shows: the picked one, else the one of the
 *  scrubbed training step, else the last. */
export function chosenBackward(ctx: Pick<ViewContext, 'trace' | 'state'>): BackwardRecord | undefined {
  const bs = ctx.trace.backwards;
  if (!bs.length) return undefined;
  const { backward, step } = ctx.state;
  if (backward !== null) return bs.find((b) => b.index === backward) ?? bs[bs.length - 1];
  if (step !== null) {
    const s = ctx.trace.steps[step]?.step;
    const b = [...bs].reverse().find((r) => r.step === s);
    if (b) return b;
  }
  return bs[bs.length - 1];
}

/** Distance of each visible node from the root, walking edges backwards. */
export function depthsFromRoot(g: VisibleGraph, rootVisible: string | undefined): Map<string, number> {
  const depth = new Map<string, number>();
  if (!rootVisible) return depth;
  depth.set(rootVisible, 0);
  const queue = [rootVisible];
  while (queue.length) {
    const cur = queue.shift()!;
    for (const e of g.edges) {
      if (e.to === cur && !depth.has(e.from)) {
        depth.set(e.from, depth.get(cur)! + 1);
        queue.push(e.from);
      }
    }
  }
  return depth;
}

export class GradientView extends GraphView {
  private picker!: Dropdown;
  private animatedKey = '';

  constructor() {
    super('gradients', 'Gradients');
  }

  protected override toolbar(bar: HTMLElement): void {
    this.picker = createDropdown('backward()', (v) => this.ctx.update({ backward: Number(v) }));
    bar.append(
      this.picker.element,
      createButton('▶ Replay', () => this.animate(), 'Replay the backward pass from the loss to the leaves'),
      createButton('Fit', () => this.fit(0)),
    );
  }

  protected override note(): string {
    const b = chosenBackward(this.ctx);
    if (!b) return 'No backward() has run yet: call loss.backward() to see gradients flow.';
    return `Gradients of backward() #${b.index} (line ${b.range.line}${b.step !== undefined ? `, before step ${b.step}` : ''}). ` +
      'Edge width = size of the gradient, red = positive, blue = negative. Leaves are where .grad ends up.';
  }

  protected override decorate(g: VisibleGraph, style: GraphStyle): GraphStyle {
    const b = chosenBackward(this.ctx);
    const bs = this.ctx.trace.backwards;
    this.picker.setOptions(
      bs.map((r) => ({ value: String(r.index), label: `#${r.index} · line ${r.range.line}${r.step !== undefined ? ` · step ${r.step}` : ''}` })),
      b ? String(b.index) : '',
    );
    if (!b) return style;
    const grads = new Map<number, NodeGrad>(b.grads.map((x) => [x.nodeId, x]));
    const maxNorm = Math.max(1e-30, ...b.grads.map((x) => x.maxAbs));
    const t = style.theme;
    const visibleOf = new Map<number, string>();
    for (const n of g.nodes) for (const id of n.nodeIds) visibleOf.set(id, n.id);
    const depth = depthsFromRoot(g, b.rootNodeId !== undefined ? visibleOf.get(b.rootNodeId) : undefined);
    const edgeGrad = new Map<string, EdgeGrad>();
    for (const e of g.edges) {
      const gr = grads.get(e.traceFrom);
      // Only edges this backward() ran through carry a gradient: `weights.view(5, 1)`
      // after `y.backward()` starts at a node with a grad but took no part in it.
      if (!gr || (!grads.has(e.traceTo) && e.traceTo !== b.rootNodeId)) continue;
      edgeGrad.set(e.id, {
        width: 1.5 + 8 * Math.sqrt(gr.maxAbs / maxNorm),
        color: gr.mean < 0 ? t.neg : t.pos,
        depth: depth.get(e.to) ?? 0,
        title: `grad of ${e.from}: mean ${fmt(gr.mean)}, max |g| ${fmt(gr.maxAbs)}, norm ${fmt(gr.norm)}`,
      });
    }
    const nodeGrad = new Map<string, { text: string; color: string; depth: number }>();
    const kindOf = new Map(this.ctx.trace.graph.nodes.map((n) => [n.id, n.kind]));
    for (const n of g.nodes) {
      if (n.kind === 'group') {
        // A folded module hides its weights, which are where .grad ends up:
        // say how many of them got a gradient and how large the largest is.
        const inner = n.nodeIds.filter((id) => kindOf.get(id) === 'param').map((id) => grads.get(id)).filter((x): x is NodeGrad => !!x);
        if (inner.length) {
          const top = inner.reduce((a, c) => (c.maxAbs > a.maxAbs ? c : a));
          nodeGrad.set(n.id, { text: `∇ ${inner.length} params, |max| ${fmt(top.maxAbs)}`, color: top.mean < 0 ? t.neg : t.pos, depth: depth.get(n.id) ?? 0 });
          continue;
        }
      }
      const gr = grads.get(n.rep.id);
      if (!gr) continue;
      const vals = gr.grad?.sample.values ?? [];
      const one = n.rep.shape.reduce((a, c) => a * c, 1) === 1;
      // A single number is shown as itself; bigger grads by their largest entry.
      const text = one ? `∇ ${fmt(gr.mean)}` : vals.length > 0 && vals.length <= 2 && gr.grad?.sample.complete ? `∇ ${vals.map(fmt).join(', ')}` : `∇ |max| ${fmt(gr.maxAbs)}`;
      nodeGrad.set(n.id, { text, color: gr.mean < 0 ? t.neg : t.pos, depth: depth.get(n.id) ?? 0 });
    }
    return { ...style, edgeGrad, nodeGrad };
  }

  override async render(ctx: ViewContext): Promise<void> {
    await super.render(ctx);
    const b = chosenBackward(ctx);
    const key = b ? `${ctx.trace.durationMs}:${b.index}` : '';
    if (key && key !== this.animatedKey) {
      this.animatedKey = key;
      this.animate();
    }
  }

  /** Edges light up in order of distance from the loss. */
  animate(): void {
    const layer = d3.select(this.layer);
    const style = this.decorate(this.graph!, { theme: this.ctx.theme } as GraphStyle);
    layer.selectAll<SVGPathElement, { id: string }>('path.edge').each(function (e) {
      const g = style.edgeGrad?.get(e.id);
      if (!g) return;
      d3.select(this).interrupt().attr('stroke-opacity', 0.05)
        .transition().delay(250 + g.depth * 320).duration(380).attr('stroke-opacity', 0.9);
    });
  }
}
