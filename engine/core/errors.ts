// Errors users see. The interpreter turns a TorchError into the Python
// exception named by pyType, with exactly this message (copied from real
// PyTorch, never paraphrased).

export type PyErrorType =
  | 'RuntimeError'
  | 'IndexError'
  | 'TypeError'
  | 'ValueError'
  | 'NotImplementedError'
  | 'ZeroDivisionError';

export class TorchError extends Error {
  readonly pyType: PyErrorType;
  constructor(pyType: PyErrorType, message: string) {
    super(message);
    this.pyType = pyType;
    this.name = pyType;
  }
}

export function runtimeError(message: string): TorchError {
  return new TorchError('RuntimeError', message);
}
export function indexError(message: string): TorchError {
  return new TorchError('IndexError', message);
}
export function typeError(message: string): TorchError {
  return new TorchError('TypeError', message);
}
export function valueError(message: string): TorchError {
  return new TorchError('ValueError', message);
}

/** Internal invariant: a failure here is an engine bug, not a user mistake. */
export function assert(cond: unknown, what: string): asserts cond {
  if (!cond) throw new Error(`internal error: ${what}`);
}
