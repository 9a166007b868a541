// The convolutional-network layers for Python: nn.Conv2d, nn.Conv1d,
// nn.MaxPool2d/1d, nn.AvgPool2d/1d, nn.AdaptiveAvgPool2d/1d, nn.BatchNorm1d/2d,
// nn.LayerNorm, nn.Embedding, nn.Unflatten, nn.Dropout2d and their functional forms,
// with PyTorch's parameter names. nn-layers.ts and nn-functional.ts
// add these to their tables.
import * as nn from '../../../nn/index';
import * as F from '../../../nn/functional/index';
import type { Module } from '../../../nn/module';
import type { Tensor } from '../../../tensor';
import { PyTuple, type PyClass, type PyValue } from '../../runtime/objects';
import { asTensor, expectTensor, toDType, wrapTensor } from './classes';
import { isSequence, items, toBool, toInt, toNumber } from './convert';
import { pyError } from '../../runtime/exceptions';
import type { Bound } from './signature';

type Pair = number | number[];
type Layer = (name: string, pyModule: string, params: string[], make: (b: Bound, args: PyValue[]) => Module) => PyClass;
type Fn = (b: Bound) => PyValue;

/** An int or a tuple/list of ints, kept in the form given (reprs print it back). */
function pairOf(v: PyValue | undefined, what: string, dflt: Pair): Pair {
  if (v === undefined || v === null) return dflt;
  return isSequence(v) ? items(v).map((x) => toInt(x, what)) : toInt(v, what);
}
const optPair = (v: PyValue | undefined, what: string): Pair | null =>
  v === undefined || v === null || (isSequence(v) && items(v).length === 0) ? null : pairOf(v, what, 0);
const bool = (v: PyValue | undefined, what: string, dflt: boolean): boolean => (v === undefined ? dflt : toBool(v, what));
const padding = (v: PyValue | undefined): F.Padding => (typeof v === 'string' ? (v as F.Padding) : pairOf(v, 'padding', 0));

const CONV_PARAMS = ['in_channels', 'out_channels', 'kernel_size', 'stride', 'padding', 'dilation', 'groups', 'bias', 'padding_mode', 'device', 'dtype'];

function convOpts(b: Bound): nn.ConvModuleOptions {
  return {
    stride: pairOf(b.stride, 'stride', 1),
    padding: padding(b.padding),
    dilation: pairOf(b.dilation, 'dilation', 1),
    groups: b.groups === undefined ? 1 : toInt(b.groups, 'groups'),
    bias: bool(b.bias, 'bias', true),
    ...(typeof b.padding_mode === 'string' ? { paddingMode: b.padding_mode } : {}),
    ...(b.dtype !== undefined && b.dtype !== null ? { dtype: toDType(b.dtype) } : {}),
  };
}

const BN_PARAMS = ['num_features', 'eps', 'momentum', 'affine', 'track_running_stats', 'device', 'dtype', 'bias'];

function bnOpts(b: Bound): nn.BatchNormModuleOptions {
  return {
    eps: b.eps === undefined ? 1e-5 : toNumber(b.eps, 'eps'),
    momentum: b.momentum === undefined ? 0.1 : b.momentum === null ? null : toNumber(b.momentum, 'momentum'),
    affine: bool(b.affine, 'affine', true),
    trackRunningStats: bool(b.track_running_stats, 'track_running_stats', true),
    bias: bool(b.bias, 'bias', true),
    ...(b.dtype !== undefined && b.dtype !== null ? { dtype: toDType(b.dtype) } : {}),
  };
}

