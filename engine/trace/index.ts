export * from './types';
export { TraceRecorder, type RecorderOptions, type DescribedValue, type ErrorEvent } from './recorder';
export { DEFAULT_CAPS, type TraceCaps } from './caps';
export { computeStats, moments, histogram } from './stats';
export { boundTrace, traceSize } from './bound';
export { isTracedTensor, type TracedTensor, type TensorPrinter, type ExecLocation } from './traced-tensor';
