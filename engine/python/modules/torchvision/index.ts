export { registerTorchvisionModules } from './register';
export { datasetSources, parseIdx, imageSetFromIdx, bundledMnist, BUNDLED_TRAIN } from './mnist-data';
export type { DatasetSources, ImageSet } from './mnist-data';
export { toTensor, normalize } from './transforms';
