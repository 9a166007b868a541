"""Golden op cases for the convolutional layers: conv2d / conv1d (im2col +
matmul here, so values compare at the golden tolerance, not bit-exact),
max_pool2d, avg_pool2d, adaptive_avg_pool2d, with grad_fn and input grads.
Writes test/golden/ops-cnn.json.
"""
import torch
import torch.nn.functional as F
from opcase import In, case, write, f64, i64

# ---- conv2d
case('cnn_conv2d_basic', 'conv2d', [In([2, 3, 6, 6]), In([4, 3, 3, 3]), In([4])], F.conv2d, exact=False)
case('cnn_conv2d_nobias', 'conv2d', [In([2, 3, 5, 7]), In([4, 3, 3, 2])], F.conv2d, exact=False)
case('cnn_conv2d_pad1', 'conv2d', [In([2, 1, 6, 6]), In([3, 1, 3, 3]), In([3])], F.conv2d, {'padding': 1}, exact=False)
case('cnn_conv2d_stride', 'conv2d', [In([1, 2, 7, 8]), In([3, 2, 3, 3]), In([3])], F.conv2d, {'stride': [2, 3], 'padding': [1, 2]}, exact=False)
case('cnn_conv2d_dilation', 'conv2d', [In([1, 2, 9, 9]), In([2, 2, 3, 3]), In([2])], F.conv2d, {'dilation': 2, 'padding': 1}, exact=False)
case('cnn_conv2d_same_even', 'conv2d', [In([1, 2, 6, 5]), In([2, 2, 4, 2]), In([2])], F.conv2d, {'padding': 'same'}, exact=False)
case('cnn_conv2d_same_dil', 'conv2d', [In([1, 2, 7, 7]), In([2, 2, 3, 3]), In([2])], F.conv2d, {'padding': 'same', 'dilation': 2}, exact=False)
case('cnn_conv2d_valid', 'conv2d', [In([1, 2, 5, 5]), In([2, 2, 3, 3])], F.conv2d, {'padding': 'valid'}, exact=False)
case('cnn_conv2d_groups', 'conv2d', [In([2, 4, 5, 5]), In([6, 2, 3, 3]), In([6])], F.conv2d, {'groups': 2, 'padding': 1}, exact=False)
case('cnn_conv2d_transposed', 'conv2d', [In([2, 3, 5, 5], layout='t'), In([2, 3, 3, 3])], F.conv2d, exact=False)
case('cnn_conv2d_strided_in', 'conv2d', [In([1, 2, 5, 4], layout='s'), In([2, 2, 2, 2]), In([2])], F.conv2d, exact=False)
case('cnn_conv2d_unbatched', 'conv2d', [In([2, 5, 5]), In([3, 2, 3, 3]), In([3])], F.conv2d, exact=False)
case('cnn_conv2d_f64', 'conv2d', [In([2, 2, 5, 5], f64), In([3, 2, 3, 3], f64), In([3], f64)], F.conv2d, {'padding': 1}, exact=False)
case('cnn_conv2d_wgrad_only', 'conv2d', [In([2, 2, 4, 4], grad=False), In([3, 2, 3, 3]), In([3])], F.conv2d, exact=False)
# ---- conv1d
case('cnn_conv1d_basic', 'conv1d', [In([2, 3, 10]), In([4, 3, 3]), In([4])], F.conv1d, {'padding': 1, 'stride': 2}, exact=False)
case('cnn_conv1d_unbatched', 'conv1d', [In([3, 8]), In([2, 3, 2])], F.conv1d, {'dilation': 2}, exact=False)
# ---- errors
case('cnn_err_conv2d_channels', 'conv2d', [In([2, 2, 8, 8]), In([4, 3, 3, 3])], F.conv2d)
case('cnn_err_conv2d_dims', 'conv2d', [In([8, 8]), In([4, 3, 3, 3])], F.conv2d)
case('cnn_err_conv2d_small', 'conv2d', [In([1, 3, 2, 2]), In([4, 3, 3, 3])], F.conv2d)
case('cnn_err_conv2d_bias', 'conv2d', [In([1, 3, 4, 4]), In([4, 3, 3, 3]), In([3])], F.conv2d)
case('cnn_err_conv2d_weight3d', 'conv2d', [In([2, 3, 8, 8]), In([4, 3, 3])], F.conv2d)
case('cnn_err_conv2d_weight2d', 'conv2d', [In([2, 3, 8, 8]), In([4, 3])], F.conv2d)
case('cnn_err_conv2d_stride3', 'conv2d', [In([2, 3, 8, 8]), In([4, 3, 3, 3])], F.conv2d, {'stride': [1, 1, 1]})
case('cnn_err_conv2d_groups', 'conv2d', [In([2, 3, 8, 8]), In([4, 3, 3, 3])], F.conv2d, {'groups': 2})
case('cnn_err_conv2d_dtype', 'conv2d', [In([2, 3, 8, 8], f64), In([4, 3, 3, 3])], F.conv2d)
case('cnn_err_conv2d_negpad', 'conv2d', [In([2, 3, 8, 8]), In([4, 3, 3, 3])], F.conv2d, {'padding': -1})
case('cnn_err_conv2d_stride0', 'conv2d', [In([2, 3, 8, 8]), In([4, 3, 3, 3])], F.conv2d, {'stride': 0})
case('cnn_err_conv2d_same_stride', 'conv2d', [In([1, 3, 4, 4]), In([4, 3, 3, 3])], F.conv2d, {'padding': 'same', 'stride': 2})

