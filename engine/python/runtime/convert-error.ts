// Any error thrown inside the interpreter becomes a Python exception: engine
// errors carry their Python type (TorchError.pyType), JS stack overflows are
// RecursionError, anything else is reported as an internal error at the range
// reached — never a JS stack trace.
import { FormatSpecError, IntDigitsError } from '../format/spec';
import { HashResultError, UnhashableError } from './dict';
import { PyException, excClasses, newException, pyError } from './exceptions';
import { MroError } from './objects';
import type { Interpreter } from './interpreter';

export function toPyException(it: Interpreter, err: unknown): PyException {
  if (err instanceof PyException) return err;
  if (err instanceof UnhashableError || err instanceof HashResultError) return pyError('TypeError', err.message);
  if (err instanceof FormatSpecError || err instanceof IntDigitsError) return pyError('ValueError', err.message);
  if (err instanceof MroError) return pyError('TypeError', err.message);
  if (err instanceof RangeError && /BigInt/i.test(err.message)) return pyError('MemoryError', 'the integer is too large for Tensor Lens');
  if (err instanceof RangeError && /call stack/i.test(err.message)) {
    return it.fatal('recursion', 'RecursionError', 'maximum recursion depth exceeded');
  }
  if (err instanceof Error) {
    const pyType = (err as { pyType?: unknown }).pyType;
    if (typeof pyType === 'string') {
      const cls = excClasses.get(pyType) ?? excClasses.get('RuntimeError');
      return new PyException(newException(cls!, [err.message]));
    }
    if (err instanceof RangeError && /Invalid (array|string) length|allocation/i.test(err.message)) {
      return pyError('MemoryError', err.message);
    }
    return pyError('SystemError', `internal error in Tensor Lens: ${err.message}`);
  }
  return pyError('SystemError', `internal error in Tensor Lens: ${String(err)}`);
}
