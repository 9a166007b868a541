// Python exceptions nn raises that engine/core/errors.ts's union does not name
// yet (AttributeError, KeyError, AssertionError). The interpreter maps a
// TorchError to the Python exception called `pyType`, so these read exactly as
// PyTorch's do.

import { TorchError, type PyErrorType } from '../core/errors';

export type NnErrorType = PyErrorType | 'AttributeError' | 'KeyError' | 'AssertionError';

export function pyError(pyType: NnErrorType, message: string): TorchError {
  // The cast widens the union only: TorchError stores the name as given.
  return new TorchError(pyType as PyErrorType, message);
}

export function attributeError(message: string): TorchError {
  return pyError('AttributeError', message);
}