# ---- max_pool2d
mp = lambda x, **kw: F.max_pool2d(x, **kw)  # noqa: E731
case('cnn_max_pool2d_2', 'max_pool2d', [In([2, 3, 6, 6])], mp, {'kernel_size': 2})
case('cnn_max_pool2d_odd', 'max_pool2d', [In([1, 2, 7, 5])], mp, {'kernel_size': 2})
case('cnn_max_pool2d_stride_pad', 'max_pool2d', [In([1, 2, 7, 7])], mp, {'kernel_size': 3, 'stride': 2, 'padding': 1})
case('cnn_max_pool2d_rect', 'max_pool2d', [In([2, 1, 6, 8])], mp, {'kernel_size': [2, 3], 'stride': [1, 2]})
case('cnn_max_pool2d_dilation', 'max_pool2d', [In([1, 1, 7, 7])], mp, {'kernel_size': 2, 'dilation': 2})
case('cnn_max_pool2d_ceil', 'max_pool2d', [In([1, 2, 7, 7])], mp, {'kernel_size': 2, 'ceil_mode': True})
case('cnn_max_pool2d_overlap', 'max_pool2d', [In([1, 1, 5, 5])], mp, {'kernel_size': 3, 'stride': 1})
case('cnn_max_pool2d_ties', 'max_pool2d', [In([1, 1, 4, 4], values=[1., 1., 2., 2., 1., 1., 2., 2., 0., 3., 3., 0., 3., 0., 0., 3.])], mp, {'kernel_size': 2})
case('cnn_max_pool2d_unbatched', 'max_pool2d', [In([3, 4, 4])], mp, {'kernel_size': 2})
case('cnn_max_pool2d_transposed', 'max_pool2d', [In([2, 2, 4, 6], layout='t')], mp, {'kernel_size': 2})
case('cnn_max_pool2d_f64', 'max_pool2d', [In([1, 2, 4, 4], f64)], mp, {'kernel_size': 2})
case('cnn_max_pool2d_indices', 'max_pool2d_indices', [In([1, 2, 5, 5])], lambda x, **kw: F.max_pool2d(x, return_indices=True, **kw), {'kernel_size': 2, 'padding': 1})
case('cnn_err_max_pool2d_pad', 'max_pool2d', [In([1, 1, 4, 4])], mp, {'kernel_size': 2, 'padding': 2})
case('cnn_err_max_pool2d_small', 'max_pool2d', [In([1, 1, 2, 2])], mp, {'kernel_size': 3})
case('cnn_err_max_pool2d_dims', 'max_pool2d', [In([4, 4])], mp, {'kernel_size': 2})

