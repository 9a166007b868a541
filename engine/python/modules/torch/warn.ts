// A UserWarning raised by a torch builtin, printed to stderr the way
// Python's warnings module shows it under the default filter: once per
// (message, category, line), as
//   FILE:LINE: UserWarning: MESSAGE
//     SOURCE LINE
import type { CallContext } from '../../runtime/objects';

interface WarnTarget {
  file?: string;
  source?: string;
  writeErr?(text: string): void;
}

const shown = new WeakMap<object, Set<string>>();

export function warnAt(ctx: CallContext, category: string, message: string): void {
  const target = ctx as CallContext & WarnTarget;
  if (typeof target.writeErr !== 'function') return;
  const line = ctx.currentRange?.line ?? 0;
  let seen = shown.get(ctx);
  if (!seen) {
    seen = new Set();
    shown.set(ctx, seen);
  }
  const key = `${category}\u0000${line}\u0000${message}`;
  if (seen.has(key)) return;
  seen.add(key);
  const text = (target.source ?? '').split('\n')[line - 1]?.trim() ?? '';
  target.writeErr(`${target.file ?? '<string>'}:${line}: ${category}: ${message}\n${text ? `  ${text}\n` : ''}`);
}
