// The protocol native modules (torch, numpy) build on: a class defined in
// TypeScript with dunder builtins and a `native` payload behaves like a Python
// class — operators, indexing, iteration, len/bool/repr/format, properties,
// attribute hooks, with/decorators — and user classes can subclass it.
import { describe, expect, it } from 'vitest';
import {
  PyBuiltin, PyClass, PyInstance, PyProperty, PyTuple, builtinClasses, genericSetAttr, makeModule, registerModule,
  runPython, arrayIterator, NotImplemented, type PyValue,
} from '../../engine/python/index';

type Vec = number[];

function vecClass(): PyClass {
  const cls = new PyClass('Vec', [builtinClasses.object]);
  cls.module = 'vec';
  const data = (v: PyValue): Vec => (v as PyInstance).native as Vec;
  const wrap = (xs: Vec): PyInstance => {
    const o = new PyInstance(cls);
    o.native = xs;
    return o;
  };
  const other = (v: PyValue, n: number): Vec | null =>
    v instanceof PyInstance && v.cls.isSubclassOf(cls) ? data(v) : typeof v === 'bigint' || typeof v === 'number' ? new Array(n).fill(Number(v)) : null;
  const def = (name: string, fn: ConstructorParameters<typeof PyBuiltin>[1]) => cls.dict.set(name, new PyBuiltin(name, fn));
  def('__init__', (a) => {
    (a[0] as PyInstance).native = a.slice(1).map(Number);
    return null;
  });
  def('__add__', (a) => {
    const x = data(a[0]);
    const y = other(a[1], x.length);
    return y ? wrap(x.map((v, i) => v + y[i])) : NotImplemented;
  });
  def('__radd__', (a) => {
    const x = data(a[0]);
    const y = other(a[1], x.length);
    return y ? wrap(x.map((v, i) => v + y[i])) : NotImplemented;
  });
  def('__matmul__', (a) => data(a[0]).reduce((s, v, i) => s + v * data(a[1])[i], 0));
  def('__getitem__', (a) => data(a[0])[Number(a[1])]);
  def('__len__', (a) => BigInt(data(a[0]).length));
  def('__iter__', (a) => arrayIterator(data(a[0])));
  def('__bool__', (a) => data(a[0]).some((v) => v !== 0));
  def('__repr__', (a) => `Vec(${data(a[0]).join(', ')})`);
  def('__format__', (a) => `<${a[1]}>`);
  def('__enter__', (a) => a[0]);
  def('__exit__', () => false);
  def('__call__', (a) => wrap(data(a[0]).map((v) => v * Number(a[1]))));
  cls.dict.set('size', new PyProperty(new PyBuiltin('size', (a) => new PyTuple([BigInt(data(a[0]).length)]))));
  def('__setattr__', async (a, _k, ctx) => {
    if (a[1] === 'frozen') throw Object.assign(new Error("cannot set 'frozen'"), { pyType: 'AttributeError' });
    await genericSetAttr(ctx, a[0], a[1] as string, a[2]);
    return null;
  });
  return cls;
}

registerModule('vec', () => makeModule('vec', { Vec: vecClass() }));

async function out(src: string): Promise<string> {
  const r = await runPython(src);
  if (r.error) throw new Error(`${r.error.type}: ${r.error.message} (line ${r.error.range.line})`);
  return r.stdout;
}

describe('native classes', () => {
  it('dispatch operators, reflected operators and @', async () => {
    expect(await out('from vec import Vec\na = Vec(1, 2)\nb = Vec(3, 4)\nprint(a + b, 1 + a, a + 0.5, a @ b, sum([a, b]))\n'))
      .toBe('Vec(4, 6) Vec(2, 3) Vec(1.5, 2.5) 11.0 Vec(4, 6)\n');
    const r = await runPython('from vec import Vec\nVec(1) - Vec(2)\n');
    expect(r.error?.message).toBe("unsupported operand type(s) for -: 'Vec' and 'Vec'");
  });

  it('index, iterate, unpack, len, bool, repr, format, properties, call', async () => {
    expect(await out('from vec import Vec\nv = Vec(5, 0, 7)\nx, y, z = v\nprint(v[2], len(v), list(v), x + z, bool(Vec(0)), f"{v:.2f}", v.size, v(2), isinstance(v, Vec))\n'))
      .toBe('7.0 3 [5.0, 0.0, 7.0] 12.0 False <.2f> (3,) Vec(10, 0, 14) True\n');
  });

  it('attribute hooks: __setattr__ override, instance attributes, errors with their Python type', async () => {
    expect(await out('from vec import Vec\nv = Vec(1)\nv.name = "n"\nprint(v.name)\ntry:\n    v.frozen = 1\nexcept AttributeError as e:\n    print("refused", e)\n'))
      .toBe('n\nrefused cannot set \'frozen\'\n');
  });

  it('can be subclassed by user classes (super().__init__ fills the native payload)', async () => {
    const src = [
      'from vec import Vec',
      'class Named(Vec):',
      '    def __init__(self, name, *xs):',
      '        super().__init__(*xs)',
      '        self.name = name',
      '    def __repr__(self):',
      '        return self.name + ":" + super().__repr__()',
      'n = Named("p", 1, 2)',
      'print(n, n + n, len(n), isinstance(n, Vec), type(n).__name__)',
      'with n as m:',
      '    print(m.name)',
      '',
    ].join('\n');
    expect(await out(src)).toBe('p:Vec(1, 2) Vec(2, 4) 2 True Named\np\n');
  });
});
