// Which training step the views show: the Training view's slider sets
// state.step (an index into trace.steps); the Network and Tensor views show
// the nearest step snapshot at or before it and say which. Pure (no DOM).
import type { StepSnapshot } from '../../../engine/trace/types';
import type { ViewContext } from '../view';

export function stepIndex(ctx: Pick<ViewContext, 'trace' | 'state'>): number {
  const n = ctx.trace.steps.length;
  return ctx.state.step === null ? n - 1 : Math.min(Math.max(0, ctx.state.step), n - 1);
}

/** What the slider chose for the views that follow it: the step number and
 *  the nearest snapshot at or before it (null: none recorded that early, or
 *  a trace from before snapshots). Null when no step is chosen: the views
 *  then show the end of the run. */
export function chosenStep(ctx: Pick<ViewContext, 'trace' | 'state'>): { step: number; snapshot: StepSnapshot | null } | null {
  const steps = ctx.trace.steps;
  if (ctx.state.step === null || !steps.length) return null;
  const step = steps[stepIndex(ctx)].step;
  let snapshot: StepSnapshot | null = null;
  for (const s of ctx.trace.snapshots ?? []) if (s.step <= step && (!snapshot || s.step > snapshot.step)) snapshot = s;
  return { step, snapshot };
}

/** "weights after step 600 (nearest recorded: 592)", or why there are none. */
export function stepCaption(chosen: { step: number; snapshot: StepSnapshot | null }, what: string): string {
  const { step, snapshot } = chosen;
  if (!snapshot) return `No ${what.toLowerCase()} were recorded at or before step ${step}: showing the end of the run.`;
  return snapshot.step === step ? `${what} after step ${step}` : `${what} after step ${step} (nearest recorded: ${snapshot.step})`;
}
