// matplotlib.pyplot for Python code: the state-machine API (plt.plot, plt.show,
// ...) and the object API (fig, ax = plt.subplots(); ax.plot(...)). Drawing
// calls record series; nothing is rendered here (the Plots panel draws the
// trace's figures).

import { pyError } from '../../runtime/exceptions';
import {
  PyBuiltin, PyClass, PyInstance, PyIterator, PyList, PyModule, PyProperty, PyTuple, STOP, builtinClasses,
  type CallContext, type Kwargs, type PyValue,
} from '../../runtime/objects';
import { wrapNd } from '../numpy/convert';
import { NdArray } from '../numpy/ndarray';
import { AxesRecord, FigureRecord, PlotState, histogram } from './figure-recorder';
import { plotData } from './values';

export const axesClass = new PyClass('Axes', [builtinClasses.object]);
axesClass.module = 'matplotlib.axes._axes';
export const figureClass = new PyClass('Figure', [builtinClasses.object]);
figureClass.module = 'matplotlib.figure';
const axesArrayClass = new PyClass('ndarray', [builtinClasses.object]);
axesArrayClass.module = 'numpy';
axesArrayClass.cTypeName = 'numpy.ndarray';

const COLORS: Record<string, string> = { b: 'blue', g: 'green', r: 'red', c: 'cyan', m: 'magenta', y: 'yellow', k: 'black', w: 'white' };

function str(v: PyValue | undefined): string | undefined {
  return typeof v === 'string' ? v : v === undefined || v === null ? undefined : String(v);
}

function labelColor(kwargs: Kwargs): { label?: string; color?: string } {
  const out: { label?: string; color?: string } = {};
  const label = str(kwargs?.get('label'));
  const color = str(kwargs?.get('color') ?? kwargs?.get('c'));
  if (label !== undefined) out.label = label;
  if (color !== undefined) out.color = color;
  return out;
}

