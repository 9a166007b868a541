// torch.nn: modules, parameters, init and functional.
export { Module } from './module';
export { Parameter, isParameter, markParameter, typename } from './parameter';
export { moduleRepr, addIndent } from './module-repr';
export { incompatibleKeysRepr, type StateDict, type IncompatibleKeys } from './state-dict';
export { Linear, Identity, type LinearOptions } from './modules/linear';
export { ReLU, Sigmoid, Tanh, Softmax, LogSoftmax } from './modules/activation';
export { Dropout, Flatten } from './modules/dropout';
export { Sequential, sliceIndices, type PySlice } from './modules/sequential';
export { ModuleList } from './modules/module-list';
export { NLLLoss, CrossEntropyLoss, MSELoss, type LossOptions } from './modules/loss';
export { pyFloatRepr, pyRepr } from './py-repr';
export { pyError, attributeError, type NnErrorType } from './errors';
export { setNnWarningHandler } from './warnings';
export * as init from './init';
export * as functional from './functional/index';
