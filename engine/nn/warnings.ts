// UserWarnings nn emits (implicit softmax dim, mse_loss broadcasting). The
// bindings install a handler that prints them as Python's warnings module
// would; without one they are dropped.

let handler: ((message: string) => void) | null = null;

export function setNnWarningHandler(fn: ((message: string) => void) | null): void {
  handler = fn;
}

export function warnUser(message: string): void {
  if (handler !== null) handler(message);
}
