// Registers `numpy` (and `numpy.random`) with the interpreter's module
// registry, and gives `torch` its numpy bridge (torch.from_numpy).

import type { ModuleRegistry } from '../registry';
import { createNumpyModule } from './np-module';
import { numpyTorchFunctions } from './bridge';
import type { PyModule } from '../../runtime/objects';

export function registerNumpyModules(registry: ModuleRegistry): void {
  const numpyFactory = () => createNumpyModule();
  registry.register('numpy', numpyFactory);
  registry.register('numpy.random', async (ctx) => {
    // The same RandomState object the numpy module holds.
    const np = (ctx as unknown as { loadedModules?: Map<string, PyModule> }).loadedModules?.get('numpy');
    const r = np?.dict.get('random');
    return (r as PyModule | undefined) ?? (createNumpyModule().dict.get('random') as PyModule);
  });
  const torch = registry.get('torch');
  if (torch) {
    registry.register('torch', async (ctx) => {
      const m = await torch(ctx);
      for (const [k, v] of numpyTorchFunctions()) if (!m.dict.has(k)) m.dict.set(k, v);
      return m;
    });
  }
}
