export { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';
export { SGD, type SGDOptions } from './sgd';
export { Adam, type AdamOptions } from './adam';
export { AdamW, type AdamWOptions } from './adamw';
export { RMSprop, type RMSpropOptions } from './rmsprop';
export { Adagrad, type AdagradOptions } from './adagrad';
export {
  LRScheduler, StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LambdaLR, CustomLR,
} from './lr-scheduler';
export { ReduceLROnPlateau, type PlateauOptions } from './plateau';
export { OneCycleLR, type OneCycleOptions } from './one-cycle';
export { ConstantLR, LinearLR, SequentialLR } from './warmup-schedulers';
