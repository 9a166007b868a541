// contextlib: contextmanager (a generator as a with-block: the code before
// its yield is __enter__, the rest __exit__, an exception in the block raised
// at the yield), suppress and nullcontext — following CPython's contextlib.py.
import { PyException, excClass, excLinks, isExceptionClass, pyError } from '../runtime/exceptions';
import { PyGenerator } from '../runtime/generator';
import {
  CallContext, PyBuiltin, PyClass, PyFunction, PyInstance, PyValue, builtinClasses as B,
} from '../runtime/objects';
import { typeName } from '../runtime/protocol';
import { makeModule, registerModule } from './registry';

const cmClass = new PyClass('_GeneratorContextManager', [B.object]);
cmClass.module = 'contextlib';

function genOf(self: PyValue): PyGenerator {
  return (self as PyInstance).native as PyGenerator;
}

function isA(e: PyException, name: string): boolean {
  return e.value.cls.isSubclassOf(excClass(name));
}

cmClass.dict.set('__enter__', new PyBuiltin('__enter__', async (a) => {
  const d = await genOf(a[0]).resume({ value: null });
  if ('error' in d) throw d.error;
  if ('done' in d) {
    const e = pyError('RuntimeError', "generator didn't yield");
    excLinks(e.value).suppressContext = true;
    throw e;
  }
  return d.value;
}));

cmClass.dict.set('__exit__', new PyBuiltin('__exit__', async (a, _kw, ctx) => {
  const gen = genOf(a[0]);
  const [typ, given] = [a[1] ?? null, a[2] ?? null];
  if (typ === null) {
    const d = await gen.resume({ value: null });
    if ('error' in d) throw d.error;
    if ('done' in d) return false;
    await gen.close();
    throw pyError('RuntimeError', "generator didn't stop");
  }
  const value = given instanceof PyInstance ? given : ((await ctx.call(typ, [])) as PyInstance);
  // Throw in the very exception object (its traceback is restored after, as
  // contextlib sets exc.__traceback__ back) so `raise` in the generator is it.
  const original = excLinks(value).raised;
  const thrown = original ?? new PyException(value);
  const saved = { frames: [...thrown.frames], lastFrame: thrown.lastFrame, range: thrown.range };
  const restore = () => {
    Object.assign(thrown, saved);
    excLinks(value).raised = thrown;
  };
  const d = await gen.resume({ throw: thrown });
  if ('error' in d) {
    const exc = d.error;
    if (isA(exc, 'StopIteration')) {
      if (exc.value === value) restore();
      return exc.value !== value;
    }
    if (exc.value === value) {
      restore();
      return false;
    }
    if (isA(exc, 'RuntimeError') && value.cls.isSubclassOf(excClass('StopIteration')) && excLinks(exc.value).cause === value) {
      restore();
      return false;
    }
    throw exc;
  }
  if ('done' in d) return true;
  await gen.close();
  throw pyError('RuntimeError', "generator didn't stop after throw()");
}));

const suppressClass = new PyClass('suppress', [B.object]);
suppressClass.module = 'contextlib';
suppressClass.dict.set('__enter__', new PyBuiltin('__enter__', () => null));
suppressClass.dict.set('__exit__', new PyBuiltin('__exit__', (a) => {
  const typ = a[1];
  if (!(typ instanceof PyClass)) return false;
  const kinds = (a[0] as PyInstance).native as PyClass[];
  return kinds.some((k) => typ.isSubclassOf(k));
}));

const nullClass = new PyClass('nullcontext', [B.object]);
nullClass.module = 'contextlib';
nullClass.dict.set('__enter__', new PyBuiltin('__enter__', (a) => (a[0] as PyInstance).native as PyValue));
nullClass.dict.set('__exit__', new PyBuiltin('__exit__', () => null));

function contextmanager(ctx: CallContext, func: PyValue): PyBuiltin {
  const name = func instanceof PyFunction ? func.name : 'contextmanager';
  return new PyBuiltin(name, async (args, kwargs) => {
    const g = await ctx.call(func, args, kwargs);
    if (!(g instanceof PyGenerator)) throw pyError('TypeError', `'${typeName(g)}' object is not an iterator`);
    const cm = new PyInstance(cmClass);
    cm.native = g;
    return cm;
  });
}

registerModule('contextlib', (ctx) => makeModule('contextlib', {
  contextmanager: new PyBuiltin('contextmanager', (a) => contextmanager(ctx, a[0])),
  suppress: new PyBuiltin('suppress', (a) => {
    for (const k of a) {
      if (!(k instanceof PyClass && isExceptionClass(k))) throw pyError('TypeError', 'catching classes that do not inherit from BaseException is not allowed');
    }
    const s = new PyInstance(suppressClass);
    s.native = a;
    return s;
  }),
  nullcontext: new PyBuiltin('nullcontext', (a) => {
    const n = new PyInstance(nullClass);
    n.native = a[0] ?? null;
    return n;
  }),
}));
