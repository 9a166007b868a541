// A synchronous full garbage collection for the engine's memory budget, in
// Node (the run worker, the command line, tests). V8 exposes `gc` only to
// contexts created after --expose-gc is set; setting the flag at run time and
// making one such context gives the function without a command-line flag.
import { setFlagsFromString } from 'node:v8';
import { runInNewContext } from 'node:vm';

let gc: (() => void) | null | undefined;

/** The collector, or undefined where V8 refuses (then the budget goes by what
 *  the collector has reported on its own). */
export function nodeCollectGarbage(): (() => void) | undefined {
  if (gc === undefined) {
    try {
      setFlagsFromString('--expose-gc');
      const f: unknown = runInNewContext('gc');
      gc = typeof f === 'function' ? (f as () => void) : null;
    } catch {
      gc = null;
    }
  }
  return gc ?? undefined;
}
