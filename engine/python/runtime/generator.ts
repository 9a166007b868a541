// Generator functions. The body runs as its own async chain; `yield` hands a
// value to the consumer's pending next() and waits until next() is called
// again — a coroutine built from promises (the interpreter is async anyway).
import { PyException } from './exceptions';
import type { Frame, Interpreter } from './interpreter';
import { IterResult, PyFunction, PyIterator, PyValue, STOP, builtinClasses } from './objects';
import { execBlock } from './exec';
import { toPyException } from './convert-error';
import type { Stmt } from '../ast';

type Delivery = { value: PyValue } | { done: true } | { error: unknown };

export function makeGenerator(it: Interpreter, fn: PyFunction, frame: Frame): PyIterator {
  let state: 'new' | 'suspended' | 'running' | 'done' = 'new';
  let deliver: ((d: Delivery) => void) | null = null;
  let resume: (() => void) | null = null;

  frame.scope.gen = {
    yield(v: PyValue): Promise<PyValue> {
      return new Promise<PyValue>((res) => {
        state = 'suspended';
        it.frames.pop();
        resume = () => {
          it.frames.push(frame);
          res(null);
        };
        const d = deliver;
        deliver = null;
        d?.({ value: v });
      });
    },
  };

  const start = (): void => {
    it.frames.push(frame);
    (async () => execBlock(it, fn.body as Stmt[], frame.scope))().then(
      () => finish({ done: true }),
      (err) => {
        const e = toPyException(it, err);
        if (!(e instanceof PyException && e.fatal)) it.finishTraceback(e, frame);
        finish({ error: e });
      },
    );
  };
  const finish = (d: Delivery): void => {
    state = 'done';
    it.frames.pop();
    const cb = deliver;
    deliver = null;
    cb?.(d);
  };

  const next = (): IterResult | Promise<IterResult> => {
    if (state === 'done') return STOP;
    if (state === 'running') throw new Error('generator already executing');
    return new Promise<IterResult>((resolve, reject) => {
      deliver = (d) => {
        if ('value' in d) resolve(d.value);
        else if ('done' in d) resolve(STOP);
        else reject(d.error);
      };
      if (state === 'new') {
        state = 'running';
        start();
      } else {
        state = 'running';
        const r = resume;
        resume = null;
        r?.();
      }
    });
  };
  return new PyIterator(next, builtinClasses.generator);
}
