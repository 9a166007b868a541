// Parameter names for step records: the name a parameter has in the module
// it was first seen in under a Python name ("fc1.weight").
import type { Tensor } from '../../../tensor';

const names = new WeakMap<Tensor, string>();

export function noteParamNames(params: Iterable<readonly [string, Tensor]>): void {
  for (const [n, p] of params) if (!names.has(p)) names.set(p, n);
}

export function paramName(p: Tensor): string | undefined {
  return names.get(p);
}
