// What one run leaves for the next and what a trace carries out of a run:
// torch.set_printoptions is global in PyTorch but a Tensor Lens run starts
// from the defaults; the exception chain of an uncaught error survives the
// trace's JSON, so a saved trace prints the same traceback as the CLI.
import { describe, expect, it } from 'vitest';
import { run } from '../../engine/runtime';
import { formatTraceback } from '../../engine/python/traceback';

describe('state between runs', () => {
  it('starts every run from the default print options', async () => {
    const a = await run('import torch\ntorch.set_printoptions(precision=1, sci_mode=True)\nprint(torch.tensor([1.23456]))\n', { file: 'a.py' });
    expect(a.stdout).toBe('tensor([1.2e+00])\n');
    const b = await run('import torch\nprint(torch.tensor([1.23456]))\n', { file: 'b.py' });
    expect(b.stdout).toBe('tensor([1.2346])\n');
  });

  it('keeps objects of one run out of another run\'s key comparisons', async () => {
    const src = [
      'class P:',
      '    def __init__(self, x): self.x = x',
      '    def __hash__(self): return hash(self.x)',
      '    def __eq__(self, o):',
      '        print("eq", self.x, o.x)',
      '        return self.x == o.x',
      'print({(P(1), 0): "a"}[(P(1), 0)])',
      '',
    ].join('\n');
    const first = await run(src, { file: 'p.py' });
    const second = await run(src, { file: 'p.py' });
    expect(first.stdout).toBe('eq 1 1\na\n');
    expect(second.stdout).toBe(first.stdout);
  });
});

describe('exception chains in a trace', () => {
  it('prints the same chained traceback after a JSON round trip', async () => {
    const src = [
      'def load(s):',
      '    try:',
      '        return int(s)',
      '    except ValueError as e:',
      '        raise RuntimeError("bad input") from e',
      'load("x")',
      '',
    ].join('\n');
    const t = await run(src, { file: 'c.py' });
    expect(t.error?.type).toBe('RuntimeError');
    const text = formatTraceback(t.error!, 'c.py', src);
    expect(text).toBe([
      'Traceback (most recent call last):',
      '  File "c.py", line 3, in load',
      '    return int(s)',
      '           ^^^^^^',
      "ValueError: invalid literal for int() with base 10: 'x'",
      '',
      'The above exception was the direct cause of the following exception:',
      '',
      'Traceback (most recent call last):',
      '  File "c.py", line 6, in <module>',
      '    load("x")',
      '  File "c.py", line 5, in load',
      '    raise RuntimeError("bad input") from e',
      'RuntimeError: bad input',
      '',
    ].join('\n'));
    const saved = JSON.parse(JSON.stringify(t.error));
    expect(formatTraceback(saved, 'c.py', src)).toBe(text);
  });
});