# ---- avg_pool2d
ap = lambda x, **kw: F.avg_pool2d(x, **kw)  # noqa: E731
case('cnn_avg_pool2d_2', 'avg_pool2d', [In([2, 3, 6, 6])], ap, {'kernel_size': 2}, exact=False)
case('cnn_avg_pool2d_pad', 'avg_pool2d', [In([1, 2, 5, 5])], ap, {'kernel_size': 3, 'stride': 2, 'padding': 1}, exact=False)
case('cnn_avg_pool2d_unbatched', 'avg_pool2d', [In([2, 4, 6])], ap, {'kernel_size': [2, 3]}, exact=False)
case('cnn_avg_pool2d_ceil', 'avg_pool2d', [In([1, 2, 5, 5])], ap, {'kernel_size': 2, 'ceil_mode': True}, exact=False)
case('cnn_avg_pool2d_ceil_pad', 'avg_pool2d', [In([1, 1, 6, 7])], ap, {'kernel_size': 3, 'stride': 2, 'padding': 1, 'ceil_mode': True}, exact=False)
case('cnn_avg_pool2d_exclude_pad', 'avg_pool2d', [In([2, 1, 5, 5])], ap, {'kernel_size': 3, 'stride': 2, 'padding': 1, 'count_include_pad': False}, exact=False)
case('cnn_avg_pool2d_ceil_exclude', 'avg_pool2d', [In([1, 2, 6, 6])], ap, {'kernel_size': 3, 'stride': 2, 'padding': 1, 'ceil_mode': True, 'count_include_pad': False}, exact=False)
case('cnn_avg_pool2d_divisor', 'avg_pool2d', [In([1, 2, 4, 4])], ap, {'kernel_size': 2, 'divisor_override': 3}, exact=False)

# ---- adaptive_avg_pool2d
aap = lambda x, **kw: F.adaptive_avg_pool2d(x, **kw)  # noqa: E731
case('cnn_adaptive_avg_pool2d_div', 'adaptive_avg_pool2d', [In([2, 3, 6, 4])], aap, {'output_size': [3, 2]}, exact=False)
case('cnn_adaptive_avg_pool2d_uneven', 'adaptive_avg_pool2d', [In([1, 2, 7, 5])], aap, {'output_size': [3, 2]}, exact=False)
case('cnn_adaptive_avg_pool2d_1', 'adaptive_avg_pool2d', [In([2, 3, 4, 4])], aap, {'output_size': 1}, exact=False)
case('cnn_adaptive_avg_pool2d_unbatched', 'adaptive_avg_pool2d', [In([2, 6, 6])], aap, {'output_size': 2}, exact=False)

# ---- batch_norm (F.batch_norm: training uses batch stats, eval the running ones)
bn = lambda x, rm, rv, w=None, b=None, **kw: F.batch_norm(x, rm, rv, w, b, **kw)  # noqa: E731
case('cnn_batch_norm_train_2d', 'batch_norm', [In([4, 3, 3, 3]), None, None, In([3]), In([3])], bn, {'training': True}, exact=False)
case('cnn_batch_norm_train_1d', 'batch_norm', [In([5, 4]), In([4], grad=False), In([4], grad=False, positive=True), In([4]), In([4])], bn, {'training': True, 'momentum': 0.3}, exact=False)
case('cnn_batch_norm_train_3d', 'batch_norm', [In([3, 2, 4]), None, None], bn, {'training': True, 'eps': 1e-3}, exact=False)
case('cnn_batch_norm_eval', 'batch_norm', [In([4, 3, 2, 2]), In([3], grad=False), In([3], grad=False, positive=True), In([3]), In([3])], bn, {'training': False}, exact=False)
case('cnn_batch_norm_f64', 'batch_norm', [In([4, 2, 3], f64), None, None, In([2], f64), In([2], f64)], bn, {'training': True}, exact=False)
case('cnn_batch_norm_transposed', 'batch_norm', [In([3, 4, 5, 2], layout='t'), None, None, In([4]), None], bn, {'training': True}, exact=False)
case('cnn_err_batch_norm_one', 'batch_norm', [In([1, 3]), None, None], bn, {'training': True})
case('cnn_err_batch_norm_size', 'batch_norm', [In([2, 4]), In([3], grad=False), In([3], grad=False, positive=True)], bn, {'training': True})

