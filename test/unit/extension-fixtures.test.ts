// Hover, hints and diagnostics on real engine traces (test/fixtures/traces,
// written by scripts/fixtures.mjs from the programs they name), with the
// values real PyTorch printed for the seed (test/e2e/golden/seed_values.json).
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { describe, expect, test } from 'vitest';
import type { Trace } from '../../engine/trace/types';
import { diagnosticsOf } from '../../extension/diagnostics/fromTrace';
import { hintColumn, hintLabel } from '../../extension/hints/label';
import { hoverMarkdown } from '../../extension/hover/markdown';
import { recordAt, tensorAssignments } from '../../extension/trace/query';

const ROOT = resolve(__dirname, '../..');
const load = (name: string): Trace => JSON.parse(readFileSync(join(ROOT, 'test/fixtures/traces', name), 'utf8')) as Trace;
const golden = JSON.parse(readFileSync(join(ROOT, 'test/e2e/golden/seed_values.json'), 'utf8')) as Record<string, string>;

describe('seed trace', () => {
  const trace = load('seed.json');
  const source = readFileSync(join(ROOT, trace.file), 'utf8');

  test('hints: [1, 5] right after features, one per tensor assignment', () => {
    const hints = tensorAssignments(trace).map((r) => {
      const lineText = source.split('\n')[r.range.line - 1];
      return { line: r.range.line, col: hintColumn(lineText, r.assignedName!, r.range.col), label: r.value.kind === 'tensor' ? hintLabel(r.value) : '' };
    });
    const line = source.split('\n').findIndex((l) => l.startsWith('features = torch.randn((1, 5))')) + 1;
    expect(hints).toContainEqual({ line, col: 'features'.length, label: '[1, 5]' });
    expect(hints.every((h) => h.col !== null)).toBe(true);
  });

  test('hover on features: shape and the values PyTorch printed', () => {
    const at = source.indexOf('features = torch.randn((1, 5))');
    const rec = recordAt(trace, at + 2)!;
    const md = hoverMarkdown(rec, 'features', { previewSize: 16 });
    expect(md).toContain('torch.Size([1, 5])');
    expect(md).toContain(golden.features);
  });

  test('hover on torch.sum(features * weights) (cursor on its closing parenthesis): the scalar value', () => {
    const call = 'torch.sum(features * weights)';
    const at = source.indexOf(call) + call.length - 1;
    const rec = recordAt(trace, at)!;
    expect(source.slice(rec.range.from, rec.range.to)).toBe(call);
    const md = hoverMarkdown(rec, call, { previewSize: 16 });
    expect(md).toContain('torch.Size([])');
    expect(md).toContain(golden.sum_features_weights);
  });
});

describe('mm shape error trace', () => {
  test('one error diagnostic on the call with both operand shapes as related information', () => {
    const trace = load('mm-shape-error.json');
    const source = readFileSync(join(ROOT, trace.file), 'utf8');
    const [d] = diagnosticsOf(trace);
    expect(d.severity).toBe('error');
    expect(d.message).toBe(`RuntimeError: ${golden.mm_error}`);
    expect(source.slice(d.range.from, d.range.to)).toMatch(/^torch\.mm\(/);
    expect(d.related.map((r) => [source.slice(r.range.from, r.range.to), r.message])).toEqual([
      ['features', 'shape [1, 5]'],
      ['weights', 'shape [1, 5]'],
    ]);
  });
});

describe('training trace', () => {
  test('a record inside the loop says which evaluation it shows', () => {
    const trace = load('mlp-training.json');
    const rec = trace.exprs.find((r) => r.assignedName === 'output' && r.count > 1)!;
    const md = hoverMarkdown(rec, 'output', { previewSize: 16 });
    expect(md).toContain(`showing evaluation ${rec.iteration} of ${rec.count}`);
    expect(md).toContain(`torch.Size([${rec.value.kind === 'tensor' ? rec.value.shape.join(', ') : ''}])`);
  });
});
