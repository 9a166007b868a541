// Small helpers to fill a native class's dict with builtins and properties.
import {
  type CallContext, type Kwargs, PyBuiltin, PyClass, PyProperty, type PyValue,
} from '../../runtime/objects';

export type Method = (self: PyValue, args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>;

export function defMethod(cls: PyClass, name: string, fn: Method): void {
  cls.dict.set(name, new PyBuiltin(name, (args, kwargs, ctx) => fn(args[0], args.slice(1), kwargs, ctx)));
}

export function defProperty(
  cls: PyClass,
  name: string,
  get: (self: PyValue, ctx: CallContext) => PyValue | Promise<PyValue>,
  set?: (self: PyValue, value: PyValue, ctx: CallContext) => void | Promise<void>,
): void {
  const fget = new PyBuiltin(name, (args, _kw, ctx) => get(args[0], ctx));
  const fset = set ? new PyBuiltin(name, async (args, _kw, ctx) => { await set(args[0], args[1], ctx); return null; }) : null;
  cls.dict.set(name, new PyProperty(fget, fset));
}

export function builtin(name: string, fn: (args: PyValue[], kwargs: Kwargs, ctx: CallContext) => PyValue | Promise<PyValue>): PyBuiltin {
  return new PyBuiltin(name, fn);
}
