// The warnings module: warn() hands the warning to the run, which prints it
// the way Python does (once per place) and shows it in the editor; the simple
// filters ('ignore', 'default', 'always', 'error', 'once') are honoured by the
// run for every warning, PyTorch's own included.
import { type CallContext, type Kwargs, PyBuiltin, PyClass, PyInstance, type PyValue } from '../runtime/objects';
import type { Interpreter } from '../runtime/interpreter';
import { pyError } from '../runtime/exceptions';
import { makeModule, registerModule } from './registry';

function interp(ctx: CallContext): Interpreter {
  return ctx as unknown as Interpreter;
}

function arg(args: PyValue[], kwargs: Kwargs, i: number, name: string): PyValue | undefined {
  return args.length > i ? args[i] : kwargs?.get(name);
}

registerModule('warnings', () => makeModule('warnings', {
  warn: new PyBuiltin('warn', async (args, kwargs, ctx) => {
    const it = interp(ctx);
    const message = arg(args, kwargs, 0, 'message');
    const category = arg(args, kwargs, 1, 'category');
    const level = arg(args, kwargs, 2, 'stacklevel');
    if (message === undefined) throw pyError('TypeError', "warn() missing required argument 'message' (pos 1)");
    // A Warning instance carries its own category.
    const cls = message instanceof PyInstance ? message.cls : category instanceof PyClass ? category : null;
    const text = await it.str(message);
    const stacklevel = typeof level === 'bigint' ? Number(level) : 1;
    const frame = it.frames[it.frames.length - Math.max(1, stacklevel)] ?? it.frames[0];
    await it.hooks.onWarning?.(cls?.name ?? 'UserWarning', text, frame?.stmtRange ?? null);
    return null;
  }),
  filterwarnings: new PyBuiltin('filterwarnings', (args, kwargs, ctx) => filter(ctx, arg(args, kwargs, 0, 'action'), arg(args, kwargs, 2, 'category'))),
  simplefilter: new PyBuiltin('simplefilter', (args, kwargs, ctx) => filter(ctx, arg(args, kwargs, 0, 'action'), arg(args, kwargs, 1, 'category'))),
  resetwarnings: new PyBuiltin('resetwarnings', (_a, _k, ctx) => {
    interp(ctx).hooks.onWarningFilter?.('reset', null);
    return null;
  }),
}));

function filter(ctx: CallContext, action: PyValue | undefined, category: PyValue | undefined): null {
  if (typeof action !== 'string' || !['ignore', 'default', 'always', 'error', 'once', 'module'].includes(action)) {
    throw pyError('ValueError', `invalid action: ${typeof action === 'string' ? `'${action}'` : String(action)}`);
  }
  interp(ctx).hooks.onWarningFilter?.(action, category instanceof PyClass ? category.name : null);
  return null;
}

