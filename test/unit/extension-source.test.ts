import { describe, expect, test } from 'vitest';
import { offsetMap } from '../../extension/source/offsetMap';
import { fileSnapshot, notebookSnapshot, placeOfLine, segmentAt, usesTorch } from '../../extension/source/cells';

describe('offsetMap', () => {
  const run = 'x = torch.ones(2)\ny = x * 2\nz = y + 1\n';

  test('identical texts map one to one', () => {
    const m = offsetMap(run, run);
    expect(m.rangeToCurrent(4, 17)).toEqual({ from: 4, to: 17 });
    expect(m.pointToRun(20)).toBe(20);
  });

  test('a line inserted in the middle shifts what follows and keeps what precedes', () => {
    const cur = run.replace('y = x * 2\n', 'y = x * 2\nw = 5\n');
    const m = offsetMap(run, cur);
    expect(m.rangeToCurrent(0, 1)).toEqual({ from: 0, to: 1 }); // x
    const zRun = run.indexOf('z');
    const zCur = cur.indexOf('z');
    expect(m.rangeToCurrent(zRun, zRun + 1)).toEqual({ from: zCur, to: zCur + 1 });
    expect(m.pointToRun(zCur)).toBe(zRun);
    expect(m.pointToRun(cur.indexOf('w') + 2)).toBeNull();
  });

  test('a range touching the edited text has no counterpart', () => {
    const cur = run.replace('x * 2', 'x * 3');
    const m = offsetMap(run, cur);
    const e = run.indexOf('x * 2');
    expect(m.rangeToCurrent(e, e + 5)).toBeNull();
    expect(m.rangeToCurrent(e, e + 1)).toEqual({ from: e, to: e + 1 }); // `x` itself is untouched
  });

  test('an insertion right before a range keeps the range whole', () => {
    const m = offsetMap('ab', 'aXb');
    expect(m.rangeToCurrent(1, 2)).toEqual({ from: 2, to: 3 });
    expect(m.rangeToCurrent(0, 1)).toEqual({ from: 0, to: 1 });
  });
});

describe('notebook snapshots', () => {
  test('cells are joined in order and keep their offsets; magics become comments', () => {
    const snap = notebookSnapshot('nb', 'nb.ipynb', [
      { uri: 'c1', text: '%matplotlib inline\nimport torch' },
      { uri: 'c2', text: 'x = torch.ones(3)' },
    ]);
    expect(snap.source).toBe('#matplotlib inline\nimport torch\nx = torch.ones(3)');
    expect(snap.segments.map((s) => s.start)).toEqual([0, 32]);
    expect(snap.source.slice(32, 33)).toBe('x');
    expect(segmentAt(snap, 33)?.uri).toBe('c2');
    expect(segmentAt(snap, 5)?.uri).toBe('c1');
  });

  test('live mode only runs torch programs', () => {
    expect(usesTorch('import torch\nx = 1')).toBe(true);
    expect(usesTorch('# comment\nfrom torch import nn')).toBe(true);
    expect(usesTorch('import numpy as np\nprint("torch")')).toBe(false);
  });
});

test('errors are placed by cell in notebooks and by line in files', () => {
  const nb = notebookSnapshot('nb', 'nb.ipynb', [
    { uri: 'c1', text: 'import torch\ntorch.manual_seed(7)' },
    { uri: 'c2', text: 'x = torch.ones(3)' },
    { uri: 'c3', text: '\ntorch.mm(x, x)' },
  ]);
  expect(placeOfLine(nb, 2)).toBe('cell 1, line 2');
  expect(placeOfLine(nb, 3)).toBe('cell 2, line 1');
  expect(placeOfLine(nb, 5)).toBe('cell 3, line 2');
  expect(placeOfLine(fileSnapshot('f', 'f.py', 'a\nb\nc'), 3)).toBe('line 3');
});
