// Where the torch binding tells the run about training events. runtime.ts
// points these at the trace recorder for the duration of a run.
import type { SourceRange } from '../../../trace/types';
import type { Tensor } from '../../../tensor';

export interface TorchHooks {
  onBackward?(range: SourceRange | null, root: Tensor): Promise<void> | void;
  onStep?(range: SourceRange | null, params: readonly (readonly [string, Tensor])[]): Promise<void> | void;
  /** A module was bound to a name: its parameters can be labelled in the graph. */
  onModuleNamed?(name: string, params: readonly (readonly [string, Tensor])[]): void;
}

export const torchHooks: TorchHooks = {};
