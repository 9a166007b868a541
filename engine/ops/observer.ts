// The op observer: the trace registers one function and sees every op the
// user's program runs (op name, input tensors, output). Ops the engine runs
// on its own behalf (inside backward(), inside composite ops) are not shown.

import type { Tensor } from '../tensor';

export type OpObserver = (opName: string, inputs: Tensor[], output: Tensor) => void;

let observer: OpObserver | null = null;
let quiet = 0;

export function setOpObserver(fn: OpObserver | null): void {
  observer = fn;
}

export function notifyOp(opName: string, inputs: Tensor[], output: Tensor): void {
  if (observer !== null && quiet === 0) observer(opName, inputs, output);
}

/** Whether an op call would be reported (lets hot ops skip building input lists). */
export function observing(): boolean {
  return observer !== null && quiet === 0;
}

/** Runs engine-internal work without reporting its ops. */
export function quietly<T>(fn: () => T): T {
  quiet++;
  try {
    return fn();
  } finally {
    quiet--;
  }
}
