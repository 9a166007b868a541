// Adds torch and its submodules to a module registry (H4's modules/registry).
// One set of module objects per interpreter, created on the first import.
import type { ModuleRegistry } from '../registry';
import type { CallContext, PyModule } from '../../runtime/objects';
import { createTorchModules, type TorchModules } from './torch-module';

export function registerTorchModules(registry: ModuleRegistry): void {
  const perRun = new WeakMap<CallContext, TorchModules>();
  const get = (ctx: CallContext): TorchModules => {
    let m = perRun.get(ctx);
    if (!m) {
      m = createTorchModules();
      perRun.set(ctx, m);
    }
    return m;
  };
  registry.register('torch', (ctx) => get(ctx).torch);
  registry.register('torch.nn', (ctx) => get(ctx).nn);
  registry.register('torch.nn.functional', (ctx) => get(ctx).functional);
  registry.register('torch.nn.init', (ctx) => get(ctx).init);
  registry.register('torch.optim', (ctx) => get(ctx).optim);
  registry.register('torch.optim.lr_scheduler', (ctx) => get(ctx).optim.dict.get('lr_scheduler') as PyModule);
  registry.register('torch.utils', (ctx) => get(ctx).utils);
  registry.register('torch.utils.data', (ctx) => get(ctx).data);
}
