// Builds a run's Trace from the interpreter's hooks (onExpr, onAssign,
// stdout, figures, the error) and the engine's op observer (onOp), plus the
// torch binding's backward() and optimizer.step() events. Everything is
// capped (caps.ts); tensor summaries are built once, in finish().
import type {
  BackwardRecord, Figure, NodeGrad, ParamSnapshot, ParamStats, RunError, SourceRange, StepRecord,
  StopReason, Trace, TensorSummary, ValueSummary, WarningRecord,
} from './types';
import { DEFAULT_CAPS, type TraceCaps } from './caps';
import { type TensorCapture, captureTensor, readTensor, valuesOf } from './capture';
import { GraphRecorder, type LeafName } from './graph';
import { Decimator } from './decimate';
import { histogram, moments } from './stats';
import { summarize, type SummaryOptions } from './summarize';
import { boundTrace } from './bound';
import { firstRowBlocks, tensorBlocks } from './blocks';
import { firstRowImage, isActivation, linearWeightNodes, paramSnapshot } from './snapshot';
import { StepSnapshots } from './step-snapshots';
import type { ExecLocation, TensorPrinter, TracedTensor } from './traced-tensor';

/** What the interpreter's value is, as far as the trace cares. */
export type DescribedValue =
  | { kind: 'tensor'; tensor: TracedTensor }
  | Exclude<ValueSummary, TensorSummary>;

export interface RecorderOptions {
  file: string;
  backend: 'cpu' | 'webgpu';
  print: TensorPrinter;
  describe: (value: unknown) => DescribedValue;
  location: () => ExecLocation;
  caps?: Partial<TraceCaps>;
}

type Captured = { kind: 'tensor'; capture: TensorCapture } | Exclude<ValueSummary, TensorSummary>;

interface ExprSlot {
  range: SourceRange;
  value: Captured;
  iteration: number;
  count: number;
  assignedName?: string;
}

export interface ErrorEvent {
  type: string;
  message: string;
  range: SourceRange;
  traceback: RunError['traceback'];
  related?: RunError['related'];
  /** Tensors the failing op received (mm's operands): their ranges and shapes become `related`. */
  operands?: readonly TracedTensor[];
}

// No tensor in here: a kept backward record outlives its step, and holding
// the loss would hold that step's whole autograd graph (every saved
// activation) for the rest of the run.
interface PendingBackward {
  record: BackwardRecord;
  /** 1-based number of the optimizer step that would follow. */
  nextStep: number;
}

function rangeKey(r: SourceRange): string {
  return `${r.from}:${r.to}`;
}

export class TraceRecorder {
  readonly caps: TraceCaps;
  private readonly exprs = new Map<string, ExprSlot>();
  private readonly graph: GraphRecorder;
  private readonly names = new WeakMap<object, LeafName>();
  /** The last range each tensor was seen at (for errors' `related`). */
  private readonly seenAt = new WeakMap<object, SourceRange>();
  private readonly backwards: Decimator<PendingBackward>;
  private readonly steps: Decimator<StepRecord>;
  private readonly snapshots: StepSnapshots;
  private backwardCount = 0;
  private stepCount = 0;
  private lastLoss: TracedTensor | null = null;
  private lastLossValue: number | null = null;
  private stdout = '';
  private stdoutDropped = false;
  private readonly figures: Figure[] = [];
  private readonly warnings: WarningRecord[] = [];
  private error: RunError | null = null;
  private stopped: StopReason | null = null;

  constructor(private readonly o: RecorderOptions) {
    this.caps = { ...DEFAULT_CAPS, ...o.caps };
    this.graph = new GraphRecorder(this.caps.maxNodes, this.caps.maxEdges, (t) => this.names.get(t) ?? null);
    this.backwards = new Decimator(this.caps.maxBackwards);
    this.steps = new Decimator(this.caps.maxSteps);
    this.snapshots = new StepSnapshots(this.graph, this.caps);
  }

  // ---- interpreter hooks -------------------------------------------------

  onExpr(range: SourceRange, value: unknown): void {
    this.record(range, value, undefined);
  }

  onAssign(name: string, range: SourceRange, value: unknown): void {
    const d = this.record(range, value, name);
    if (d?.kind === 'tensor' && !this.names.has(d.tensor) && this.graph.nodeOf(d.tensor) === undefined) {
      this.names.set(d.tensor, { label: name, kind: d.tensor.requiresGrad && d.tensor.isLeaf ? 'param' : 'input', range });
    }
  }

  /** Names a module's parameters for the graph ("fc1.weight" under "model"). */
  nameParameters(modulePath: string, params: Iterable<readonly [string, TracedTensor]>): void {
    for (const [name, t] of params) {
      const dot = name.lastIndexOf('.');
      const owner = dot < 0 ? modulePath : `${modulePath}.${name.slice(0, dot)}`;
      this.names.set(t, { label: name.slice(dot + 1), kind: 'param', module: owner });
    }
  }