export function cnnLayers(layer: Layer): PyClass[] {
  const ch = (b: Bound, k: string) => toInt(b[k]!, k);
  return [
    layer('Conv2d', 'conv', CONV_PARAMS, (b) => new nn.Conv2d(ch(b, 'in_channels'), ch(b, 'out_channels'), pairOf(b.kernel_size, 'kernel_size', 1), convOpts(b))),
    layer('Conv1d', 'conv', CONV_PARAMS, (b) => new nn.Conv1d(ch(b, 'in_channels'), ch(b, 'out_channels'), pairOf(b.kernel_size, 'kernel_size', 1), convOpts(b))),
    layer('MaxPool2d', 'pooling', ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'], (b) =>
      new nn.MaxPool2d(pairOf(b.kernel_size, 'kernel_size', 1), optPair(b.stride, 'stride'), pairOf(b.padding, 'padding', 0),
        pairOf(b.dilation, 'dilation', 1), bool(b.return_indices, 'return_indices', false), bool(b.ceil_mode, 'ceil_mode', false))),
    layer('AvgPool2d', 'pooling', ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'], (b) =>
      new nn.AvgPool2d(pairOf(b.kernel_size, 'kernel_size', 1), optPair(b.stride, 'stride'), pairOf(b.padding, 'padding', 0),
        bool(b.ceil_mode, 'ceil_mode', false), bool(b.count_include_pad, 'count_include_pad', true),
        b.divisor_override === undefined || b.divisor_override === null ? null : toInt(b.divisor_override, 'divisor_override'))),
    layer('AdaptiveAvgPool2d', 'pooling', ['output_size'], (b) => new nn.AdaptiveAvgPool2d(pairOf(b.output_size, 'output_size', 1))),
    layer('MaxPool1d', 'pooling', ['kernel_size', 'stride', 'padding', 'dilation', 'return_indices', 'ceil_mode'], (b) =>
      new nn.MaxPool1d(pairOf(b.kernel_size, 'kernel_size', 1), optPair(b.stride, 'stride'), pairOf(b.padding, 'padding', 0),
        pairOf(b.dilation, 'dilation', 1), bool(b.return_indices, 'return_indices', false), bool(b.ceil_mode, 'ceil_mode', false))),
    layer('AvgPool1d', 'pooling', ['kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad'], (b) =>
      new nn.AvgPool1d(pairOf(b.kernel_size, 'kernel_size', 1), optPair(b.stride, 'stride'), pairOf(b.padding, 'padding', 0),
        bool(b.ceil_mode, 'ceil_mode', false), bool(b.count_include_pad, 'count_include_pad', true))),
    layer('AdaptiveAvgPool1d', 'pooling', ['output_size'], (b) => new nn.AdaptiveAvgPool1d(pairOf(b.output_size, 'output_size', 1))),
    layer('BatchNorm1d', 'batchnorm', BN_PARAMS, (b) => new nn.BatchNorm1d(ch(b, 'num_features'), bnOpts(b))),
    layer('BatchNorm2d', 'batchnorm', BN_PARAMS, (b) => new nn.BatchNorm2d(ch(b, 'num_features'), bnOpts(b))),
    layer('LayerNorm', 'normalization', ['normalized_shape', 'eps', 'elementwise_affine', 'bias', 'device', 'dtype'], (b) =>
      new nn.LayerNorm(pairOf(b.normalized_shape, 'normalized_shape', 1), b.eps === undefined ? 1e-5 : toNumber(b.eps, 'eps'),
        bool(b.elementwise_affine, 'elementwise_affine', true), bool(b.bias, 'bias', true),
        b.dtype !== undefined && b.dtype !== null ? toDType(b.dtype) : 'float32')),
    layer('Embedding', 'sparse', ['num_embeddings', 'embedding_dim', 'padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse', '_weight', '_freeze', 'device', 'dtype'], (b) => {
      if (b.max_norm !== undefined && b.max_norm !== null) throw pyError('NotImplementedError', 'nn.Embedding(max_norm=...) is not supported yet');
      return new nn.Embedding(ch(b, 'num_embeddings'), ch(b, 'embedding_dim'), b.padding_idx === undefined || b.padding_idx === null ? null : toInt(b.padding_idx, 'padding_idx'),
        b.dtype !== undefined && b.dtype !== null ? toDType(b.dtype) : 'float32');
    }),
    layer('Dropout2d', 'dropout', ['p', 'inplace'], (b) =>
      new nn.Dropout2d(b.p === undefined ? 0.5 : toNumber(b.p, 'p'), bool(b.inplace, 'inplace', false))),
    layer('Unflatten', 'flatten', ['dim', 'unflattened_size'], (b) => {
      const sizes = pairOf(b.unflattened_size, 'unflattened_size', 1);
      return new nn.Unflatten(toInt(b.dim!, 'dim'), Array.isArray(sizes) ? sizes : [sizes]);
    }),
  ];
}

/** PyTorch's required constructor parameters of these layers. */
export const CNN_REQUIRED: Record<string, string[]> = {
  Conv2d: ['in_channels', 'out_channels', 'kernel_size'],
  Conv1d: ['in_channels', 'out_channels', 'kernel_size'],
  MaxPool2d: ['kernel_size'],
  AvgPool2d: ['kernel_size'],
  AdaptiveAvgPool2d: ['output_size'],
  MaxPool1d: ['kernel_size'],
  AvgPool1d: ['kernel_size'],
  AdaptiveAvgPool1d: ['output_size'],
  BatchNorm1d: ['num_features'],
  BatchNorm2d: ['num_features'],
  LayerNorm: ['normalized_shape'],
  Embedding: ['num_embeddings', 'embedding_dim'],
  Unflatten: ['dim', 'unflattened_size'],
};

