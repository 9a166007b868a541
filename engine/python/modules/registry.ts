// Importable modules. Only registered names can be imported: anything else is
// a ModuleNotFoundError that says Tensor Lens's sandbox does not have it.
// Other parts register theirs (torch, numpy, ...) with registerModule(); a
// factory runs once per interpreter, on first import.
import { PyModule } from '../runtime/objects';
import type { CallContext } from '../runtime/objects';

export type ModuleFactory = (ctx: CallContext) => PyModule | Promise<PyModule>;

export class ModuleRegistry {
  private readonly factories = new Map<string, ModuleFactory>();

  register(name: string, factory: ModuleFactory): void {
    this.factories.set(name, factory);
  }

  has(name: string): boolean {
    return this.factories.has(name);
  }

  get(name: string): ModuleFactory | undefined {
    return this.factories.get(name);
  }

  names(): string[] {
    return [...this.factories.keys()].sort();
  }

  /** A registry holding this one's modules plus others (per-run overrides). */
  extend(): ModuleRegistry {
    const r = new ModuleRegistry();
    for (const [k, v] of this.factories) r.register(k, v);
    return r;
  }
}

/** The process-wide registry every interpreter starts from. */
export const defaultModules = new ModuleRegistry();

export function registerModule(name: string, factory: ModuleFactory): void {
  defaultModules.register(name, factory);
}

/** A module from a plain record of values (helper for module authors). */
export function makeModule(name: string, members: Record<string, import('../runtime/objects').PyValue>): PyModule {
  const m = new PyModule(name);
  for (const [k, v] of Object.entries(members)) m.dict.set(k, v);
  return m;
}
