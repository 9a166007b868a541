import { describe, expect, test } from 'vitest';
import { applyFix, callOperands, fixWorked, mmFixCandidates, parseClash } from '../../extension/fixes/mmFix';

const src = 'y = torch.mm(features, weights)\n';
const from = src.indexOf('torch.mm');
const to = src.indexOf(')') + 1;

describe('mm shape-clash fixes', () => {
  test('parses the clash from PyTorch\'s message', () => {
    expect(parseClash('mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)')).toEqual({ a: [1, 5], b: [1, 5] });
    expect(parseClash('size mismatch')).toBeNull();
  });

  test('finds the operands of the call, from the call or only its callee', () => {
    const ops = callOperands(src, from, to)!;
    expect(ops.map((o) => src.slice(o.from, o.to))).toEqual(['features', 'weights']);
    expect(callOperands(src, from, from + 'torch.mm'.length)!.map((o) => o.text)).toEqual(['features', 'weights']);
    expect(callOperands('torch.mm(a[0, 1], f(b, c))', 0, 26)!.map((o) => o.text)).toEqual(['a[0, 1]', 'f(b, c)']);
    expect(callOperands('torch.mm(a)', 0, 11)).toBeNull();
  });

  test('(1x5)(1x5): weights.view(5, 1) and weights.T, in that order', () => {
    const fixes = mmFixCandidates({ a: [1, 5], b: [1, 5] }, callOperands(src, from, to)!);
    expect(fixes.map((f) => f.replacement)).toEqual(['weights.view(5, 1)', 'weights.T']);
    expect(applyFix(src, fixes[0])).toBe('y = torch.mm(features, weights.view(5, 1))\n');
  });

  test('a compound operand is parenthesised', () => {
    const s = 'torch.mm(x, w + 1)';
    const fixes = mmFixCandidates({ a: [2, 3], b: [2, 3] }, callOperands(s, 0, s.length)!);
    expect(fixes.map((f) => f.replacement)).toContain('(w + 1).T');
  });

  test('no reshape is offered when the element count cannot fit', () => {
    const s = 'torch.mm(a, b)';
    const fixes = mmFixCandidates({ a: [2, 4], b: [3, 3] }, callOperands(s, 0, s.length)!);
    expect(fixes).toEqual([]);
  });
});

describe('a fix is offered only when the re-run gets past it', () => {
  const span = { from: 23, to: 41 };
  test('no error, or an error elsewhere, counts as working', () => {
    expect(fixWorked(null, span)).toBe(true);
    expect(fixWorked({ range: { from: 60, to: 70 } }, span)).toBe(true);
    expect(fixWorked({ range: { from: 0, to: 10 } }, span)).toBe(true);
  });
  test('an error still on the fixed call does not', () => {
    expect(fixWorked({ range: { from: 4, to: 42 } }, span)).toBe(false);
    expect(fixWorked({ range: { from: 30, to: 35 } }, span)).toBe(false);
  });
});
