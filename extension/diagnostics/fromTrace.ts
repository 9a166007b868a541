// A run's error (or budget stop) as editor diagnostics, in plain data so the
// rules are unit-tested without VS Code: PyTorch's message on the failing
// expression, operands' shapes as related information, and unsupported
// constructs as warnings (the engine's limit, not the user's mistake).
import type { SourceRange, StopReason, Trace } from '../../engine/trace/types';

export type Severity = 'error' | 'warning' | 'information';

export interface DiagnosticInfo {
  range: SourceRange;
  message: string;
  severity: Severity;
  /** The Python exception type, or "stopped" for a budget stop. */
  code: string;
  related: { range: SourceRange; message: string }[];
}

export function diagnosticsOf(trace: Trace): DiagnosticInfo[] {
  const e = trace.error;
  if (!e) return [];
  if (trace.stopped === 'cancelled') return [];
  if (trace.stopped) {
    return [{ range: e.range, message: stopMessage(trace.stopped, e.message), severity: 'information', code: 'stopped', related: [] }];
  }
  return [
    {
      range: e.range,
      message: `${e.type}: ${e.message}`,
      severity: e.type === 'NotImplementedError' ? 'warning' : 'error',
      code: e.type,
      related: e.related,
    },
  ];
}

export function stopMessage(reason: StopReason, detail: string): string {
  const what: Record<StopReason, string> = {
    time: 'the time budget ran out',
    memory: 'the memory budget ran out',
    recursion: 'the recursion limit was reached',
    cancelled: 'it was cancelled',
  };
  const tail = detail ? ` (${detail})` : '';
  return `Tensor Lens stopped the run here: ${what[reason]}${tail}. Results above this point are shown.`;
}
