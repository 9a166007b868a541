// What a Python LR scheduler object holds, shared by the binding's files.
import type { LRScheduler, ReduceLROnPlateau } from '../../../optim/index';
import { pyError } from '../../runtime/exceptions';
import type { PyInstance, PyValue } from '../../runtime/objects';
import type { Bound } from './signature';

export type AnyScheduler = LRScheduler | ReduceLROnPlateau;

/** What a Python scheduler object holds. */
export interface Box {
  s: AnyScheduler;
  optimizer: PyInstance;
  /** Constructor arguments as the program gave them (state_dict prints them). */
  args: Bound;
  /** get_last_lr(): the groups' lr values, of their Python types. */
  lastLr: PyValue[];
  /** LambdaLR: the Python lr_lambdas and the factors for the coming step. */
  lambdas?: PyValue[];
  factors?: number[];
  /** SequentialLR: the boxes of its schedulers. */
  children?: Box[];
  /** The Python object this box belongs to. */
  self: PyInstance;
}

export const box = (v: PyValue): Box => {
  const b = (v as PyInstance).native as Box | undefined;
  if (!b) throw pyError('RuntimeError', 'lr scheduler is not initialised');
  return b;
};
/** get_last_lr(): the groups' lr objects as of this scheduler's last step;
 *  a scheduler stepped by a SequentialLR has only the engine's numbers. */
export function lastLrOf(b: Box): PyValue[] {
  const now = b.s.getLastLr();
  const same = now.length === b.lastLr.length && now.every((v, i) => Number(b.lastLr[i]) === v);
  return same ? b.lastLr.slice() : now.slice();
}
