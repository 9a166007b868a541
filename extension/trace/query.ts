// Questions the editor features ask of a trace. Pure functions over the trace
// data (no vscode), so hover, hints and commands agree on what "the tensor at
// the cursor" is, and unit tests can ask them directly.
import type { ExprRecord, Trace } from '../../engine/trace/types';

/** The smallest traced range holding the character at `offset`; failing
 *  that, one ending right there (the cursor just after a name). */
export function recordAt(trace: Trace, offset: number): ExprRecord | null {
  let best: ExprRecord | null = null;
  let touching: ExprRecord | null = null;
  for (const r of trace.exprs) {
    if (offset >= r.range.from && offset < r.range.to) {
      if (!best || width(r) <= width(best)) best = r;
    } else if (offset === r.range.to && (!touching || width(r) <= width(touching))) {
      touching = r;
    }
  }
  return best ?? touching;
}

/** The smallest traced range that covers all of [from, to] (a selection). */
export function recordCovering(trace: Trace, from: number, to: number): ExprRecord | null {
  let best: ExprRecord | null = null;
  for (const r of trace.exprs) {
    if (from < r.range.from || to > r.range.to) continue;
    if (!best || width(r) < width(best)) best = r;
  }
  return best;
}

/** Records of assignments whose value is a tensor: one inlay hint each. */
export function tensorAssignments(trace: Trace): ExprRecord[] {
  return trace.exprs.filter((r) => r.assignedName !== undefined && r.value.kind === 'tensor');
}

/** A stable key for a record inside one trace: the panel's `tensorKey`. */
export function recordKey(r: ExprRecord): string {
  return String(r.range.from);
}

function width(r: ExprRecord): number {
  return r.range.to - r.range.from;
}
