// Errors numpy raises, typed so the interpreter turns them into the right
// Python exception (convert-error.ts reads `pyType`).
export class NumpyError extends Error {
  constructor(readonly pyType: 'ValueError' | 'TypeError' | 'IndexError' | 'NotImplementedError', message: string) {
    super(message);
  }
}

export function npError(pyType: NumpyError['pyType'], message: string): NumpyError {
  return new NumpyError(pyType, message);
}
