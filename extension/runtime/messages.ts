// Messages between the extension host and its run worker (a Node
// worker_thread). Cancellation does not travel as a message: a busy worker
// runs the engine without yielding to its event loop, so the host flips a flag
// in shared memory that the engine's `signal.cancelled` reads directly.
import type { Trace } from '../../engine/trace/types';

export interface RunRequest {
  id: number;
  source: string;
  file: string;
  timeBudgetMs: number;
  memoryBudgetBytes: number;
  /** Live runs run the statements above a syntax error (a half-typed line);
   *  explicit runs behave as Python and run nothing. */
  live: boolean;
  /** One Int32: 0 = keep going, 1 = cancelled. */
  cancelFlag: SharedArrayBuffer;
}

export type ToWorker = { type: 'run'; request: RunRequest };

export type FromWorker =
  | { type: 'ready' }
  | { type: 'stdout'; id: number; text: string }
  | { type: 'done'; id: number; trace: Trace }
  /** The engine itself failed (a bug, not the user's error): logged, not shown as a traceback. */
  | { type: 'crashed'; id: number; message: string };
