export { registerNumpyModules } from './register';
export { createNumpyModule } from './np-module';
export { tensorToNdArray, ndArrayToTensor, ndarrayData, numpyTorchFunctions, fromNumpy } from './bridge';
export { NdArray } from './ndarray';
export type { NpDType } from './ndarray';
export { asNd, wrapNd, ndarrayClass, toNdArray } from './convert';
