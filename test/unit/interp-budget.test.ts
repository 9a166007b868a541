// Budgets, cancellation, recursion and error conversion: every way a run can
// end early ends with a located Python-style error, never a hang or a JS error.
import { describe, expect, it } from 'vitest';
import { runPython } from '../../engine/python/index';

describe('interpreter budgets', () => {
  it('stops an infinite while loop at the time budget with TimeoutError at the loop', async () => {
    const t0 = Date.now();
    const r = await runPython('x = 0\nwhile True:\n    x += 1\n', { timeBudgetMs: 200 });
    expect(Date.now() - t0).toBeLessThan(3000);
    expect(r.stopped).toBe('time');
    expect(r.error?.type).toBe('TimeoutError');
    expect(r.error?.message).toContain('time budget');
    expect(r.error?.range.line).toBeGreaterThanOrEqual(2);
  });

  it('stops an infinite for loop over a generator and a loop with only pass', async () => {
    const src = 'def gen():\n    while True:\n        yield 1\nfor _ in gen():\n    pass\n';
    const r = await runPython(src, { timeBudgetMs: 150 });
    expect(r.error?.type).toBe('TimeoutError');
    const r2 = await runPython('while True: pass\n', { timeBudgetMs: 100 });
    expect(r2.error?.type).toBe('TimeoutError');
  });

  it('the time stop cannot be caught by except', async () => {
    const src = 'while True:\n    try:\n        pass\n    except BaseException:\n        print("caught")\n';
    const r = await runPython(src, { timeBudgetMs: 100 });
    expect(r.error?.type).toBe('TimeoutError');
    expect(r.stdout).toBe('');
  });

  it('cancels through the shared signal', async () => {
    const signal = { cancelled: false };
    setTimeout(() => (signal.cancelled = true), 50);
    const r = await runPython('i = 0\nwhile True:\n    i += 1\n', { signal, timeBudgetMs: 10_000 });
    expect(r.stopped).toBe('cancelled');
    expect(r.error?.type).toBe('KeyboardInterrupt');
  });

  it('raises RecursionError like Python and it can be caught', async () => {
    const r = await runPython('def f(n):\n    return f(n + 1)\nf(0)\n');
    expect(r.error?.type).toBe('RecursionError');
    expect(r.error?.message).toBe('maximum recursion depth exceeded');
    expect(r.error?.traceback[0]).toMatchObject({ name: '<module>', line: 3 });
    expect(r.error?.traceback[1]).toMatchObject({ name: 'f', line: 2 });
    expect(r.error?.traceback.length).toBe(1000);
    const caught = await runPython('def f(n):\n    return f(n + 1)\ntry:\n    f(0)\nexcept RecursionError:\n    print("ok")\n');
    expect(caught.stdout).toBe('ok\n');
  });

  it('honours a smaller recursion limit', async () => {
    const r = await runPython('def f(n):\n    return 0 if n == 0 else f(n - 1)\nprint(f(40))\n', { maxRecursion: 20 });
    expect(r.error?.type).toBe('RecursionError');
  });

  it('refuses sandboxed builtins and unknown modules with Python errors naming them', async () => {
    for (const [src, type, text] of [
      ['open("x.txt")', 'PermissionError', 'open()'],
      ['eval("1")', 'PermissionError', 'eval()'],
      ['exec("x=1")', 'PermissionError', 'exec()'],
      ['input()', 'PermissionError', 'input()'],
      ['import os', 'ModuleNotFoundError', "No module named 'os'"],
      ['import subprocess', 'ModuleNotFoundError', 'sandbox'],
      ['from socket import socket', 'ModuleNotFoundError', "'socket'"],
    ] as const) {
      const r = await runPython(src);
      expect(r.error?.type, src).toBe(type);
      expect(r.error?.message, src).toContain(text);
      expect(r.error?.range.line).toBe(1);
    }
  });

  it('raises NotImplementedError naming unsupported constructs at their range', async () => {
    const r = await runPython('x = 1\nmatch x:\n    case 1:\n        pass\n');
    expect(r.error?.type).toBe('NotImplementedError');
    expect(r.error?.message).toContain('match');
    expect(r.error?.range.line).toBe(2);
    const c = await runPython('y = 2\nz = 3j\n');
    expect(c.error?.type).toBe('NotImplementedError');
    expect(c.error?.range).toMatchObject({ line: 2, col: 4 });
    const a = await runPython('async def f():\n    pass\n');
    expect(a.error?.type).toBe('NotImplementedError');
  });

  it('converts a JS exception thrown by a native builtin into a located error', async () => {
    const { registerModule, makeModule, PyBuiltin } = await import('../../engine/python/index');
    registerModule('_boom', () => makeModule('_boom', {
      js: new PyBuiltin('js', () => { throw new TypeError('undefined is not a function'); }),
      typed: new PyBuiltin('typed', () => { throw Object.assign(new Error('mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)'), { pyType: 'RuntimeError' }); }),
    }));
    const r = await runPython('import _boom\n\n_boom.js()\n');
    expect(r.error?.type).toBe('SystemError');
    expect(r.error?.message).toContain('internal error');
    expect(r.error?.range.line).toBe(3);
    const t = await runPython('import _boom\ntry:\n    _boom.typed()\nexcept RuntimeError as e:\n    print(e)\n');
    expect(t.stdout).toBe('mat1 and mat2 shapes cannot be multiplied (1x5 and 1x5)\n');
  });
});
