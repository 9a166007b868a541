// The record of one run: plain JSON-able data, the only thing hover, inlay
// hints, diagnostics and every diagram read (never a live tensor). Its size is
// bounded whatever the program does: every list below has a cap in the recorder.

/** A span of the user's source. Offsets are UTF-16 code units into the run's
 *  text; lines are 1-based (as Python tracebacks), columns 0-based (as VS Code). */
export interface SourceRange {
  from: number;
  to: number;
  line: number;
  col: number;
  endLine: number;
  endCol: number;
}

export type DTypeName = 'float32' | 'float64' | 'int64' | 'int32' | 'bool';

export interface TensorStats {
  min: number;
  max: number;
  mean: number;
  std: number;
  nanCount: number;
  infCount: number;
}

/** A capped, row-major prefix of a tensor's values, for heatmaps and images. */
export interface TensorSample {
  values: number[];
  /** true when `values` holds every element of the tensor. */
  complete: boolean;
}

export interface TensorSummary {
  kind: 'tensor';
  shape: number[];
  dtype: DTypeName;
  requiresGrad: boolean;
  /** PyTorch's name, e.g. "MulBackward0"; null for leaves and no-grad results. */
  gradFn: string | null;
  isLeaf: boolean;
  stats: TensorStats | null;
  /** Exactly what `print(t)` shows in PyTorch (summarised past 1000 elements). */
  printed: string;
  sample: TensorSample;
  /** The `.grad` at the time of the summary, when one exists. */
  grad?: TensorSummary;
  /** Graph node that produced this tensor, when recorded. */
  nodeId?: number;
}

export type ValueSummary =
  | TensorSummary
  | { kind: 'int' | 'float' | 'bool' | 'none' | 'str'; repr: string }
  | { kind: 'list' | 'tuple' | 'dict' | 'set'; repr: string; length: number }
  | { kind: 'module'; repr: string; className: string }
  | { kind: 'function' | 'class' | 'object'; repr: string; typeName: string };

/** One evaluated expression (or assignment target), keyed by its range. Inside
 *  loops only the last evaluation's value is kept; `count` says how many ran. */
export interface ExprRecord {
  range: SourceRange;
  value: ValueSummary;
  /** 1-based evaluation number that `value` shows. */
  iteration: number;
  count: number;
  /** For `name = expr`: the assigned name (drives inlay hints). */
  assignedName?: string;
}

export type GraphNodeKind = 'input' | 'param' | 'op';

export interface GraphNode {
  id: number;
  kind: GraphNodeKind;
  /** Op name as the user wrote it ("mul", "mm", "sigmoid"), or the variable name. */
  label: string;
  /** PyTorch grad_fn name for ops ("MulBackward0"). */
  gradFn?: string;
  shape: number[];
  dtype: DTypeName;
  range?: SourceRange;
  /** Dotted path of the nn.Module whose forward created it ("model.fc1"). */
  module?: string;
  requiresGrad: boolean;
  /** A small value preview (stats and sample of the last value). */
  value?: TensorSummary;
  /** Parameters and the weights of linear ops: block means of the whole last
   *  value (engine/trace/blocks.ts), which the 64-value preview cannot give. */
  blocks?: BlockMatrix;
  /** 1-D and 2-D float activations: the first row (first sample), binned. */
  firstRow?: BlockMatrix;
  /** An activation whose row is a square number of values (784 = 28×28): the
   *  first sample as a greyscale picture (the digit an MNIST network sees). */
  image?: SquareImage;
}

/** One sample drawn as a square picture: `pixels` (row-major, side × side)
 *  are 0..255 over the sample's own range lo..hi. */
export interface SquareImage {
  side: number;
  lo: number;
  hi: number;
  pixels: number[];
}

export interface GraphEdge {
  from: number;
  to: number;
  /** Position of `from` among the op's inputs. */
  input: number;
}

export interface Graph {
  nodes: GraphNode[];
  edges: GraphEdge[];
  /** true when the cap on nodes was reached and later ops were not recorded. */
  truncated: boolean;
}

export interface NodeGrad {
  nodeId: number;
  norm: number;
  mean: number;
  maxAbs: number;
  grad?: TensorSummary;
}