export function cnnFunctional(): [string, string[], Fn][] {
  const T = (b: Bound, name = 'input'): Tensor => expectTensor(b[name] ?? null, 'functional', name);
  const optT = (v: PyValue | undefined): Tensor | null => (v === undefined || v === null ? null : asTensor(v));
  const conv = (b: Bound): F.ConvOptions => ({
    stride: pairOf(b.stride, 'stride', 1),
    padding: padding(b.padding),
    dilation: pairOf(b.dilation, 'dilation', 1),
    groups: b.groups === undefined ? 1 : toInt(b.groups, 'groups'),
  });
  const convParams = ['input', 'weight', 'bias', 'stride', 'padding', 'dilation', 'groups'];
  return [
    ['conv2d', convParams, (b) => wrapTensor(F.conv2d(T(b), T(b, 'weight'), optT(b.bias), conv(b)))],
    ['conv1d', convParams, (b) => wrapTensor(F.conv1d(T(b), T(b, 'weight'), optT(b.bias), conv(b)))],
    ['max_pool2d', ['input', 'kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'], (b) => {
      const r = F.maxPool2dWithIndices(T(b), pairOf(b.kernel_size, 'kernel_size', 1), {
        stride: optPair(b.stride, 'stride'), padding: pairOf(b.padding, 'padding', 0),
        dilation: pairOf(b.dilation, 'dilation', 1), ceilMode: bool(b.ceil_mode, 'ceil_mode', false),
      });
      return bool(b.return_indices, 'return_indices', false) ? new PyTuple([wrapTensor(r.values), wrapTensor(r.indices)]) : wrapTensor(r.values);
    }],
    ['avg_pool2d', ['input', 'kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad', 'divisor_override'], (b) =>
      wrapTensor(F.avgPool2d(T(b), pairOf(b.kernel_size, 'kernel_size', 1), {
        stride: optPair(b.stride, 'stride'), padding: pairOf(b.padding, 'padding', 0),
        ceilMode: bool(b.ceil_mode, 'ceil_mode', false), countIncludePad: bool(b.count_include_pad, 'count_include_pad', true),
        divisorOverride: b.divisor_override === undefined || b.divisor_override === null ? null : toInt(b.divisor_override, 'divisor_override'),
      }))],
    ['adaptive_avg_pool2d', ['input', 'output_size'], (b) => wrapTensor(F.adaptiveAvgPool2d(T(b), pairOf(b.output_size, 'output_size', 1)))],
    ['max_pool1d', ['input', 'kernel_size', 'stride', 'padding', 'dilation', 'ceil_mode', 'return_indices'], (b) => {
      const r = F.maxPool1dWithIndices(T(b), pairOf(b.kernel_size, 'kernel_size', 1), {
        stride: optPair(b.stride, 'stride'), padding: pairOf(b.padding, 'padding', 0),
        dilation: pairOf(b.dilation, 'dilation', 1), ceilMode: bool(b.ceil_mode, 'ceil_mode', false),
      });
      return bool(b.return_indices, 'return_indices', false) ? new PyTuple([wrapTensor(r.values), wrapTensor(r.indices)]) : wrapTensor(r.values);
    }],
    ['avg_pool1d', ['input', 'kernel_size', 'stride', 'padding', 'ceil_mode', 'count_include_pad'], (b) =>
      wrapTensor(F.avgPool1d(T(b), pairOf(b.kernel_size, 'kernel_size', 1), {
        stride: optPair(b.stride, 'stride'), padding: pairOf(b.padding, 'padding', 0),
        ceilMode: bool(b.ceil_mode, 'ceil_mode', false), countIncludePad: bool(b.count_include_pad, 'count_include_pad', true),
      }))],
    ['adaptive_avg_pool1d', ['input', 'output_size'], (b) => wrapTensor(F.adaptiveAvgPool1d(T(b), pairOf(b.output_size, 'output_size', 1)))],
    ['batch_norm', ['input', 'running_mean', 'running_var', 'weight', 'bias', 'training', 'momentum', 'eps'], (b) =>
      wrapTensor(F.batchNorm(T(b), optT(b.running_mean), optT(b.running_var), {
        weight: optT(b.weight), bias: optT(b.bias), training: bool(b.training, 'training', false),
        momentum: b.momentum === undefined ? 0.1 : toNumber(b.momentum, 'momentum'), eps: b.eps === undefined ? 1e-5 : toNumber(b.eps, 'eps'),
      }))],
    ['layer_norm', ['input', 'normalized_shape', 'weight', 'bias', 'eps'], (b) => {
      const ns = pairOf(b.normalized_shape, 'normalized_shape', 1);
      return wrapTensor(F.layerNorm(T(b), Array.isArray(ns) ? ns : [ns], optT(b.weight), optT(b.bias), b.eps === undefined ? 1e-5 : toNumber(b.eps, 'eps')));
    }],
    ['dropout2d', ['input', 'p', 'training', 'inplace'], (b) => wrapTensor(F.dropout2d(T(b),
      b.p === undefined ? 0.5 : toNumber(b.p, 'p'), bool(b.training, 'training', true), bool(b.inplace, 'inplace', false)))],
    ['embedding', ['input', 'weight', 'padding_idx', 'max_norm', 'norm_type', 'scale_grad_by_freq', 'sparse'], (b) =>
      wrapTensor(F.embedding(T(b), T(b, 'weight'), b.padding_idx === undefined || b.padding_idx === null ? null : toInt(b.padding_idx, 'padding_idx')))],
  ];
}
