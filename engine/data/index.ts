export { TensorDataset, Subset, selectRow, type Dataset } from './dataset';
export { DataLoader, DataLoaderIterator, type DataLoaderOptions } from './dataloader';
export { RandomSampler, SequentialSampler, batchIndices, type Sampler } from './sampler';
export { defaultCollate, stackRows, type StackFn } from './collate';
export { randomSplit } from './random-split';
