// Wording of hovers, hints, diagnostics and the status bar, from trace records.
// The summaries below are trace-shaped inputs (what the recorder would hand
// over); the numbers in them are arbitrary, only the formatting is checked.
import { describe, expect, test } from 'vitest';
import type { ExprRecord, SourceRange, TensorSummary, Trace } from '../../engine/trace/types';
import { hoverMarkdown } from '../../extension/hover/markdown';
import { colour, tensorSvg } from '../../extension/hover/picture';
import { stat } from '../../extension/hover/numbers';
import { hintColumn, hintLabel } from '../../extension/hints/label';
import { diagnosticsOf } from '../../extension/diagnostics/fromTrace';
import { statusText } from '../../extension/status/statusText';
import { recordAt, tensorAssignments } from '../../extension/trace/query';

const r = (from: number, to: number, line = 1): SourceRange => ({ from, to, line, col: from, endLine: line, endCol: to });

function tensor(shape: number[], values: number[], extra: Partial<TensorSummary> = {}): TensorSummary {
  return {
    kind: 'tensor', shape, dtype: 'float32', requiresGrad: false, gradFn: null, isLeaf: true,
    stats: { min: Math.min(...values), max: Math.max(...values), mean: 0.25, std: 1.5, nanCount: 0, infCount: 0 },
    printed: `tensor([${values.join(', ')}])`, sample: { values, complete: true }, ...extra,
  };
}

function trace(exprs: ExprRecord[], extra: Partial<Trace> = {}): Trace {
  return {
    version: 1, file: 't.py', backend: 'cpu', durationMs: 12.4, exprs, graph: { nodes: [], edges: [], truncated: false },
    backwards: [], steps: [], stdout: '', figures: [], error: null, stopped: null, ...extra,
  };
}

describe('hover markdown', () => {
  test('a tensor: shape, dtype, grad info, stats, printed value, picture and panel link', () => {
    const t = tensor([1, 3], [-0.5, 0, 2], { requiresGrad: true, gradFn: 'MulBackward0', isLeaf: false });
    const md = hoverMarkdown({ range: r(0, 1), value: t, iteration: 1, count: 1 }, 'x', { previewSize: 16, inspectUri: 'command:tensorLens.inspectTensor?%5B%5D' });
    expect(md).toContain('`torch.Size([1, 3])`');
    expect(md).toContain('`torch.float32`');
    expect(md).toContain('requires_grad `True`');
    expect(md).toContain('grad_fn `<MulBackward0>`');
    expect(md).toContain('min `-0.5` · max `2`');
    expect(md).toContain('NaN 0 · Inf 0');
    expect(md).toContain('```python\ntensor([-0.5, 0, 2])\n```');
    expect(md).toMatch(/!\[values of torch\.Size\(\[1, 3\]\)\]\(data:image\/svg\+xml;base64,[A-Za-z0-9+/=]+\)/);
    expect(md).toContain('[Open in Tensor Lens](command:tensorLens.inspectTensor?%5B%5D');
  });

  test('loops say which evaluation is shown; .grad is shown when present', () => {
    const t = tensor([2], [1, 2], { grad: tensor([2], [0.5, 0.5]) });
    const md = hoverMarkdown({ range: r(0, 1), value: t, iteration: 7, count: 7 }, 'w', { previewSize: 16 });
    expect(md).toContain('showing evaluation 7 of 7');
    expect(md).toContain('**.grad** — `torch.Size([2])`');
    expect(md).toContain('tensor([0.5, 0.5])');
  });

  test('NaN and Inf are flagged', () => {
    const t = tensor([2], [NaN, 1], { stats: { min: 1, max: 1, mean: NaN, std: NaN, nanCount: 1, infCount: 0 } });
    const md = hoverMarkdown({ range: r(0, 1), value: t, iteration: 1, count: 1 }, 'z', { previewSize: 16 });
    expect(md).toContain('⚠ min');
    expect(md).toContain('NaN 1');
    expect(md).toContain('mean `nan`');
  });

  test('plain Python values hover with their repr', () => {
    const md = hoverMarkdown({ range: r(0, 1), value: { kind: 'list', repr: '[1, 2, 3]', length: 3 }, iteration: 1, count: 1 }, 'xs', { previewSize: 16 });
    expect(md).toContain('list of 3');
    expect(md).toContain('```python\n[1, 2, 3]\n```');
  });

  test('statistics read like Python numbers', () => {
    expect(stat(-0.14676)).toBe('-0.14676');
    expect(stat(1234567)).toBe('1.2346e+6');
    expect(stat(Infinity)).toBe('inf');
  });
});

describe('hover picture', () => {
  test('a 2-D tensor is a heatmap with one cell per element, coloured by sign', () => {
    const svg = tensorSvg(tensor([2, 2], [-1, 0, 1, 0.5]), { previewSize: 16 })!;
    expect(svg.match(/<rect x=/g)!.length).toBe(4 + 1); // cells + frame
    expect(svg).toContain(colour(-1, 1));
    expect(colour(-1, 1)).toBe('rgb(33,102,172)');
    expect(colour(1, 1)).toBe('rgb(178,24,43)');
  });

  test('large tensors are subsampled to the preview size; long vectors become sparklines', () => {
    const big = Array.from({ length: 100 * 100 }, (_, i) => Math.sin(i));
    expect(tensorSvg(tensor([100, 100], big), { previewSize: 8 })!.match(/<rect x=/g)!.length).toBe(64 + 1);
    expect(tensorSvg(tensor([200], big.slice(0, 200)), { previewSize: 8 })).toContain('<polyline');
    expect(tensorSvg(tensor([], [3]), { previewSize: 8 })).toBeNull();
  });
});

