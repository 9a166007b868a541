// What a printed traceback needs from a raised exception: its type, str()
// and frames, and the exceptions CPython prints above it (the chain).
import type { ChainedError, PyTraceFrame } from '../traceback';
import { excLinks } from './exceptions';
import type { PyInstance, CallContext } from './objects';
import { exceptionStr } from './protocol';

export interface DescribedException {
  type: string;
  message: string;
  traceback: PyTraceFrame[];
}

export async function messageOf(ctx: CallContext, value: PyInstance): Promise<string> {
  try {
    return await exceptionStr(ctx, value);
  } catch {
    return '<exception str() failed>';
  }
}

export async function describe(ctx: CallContext, value: PyInstance): Promise<DescribedException> {
  return { type: value.cls.name, message: await messageOf(ctx, value), traceback: excLinks(value).raised?.frames ?? [] };
}

/** The exceptions CPython prints above `top`, oldest first: each one's
 *  __cause__, else its __context__ unless suppressed (`from None`). */
export async function chainOf(ctx: CallContext, top: PyInstance): Promise<ChainedError[]> {
  const chain: ChainedError[] = [];
  const seen = new Set<PyInstance>([top]);
  for (let cur = top; ; ) {
    const l = excLinks(cur);
    const next = l.cause ?? (l.suppressContext ? null : l.context);
    if (!next || seen.has(next)) break;
    seen.add(next);
    chain.unshift({ ...(await describe(ctx, next)), link: l.cause ? 'cause' : 'context' });
    cur = next;
  }
  return chain;
}
