// format(value, spec) / f-string replacement fields.
import { formatFloat, formatInt, formatStr } from '../format/spec';
import { pyError } from './exceptions';
import { CallContext, PyValue } from './objects';
import { findDunder, str, typeName, typeOf } from './protocol';

export async function formatValue(ctx: CallContext, v: PyValue, spec: string): Promise<string> {
  switch (typeof v) {
    case 'string': return formatStr(v, spec);
    case 'bigint': return formatInt(v, spec);
    case 'number': return formatFloat(v, spec);
    case 'boolean': return spec === '' ? (v ? 'True' : 'False') : formatInt(v ? 1n : 0n, spec);
  }
  if (v !== null) {
    const f = findDunder(typeOf(v), '__format__');
    if (f) {
      const r = await ctx.call(f, [v, spec]);
      if (typeof r !== 'string') throw pyError('TypeError', `__format__ must return a str, not ${typeName(r)}`);
      return r;
    }
  }
  if (spec === '') return str(ctx, v);
  throw pyError('TypeError', `unsupported format string passed to ${typeName(v)}.__format__`);
}
