// What matplotlib.pyplot calls draw, recorded as trace Figures (plain data
// for the Plots panel): one Figure per Axes, emitted when the program shows,
// saves or closes it, starts a new figure, or the run ends (flush()).

import type { Figure, FigureSeries, SourceRange } from '../../../trace/types';

export type FigureData = Omit<Figure, 'id'>;

/** Where recorded figures go; runtime.ts points onFigure at the trace recorder. */
export const plotHooks: { onFigure?: (f: FigureData) => void } = {};

export class AxesRecord {
  title?: string;
  xlabel?: string;
  ylabel?: string;
  legend = false;
  readonly series: FigureSeries[] = [];
  constructor(readonly range: SourceRange) {}

  toFigure(): FigureData {
    const f: FigureData = { range: this.range, legend: this.legend, series: this.series };
    if (this.title !== undefined) f.title = this.title;
    if (this.xlabel !== undefined) f.xlabel = this.xlabel;
    if (this.ylabel !== undefined) f.ylabel = this.ylabel;
    return f;
  }
}

export class FigureRecord {
  readonly axes: AxesRecord[] = [];
  suptitle?: string;
  constructor(readonly range: SourceRange) {}
}

const NOWHERE: SourceRange = { from: 0, to: 0, line: 1, col: 0, endLine: 1, endCol: 0 };

/** pyplot's state machine: the current figure and axes. */
export class PlotState {
  private current: FigureRecord | null = null;
  private currentAxes: AxesRecord | null = null;
  readonly emitted: FigureData[] = [];

  constructor(private readonly sink: (f: FigureData) => void = (f) => plotHooks.onFigure?.(f)) {}

  /** plt.figure(): a new current figure (the previous one is emitted). */
  newFigure(range: SourceRange | null): FigureRecord {
    this.flush();
    this.current = new FigureRecord(range ?? NOWHERE);
    this.currentAxes = null;
    return this.current;
  }

  figure(range: SourceRange | null): FigureRecord {
    return this.current ?? this.newFigure(range);
  }

  /** plt.gca(): the current axes, creating figure and axes as needed. */
  gca(range: SourceRange | null): AxesRecord {
    const fig = this.figure(range);
    if (!this.currentAxes) this.currentAxes = this.addAxes(fig, range);
    return this.currentAxes;
  }

  addAxes(fig: FigureRecord, range: SourceRange | null): AxesRecord {
    const ax = new AxesRecord(range ?? fig.range);
    fig.axes.push(ax);
    return ax;
  }

  setCurrentAxes(ax: AxesRecord): void {
    this.currentAxes = ax;
  }

  /** plt.show() / savefig / close / end of run: emit what was drawn. */
  flush(): void {
    const fig = this.current;
    this.current = null;
    this.currentAxes = null;
    if (!fig) return;
    for (const ax of fig.axes) {
      if (ax.series.length === 0 && ax.title === undefined) continue;
      const f = ax.toFigure();
      if (fig.suptitle !== undefined && f.title === undefined) f.title = fig.suptitle;
      this.emitted.push(f);
      this.sink(f);
    }
  }
}

/** numpy.histogram's equal-width bins: counts and edges. */
export function histogram(values: readonly number[], bins: number): { counts: number[]; edges: number[] } {
  const finite = values.filter((v) => Number.isFinite(v));
  let lo = finite.length ? Math.min(...finite) : 0;
  let hi = finite.length ? Math.max(...finite) : 1;
  if (lo === hi) {
    lo -= 0.5;
    hi += 0.5;
  }
  const edges = Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
  const counts = new Array<number>(bins).fill(0);
  for (const v of finite) {
    let k = Math.floor(((v - lo) / (hi - lo)) * bins);
    if (k === bins) k = bins - 1;
    if (k >= 0 && k < bins) counts[k]++;
  }
  return { counts, edges };
}