# ---- layer_norm
ln = lambda x, w=None, b=None, **kw: F.layer_norm(x, weight=w, bias=b, **kw)  # noqa: E731
case('cnn_layer_norm_affine', 'layer_norm', [In([3, 5]), In([5]), In([5])], ln, {'normalized_shape': [5]}, exact=False)
case('cnn_layer_norm_plain', 'layer_norm', [In([2, 3, 4])], ln, {'normalized_shape': [3, 4]}, exact=False)
case('cnn_layer_norm_3d', 'layer_norm', [In([2, 3, 4]), In([4]), In([4])], ln, {'normalized_shape': [4], 'eps': 1e-3}, exact=False)
case('cnn_layer_norm_f64', 'layer_norm', [In([2, 6], f64), In([6], f64), None], ln, {'normalized_shape': [6]}, exact=False)
case('cnn_layer_norm_transposed', 'layer_norm', [In([4, 3], layout='t'), In([3]), In([3])], ln, {'normalized_shape': [3]}, exact=False)
case('cnn_err_layer_norm_shape', 'layer_norm', [In([2, 4])], ln, {'normalized_shape': [5]})

# ---- embedding (grads for the weight only; indices are int64)
emb = lambda i, w, **kw: F.embedding(i, w, **kw)  # noqa: E731
case('cnn_embedding_basic', 'embedding', [In([2, 3], i64, lo=0, hi=6, grad=False), In([6, 4])], emb)
case('cnn_embedding_repeat', 'embedding', [In([5], i64, values=[1, 1, 4, 1, 0], grad=False), In([5, 3])], emb, grad_exact=False)
case('cnn_embedding_padding', 'embedding', [In([4], i64, values=[0, 2, 0, 3], grad=False), In([4, 2])], emb, {'padding_idx': 0})
case('cnn_embedding_f64', 'embedding', [In([3], i64, values=[2, 0, 2], grad=False), In([3, 2], f64)], emb)
case('cnn_err_embedding_range', 'embedding', [In([2], i64, values=[1, 7], grad=False), In([5, 2])], emb)

# ---- 1-D pools (unsqueeze, 2-D pool, squeeze: grad_fn SqueezeBackward1)
case('cnn_max_pool1d', 'max_pool1d', [In([2, 3, 9])], lambda x, **kw: F.max_pool1d(x, **kw), {'kernel_size': 3, 'stride': 2, 'padding': 1})
case('cnn_max_pool1d_unbatched', 'max_pool1d', [In([3, 8])], lambda x, **kw: F.max_pool1d(x, **kw), {'kernel_size': 2})
case('cnn_avg_pool1d', 'avg_pool1d', [In([2, 3, 9])], lambda x, **kw: F.avg_pool1d(x, **kw), {'kernel_size': 3, 'stride': 2, 'padding': 1}, exact=False)
case('cnn_adaptive_avg_pool1d', 'adaptive_avg_pool1d', [In([2, 3, 10])], lambda x, **kw: F.adaptive_avg_pool1d(x, **kw), {'output_size': 4}, exact=False)
case('cnn_err_max_pool1d_dims', 'max_pool1d', [In([4])], lambda x, **kw: F.max_pool1d(x, **kw), {'kernel_size': 2})
case('cnn_err_max_pool1d_small', 'max_pool1d', [In([1, 2, 3])], lambda x, **kw: F.max_pool1d(x, **kw), {'kernel_size': 4})
case('cnn_err_avg_pool1d_dims', 'avg_pool1d', [In([4])], lambda x, **kw: F.avg_pool1d(x, **kw), {'kernel_size': 2})

write('ops-cnn')
