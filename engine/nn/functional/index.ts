// torch.nn.functional.
export { relu, sigmoid, tanh, softmax, logSoftmax, flatten, implicitSoftmaxDim } from './activations';
export { linear } from './linear';
export { dropout } from './dropout';
export { nllLoss, type NllOptions } from './nll-loss';
export { mseLoss, setLossWarningHandler } from './mse-loss';
export { crossEntropy, type CrossEntropyOptions } from './cross-entropy';
export { checkReduction, type Reduction } from './reduction';
