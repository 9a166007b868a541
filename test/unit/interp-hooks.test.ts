// Hooks the trace recorder uses, notebook joining, and the public API shapes.
import { describe, expect, it } from 'vitest';
import { runPython, formatTraceback, toNotebookSource, parse, Interpreter } from '../../engine/python/index';
import type { SourceRange } from '../../engine/trace/types';

describe('interpreter hooks', () => {
  it('reports expressions with their kind and range, assignments and loop iterations', async () => {
    const exprs: [string, string][] = [];
    const assigns: string[] = [];
    const loops: number[] = [];
    const src = 'def sq(v):\n    return v * v\ntotal = 0\nfor i in range(3):\n    total = total + sq(i)\n';
    await runPython(src, {
      hooks: {
        onExpr: (range, _v, kind) => void exprs.push([src.slice(range.from, range.to), kind]),
        onAssign: (name, range, v) => void assigns.push(`${name}@${range.line}=${String(v)}`),
        onLoopIteration: (_r, n) => void loops.push(n),
      },
    });
    expect(exprs).toContainEqual(['sq(i)', 'call']);
    expect(exprs).toContainEqual(['v * v', 'binop']);
    expect(exprs).toContainEqual(['total + sq(i)', 'binop']);
    expect(exprs).toContainEqual(['range(3)', 'call']);
    expect(assigns).toContain('total@5=5');
    expect(assigns).toContain('i@4=2');
    expect(loops).toEqual([1, 2, 3]);
  });

  it('lets hooks be async (GPU readback) and keeps the call stack of call ranges', async () => {
    const stacks: string[] = [];
    const src = 'def inner():\n    return 1\ndef outer():\n    return inner()\nouter()\n';
    let it: Interpreter | null = null;
    const r = await runPython(src, {
      hooks: {
        onExpr: async () => {
          await new Promise((res) => setTimeout(res, 0));
        },
        onCall: (range: SourceRange) => {
          stacks.push((it?.callStack ?? []).map((x) => src.slice(x.from, x.to)).join('>') + '|' + src.slice(range.from, range.to));
        },
      },
    }).then((res) => {
      it = res.interpreter;
      return res;
    });
    expect(r.error).toBeNull();
    expect(stacks.length).toBe(2);
    expect(stacks[1].endsWith('|inner()')).toBe(true);
  });

  it('streams stdout through onStdout', async () => {
    const chunks: string[] = [];
    const r = await runPython('print(1)\nprint("a", end="")\n', { hooks: { onStdout: (t) => void chunks.push(t) } });
    expect(chunks).toEqual(['1\n', 'a']);
    expect(r.stdout).toBe('1\na');
  });
});

describe('errors and tracebacks', () => {
  it('formats a Python traceback with frames outermost first', async () => {
    const src = 'def f(x):\n    return g(x)\ndef g(x):\n    raise ValueError(f"bad {x}")\nf(3)\n';
    const r = await runPython(src, { file: 'prog.py' });
    expect(r.error).toMatchObject({ type: 'ValueError', message: 'bad 3' });
    expect(r.error?.traceback).toMatchObject([{ name: '<module>', line: 5 }, { name: 'f', line: 2 }, { name: 'g', line: 4 }]);
    expect(formatTraceback(r.error!, 'prog.py', src)).toBe(
      'Traceback (most recent call last):\n' +
      '  File "prog.py", line 5, in <module>\n    f(3)\n' +
      '  File "prog.py", line 2, in f\n    return g(x)\n           ^^^^\n' +
      '  File "prog.py", line 4, in g\n    raise ValueError(f"bad {x}")\n' +
      'ValueError: bad 3\n');
  });

  it('draws Python 3.11 carets: ~ and ^ anchors for operators and subscripts, repeats collapsed', async () => {
    const src = 'a = 1\nb = a / 0\n';
    const r = await runPython(src);
    expect(formatTraceback(r.error!, 'x.py', src)).toBe(
      'Traceback (most recent call last):\n  File "x.py", line 2, in <module>\n    b = a / 0\n        ~~^~~\nZeroDivisionError: division by zero\n');
    const rec = 'def f(n):\n    return f(n + 1) + 1\nf(0)\n';
    const rr = await runPython(rec);
    const text = formatTraceback(rr.error!, 'r.py', rec);
    expect(text).toContain('  [Previous line repeated 996 more times]\n');
    expect(text.endsWith('RecursionError: maximum recursion depth exceeded\n')).toBe(true);
  });

  it('locates errors at the innermost expression', async () => {
    const src = 'a = [1, 2]\nb = 1 + a[5]\n';
    const r = await runPython(src);
    expect(r.error?.type).toBe('IndexError');
    expect(src.slice(r.error!.range.from, r.error!.range.to)).toBe('a[5]');
  });

  it('runs nothing on a syntax error by default, the lines above it in live mode', async () => {
    const src = 'print("above")\nx = (\n';
    const strict = await runPython(src);
    expect(strict.stdout).toBe('');
    expect(strict.error?.type).toBe('SyntaxError');
    const live = await runPython(src, { runBeforeSyntaxError: true });
    expect(live.stdout).toBe('above\n');
    expect(live.error?.type).toBe('SyntaxError');
    expect(live.error?.range.line).toBe(2);
  });
});

describe('notebooks', () => {
  const nb = JSON.stringify({
    cells: [
      { cell_type: 'markdown', source: ['# Title'] },
      { cell_type: 'code', source: ['%matplotlib inline\n', 'x = 2\n', 'x * 21'] },
      { cell_type: 'code', source: '!pip install torch\nprint("hi")\ny = [x]\ny' },
      { cell_type: 'code', source: 'x;' },
      { cell_type: 'code', source: 'None' },
    ],
  });

  it('joins code cells, drops magics and shows the last bare expression', async () => {
    const joined = toNotebookSource(nb);
    expect(joined.cells.map((c) => c.index)).toEqual([1, 2, 3, 4]);
    expect(joined.cells[1].startLine).toBe(joined.cells[0].startLine + joined.cells[0].lineCount);
    const r = await runPython(joined.source);
    expect(r.error).toBeNull();
    expect(r.stdout).toBe('42\nhi\n[2]\n');
    expect(parse(joined.source).syntaxError).toBeNull();
  });
});
