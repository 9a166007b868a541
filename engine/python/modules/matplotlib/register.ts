// Registers matplotlib and matplotlib.pyplot. Each run gets its own pyplot
// state; recorded figures go to `onFigure` (or plotHooks.onFigure), and the
// returned flush() emits a figure still open when the program ends (as
// `python file.py` would have drawn nothing, but the panel should show it).

import type { ModuleRegistry } from '../registry';
import { PyBuiltin, PyModule } from '../../runtime/objects';
import { PlotState, plotHooks, type FigureData } from './figure-recorder';
import { createPyplot } from './pyplot';

export interface PlotRegistration {
  /** Emit the figure still being drawn at the end of a run. */
  flush(): void;
  /** Every figure emitted so far in this run. */
  figures(): readonly FigureData[];
}

export function registerMatplotlibModules(registry: ModuleRegistry, onFigure?: (f: FigureData) => void): PlotRegistration {
  const state = new PlotState((f) => (onFigure ?? plotHooks.onFigure)?.(f));
  let pyplot: PyModule | null = null;
  const getPyplot = () => (pyplot ??= createPyplot(state));
  registry.register('matplotlib', () => {
    const m = new PyModule('matplotlib');
    m.dict.set('pyplot', getPyplot());
    m.dict.set('__version__', '3.8.0');
    // matplotlib.use('Agg') and friends: backends mean nothing here.
    m.dict.set('use', new PyBuiltin('use', () => null));
    return m;
  });
  registry.register('matplotlib.pyplot', () => getPyplot());
  return { flush: () => state.flush(), figures: () => state.emitted };
}
