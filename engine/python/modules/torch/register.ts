// Adds torch and its submodules to a module registry (H4's modules/registry).
import type { ModuleRegistry } from '../registry';
import { createTorchModule } from './torch-module';

export function registerTorchModules(registry: ModuleRegistry): void {
  registry.register('torch', () => createTorchModule());
}