  writeStdout(text: string): void {
    if (this.stdoutDropped) return;
    const room = this.caps.maxStdoutChars - this.stdout.length;
    if (text.length <= room) {
      this.stdout += text;
    } else {
      this.stdout += text.slice(0, Math.max(0, room)) + '\n[output truncated by Tensor Lens]\n';
      this.stdoutDropped = true;
    }
  }

  /** A warning as printed (the run prints each place once); the first 100 are kept. */
  addWarning(w: WarningRecord): void {
    if (this.warnings.length < 100) this.warnings.push(w);
  }

  addFigure(f: Omit<Figure, 'id'>): number | null {
    if (this.figures.length >= this.caps.maxFigures) return null;
    const id = this.figures.length;
    const max = this.caps.maxSeriesPoints;
    const series = f.series.map((s) => {
      switch (s.kind) {
        case 'line':
        case 'scatter': return { ...s, x: s.x.slice(0, max), y: s.y.slice(0, max) };
        case 'bar': return { ...s, x: s.x.slice(0, max), height: s.height.slice(0, max) };
        case 'hist': return { ...s, values: s.values.slice(0, max * 10) };
        case 'image': return { ...s, values: s.values.slice(0, max * 40) };
      }
    });
    this.figures.push({ ...f, id, series });
    return id;
  }

  onError(e: ErrorEvent): void {
    const related = [...(e.related ?? [])];
    for (const t of e.operands ?? []) {
      const at = this.seenAt.get(t);
      if (at) related.push({ range: at, message: `shape ${JSON.stringify([...t.shape]).replace(/,/g, ', ')}` });
    }
    this.error = { type: e.type, message: e.message, range: e.range, traceback: e.traceback, related };
  }

  stop(reason: StopReason): void {
    this.stopped = reason;
  }

  /** Start of each loop iteration (the graph's op ordinals restart). */
  onLoopIteration(): void {
    this.graph.newIteration();
  }

  // ---- engine hooks ------------------------------------------------------

  onOp(opName: string, inputs: readonly TracedTensor[], output: TracedTensor): void {
    this.graph.onOp(opName, inputs, output, this.o.location());
    for (const t of inputs) this.snapshots.touch(t);
    this.snapshots.touch(output);
  }

  /** Tensors whose gradients the next backward() should report (the newest
   *  value of every graph node), or none when that backward will not be kept. */
  gradProbes(): TracedTensor[] {
    return this.backwards.wantsNext() ? [...this.graph.lastValue.values()] : [];
  }

  /** Call after the engine's backward() returned. `gradOf` gives a node's
   *  gradient where the engine can tell it (leaves: their .grad). */
  async onBackward(range: SourceRange, root: TracedTensor, gradOf?: (t: TracedTensor) => TracedTensor | null | undefined): Promise<void> {
    this.backwardCount++;
    this.lastLoss = root.numel() === 1 ? root : null;
    this.lastLossValue = null;
    if (!this.backwards.wantsNext()) {
      this.backwards.skip();
      return;
    }
    const wanted: [number, TracedTensor][] = [];
    for (const [nodeId, t] of this.graph.lastValue) {
      if (wanted.length >= this.caps.maxNodeGrads) break;
      const g = gradOf ? gradOf(t) : t.grad;
      if (g) wanted.push([nodeId, g]);
    }
    // All reads at once: on the GPU each is a round trip, and these overlap.
    const values = await Promise.all(wanted.map(([, g]) => readTensor(g)));
    const grads: NodeGrad[] = wanted.map(([nodeId], i) => {
      const m = moments(values[i]);
      return { nodeId, norm: m.norm, mean: m.mean, maxAbs: m.maxAbs };
    });
    const record: BackwardRecord = { index: this.backwardCount, range, grads };
    const rootNodeId = this.graph.nodeOf(root);
    if (rootNodeId !== undefined) record.rootNodeId = rootNodeId;
    this.backwards.add({ record, nextStep: this.stepCount + 1 });
  }

