export { Optimizer, type ParamGroup, type ParamsInput } from './optimizer';
export { SGD, type SGDOptions } from './sgd';
export { Adam, type AdamOptions } from './adam';
