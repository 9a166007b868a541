// Global grad mode (torch.no_grad / torch.enable_grad / set_grad_enabled).
// The engine is single-threaded per runtime, so a module-level flag is the
// thread-local PyTorch keeps.

let enabled = true;

export function isGradEnabled(): boolean {
  return enabled;
}

export function setGradEnabled(b: boolean): void {
  enabled = b;
}

/** Runs fn with grad mode set to `mode`, restoring the previous mode after. */
export function withGradMode<T>(mode: boolean, fn: () => T): T {
  const prev = enabled;
  enabled = mode;
  try {
    return fn();
  } finally {
    enabled = prev;
  }
}

export function noGrad<T>(fn: () => T): T {
  return withGradMode(false, fn);
}
