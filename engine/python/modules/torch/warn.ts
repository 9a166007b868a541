// A warning raised by a torch builtin (the lr_scheduler ones): handed to the
// run like warnings.warn(), so it is printed once per place in Python's form,
// obeys the program's filters and shows in the editor (engine/run-warnings.ts).
import type { CallContext } from '../../runtime/objects';
import type { Interpreter } from '../../runtime/interpreter';

export async function warnAt(ctx: CallContext, category: string, message: string): Promise<void> {
  const it = ctx as unknown as Interpreter;
  const range = it.frames?.length ? it.frame.stmtRange : null;
  await it.hooks?.onWarning?.(category, message, range);
}
