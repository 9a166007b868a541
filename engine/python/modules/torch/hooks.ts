// Where the torch binding tells the run about training events. runtime.ts
// points these at the trace recorder for the duration of a run.
import type { SourceRange } from '../../../trace/types';
import type { Tensor } from '../../../tensor';
import type { PyValue } from '../../runtime/objects';

export interface TorchHooks {
  onBackward?(range: SourceRange | null, root: Tensor): Promise<void> | void;
  /** Non-leaf tensors whose grads the trace wants from the coming backward(). */
  gradProbes?(): readonly Tensor[];
  onStep?(range: SourceRange | null, params: readonly (readonly [string, Tensor])[]): Promise<void> | void;
  /** Labels parameters in the graph: ("model", [["fc1.weight", W], ...]). */
  nameParameters?(modulePath: string, params: Iterable<readonly [string, Tensor]>): void;
  /** A Python name was bound to a value (the nn binding names modules this way). */
  onNameBound?(name: string, value: PyValue): void;
  /** Dotted path of the nn.Module whose forward is running, if any. */
  currentModule?(): string | undefined;
  /** Operands of the last op that raised (mm's shape error names them). */
  failedOperands?: Tensor[] | null;
}

export const torchHooks: TorchHooks = {};

/** Runs an op; if it throws, remembers its tensor operands for the error's `related`. */
export function withOperands<T>(operands: Tensor[], f: () => T): T {
  try {
    return f();
  } catch (e) {
    // The innermost op that failed names the operands (an outer module call
    // re-throwing the same error keeps them).
    torchHooks.failedOperands ??= operands;
    throw e;
  }
}

export async function withOperandsAsync<T>(operands: Tensor[], f: () => Promise<T>): Promise<T> {
  try {
    return await f();
  } catch (e) {
    torchHooks.failedOperands ??= operands;
    throw e;
  }
}
