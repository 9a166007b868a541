// Walking a module tree the way nn.Module's named_* generators do: pre-order,
// insertion order, each module and each tensor reported once (by identity)
// even when shared, names joined with '.'.

import type { Tensor } from '../tensor';
import type { Module } from './module';

function join(prefix: string, name: string): string {
  return prefix ? `${prefix}.${name}` : name;
}

/** named_modules(): the module itself first (name = prefix), then descendants. */
export function namedModules(root: Module, prefix: string): [string, Module][] {
  const out: [string, Module][] = [];
  const seen = new Set<Module>();
  const visit = (m: Module, p: string): void => {
    if (seen.has(m)) return;
    seen.add(m);
    out.push([p, m]);
    for (const [name, child] of m._modules) {
      if (child !== null) visit(child, join(p, name));
    }
  };
  visit(root, prefix);
  return out;
}

export function namedChildren(m: Module): [string, Module][] {
  const out: [string, Module][] = [];
  const seen = new Set<Module>();
  for (const [name, child] of m._modules) {
    if (child !== null && !seen.has(child)) {
      seen.add(child);
      out.push([name, child]);
    }
  }
  return out;
}

function namedMembers(
  root: Module, prefix: string, recurse: boolean, members: (m: Module) => Map<string, Tensor | null>,
): [string, Tensor][] {
  const mods: [string, Module][] = recurse ? namedModules(root, prefix) : [[prefix, root]];
  const seen = new Set<Tensor>();
  const out: [string, Tensor][] = [];
  for (const [p, m] of mods) {
    for (const [name, t] of members(m)) {
      if (t === null || seen.has(t)) continue;
      seen.add(t);
      out.push([join(p, name), t]);
    }
  }
  return out;
}

export function namedParameters(root: Module, prefix: string, recurse: boolean): [string, Tensor][] {
  return namedMembers(root, prefix, recurse, (m) => m._parameters);
}

export function namedBuffers(root: Module, prefix: string, recurse: boolean): [string, Tensor][] {
  return namedMembers(root, prefix, recurse, (m) => m._buffers);
}

/** zero_grad(set_to_none=False): detach the grad from any graph, then zero it. */
export function zeroGradInPlace(p: Tensor): void {
  const g = p.grad;
  if (g === null) return;
  if (g.gradFn !== null) g.gradFn = null;
  g.requiresGrad = false;
  g.backend.run('fill', [], [g], { value: 0 });
  g.bumpVersion();
}
