// generator.__next__ / send / throw / close: the consumer's side of
// engine/python/runtime/generator.ts.
import { PyException, isExceptionClass, pyError } from '../runtime/exceptions';
import { PyGenerator, stopIteration, Delivery } from '../runtime/generator';
import { PyClass, PyInstance, PyValue, builtinClasses as B } from '../runtime/objects';
import type { CallContext } from '../runtime/objects';
import { typeName } from '../runtime/protocol';
import { methods } from './args';

function gen(a: PyValue[], name: string): PyGenerator {
  if (!(a[0] instanceof PyGenerator)) {
    throw pyError('TypeError', `descriptor '${name}' for 'generator' objects doesn't apply to a '${typeName(a[0])}' object`);
  }
  return a[0];
}

/** The value yielded, or StopIteration(return value) / the body's exception. */
function outcome(d: Delivery): PyValue {
  if ('error' in d) throw d.error;
  if ('done' in d) throw stopIteration(d.ret);
  return d.value;
}

/** throw(exc), throw(Type) or throw(Type, value), as Python 3.11 accepts them. */
async function thrown(ctx: CallContext, a: PyValue[]): Promise<PyException> {
  const [t, v] = [a[1], a.length > 2 ? a[2] : null];
  if (t instanceof PyInstance && isExceptionClass(t.cls)) {
    if (v !== null) throw pyError('TypeError', 'instance exception may not have a separate value');
    return new PyException(t);
  }
  if (t instanceof PyClass && isExceptionClass(t)) {
    if (v instanceof PyInstance && v.cls.isSubclassOf(t)) return new PyException(v);
    const inst = await ctx.call(t, v === null ? [] : [v]);
    return new PyException(inst as PyInstance);
  }
  throw pyError('TypeError', `exceptions must be classes or instances deriving from BaseException, not ${typeName(t)}`);
}

export function installGeneratorMethods(): void {
  methods(B.generator, {
    __iter__: (a) => gen(a, '__iter__'),
    __next__: async (a) => outcome(await gen(a, '__next__').resume({ value: null })),
    send: async (a) => {
      const g = gen(a, 'send');
      if (a.length !== 2) throw pyError('TypeError', `generator.send() takes exactly one argument (${a.length - 1} given)`);
      if (g.state === 'new' && a[1] !== null) throw pyError('TypeError', "can't send non-None value to a just-started generator");
      return outcome(await g.resume({ value: a[1] }));
    },
    throw: async (a, _kw, ctx) => {
      const g = gen(a, 'throw');
      if (a.length < 2 || a.length > 4) throw pyError('TypeError', `throw expected at least 1 argument, got ${a.length - 1}`);
      return outcome(await g.resume({ throw: await thrown(ctx, a) }));
    },
    close: async (a) => {
      await gen(a, 'close').close();
      return null;
    },
  });
}

