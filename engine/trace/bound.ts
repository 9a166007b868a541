// The last guard on a trace's size: if the JSON is still larger than the
// limit after every per-list cap, shed detail in order of least value to the
// views — sample values first, then printed text, then whole records — until
// it fits. A huge trace would stall the host<->webview channel.
import type { BlockMatrix, TensorSummary, Trace } from './types';

function shrinkSummary(s: TensorSummary, sample: number, printed: number): void {
  if (s.sample.values.length > sample) {
    s.sample = { values: s.sample.values.slice(0, sample), complete: false };
  }
  if (s.printed.length > printed) s.printed = s.printed.slice(0, printed) + '…';
  if (s.grad) shrinkSummary(s.grad, sample, printed);
}

function eachSummary(t: Trace, f: (s: TensorSummary) => void): void {
  for (const e of t.exprs) if (e.value.kind === 'tensor') f(e.value);
  for (const n of t.graph.nodes) if (n.value) f(n.value);
  for (const b of t.backwards) for (const g of b.grads) if (g.grad) f(g.grad);
}

export function traceSize(t: Trace): number {
  return JSON.stringify(t).length;
}

/** A cheap upper bound of the JSON size (no stringify): numbers count 24
 *  characters, strings twice their length (escapes), records 400. */
export function sizeUpperBound(t: Trace): number {
  let n = 2 * t.stdout.length + 1000;
  const summary = (s: TensorSummary): number =>
    400 + 24 * s.sample.values.length + 2 * s.printed.length + 24 * s.shape.length + (s.grad ? summary(s.grad) : 0);
  for (const e of t.exprs) n += 400 + (e.value.kind === 'tensor' ? summary(e.value) : 2 * e.value.repr.length);
  const blocks = (b: BlockMatrix | undefined): number => (b ? 100 + 24 * b.values.length : 0);
  for (const node of t.graph.nodes) {
    n += 400 + 2 * node.label.length + 24 * node.shape.length + (node.value ? summary(node.value) : 0) + blocks(node.blocks) + blocks(node.firstRow) + (node.image ? 4 * node.image.pixels.length : 0);
  }
  for (const s of t.snapshots ?? []) {
    for (const p of s.params) n += 600 + 2 * p.name.length + 24 * p.hist.counts.length + blocks(p.blocks);
    for (const a of s.activations) n += 100 + blocks(a.firstRow) + (a.image ? 4 * a.image.pixels.length : 0);
  }
  n += 60 * t.graph.edges.length;
  for (const b of t.backwards) n += 400 + 120 * b.grads.length;
  for (const s of t.steps) for (const p of s.params) n += 400 + 2 * p.name.length + 24 * (p.hist.counts.length + p.shape.length);
  for (const f of t.figures) n += 400 + JSON.stringify(f.series).length;
  if (t.error) n += 1000 + 2 * t.error.message.length + 200 * (t.error.traceback.length + t.error.related.length);
  return n;
}

export function boundTrace(t: Trace, maxChars: number): Trace {
  if (sizeUpperBound(t) <= maxChars) return t;
  const levels: [number, number][] = [[256, 2000], [64, 600], [16, 200], [0, 80]];
  for (const [sample, printed] of levels) {
    if (traceSize(t) <= maxChars) return t;
    eachSummary(t, (s) => shrinkSummary(s, sample, printed));
  }
  // Still too big: drop whole records, the least central first.
  while (traceSize(t) > maxChars) {
    const snaps = t.snapshots ?? [];
    if (t.backwards.length > 8) t.backwards = t.backwards.filter((_, i) => i % 2 === 0);
    // Snapshots thin out like steps, but the last step's stays (the slider's end).
    else if (snaps.length > 4) t.snapshots = snaps.filter((_, i) => i % 2 === 0 || i === snaps.length - 1);
    else if (t.steps.length > 8) t.steps = t.steps.filter((_, i) => i % 2 === 0);
    else if (t.figures.length > 0) t.figures.pop();
    else if (snaps.length > 0) t.snapshots = [];
    else if (t.graph.nodes.length > 0) {
      t.graph = { nodes: [], edges: [], truncated: true };
      for (const b of t.backwards) { b.grads = []; delete b.rootNodeId; }
      for (const e of t.exprs) if (e.value.kind === 'tensor') delete e.value.nodeId;
    } else if (t.exprs.length > 0) t.exprs = t.exprs.slice(0, Math.floor(t.exprs.length / 2));
    else if (t.stdout.length > 1000) t.stdout = t.stdout.slice(0, Math.floor(t.stdout.length / 2));
    else break;
  }
  return t;
}