/** One `backward()` call. */
export interface BackwardRecord {
  index: number;
  range: SourceRange;
  /** The optimizer step this backward preceded, when inside a training loop. */
  step?: number;
  rootNodeId?: number;
  grads: NodeGrad[];
}

/** Means of blocks of consecutive values, binned by the rule of
 *  engine/trace/blocks.ts on each axis. */
export interface BlockMatrix {
  /** [row groups, column groups], or [groups] for a 1-D tensor or one row. */
  shape: number[];
  /** Units per group along each axis of `shape`. */
  groupSize: number[];
  /** Row-major block means as integers: mean = value * scale (blocks.ts's
   *  blockValue); null where a block held no finite value. */
  values: (number | null)[];
  scale: number;
}

/** One parameter at a snapshot step: enough for the Network and Tensor views. */
export interface ParamSnapshot {
  /** As in ParamStats ("0.weight"). */
  name: string;
  /** The parameter's graph node, when the forward pass used it. */
  nodeId?: number;
  shape: number[];
  stats: TensorStats | null;
  hist: { lo: number; hi: number; counts: number[] };
  blocks: BlockMatrix;
}

/** The first row of one activation (a graph node's value) during a step. */
export interface ActivationSnapshot {
  nodeId: number;
  firstRow: BlockMatrix;
  image?: SquareImage;
}

/** Every parameter (after the update) and the forward pass's activations
 *  (before it) at one optimizer step. Kept for a few evenly spread steps and
 *  always the last, so the step slider can scrub the Network and Tensor views. */
export interface StepSnapshot {
  step: number;
  params: ParamSnapshot[];
  activations: ActivationSnapshot[];
}

export interface ParamStats {
  name: string;
  shape: number[];
  gradNorm: number;
  gradMean: number;
  /** Mean of |grad| (absent in traces written before it was recorded). */
  gradMeanAbs?: number;
  gradMaxAbs: number;
  weightNorm: number;
  /** Weight histogram: `counts` over equal bins from `lo` to `hi`. */
  hist: { lo: number; hi: number; counts: number[] };
}

/** One `optimizer.step()`. */
export interface StepRecord {
  step: number;
  range: SourceRange;
  /** The last loss that had backward() called before this step. */
  loss: number | null;
  params: ParamStats[];
}

export type FigureSeries =
  | { kind: 'line' | 'scatter'; x: number[]; y: number[]; label?: string; color?: string }
  | { kind: 'bar'; x: (number | string)[]; height: number[]; label?: string; color?: string }
  | { kind: 'hist'; values: number[]; bins: number; label?: string; color?: string }
  | { kind: 'image'; shape: number[]; values: number[]; cmap?: string };

export interface Figure {
  id: number;
  range: SourceRange;
  title?: string;
  xlabel?: string;
  ylabel?: string;
  legend: boolean;
  series: FigureSeries[];
}

/** A warning the program raised (warnings.warn, or PyTorch's own UserWarnings),
 *  once per place as Python prints it. */
export interface WarningRecord {
  category: string;
  message: string;
  range: SourceRange;
}

export interface TraceFrame {
  name: string;
  line: number;
}

export interface RunError {
  /** Python exception type: "RuntimeError", "NotImplementedError", "SyntaxError"... */
  type: string;
  message: string;
  range: SourceRange;
  traceback: TraceFrame[];
  /** Operands and other places that explain the error (shapes of mm's inputs). */
  related: { range: SourceRange; message: string }[];
}

export type StopReason = 'time' | 'memory' | 'recursion' | 'cancelled';

export interface Trace {
  version: 1;
  file: string;
  backend: 'cpu' | 'webgpu';
  durationMs: number;
  exprs: ExprRecord[];
  graph: Graph;
  backwards: BackwardRecord[];
  steps: StepRecord[];
  /** Per-step values for the slider (absent in traces of older versions). */
  snapshots?: StepSnapshot[];
  stdout: string;
  figures: Figure[];
  /** Absent in traces written before warnings were recorded. */
  warnings?: WarningRecord[];
  error: RunError | null;
  /** Set when a budget or a cancel ended the run (the error says where). */
  stopped: StopReason | null;
}
