export { createTorchModule } from './torch-module';
export { registerTorchModules } from './register';
export { torchHooks, type TorchHooks } from './hooks';
export { describeValue, shortRepr } from './describe';
export { asTensor, wrapTensor } from './classes';
export { noteModuleName, currentModulePath } from './nn-module';
