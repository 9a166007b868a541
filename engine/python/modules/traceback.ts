// traceback: format_exc / print_exc / format_exception / print_exception /
// format_exception_only, printing what CPython's traceback module prints
// (the same text as an uncaught error, engine/python/traceback.ts).
import { exceptionChunks } from '../traceback';
import { chainOf, describe } from '../runtime/exc-chain';
import { isExceptionClass, pyError } from '../runtime/exceptions';
import type { Interpreter } from '../runtime/interpreter';
import { CallContext, Kwargs, PyBuiltin, PyClass, PyInstance, PyList, PyValue } from '../runtime/objects';
import { getAttrOpt, typeName } from '../runtime/protocol';
import { makeModule, registerModule } from './registry';

/** The exception being handled (format_exc), or the one passed in. */
function handled(it: Interpreter): PyInstance | null {
  const e = it.handling[it.handling.length - 1];
  return e ? e.value : null;
}

function exceptionArg(v: PyValue | undefined, fn: string): PyInstance | null {
  if (v === null || v === undefined) return null;
  if (v instanceof PyInstance && isExceptionClass(v.cls)) return v;
  if (v instanceof PyClass && isExceptionClass(v)) return null;
  throw pyError('TypeError', `${fn}() argument must be an exception, not ${typeName(v)}`);
}

async function chunks(it: Interpreter, e: PyInstance | null): Promise<string[]> {
  if (!e) return ['NoneType: None\n'];
  return exceptionChunks(await describe(it, e), await chainOf(it, e), it.file, it.source);
}

/** print_exc(file=...): stderr unless a file object is given. */
async function emit(ctx: CallContext, text: string, kwargs: Kwargs): Promise<void> {
  const file = kwargs?.get('file') ?? null;
  if (file === null) {
    (ctx as Interpreter).writeErr(text);
    return;
  }
  const write = await getAttrOpt(ctx, file, 'write');
  if (write === undefined) throw pyError('AttributeError', `'${typeName(file)}' object has no attribute 'write'`);
  await ctx.call(write, [text]);
}

registerModule('traceback', (ctx) => {
  const it = ctx as Interpreter;
  return makeModule('traceback', {
    format_exc: new PyBuiltin('format_exc', async () => (await chunks(it, handled(it))).join('')),
    print_exc: new PyBuiltin('print_exc', async (_a, kw) => {
      await emit(it, (await chunks(it, handled(it))).join(''), kw);
      return null;
    }),
    format_exception: new PyBuiltin('format_exception', async (a) => new PyList(await chunks(it, exceptionArg(a[0], 'format_exception')))),
    print_exception: new PyBuiltin('print_exception', async (a, kw) => {
      await emit(it, (await chunks(it, exceptionArg(a[0], 'print_exception'))).join(''), kw);
      return null;
    }),
    format_exception_only: new PyBuiltin('format_exception_only', async (a) => {
      const e = exceptionArg(a[0], 'format_exception_only');
      if (!e) return new PyList(['NoneType: None\n']);
      const d = await describe(it, e);
      return new PyList([d.message === '' ? `${d.type}\n` : `${d.type}: ${d.message}\n`]);
    }),
  });
});
