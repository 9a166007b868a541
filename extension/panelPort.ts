// What the commands need from the visualizer panel (H7's extension/panel).
// Commands and the runner talk to this interface only; panelAdapter.ts
// connects it to the panel module.
import type { Trace } from '../engine/trace/types';
import type { ExportFormat, GpuInfo, TraceOrigin, ViewId } from './protocol';

export interface PanelPort {
  /** Opens (or reveals) the panel, on a view when given. */
  show(view?: ViewId): Promise<void>;
  /** Opens the Tensor view on the record with this key (trace/query recordKey). */
  showTensor(key: string): Promise<void>;
  /** A new trace for the panel, if it is open (it keeps the last one otherwise). */
  postTrace(trace: Trace, source: string, origin: TraceOrigin): void;
  /** The editor cursor line, to highlight graph nodes of that line. */
  postCursor(file: string, line: number): void;
  /** Runs a program in the panel's runtime (WebGPU, or its CPU fallback). */
  runOnGpu(source: string, file: string, timeBudgetMs: number, onStdout: (text: string) => void): Promise<{ trace: Trace; backendNote: string } | null>;
  cancelGpuRun(): void;
  /** What the open panel says about its WebGPU; null when it is not open. */
  probeGpu(): Promise<GpuInfo | null>;
  /** Asks the panel to export its current view; returns the file contents. */
  exportView(format: ExportFormat): Promise<{ view: ViewId; data: string } | null>;
}