  /** Call after an optimizer's step() with its parameters, named. */
  async onStep(range: SourceRange, params: readonly (readonly [string, TracedTensor])[]): Promise<void> {
    this.stepCount++;
    const loss = await this.currentLoss();
    const wantStep = this.steps.wantsNext();
    const wantSnapshot = this.snapshots.onStep(this.stepCount, params);
    if (!wantStep) this.steps.skip();
    if (!wantStep && !wantSnapshot) return;
    const stats: ParamStats[] = [];
    const snaps: ParamSnapshot[] = [];
    // Every weight and grad read at once (overlapping round trips on the GPU).
    const ws = await Promise.all(params.map(([, p]) => readTensor(p)));
    const gs = wantStep ? await Promise.all(params.map(([, p]) => (p.grad ? readTensor(p.grad) : null))) : [];
    for (const [k, [name, p]] of params.entries()) {
      const w = ws[k];
      const hist = histogram(w, this.caps.histBins);
      if (wantSnapshot) snaps.push(paramSnapshot(name, p.shape, w, hist, this.graph.nodeOf(p)));
      if (!wantStep) continue;
      const gv = gs[k];
      const g = gv ? moments(gv) : { norm: 0, mean: 0, meanAbs: 0, maxAbs: 0 };
      stats.push({
        name,
        shape: [...p.shape],
        gradNorm: g.norm,
        gradMean: g.mean,
        gradMeanAbs: g.meanAbs,
        gradMaxAbs: g.maxAbs,
        weightNorm: moments(w).norm,
        hist,
      });
    }
    if (wantStep) this.steps.add({ step: this.stepCount, range, loss, params: stats });
    if (wantSnapshot) await this.snapshots.add(this.stepCount, snaps);
  }

  private async currentLoss(): Promise<number | null> {
    if (this.lastLossValue === null && this.lastLoss) {
      this.lastLossValue = (await readTensor(this.lastLoss))[0];
    }
    return this.lastLossValue;
  }

  // ---- the result --------------------------------------------------------

  async finish(durationMs: number): Promise<Trace> {
    const full: SummaryOptions = { print: this.o.print, sampleValues: this.caps.sampleValues, maxPrintedChars: this.caps.maxPrintedChars };
    const preview: SummaryOptions = { ...full, sampleValues: this.caps.previewValues };
    // Summaries read their tensors concurrently: on the GPU each read is a
    // round trip, and a run can leave hundreds of expressions to summarise.
    const exprs = await Promise.all([...this.exprs.values()].map(async (slot) => {
      const value = slot.value.kind === 'tensor' ? await summarize(slot.value.capture, full) : slot.value;
      const rec = { range: slot.range, value, iteration: slot.iteration, count: slot.count } as Trace['exprs'][number];
      if (slot.assignedName !== undefined) rec.assignedName = slot.assignedName;
      return rec;
    }));
    const weights = linearWeightNodes(this.graph.snapshot());
    for (const [id, t] of this.graph.lastValue) {
      const node = this.graph.nodes[id];
      const capture = captureTensor(t, false);
      node.value = await summarize(capture, preview);
      // Whole-tensor block means where the Network view needs more than the preview.
      const big = t.numel() > this.caps.previewValues;
      if ((node.kind === 'param' || weights.get(id) === 'blocks') && big) node.blocks = tensorBlocks(await valuesOf(capture), t.shape);
      else if (!weights.has(id) && isActivation(node, t.shape) && big) {
        const values = await valuesOf(capture);
        const row = firstRowBlocks(values, t.shape);
        if (row) node.firstRow = row;
        const image = firstRowImage(values, t.shape);
        if (image) node.image = image;
      }
    }
    const backwards: BackwardRecord[] = this.backwards.items.map((b) => {
      if (b.nextStep <= this.stepCount) b.record.step = b.nextStep;
      return b.record;
    });
    const trace: Trace = {
      version: 1,
      file: this.o.file,
      backend: this.o.backend,
      durationMs,
      exprs,
      graph: this.graph.snapshot(),
      backwards,
      steps: this.steps.items,
      snapshots: await this.snapshots.finish(),
      stdout: this.stdout,
      figures: this.figures,
      warnings: this.warnings,
      error: this.error,
      stopped: this.stopped,
    };
    return boundTrace(trace, this.caps.maxTraceChars);
  }

  private record(range: SourceRange, value: unknown, assignedName: string | undefined): DescribedValue | null {
    const key = rangeKey(range);
    const slot = this.exprs.get(key);
    if (!slot && this.exprs.size >= this.caps.maxExprs) return null;
    const d = this.o.describe(value);
    let captured: Captured;
    if (d.kind === 'tensor') {
      this.seenAt.set(d.tensor, range);
      this.graph.refineRange(d.tensor, range);
      const capture = captureTensor(d.tensor);
      const node = this.graph.nodeOf(d.tensor);
      if (node !== undefined) capture.nodeId = node;
      captured = { kind: 'tensor', capture };
    } else {
      captured = d;
    }
    if (slot) {
      slot.count++;
      slot.iteration = slot.count;
      slot.value = captured;
      if (assignedName !== undefined) slot.assignedName = assignedName;
    } else {
      const s: ExprSlot = { range, value: captured, iteration: 1, count: 1 };
      if (assignedName !== undefined) s.assignedName = assignedName;
      this.exprs.set(key, s);
    }
    return d;
  }
}
