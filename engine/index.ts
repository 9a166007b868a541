// The engine's public surface: tensors, ops, autograd, backends.
export { Tensor, VersionCounter } from './tensor';
export type { NestedList } from './tensor';
export * from './ops/index';
export { backward, isGradEnabled, setGradEnabled, withGradMode, noGrad, Node } from './autograd/index';
export type { BackwardOptions, Edge } from './autograd/index';
export type { Backend, Storage, TensorView, KernelAttrs } from './backend/backend';
export { cpuBackend, CpuBackend } from './backend/cpu/cpu-backend';
export { getDefaultBackend, setDefaultBackend } from './core/default-backend';
export type { DType, StorageArray, ScalarKind } from './core/dtype';
export { promoteTypes, resultType, isFloating, legacyTypeName, DEFAULT_FLOAT } from './core/dtype';
export { TorchError } from './core/errors';
export type { PyErrorType } from './core/errors';
