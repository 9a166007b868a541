// torch.nn.functional.
export { relu, sigmoid, tanh, softmax, logSoftmax, flatten, implicitSoftmaxDim } from './activations';
export { linear } from './linear';
export { dropout } from './dropout';
export { nllLoss, type NllOptions } from './nll-loss';
export { mseLoss, setLossWarningHandler } from './mse-loss';
export { crossEntropy, type CrossEntropyOptions } from './cross-entropy';
export { checkReduction, type Reduction } from './reduction';
export { conv2d, conv1d, type ConvOptions, type Padding } from './conv';
export { maxPool2d, maxPool2dWithIndices, avgPool2d, adaptiveAvgPool2d, type PoolOptions, type AvgPoolOptions } from './pooling';
export { batchNorm, layerNorm, embedding, type BatchNormOptions } from './normalization';
export { dropout2d } from './dropout2d';
export { maxPool1d, maxPool1dWithIndices, avgPool1d, adaptiveAvgPool1d, type Pool1dOptions } from './pooling1d';
export { leakyRelu, elu, silu, softplus, gelu, selu, celu, logsigmoid, hardtanh, relu6, mish, hardswish, hardsigmoid } from './pointwise-activations';
export { binaryCrossEntropy, binaryCrossEntropyWithLogits, type BceOptions, type BceLogitsOptions } from './binary-cross-entropy';
export { l1Loss, smoothL1Loss, huberLoss } from './l1-loss';
export { klDiv } from './kl-div';
export { prelu } from './prelu';