describe('inlay hints', () => {
  test('shape, and dtype only when not float32', () => {
    expect(hintLabel(tensor([1, 5], [0]))).toBe('[1, 5]');
    expect(hintLabel({ ...tensor([3], [0]), dtype: 'int64' })).toBe('[3] int64');
  });

  test('placed after the assigned name, whatever span the record covers', () => {
    const line = 'features = torch.randn((1, 5))';
    expect(hintColumn(line, 'features', 0)).toBe(8);
    expect(hintColumn(line, 'features', 11)).toBe(8);
    expect(hintColumn('w = features.view(5, 1)', 'w', 4)).toBe(1);
    expect(hintColumn('self.fc = nn.Linear(2, 3)', 'self.fc', 0)).toBe(7);
    expect(hintColumn('x = 1', 'y', 0)).toBeNull();
  });

  test('only tensor assignments get hints; the smallest record wins at a cursor', () => {
    const outer = { range: r(0, 20), value: tensor([1], [1]), iteration: 1, count: 1, assignedName: 'a' };
    const inner = { range: r(4, 9), value: tensor([2], [1, 2]), iteration: 1, count: 1 };
    const num = { range: r(21, 22), value: { kind: 'int' as const, repr: '3' }, iteration: 1, count: 1, assignedName: 'n' };
    const t = trace([outer, inner, num]);
    expect(tensorAssignments(t)).toEqual([outer]);
    expect(recordAt(t, 5)).toBe(inner);
    expect(recordAt(t, 2)).toBe(outer);
    expect(recordAt(t, 9)).toBe(outer); // the character after `inner` belongs to `outer`
    expect(recordAt(trace([inner]), 9)).toBe(inner); // just after the expression still finds it
    expect(recordAt(t, 30)).toBeNull();
  });
});

describe('diagnostics and status', () => {
  const mmError = {
    type: 'RuntimeError', message: 'mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)', range: r(4, 31, 3),
    traceback: [{ name: '<module>', line: 3 }], related: [{ range: r(13, 21, 3), message: 'shape [1, 5]' }],
  };

  test('an error sits on its range with the PyTorch message and operand shapes', () => {
    const [d] = diagnosticsOf(trace([], { error: mmError }));
    expect(d).toMatchObject({ severity: 'error', code: 'RuntimeError', message: 'RuntimeError: mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)' });
    expect(d.related).toEqual(mmError.related);
  });

  test('NotImplementedError is a warning; a budget stop is information; a cancel is nothing', () => {
    const ni = { ...mmError, type: 'NotImplementedError', message: 'async def is not supported' };
    expect(diagnosticsOf(trace([], { error: ni }))[0].severity).toBe('warning');
    const stop = diagnosticsOf(trace([], { error: { ...mmError, type: 'TimeoutError', message: 'over 3000 ms' }, stopped: 'time' }))[0];
    expect(stop.severity).toBe('information');
    expect(stop.message).toContain('time budget');
    expect(diagnosticsOf(trace([], { error: mmError, stopped: 'cancelled' }))).toEqual([]);
  });

  test('the program\'s warnings are warnings where Python places them, before the error', () => {
    const warnings = [{ category: 'UserWarning', message: 'Implicit dimension choice for softmax has been deprecated. Change the call to include dim=X as an argument.', range: r(40, 52, 5) }];
    expect(diagnosticsOf(trace([], { warnings }))).toEqual([
      { range: r(40, 52, 5), severity: 'warning', code: 'UserWarning', message: `UserWarning: ${warnings[0].message}`, related: [] },
    ]);
    expect(diagnosticsOf(trace([], { warnings, error: mmError })).map((d) => d.severity)).toEqual(['warning', 'error']);
  });

  test('status bar: done in N ms, error, budget stops', () => {
    const base = { kind: 'finished' as const, file: 't.py', origin: 'live' as const, timeBudgetMs: 3000, memoryBudgetBytes: 512 * 2 ** 20 };
    expect(statusText({ ...base, outcome: { kind: 'done', trace: trace([]), wallMs: 20 } }).text).toBe('$(check) Tensor Lens: done in 12 ms · CPU');
    expect(statusText({ ...base, outcome: { kind: 'done', trace: trace([], { error: mmError }), wallMs: 20 } }).text).toContain('RuntimeError · CPU');
    const stopped = statusText({ ...base, outcome: { kind: 'done', trace: trace([], { error: mmError, stopped: 'time' }), wallMs: 20 } });
    expect(stopped.text).toBe('$(watch) Tensor Lens: stopped by time budget (3000 ms) · CPU');
    expect(stopped.tone).toBe('warning');
    expect(statusText({ ...base, outcome: { kind: 'killed', reason: 'time', message: 'did not stop', wallMs: 4500 } }).text).toContain('stopped by time budget');
    expect(statusText({ kind: 'running', file: 't.py', origin: 'live' }).text).toContain('running');
  });
});
