// Every list in a Trace has a cap here, so a trace stays bounded whatever the
// program does (a 30-epoch loop records as much as a 3-epoch one, give or take
// the decimated step and backward records).
export interface TraceCaps {
  /** Distinct expression ranges kept (one record per range). */
  maxExprs: number;
  /** Values in a TensorSummary's sample (row-major prefix). */
  sampleValues: number;
  /** Sample length for graph-node previews and grads (smaller: there are many). */
  previewValues: number;
  maxNodes: number;
  maxEdges: number;
  /** Step and backward records; past this, every other record is dropped and the stride doubles. */
  maxSteps: number;
  maxBackwards: number;
  /** Step snapshots (every parameter and activation, binned), the last step's included. */
  maxSnapshots: number;
  /** Activations kept per snapshot (the graph's float 1-D and 2-D nodes, first row). */
  maxSnapshotActivations: number;
  /** Node grads kept in one BackwardRecord. */
  maxNodeGrads: number;
  histBins: number;
  maxStdoutChars: number;
  maxFigures: number;
  /** Points per figure series. */
  maxSeriesPoints: number;
  /** Printed-form length kept in summaries. */
  maxPrintedChars: number;
  /** Final hard limit on the JSON size of the whole trace, in characters. */
  maxTraceChars: number;
}

export const DEFAULT_CAPS: TraceCaps = {
  maxExprs: 2000,
  sampleValues: 1024,
  previewValues: 64,
  maxNodes: 400,
  maxEdges: 1200,
  maxSteps: 512,
  maxBackwards: 256,
  maxSnapshots: 32,
  maxSnapshotActivations: 64,
  maxNodeGrads: 400,
  histBins: 16,
  maxStdoutChars: 200_000,
  maxFigures: 50,
  maxSeriesPoints: 5000,
  maxPrintedChars: 4000,
  maxTraceChars: 8_000_000,
};