type AxesMethod = (ax: AxesRecord, args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>;

const NOOP = ['grid', 'set_xlim', 'set_ylim', 'set_xticks', 'set_yticks', 'set_xticklabels', 'set_yticklabels', 'axis',
  'set_aspect', 'text', 'annotate', 'tick_params', 'set_axis_off', 'invert_yaxis', 'axhline', 'axvline'];

export const axesMethods: Record<string, AxesMethod> = {
  async plot(ax, args, kwargs, ctx) {
    const rest = [...args];
    while (rest.length) {
      const a = await plotData(ctx, rest.shift()!);
      let x: number[] | null = null;
      let y = a;
      if (rest.length && typeof rest[0] !== 'string') {
        x = a.values;
        y = await plotData(ctx, rest.shift()!);
      }
      const fmt = typeof rest[0] === 'string' ? (rest.shift() as string) : '';
      const lc = labelColor(kwargs);
      const fmtColor = [...fmt].find((ch) => COLORS[ch]);
      if (lc.color === undefined && fmtColor) lc.color = COLORS[fmtColor];
      const cols = y.shape.length === 2 ? y.shape[1] : 1;
      const rows = y.shape.length === 2 ? y.shape[0] : y.values.length;
      for (let c = 0; c < cols; c++) {
        const ys = cols === 1 ? y.values : Array.from({ length: rows }, (_, r) => y.values[r * cols + c]);
        const xs = x ?? ys.map((_, i) => i);
        if (xs.length !== ys.length) {
          throw pyError('ValueError', `x and y must have same first dimension, but have shapes (${xs.length},) and (${ys.length},)`);
        }
        ax.series.push({ kind: 'line', x: xs, y: ys, ...lc });
      }
    }
    return new PyList([]);
  },
  async scatter(ax, [x, y], kwargs, ctx) {
    const xs = (await plotData(ctx, x)).values;
    const ys = (await plotData(ctx, y)).values;
    if (xs.length !== ys.length) throw pyError('ValueError', 'x and y must be the same size');
    ax.series.push({ kind: 'scatter', x: xs, y: ys, ...labelColor(kwargs) });
    return null;
  },
  async imshow(ax, [img], kwargs, ctx) {
    const d = await plotData(ctx, img);
    const ok = d.shape.length === 2 || (d.shape.length === 3 && (d.shape[2] === 3 || d.shape[2] === 4));
    if (!ok) throw pyError('TypeError', `Invalid shape (${d.shape.join(', ')}${d.shape.length === 1 ? ',' : ''}) for image data`);
    const cmap = str(kwargs?.get('cmap'));
    ax.series.push({ kind: 'image', shape: d.shape, values: d.values, ...(cmap !== undefined ? { cmap } : {}) });
    return null;
  },
  async hist(ax, [x, binsArg], kwargs, ctx) {
    const d = await plotData(ctx, x);
    const b = kwargs?.get('bins') ?? binsArg ?? 10n;
    const bins = typeof b === 'bigint' ? Number(b) : 10;
    ax.series.push({ kind: 'hist', values: d.values, bins, ...labelColor(kwargs) });
    const h = histogram(d.values, bins);
    return new PyTuple([wrapNd(NdArray.from(h.counts, [bins], 'float64')), wrapNd(NdArray.from(h.edges, [bins + 1], 'float64')), null]);
  },
  async bar(ax, [x, height], kwargs, ctx) {
    const hs = (await plotData(ctx, height)).values;
    let xs: (number | string)[];
    if (x instanceof PyList || x instanceof PyTuple) xs = x.items.map((v) => (typeof v === 'string' ? v : Number(v)));
    else xs = (await plotData(ctx, x)).values;
    ax.series.push({ kind: 'bar', x: xs, height: hs, ...labelColor(kwargs) });
    return null;
  },
  async barh(ax, [y, width], kwargs, ctx) {
    // Horizontal bars (helper.view_classify's class probabilities): recorded
    // as a bar series, categories along x.
    return axesMethods.bar(ax, [y, width], kwargs, ctx);
  },
  legend(ax) {
    ax.legend = true;
    return null;
  },
  set_title(ax, [s]) {
    ax.title = str(s);
    return null;
  },
  set_xlabel(ax, [s]) {
    ax.xlabel = str(s);
    return null;
  },
  set_ylabel(ax, [s]) {
    ax.ylabel = str(s);
    return null;
  },
};
for (const n of NOOP) axesMethods[n] = () => null;

// ax.spines['top'].set_visible(False): styling only, accepted and ignored.
const spineClass = new PyClass('Spine', [builtinClasses.object]);
spineClass.module = 'matplotlib.spines';
for (const n of ['set_visible', 'set_color', 'set_linewidth', 'set_position']) spineClass.dict.set(n, new PyBuiltin(n, () => null));
const spinesClass = new PyClass('Spines', [builtinClasses.object]);
spinesClass.module = 'matplotlib.spines';
spinesClass.dict.set('__getitem__', new PyBuiltin('__getitem__', () => new PyInstance(spineClass)));
axesClass.dict.set('spines', new PyProperty(new PyBuiltin('spines', () => new PyInstance(spinesClass))));

for (const [name, f] of Object.entries(axesMethods)) {
  axesClass.dict.set(name, new PyBuiltin(name, (args, kwargs, ctx) => f((args[0] as PyInstance).native as AxesRecord, args.slice(1), kwargs, ctx)));
}

export function wrapAxes(ax: AxesRecord): PyInstance {
  const o = new PyInstance(axesClass);
  o.native = ax;
  return o;
}

/** The axes grid plt.subplots returns: indexable by int or (row, col), iterable. */
function axesArray(items: PyInstance[], shape: number[]): PyInstance {
  const o = new PyInstance(axesArrayClass);
  o.native = { items, shape };
  return o;
}

type Grid = { items: PyInstance[]; shape: number[] };
const G = (v: PyValue): Grid => (v as PyInstance).native as Grid;

function gridRow(g: Grid, i: number): PyValue {
  const n = g.shape[0];
  if (i < 0) i += n;
  if (i < 0 || i >= n) throw pyError('IndexError', `index ${i} is out of bounds for axis 0 with size ${n}`);
  if (g.shape.length === 1) return g.items[i];
  const w = g.shape[1];
  return axesArray(g.items.slice(i * w, (i + 1) * w), [w]);
}

axesArrayClass.dict.set('__getitem__', new PyBuiltin('__getitem__', ([self, key]) => {
  const g = G(self);
  if (key instanceof PyTuple) {
    let v: PyValue = self;
    for (const k of key.items) v = gridRow(G(v), Number(k as bigint));
    return v;
  }
  return gridRow(g, Number(key as bigint));
}));
axesArrayClass.dict.set('__len__', new PyBuiltin('__len__', ([self]) => BigInt(G(self).shape[0])));
axesArrayClass.dict.set('__iter__', new PyBuiltin('__iter__', ([self]) => {
  const g = G(self);
  let i = 0;
  return new PyIterator(() => (i < g.shape[0] ? gridRow(g, i++) : STOP));
}));
for (const name of ['flatten', 'ravel']) {
  axesArrayClass.dict.set(name, new PyBuiltin(name, ([self]) => axesArray(G(self).items, [G(self).items.length])));
}
axesArrayClass.dict.set('__repr__', new PyBuiltin('__repr__', ([self]) => `array([${G(self).items.map(() => '<Axes: >').join(', ')}], dtype=object)`));

export function createPyplot(state: PlotState): PyModule {
  const m = new PyModule('matplotlib.pyplot');
  const def = (name: string, f: (args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>) =>
    m.dict.set(name, new PyBuiltin(name, f));
  for (const [name, f] of Object.entries(axesMethods)) {
    const pyName = name.startsWith('set_') ? name.slice(4) : name;
    def(pyName, (args, kwargs, ctx) => f(state.gca(ctx.currentRange), args, kwargs, ctx));
  }
  const wrapFigure = (fig: FigureRecord): PyInstance => {
    const o = new PyInstance(figureClass);
    o.native = fig;
    return o;
  };
  def('figure', (_a, _k, ctx) => wrapFigure(state.newFigure(ctx.currentRange)));
  def('gcf', (_a, _k, ctx) => wrapFigure(state.figure(ctx.currentRange)));
  def('gca', (_a, _k, ctx) => wrapAxes(state.gca(ctx.currentRange)));
  def('subplots', (args, kwargs, ctx) => {
    const rows = Number((kwargs?.get('nrows') ?? args[0] ?? 1n) as bigint);
    const cols = Number((kwargs?.get('ncols') ?? args[1] ?? 1n) as bigint);
    const fig = state.newFigure(ctx.currentRange);
    const axes = Array.from({ length: rows * cols }, () => wrapAxes(state.addAxes(fig, ctx.currentRange)));
    // Like matplotlib: each new subplot becomes current, so the last one is.
    state.setCurrentAxes(axes[axes.length - 1].native as AxesRecord);
    const shape = rows === 1 || cols === 1 ? [rows * cols] : [rows, cols];
    return new PyTuple([wrapFigure(fig), axes.length === 1 ? axes[0] : axesArray(axes, shape)]);
  });
  def('subplot', (_args, _k, ctx) => {
    const fig = state.figure(ctx.currentRange);
    const ax = state.addAxes(fig, ctx.currentRange);
    state.setCurrentAxes(ax);
    return wrapAxes(ax);
  });
  def('suptitle', ([s], _k, ctx) => {
    state.figure(ctx.currentRange).suptitle = str(s);
    return null;
  });
  for (const name of ['show', 'savefig', 'close']) def(name, () => { state.flush(); return null; });
  def('clf', () => { state.newFigure(null); return null; });
  for (const name of ['tight_layout', 'colorbar', 'ion', 'ioff', 'pause', 'draw', 'xticks', 'yticks', 'xlim', 'ylim', 'axis', 'grid', 'text', 'style']) {
    if (!m.dict.has(name)) def(name, () => null);
  }
  for (const name of ['add_subplot']) {
    figureClass.dict.set(name, new PyBuiltin(name, (args, _k, ctx) => {
      const ax = state.addAxes((args[0] as PyInstance).native as FigureRecord, ctx.currentRange);
      state.setCurrentAxes(ax);
      return wrapAxes(ax);
    }));
  }
  figureClass.dict.set('suptitle', new PyBuiltin('suptitle', ([self, s]) => {
    ((self as PyInstance).native as FigureRecord).suptitle = str(s);
    return null;
  }));
  for (const name of ['tight_layout', 'colorbar', 'set_size_inches', 'savefig', 'show']) {
    figureClass.dict.set(name, new PyBuiltin(name, () => null));
  }
  return m;
}
