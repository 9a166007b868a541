// Parser: Lezer tree -> our AST with exact ranges; error tolerance keeps the
// statements above the first syntax error.
import { describe, expect, it } from 'vitest';
import { parse } from '../../engine/python/index';
import type { Expr, Stmt } from '../../engine/python/ast';

function firstExpr(src: string): Expr {
  const m = parse(src);
  expect(m.syntaxError).toBeNull();
  const s = m.body[0];
  if (s.kind !== 'Expr') throw new Error('not an expression statement');
  return s.value;
}

describe('parse', () => {
  it('gives every node a range with 1-based lines and 0-based columns', () => {
    const m = parse('x = 1\nif x:\n    y = f(x, k=2)[0]\n');
    expect(m.syntaxError).toBeNull();
    const iff = m.body[1] as Extract<Stmt, { kind: 'If' }>;
    expect(iff.range).toMatchObject({ line: 2, col: 0 });
    const assign = iff.body[0] as Extract<Stmt, { kind: 'Assign' }>;
    expect(assign.range).toMatchObject({ from: 16, line: 3, col: 4, endLine: 3, endCol: 20 });
    const sub = assign.value as Extract<Expr, { kind: 'Subscript' }>;
    expect(sub.kind).toBe('Subscript');
    const call = sub.value as Extract<Expr, { kind: 'Call' }>;
    expect(call.range).toMatchObject({ line: 3, col: 8, endCol: 17 });
    expect(call.args.map((a) => a.kind)).toEqual(['pos', 'kw']);
  });

  it('flattens chained comparisons and keeps operators', () => {
    const e = firstExpr('a < b <= c != d');
    expect(e.kind).toBe('Compare');
    if (e.kind === 'Compare') expect(e.ops).toEqual(['<', '<=', '!=']);
    const n = firstExpr('a not in b');
    if (n.kind === 'Compare') expect(n.ops).toEqual(['not in']);
    const i = firstExpr('a is not b');
    if (i.kind === 'Compare') expect(i.ops).toEqual(['is not']);
  });

  it('converts numbers exactly: ints as bigint, floats as number', () => {
    expect(firstExpr('123456789012345678901234567890')).toMatchObject({ value: 123456789012345678901234567890n });
    expect(firstExpr('0x_ff')).toMatchObject({ value: 255n });
    expect(firstExpr('1_000.5')).toMatchObject({ value: 1000.5 });
    expect(firstExpr('1e3')).toMatchObject({ value: 1000 });
  });

  it('decodes strings and f-strings', () => {
    expect(firstExpr(String.raw`'a\tb\x41\u00e9'`)).toMatchObject({ value: 'a\tbA\u00e9' });
    expect(firstExpr(String.raw`r'a\n'`)).toMatchObject({ value: 'a\\n' });
    expect(firstExpr(`'a' "b" 'c'`)).toMatchObject({ value: 'abc' });
    const f = firstExpr('f"x{a!r:>{w}}y{{z}}"');
    expect(f.kind).toBe('FString');
    if (f.kind === 'FString') {
      expect(f.parts[0]).toEqual({ kind: 'text', text: 'x' });
      expect(f.parts[1]).toMatchObject({ kind: 'expr', conversion: 'r' });
      expect(f.parts[2]).toEqual({ kind: 'text', text: 'y{z}' });
    }
  });

  it('parses slices, starred targets, comprehensions, lambdas and decorators', () => {
    const s = firstExpr('a[1:2, ::3]');
    expect(s).toMatchObject({ kind: 'Subscript', index: { kind: 'Tuple', elts: [{ kind: 'Slice' }, { kind: 'Slice', lower: null, upper: null }] } });
    const m = parse('first, *rest = xs\n@torch.no_grad()\ndef f(a, b=1, *c, d, **e):\n    return [i for i in a if i]\n');
    expect(m.syntaxError).toBeNull();
    const assign = m.body[0] as Extract<Stmt, { kind: 'Assign' }>;
    expect(assign.targets[0]).toMatchObject({ kind: 'Tuple', elts: [{ kind: 'Name' }, { kind: 'Starred' }] });
    const def = m.body[1] as Extract<Stmt, { kind: 'FunctionDef' }>;
    expect(def.params.map((p) => `${p.name}:${p.kind}`)).toEqual(['a:normal', 'b:normal', 'c:star', 'd:kwonly', 'e:starstar']);
    expect(def.decorators[0]).toMatchObject({ kind: 'Call', func: { kind: 'Attribute', attr: 'no_grad' } });
    expect(def.scope?.locals.has('a')).toBe(true);
  });

  it('keeps statements above the first syntax error and reports its range', () => {
    const m = parse('a = 1\nb = 2\nc = (\nd = 4\n');
    expect(m.body.length).toBe(2);
    expect(m.syntaxError?.range.line).toBeGreaterThanOrEqual(3);
    const half = parse('x = 1\nfor i in range(3):\n    y = \nprint(x)\n');
    expect(half.body.length).toBe(1);
    expect(half.syntaxError?.range.line).toBe(3);
  });

  it('rejects Python 2 print and assignment to a call', () => {
    expect(parse('print "x"\n').syntaxError?.message).toContain("Missing parentheses in call to 'print'");
    expect(parse('f() = 1\n').syntaxError?.message).toContain('cannot assign to function call');
  });

  it('marks generator functions and global/nonlocal names', () => {
    const m = parse('def g():\n    global z\n    z = 1\n    yield z\n');
    const def = m.body[0] as Extract<Stmt, { kind: 'FunctionDef' }>;
    expect(def.scope?.isGenerator).toBe(true);
    expect(def.scope?.locals.has('z')).toBe(false);
    expect(def.scope?.globals.has('z')).toBe(true);
  });

  it('reports tokenizer errors with CPython 3.11 types, messages and lines', () => {
    const cases: [string, string, string, number][] = [
      ['x = 1\nif x\n    print(x)\n', 'SyntaxError', "expected ':'", 2],
      ['print("abc)\n', 'SyntaxError', 'unterminated string literal (detected at line 1)', 1],
      ['def f():\nreturn 1\n', 'IndentationError', 'expected an indented block after function definition on line 1', 2],
      ['x = 1\n  y = 2\n', 'IndentationError', 'unexpected indent', 2],
      ['for i in range(3):\n    print(i)\n  print(2)\n', 'IndentationError', 'unindent does not match any outer indentation level', 3],
      ['x = [1, 2\ny = 3\n', 'SyntaxError', "'[' was never closed", 1],
      ['class A\n    pass\n', 'SyntaxError', "expected ':'", 1],
      ['s = """abc\n\nx=1\n', 'SyntaxError', 'unterminated triple-quoted string literal (detected at line 3)', 1],
    ];
    for (const [src, type, message, line] of cases) {
      const m = parse(src);
      expect(m.syntaxError, src).toMatchObject({ message, range: { line } });
      expect(m.syntaxError?.type ?? 'SyntaxError', src).toBe(type);
    }
    // Valid layouts stay valid: brackets, continuations, one-line suites, comments.
    expect(parse('x = (1,\n     2)\nif x: print(x)\nelse: pass\ny = {"a": 1,\n  "b": 2}\nz = 1 + \\\n  2\nif y:\n# c\n    pass\n').syntaxError).toBeNull();
    // Statements above an indentation error still convert (live mode).
    expect(parse('a = 1\nb = 2\n  c = 3\n').body.length).toBe(2);
  });
});
