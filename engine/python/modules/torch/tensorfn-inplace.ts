// In-place Tensor methods of the tensorfn ops (x.tril_(), x.clip_(0, 1),
// x.fmod_(2), ...): the out-of-place op's result is stored into self, which
// keeps the op's grad_fn, as PyTorch's in-place variants do.
import { applyInplace } from '../../../ops/inplace';
import type { Tensor } from '../../../tensor';
import { pyError } from '../../runtime/exceptions';
import { asTensor, tensorClass, wrapTensor } from './classes';
import { defMethod } from './define';
import { bind, requireArgs } from './signature';
import type { SharedOp } from './shared-ops';

const NAMES = ['tril', 'triu', 'clip', 'fmod', 'lerp', 'frac', 'expm1', 'atan2', 'arctan2', 'cumprod'];

/** Defines name_ for each listed op of `ops` (tensorfn-ops.ts passes its table). */
export function defineInplaceMethods(ops: Record<string, SharedOp>): void {
  for (const name of NAMES) defineInplace(name, ops[name]);
}

function defineInplace(name: string, op: SharedOp): void {
  defMethod(tensorClass, `${name}_`, (self, args, kwargs) => {
    const t = asTensor(self)!;
    const b = bind(`${name}_`, op.params, [self, ...args], kwargs);
    requireArgs(`${name}_`, b, op.params.filter((x) => x !== '*').slice(0, op.required ?? 1));
    const others = Object.values(b).map((v) => (v === undefined ? null : asTensor(v))).filter((v): v is Tensor => v !== null && v !== t);
    applyInplace(t, `${name}_`, others, (s) => {
      const r = op.impl({ ...b, input: wrapTensor(s) }, []);
      const out = r instanceof Promise ? null : asTensor(r);
      if (out === null) throw pyError('RuntimeError', `${name}_ gave no tensor`);
      return out;
    });
    return self;
  });
}
