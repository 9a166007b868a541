// The status bar's words for each runner state. Pure, so each state's text is
// tested; `$(name)` are VS Code codicons.
import type { RunState } from '../runtime/runner';
import { stopMessage } from '../diagnostics/fromTrace';

export interface StatusText {
  text: string;
  tooltip: string;
  /** Draw with the error or warning background. */
  tone: 'normal' | 'error' | 'warning';
}

const BACKEND = { cpu: 'CPU', webgpu: 'WebGPU' } as const;

export function statusText(state: RunState): StatusText {
  switch (state.kind) {
    case 'idle':
      return { text: '$(pulse) Tensor Lens', tooltip: 'Tensor Lens: no run yet. Click to open the visualizer.', tone: 'normal' };
    case 'running':
      return { text: '$(sync~spin) Tensor Lens: running', tooltip: `Running ${state.file} (${state.origin === 'live' ? 'live' : 'Run File'}) on the CPU`, tone: 'normal' };
    case 'finished':
      return finishedText(state);
    default:
      return assertNever(state);
  }
}

function finishedText(state: Extract<RunState, { kind: 'finished' }>): StatusText {
  const o = state.outcome;
  const click = 'Click to open the visualizer.';
  switch (o.kind) {
    case 'cancelled':
      return { text: '$(debug-stop) Tensor Lens: stopped', tooltip: `The run of ${state.file} was stopped. ${click}`, tone: 'normal' };
    case 'killed': {
      if (o.reason === 'crash') {
        return { text: '$(error) Tensor Lens: engine failure', tooltip: `${o.message}. See the Tensor Lens output. ${click}`, tone: 'error' };
      }
      const budget = o.reason === 'time' ? `${state.timeBudgetMs} ms time budget` : `${Math.round(state.memoryBudgetBytes / 2 ** 20)} MB memory budget`;
      return { text: `$(watch) Tensor Lens: stopped by ${o.reason} budget · CPU`, tooltip: `${state.file}: ${o.message} (${budget}). ${click}`, tone: 'warning' };
    }
    case 'done': {
      const t = o.trace;
      const backend = BACKEND[t.backend];
      if (t.stopped && t.stopped !== 'cancelled') {
        const budget = t.stopped === 'time' ? `${state.timeBudgetMs} ms` : t.stopped === 'memory' ? `${Math.round(state.memoryBudgetBytes / 2 ** 20)} MB` : 'recursion limit';
        const msg = stopMessage(t.stopped, t.error?.message ?? '');
        return { text: `$(watch) Tensor Lens: stopped by ${t.stopped === 'recursion' ? 'recursion limit' : `${t.stopped} budget`} (${budget}) · ${backend}`, tooltip: `${state.file}: ${msg} ${click}`, tone: 'warning' };
      }
      if (t.stopped === 'cancelled') {
        return { text: `$(debug-stop) Tensor Lens: stopped · ${backend}`, tooltip: `The run of ${state.file} was stopped. ${click}`, tone: 'normal' };
      }
      if (t.error) {
        const warn = t.error.type === 'NotImplementedError';
        return {
          text: `$(${warn ? 'warning' : 'error'}) Tensor Lens: ${t.error.type} · ${backend}`,
          tooltip: `${state.file} line ${t.error.range.line}: ${t.error.type}: ${t.error.message}. ${click}`,
          tone: warn ? 'warning' : 'error',
        };
      }
      return { text: `$(check) Tensor Lens: done in ${Math.round(t.durationMs)} ms · ${backend}`, tooltip: `${state.file} ran in ${Math.round(t.durationMs)} ms on the ${backend} (${state.origin} run). ${click}`, tone: 'normal' };
    }
    default:
      return assertNever(o);
  }
}

function assertNever(x: never): never {
  throw new Error(`unhandled state ${JSON.stringify(x)}`);
}
