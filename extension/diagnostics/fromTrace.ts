// A run's error (or budget stop) and warnings as editor diagnostics, in plain
// data so the rules are unit-tested without VS Code: PyTorch's message on the
// failing expression, operands' shapes as related information, unsupported
// constructs as warnings (the engine's limit, not the user's mistake), and
// the warnings the program raised where Python places them.
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
  // Python's warnings (PyTorch's "Implicit dimension choice for softmax",
  // `x is 1`) where Python places them, as warnings.
  const warned: DiagnosticInfo[] = (trace.warnings ?? []).map((w) => ({
    range: w.range, message: `${w.category}: ${w.message}`, severity: 'warning', code: w.category, related: [],
  }));
  const e = trace.error;
  if (!e) return warned;
  if (trace.stopped === 'cancelled') return warned;
  if (trace.stopped) {
    return [...warned, { range: e.range, message: stopMessage(trace.stopped, e.message), severity: 'information', code: 'stopped', related: [] }];
  }
  return [
    ...warned,
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
