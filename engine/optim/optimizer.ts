// torch.optim.Optimizer: param_groups (each a dict of hyper-parameters with
// the group's `params`), per-parameter state, zero_grad, and PyTorch's
// validation errors and __repr__.

import { Tensor } from '../tensor';
import { typeError, valueError } from '../core/errors';
import { pyRepr } from '../nn/py-repr';
import { typename } from '../nn/parameter';

/** A group as Python sees it: `params` plus hyper-parameters by name
 *  (lr, momentum, betas as a two-element array, ...). Mutable, as in Python. */
export interface ParamGroup {
  params: Tensor[];
  [option: string]: unknown;
}

/** What the constructor accepts: tensors, or dicts with `params`. */
export type ParamsInput = Iterable<Tensor> | Iterable<{ params: Tensor | Iterable<Tensor>; [k: string]: unknown }>;

export abstract class Optimizer {
  readonly typeName: string;
  readonly defaults: Record<string, unknown>;
  readonly paramGroups: ParamGroup[] = [];
  /** optimizer.state[p]: a dict per parameter, created on first use. */
  readonly state = new Map<Tensor, Record<string, unknown>>();
  /** How many times step() ran: an LR scheduler warns when it is stepped
   *  first (PyTorch's `_opt_called`). */
  stepCalls = 0;

  constructor(typeName: string, params: ParamsInput | Tensor, defaults: Record<string, unknown>) {
    this.typeName = typeName;
    this.defaults = defaults;
    if (params instanceof Tensor) {
      throw typeError(`params argument given to the optimizer should be an iterable of Tensors or dicts, but got ${typename(params)}`);
    }
    const groups = [...(params as Iterable<unknown>)];
    if (groups.length === 0) throw valueError('optimizer got an empty parameter list');
    const asGroups = groups[0] instanceof Tensor || !isGroup(groups[0]) ? [{ params: groups }] : groups;
    for (const g of asGroups) this.addParamGroup(g as { params: Tensor | Iterable<Tensor> });
  }

  addParamGroup(group: { params: Tensor | Iterable<Tensor>; [k: string]: unknown }): void {
    if (!isGroup(group)) throw typeError(`param_group must be a dict, but got ${typename(group)}`);
    const raw = group.params;
    const params: unknown[] = raw instanceof Tensor ? [raw] : [...(raw as Iterable<unknown>)];
    for (const p of params) {
      if (!(p instanceof Tensor)) {
        throw typeError(`optimizer can only optimize Tensors, but one of the params is ${typename(p)}`);
      }
      if (!(p.isLeaf || p.retainsGrad)) throw valueError("can't optimize a non-leaf Tensor");
    }
    const out: ParamGroup = { ...group, params: params as Tensor[] };
    for (const [k, v] of Object.entries(this.defaults)) if (!(k in out)) out[k] = v;
    const seen = new Set<Tensor>();
    for (const g of this.paramGroups) for (const p of g.params) seen.add(p);
    if (out.params.some((p) => seen.has(p))) {
      throw valueError('some parameters appear in more than one parameter group');
    }
    this.paramGroups.push(out);
  }

  /** PyTorch 2.x default: set_to_none=True. */
  zeroGrad(setToNone = true): void {
    for (const g of this.paramGroups) {
      for (const p of g.params) {
        const grad = p.grad;
        if (grad === null) continue;
        if (setToNone) {
          p.grad = null;
        } else {
          grad.gradFn = null;
          grad.requiresGrad = false;
          grad.backend.run('fill', [], [grad], { value: 0 });
          grad.bumpVersion();
        }
      }
    }
  }

  /** State dict of one parameter, created empty on first access (defaultdict). */
  stateOf(p: Tensor): Record<string, unknown> {
    let s = this.state.get(p);
    if (s === undefined) {
      s = {};
      this.state.set(p, s);
    }
    return s;
  }

  /** One update of every parameter that has a grad. `closure` (re-evaluating
   *  the loss) is called first when given; its result is returned. */
  step(closure?: () => unknown): unknown {
    const loss = closure ? closure() : null;
    this.stepCalls++;
    for (const g of this.paramGroups) this.updateGroup(g);
    return loss;
  }

  /** step(closure) where the closure is a Python function (async): awaits the
   *  loss, then updates. */
  async stepAsync(closure?: () => unknown): Promise<unknown> {
    const loss = closure ? await closure() : null;
    this.stepCalls++;
    for (const g of this.paramGroups) this.updateGroup(g);
    return loss;
  }

  protected abstract updateGroup(group: ParamGroup): void;

  /** load_state_dict(): p's state replaced by a saved one (tensors shared,
   *  as PyTorch's .to() leaves a tensor that already fits). Optimizers that
   *  count steps on the JS side read the count from state.step. */
  loadState(p: Tensor, st: Record<string, unknown>): void {
    this.state.set(p, st);
  }

  repr(): string {
    let s = `${this.typeName} (`;
    this.paramGroups.forEach((g, i) => {
      s += `\nParameter Group ${i}\n`;
      for (const key of Object.keys(g).sort()) {
        if (key !== 'params') s += `    ${key}: ${pyRepr(g[key])}\n`;
      }
    });
    return s + ')';
  }

  toString(): string {
    return this.repr();
  }
}

function isGroup(x: unknown): x is { params: unknown } {
  return typeof x === 'object' && x !== null && !(x instanceof Tensor) && 'params' in x;
}

/** A hyper-parameter read back from a group (Python may have changed it). */
export function num(group: ParamGroup, key: string): number {
  const v = group[key];
  if (typeof v === 'number') return v;
  if (typeof v === 'boolean') return v ? 1 : 0;
  if (v instanceof Tensor) return v.item();
  throw typeError(`${key} must be a number, but got ${typename(v)}`);
}
