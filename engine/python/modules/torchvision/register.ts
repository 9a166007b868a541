// Registers torchvision, torchvision.datasets and torchvision.transforms.
// Dataset bytes come from datasetSources (mnist-data.ts), set by the host.

import type { ModuleRegistry } from '../registry';
import { PyModule } from '../../runtime/objects';
import { createDatasetsModule } from './datasets';
import { createTransformsModule } from './transforms';

export function registerTorchvisionModules(registry: ModuleRegistry): void {
  let datasets: PyModule | null = null;
  let transforms: PyModule | null = null;
  const ds = () => (datasets ??= createDatasetsModule());
  const tf = () => (transforms ??= createTransformsModule());
  registry.register('torchvision', () => {
    const m = new PyModule('torchvision');
    m.dict.set('datasets', ds());
    m.dict.set('transforms', tf());
    m.dict.set('__version__', '0.28.0+cpu');
    return m;
  });
  registry.register('torchvision.datasets', () => ds());
  registry.register('torchvision.transforms', () => tf());
}
