"""Golden cases for the engine's core ops: forward values and input grads from real
PyTorch, across dtypes, broadcasting and non-contiguous inputs, plus the
exact type and message of common errors.

Run: /work/main/.venv-torch/bin/python scripts/golden/ops.py  (falls back to
whatever torch `python3` has). Writes test/golden/ops.json.

Each case: op (a key of test/golden/ops-table.ts), inputs (tensor specs or
scalars), kwargs, and either out/grads or error. Scalars are tagged with
their Python type because 2 and 2.0 promote differently.
"""
import torch

from opcase import In, case, cases, enc_arg, enc_tensor, gen, tag_floats, vals, write  # noqa: F401
from opcase import DT, f32, f64, i64, i32, bl

S = [2, 3]

# ---- binary arithmetic, promotion, broadcasting, layouts
for op, fn in [('add', torch.add), ('sub', torch.sub), ('mul', torch.mul), ('div', torch.div)]:
    case(f'{op}_same', op, [In(S), In(S)], fn)
    case(f'{op}_bcast_row', op, [In([4, 3]), In([3])], fn)
    case(f'{op}_bcast_col', op, [In([4, 1]), In([1, 5])], fn)
    case(f'{op}_bcast_3d', op, [In([2, 1, 3]), In([4, 1])], fn)
    case(f'{op}_transposed', op, [In([3, 4], layout='t'), In([3, 4])], fn)
    case(f'{op}_strided', op, [In([2, 3], layout='s'), In([2, 3], layout='t')], fn)
    case(f'{op}_expanded', op, [In([3, 4], layout='e'), In([3, 4])], fn)
    case(f'{op}_f64', op, [In(S, f64), In(S, f64)], fn)
    case(f'{op}_f32_f64', op, [In(S), In(S, f64)], fn)
    case(f'{op}_int', op, [In(S, i64, lo=1, hi=9), In(S, i64, lo=1, hi=5)], fn)
    case(f'{op}_int32_int64', op, [In(S, i32, lo=1, hi=9), In(S, i64, lo=1, hi=5)], fn)
    case(f'{op}_int_float', op, [In(S, i64, lo=1, hi=9), In(S)], fn)
    case(f'{op}_scalar_int', op, [In(S), 2], fn)
    case(f'{op}_scalar_float', op, [In(S), 2.5], fn)
    case(f'{op}_scalar_floatint', op, [In(S, i64, lo=1, hi=9), 2.0], fn)
    case(f'{op}_int_scalar_int', op, [In(S, i64, lo=1, hi=9), 3], fn)
    case(f'{op}_zero_dim', op, [In(S, i64, lo=1, hi=9), In([], f64)], fn)
    case(f'{op}_zero_dim_same_cat', op, [In(S), In([], f64)], fn)
    case(f'{op}_f64_scalar_tensor', op, [In([], f64), In(S)], fn)
case('add_alpha', 'add', [In(S), In(S)], torch.add, {'alpha': 2})
case('add_alpha_float', 'add', [In(S), In(S)], torch.add, {'alpha': 0.5})
case('sub_alpha', 'sub', [In(S), In(S)], torch.sub, {'alpha': 3})
case('add_bool_int', 'add', [In(S, bl), 1], torch.add)
case('add_bool_bool', 'add', [In(S, bl), In(S, bl)], torch.add)
case('add_int32_scalar', 'add', [In(S, i32), 5], torch.add)
case('add_int32_float', 'add', [In(S, i32), 1.5], torch.add)
case('mul_bool_float', 'mul', [In(S, bl), 1.5], torch.mul)
case('rsub_scalar', 'rsub', [In(S), 2], lambda a, b: b - a)
case('rsub_float', 'rsub', [In(S), 2.5], lambda a, b: b - a)
case('rdiv_scalar', 'rdiv', [In(S, positive=True), 2], lambda a, b: b / a)
case('rdiv_int', 'rdiv', [In(S, i64, lo=1, hi=9), 1], lambda a, b: b / a)
case('div_by_zero_float', 'div', [In(S), 0], torch.div)
case('div_int_by_zero', 'div', [In(S, i64), 0], torch.div)
case('floor_divide_float', 'floor_divide', [In([3, 4]), In([3, 4])], torch.floor_divide)
case('floor_divide_int', 'floor_divide', [In([3, 4], i64, lo=-9, hi=9), In([3, 4], i64, lo=1, hi=4)], torch.floor_divide)
case('floor_divide_neg', 'floor_divide', [In([3, 4], i64, lo=-9, hi=9), -3], torch.floor_divide)
case('floor_divide_scalar_float', 'floor_divide', [In([3, 4]), 0.7], torch.floor_divide)
case('remainder_float', 'remainder', [In([3, 4]), In([3, 4])], torch.remainder)
case('remainder_scalar', 'remainder', [In([3, 4]), 1.5], torch.remainder)
case('remainder_int', 'remainder', [In([3, 4], i64, lo=-9, hi=9), In([3, 4], i64, lo=1, hi=4)], torch.remainder)
case('remainder_int_neg', 'remainder', [In([3, 4], i64, lo=-9, hi=9), -4], torch.remainder)
# PyTorch's float sqrt/exp/log/... go through MKL VML or SLEEF, which are not
# correctly rounded: those cases compare within float32 tolerance.
for e in [2, 3, 0.5, -1, -2, 1.5, 0, 4, 2.0]:
    case(f'pow_scalar_{e}', 'pow', [In([3, 4], positive=True), e], torch.pow, exact=float(e).is_integer())
case('pow_scalar_neg_base', 'pow', [In([3, 4]), 2], torch.pow)
case('pow_tensor', 'pow', [In([3, 4], positive=True), In([3, 4])], torch.pow, exact=False)
case('pow_tensor_bcast', 'pow', [In([3, 4], positive=True), In([4])], torch.pow, exact=False)
case('pow_int', 'pow', [In([3, 4], i64, lo=-4, hi=5), 3], torch.pow)
case('pow_int_float', 'pow', [In([3, 4], i64, lo=1, hi=5), 0.5], torch.pow)
case('rpow', 'rpow', [In([3, 4]), 2], lambda a, b: b ** a, exact=False)
case('maximum', 'maximum', [In([3, 4]), In([4])], torch.maximum)
case('minimum', 'minimum', [In([3, 4]), In([3, 1])], torch.minimum)
case('maximum_ties', 'maximum', [In([4], values=[1., 2., 3., 4.]), In([4], values=[1., 0., 3., 5.])], torch.maximum)

# ---- unary
for op, positive in [('neg', False), ('abs', False), ('exp', False), ('log', True), ('sqrt', True), ('sigmoid', False),
                     ('tanh', False), ('relu', False), ('sin', False), ('cos', False), ('reciprocal', True),
                     ('rsqrt', True), ('square', False), ('log1p', True), ('sign', False), ('floor', False),
                     ('ceil', False), ('round', False), ('trunc', False)]:
    fn = getattr(torch, op)
    transcendental = op in ('exp', 'log', 'sigmoid', 'tanh', 'sin', 'cos', 'log1p', 'rsqrt', 'sqrt')
    case(f'{op}_f32', op, [In([3, 5], positive=positive)], fn, exact=not transcendental)
    case(f'{op}_f64', op, [In([3, 5], f64, positive=positive)], fn, exact=not transcendental)
    case(f'{op}_transposed', op, [In([3, 5], layout='t', positive=positive)], fn, exact=not transcendental)
    if op in ('neg', 'abs', 'relu', 'exp', 'sqrt', 'sigmoid', 'sign', 'square'):
        case(f'{op}_int', op, [In([3, 5], i64, lo=0 if op == 'sqrt' else -5, hi=6)], fn, exact=not transcendental)
case('relu_zero', 'relu', [In([5], values=[-1., 0., 1., -0.5, 2.])], torch.relu)
case('exp_tutorial_small', 'exp', [In([1, 1])], torch.exp)
case('exp_len16', 'exp', [In([16])], torch.exp, exact=False)
case('clamp_both', 'clamp', [In([3, 4])], torch.clamp, {'min': -0.5, 'max': 0.5})
case('clamp_min', 'clamp', [In([3, 4])], torch.clamp, {'min': 0.0})
case('clamp_max', 'clamp', [In([3, 4])], torch.clamp, {'max': 0.1})
case('clamp_int', 'clamp', [In([3, 4], i64, lo=-9, hi=9)], torch.clamp, {'min': -2, 'max': 3})
case('clamp_int_float', 'clamp', [In([3, 4], i64, lo=-9, hi=9)], torch.clamp, {'min': -2.5})

# ---- comparisons, where
for op in ['eq', 'ne', 'lt', 'le', 'gt', 'ge']:
    fn = getattr(torch, op)
    case(f'{op}_tensor', op, [In([3, 4], i64, lo=0, hi=3), In([3, 4], i64, lo=0, hi=3)], fn)
    case(f'{op}_scalar', op, [In([3, 4]), 0.1], fn)
    case(f'{op}_bcast', op, [In([3, 4]), In([4])], fn)
case('eq_int_float', 'eq', [In([4], i64, values=[1, 2, 3, 4]), 2.0], torch.eq)
case('where', 'where', [In([3, 4], bl), In([3, 4]), In([3, 4])], torch.where)
case('where_bcast', 'where', [In([3, 1], bl), In([4]), In([3, 4])], torch.where)
case('where_scalar', 'where', [In([3, 4], bl), In([3, 4]), 0.0], torch.where)
case('where_f64', 'where', [In([3, 4], bl), In([3, 4], f64), In([3, 4])], torch.where)
case('logical_not', 'logical_not', [In([3, 4], bl)], torch.logical_not)
case('logical_and', 'logical_and', [In([3, 4], bl), In([3, 4], bl)], torch.logical_and)

# ---- reductions
for sh, lay in [([7], 'c'), ([5, 3], 'c'), ([4, 9], 'c'), ([16, 40], 'c'), ([40, 16], 'c'), ([9, 40], 'c'), ([3, 5], 't'),
                ([2, 3, 4], 'c'), ([6, 10], 's'), ([1000], 'c'), ([3, 100], 'c'), ([100, 3], 'c'), ([70, 33], 'c')]:
    tag = 'x'.join(map(str, sh)) + lay
    case(f'sum_all_{tag}', 'sum', [In(sh, layout=lay)], torch.sum)
    case(f'mean_all_{tag}', 'mean', [In(sh, layout=lay)], torch.mean)
    for d in range(len(sh)):
        case(f'sum_dim{d}_{tag}', 'sum', [In(sh, layout=lay)], torch.sum, {'dim': d})
        case(f'mean_dim{d}_{tag}', 'mean', [In(sh, layout=lay)], torch.mean, {'dim': d})
case('sum_large', 'sum', [In([5000])], torch.sum)
case('sum_large_2d', 'sum', [In([100, 300])], torch.sum)
case('sum_keepdim', 'sum', [In([3, 4, 5])], torch.sum, {'dim': 1, 'keepdim': True})
case('sum_dims', 'sum', [In([3, 4, 5])], torch.sum, {'dim': [0, 2]})
case('sum_dims_neg', 'sum', [In([3, 4, 5])], torch.sum, {'dim': [-1, 0], 'keepdim': True})
case('sum_int', 'sum', [In([3, 4], i64)], torch.sum)
case('sum_int32', 'sum', [In([3, 4], i32)], torch.sum, {'dim': 1})
case('sum_bool', 'sum', [In([3, 4], bl)], torch.sum)
case('sum_f64', 'sum', [In([30, 7], f64)], torch.sum, {'dim': 0})
case('mean_keepdim', 'mean', [In([3, 4, 5])], torch.mean, {'dim': [1, 2], 'keepdim': True})
case('mean_f64', 'mean', [In([30, 7], f64)], torch.mean)
case('mean_int_error', 'mean', [In([3], i64)], torch.mean)
case('prod_all', 'prod', [In([2, 3])], torch.prod, exact=False)
case('prod_dim', 'prod', [In([3, 4])], torch.prod, {'dim': 1}, exact=False)
case('prod_zero', 'prod', [In([4], values=[1., 0., 3., 2.])], torch.prod, {'dim': 0})
case('prod_int', 'prod', [In([3, 4], i64, lo=1, hi=4)], torch.prod)
for op in ['std', 'var']:
    fn = getattr(torch, op)
    case(f'{op}_all', op, [In([4, 5])], fn, exact=False)
    case(f'{op}_dim', op, [In([4, 5])], fn, {'dim': 1}, exact=False)
    case(f'{op}_dim0_keep', op, [In([4, 5])], fn, {'dim': 0, 'keepdim': True}, exact=False)
    case(f'{op}_biased', op, [In([4, 5])], fn, {'dim': 1, 'unbiased': False}, exact=False)
    case(f'{op}_correction', op, [In([4, 5])], fn, {'dim': 1, 'correction': 0}, exact=False)
    case(f'{op}_f64', op, [In([4, 5], f64)], fn, exact=False)
case('max_all', 'max', [In([3, 4])], torch.max)
case('max_ties', 'max', [In([4], values=[1., 3., 3., 2.])], torch.max)
case('min_all', 'min', [In([3, 4])], torch.min)
case('max_dim', 'max_dim', [In([3, 4])], torch.max, {'dim': 1})
case('max_dim0_keep', 'max_dim', [In([3, 4])], torch.max, {'dim': 0, 'keepdim': True})
case('min_dim', 'min_dim', [In([3, 4], layout='t')], torch.min, {'dim': 1})
case('max_dim_ties', 'max_dim', [In([2, 3], values=[1., 5., 5., 2., 2., 0.])], torch.max, {'dim': 1})
case('max_int', 'max_dim', [In([3, 4], i64)], torch.max, {'dim': 1})
case('amax', 'amax', [In([3, 4])], torch.amax, {'dim': 1})
case('amax_ties', 'amax', [In([2, 3], values=[1., 5., 5., 2., 2., 0.])], torch.amax, {'dim': 1})
case('amin_dims', 'amin', [In([3, 4, 2])], torch.amin, {'dim': [0, 2]})
case('argmax_all', 'argmax', [In([3, 4])], torch.argmax)
case('argmax_dim', 'argmax', [In([3, 4])], torch.argmax, {'dim': 1})
case('argmax_keep', 'argmax', [In([3, 4])], torch.argmax, {'dim': 0, 'keepdim': True})
case('argmin_dim', 'argmin', [In([3, 4], i64)], torch.argmin, {'dim': 1})
case('argmax_ties', 'argmax', [In([4], values=[1., 3., 3., 2.])], torch.argmax)
case('topk', 'topk', [In([3, 6])], torch.topk, {'k': 2})
case('topk_dim0_smallest', 'topk', [In([5, 3])], torch.topk, {'k': 3, 'dim': 0, 'largest': False})
case('sort', 'sort', [In([3, 5])], torch.sort)
case('sort_desc', 'sort', [In([3, 5])], torch.sort, {'dim': 0, 'descending': True})
case('cumsum', 'cumsum', [In([3, 5])], torch.cumsum, {'dim': 1})
case('cumsum_int', 'cumsum', [In([3, 5], i64)], torch.cumsum, {'dim': 0})

case('any_all', 'any', [In([3, 4], bl)], torch.any)
case('any_dim', 'any', [In([3, 4], bl)], torch.any, {'dim': 1})
case('all_dim', 'all', [In([3, 4], bl)], torch.all, {'dim': 0})
case('logsumexp', 'logsumexp', [In([3, 5])], torch.logsumexp, {'dim': 1}, exact=False)
case('logsumexp_keep', 'logsumexp', [In([3, 5])], torch.logsumexp, {'dim': 0, 'keepdim': True}, exact=False)
case('masked_fill', 'masked_fill', [In([3, 4]), In([3, 4], bl)], lambda x, m, value: x.masked_fill(m, value), {'value': -1.5})
case('masked_fill_bcast', 'masked_fill', [In([3, 4]), In([4], bl)], lambda x, m, value: x.masked_fill(m, value), {'value': 0.0})
case('narrow', 'narrow', [In([5, 3])], torch.narrow, {'dim': 0, 'start': 1, 'length': 3})
case('select', 'select', [In([5, 3])], torch.select, {'dim': 1, 'index': -1})
case('split_first', 'split', [In([5, 3])], lambda x, **kw: x.split(kw['size'], kw['dim'])[kw['pick']], {'size': 2, 'dim': 0, 'pick': 2})
case('split_sizes', 'split', [In([5, 3])], lambda x, **kw: x.split(kw['size'], kw['dim'])[kw['pick']], {'size': [1, 2], 'dim': 1, 'pick': 1})
case('chunk', 'chunk', [In([5, 3])], lambda x, **kw: x.chunk(kw['chunks'], kw['dim'])[kw['pick']], {'chunks': 2, 'dim': 0, 'pick': 1})

# ---- softmax family
for sh, d in [([3, 5], 1), ([3, 5], 0), ([2, 3, 4], -1), ([2, 3, 4], 1), ([64, 10], 1)]:
    tag = 'x'.join(map(str, sh)) + f'_d{d}'
    case(f'softmax_{tag}', 'softmax', [In(sh)], torch.softmax, {'dim': d}, exact=False)
    case(f'log_softmax_{tag}', 'log_softmax', [In(sh)], torch.log_softmax, {'dim': d}, exact=False)
case('softmax_large', 'softmax', [In([2, 3], values=[1000., 1001., 1002., -1000., 0., 1000.])], torch.softmax, {'dim': 1}, exact=False)
case('log_softmax_large', 'log_softmax', [In([2, 3], values=[1000., 1001., 1002., -1000., 0., 1000.])], torch.log_softmax, {'dim': 1}, exact=False)

# ---- matrix products
case('mm_tutorial_1x5_5x1', 'mm', [In([1, 5]), In([5, 1])], torch.mm)
case('mm_small', 'mm', [In([3, 4]), In([4, 2])], torch.mm)
case('mm_t', 'mm', [In([3, 4], layout='t'), In([4, 5], layout='t')], torch.mm)
for n in [8, 17, 33, 64]:
    case(f'mm_{n}', 'mm', [In([n, n]), In([n, n])], torch.mm, exact=False)
case('mm_rect', 'mm', [In([37, 19]), In([19, 23])], torch.mm, exact=False)
case('mm_f64', 'mm', [In([5, 6], f64), In([6, 4], f64)], torch.mm, exact=False)
case('mm_int', 'mm', [In([3, 4], i64), In([4, 2], i64)], torch.mm)
case('matmul_1d_1d', 'matmul', [In([5]), In([5])], torch.matmul, exact=False)
case('matmul_2d_1d', 'matmul', [In([3, 5]), In([5])], torch.matmul, exact=False)
case('matmul_1d_2d', 'matmul', [In([5]), In([5, 3])], torch.matmul, exact=False)
case('matmul_2d_2d', 'matmul', [In([3, 5]), In([5, 2])], torch.matmul)
case('matmul_3d_2d', 'matmul', [In([2, 3, 5]), In([5, 2])], torch.matmul, exact=False)
case('matmul_bcast', 'matmul', [In([2, 1, 3, 4]), In([3, 4, 2])], torch.matmul, exact=False)
case('matmul_3d_1d', 'matmul', [In([2, 3, 4]), In([4])], torch.matmul, exact=False)
case('matmul_1d_3d', 'matmul', [In([3]), In([2, 3, 4])], torch.matmul, exact=False)
case('bmm', 'bmm', [In([2, 3, 4]), In([2, 4, 5])], torch.bmm, exact=False)
case('addmm', 'addmm', [In([4]), In([3, 5]), In([5, 4])], torch.addmm, exact=False)
case('addmm_2d_bias', 'addmm', [In([3, 4]), In([3, 5]), In([5, 4])], torch.addmm, exact=False)
case('addmm_beta_alpha', 'addmm', [In([4]), In([3, 5]), In([5, 4])], torch.addmm, {'beta': 0.5, 'alpha': 2}, exact=False)
case('dot', 'dot', [In([6]), In([6])], torch.dot, exact=False)

# ---- joining
case('cat0', 'cat', [[In([2, 3]), In([1, 3])]], torch.cat)
case('cat1', 'cat', [[In([2, 3]), In([2, 1]), In([2, 2], layout='t')]], torch.cat, {'dim': 1})
case('cat_neg', 'cat', [[In([2, 3]), In([2, 3])]], torch.cat, {'dim': -1})
case('cat_promote', 'cat', [[In([2, 3]), In([2, 3], f64)]], torch.cat)
case('cat_int', 'cat', [[In([2, 3], i64), In([1, 3], i64)]], torch.cat)
case('stack0', 'stack', [[In([2, 3]), In([2, 3])]], torch.stack)
case('stack2', 'stack', [[In([2, 3]), In([2, 3]), In([2, 3])]], torch.stack, {'dim': 2})
case('stack_neg', 'stack', [[In([2, 3]), In([2, 3])]], torch.stack, {'dim': -1})

# ---- shape ops
case('view', 'view', [In([2, 6])], lambda x, shape: x.view(shape), {'shape': [3, 4]})
case('view_infer', 'view', [In([2, 6])], lambda x, shape: x.view(shape), {'shape': [-1, 3]})
case('view_tutorial', 'view', [In([1, 5])], lambda x, shape: x.view(shape), {'shape': [5, 1]})
case('view_of_t_ok', 'view', [In([4, 3], layout='t')], lambda x, shape: x.view(shape), {'shape': [3, 1, 4]})
case('reshape_nc', 'reshape', [In([3, 4], layout='t')], lambda x, shape: x.reshape(shape), {'shape': [12]})
case('reshape', 'reshape', [In([3, 4])], lambda x, shape: x.reshape(shape), {'shape': [2, -1]})
case('flatten', 'flatten', [In([2, 3, 4])], torch.flatten)
case('flatten_1', 'flatten', [In([2, 3, 4])], torch.flatten, {'start_dim': 1})
case('squeeze', 'squeeze', [In([1, 3, 1, 2])], torch.squeeze)
case('squeeze_dim', 'squeeze', [In([1, 3, 1, 2])], torch.squeeze, {'dim': 2})
case('squeeze_dim_noop', 'squeeze', [In([1, 3, 1, 2])], torch.squeeze, {'dim': 1})
case('unsqueeze', 'unsqueeze', [In([3, 2])], torch.unsqueeze, {'dim': 1})
case('unsqueeze_neg', 'unsqueeze', [In([3, 2])], torch.unsqueeze, {'dim': -1})
case('t', 't', [In([3, 2])], torch.t)
case('t_1d', 't', [In([3])], torch.t)
case('transpose', 'transpose', [In([2, 3, 4])], torch.transpose, {'dim0': 0, 'dim1': 2})
case('permute', 'permute', [In([2, 3, 4])], torch.permute, {'dims': [2, 0, 1]})
case('T', 'T', [In([2, 3])], lambda x: x.T)
case('expand', 'expand', [In([3, 1])], lambda x, size: x.expand(size), {'size': [2, 3, 4]})
case('expand_keep', 'expand', [In([3, 1])], lambda x, size: x.expand(size), {'size': [-1, 5]})
case('contiguous', 'contiguous', [In([3, 4], layout='t')], lambda x: x.contiguous())
case('to_f64', 'to', [In([3, 4])], lambda x, dtype: x.to(getattr(torch, dtype)), {'dtype': 'float64'})
case('to_int', 'to', [In([3, 4])], lambda x, dtype: x.to(getattr(torch, dtype)), {'dtype': 'int64'})
case('to_bool', 'to', [In([4], values=[0., 1.5, -0., float('nan')])], lambda x, dtype: x.to(getattr(torch, dtype)), {'dtype': 'bool'})
case('to_int32', 'to', [In([3, 4], f64)], lambda x, dtype: x.to(getattr(torch, dtype)), {'dtype': 'int32'})
case('to_f32_from_int', 'to', [In([3, 4], i64)], lambda x, dtype: x.to(getattr(torch, dtype)), {'dtype': 'float32'})
case('gather', 'gather', [In([3, 4]), In([3, 2], i64, lo=0, hi=4, grad=False)], lambda x, i, dim: torch.gather(x, dim, i), {'dim': 1})
case('gather_dup', 'gather', [In([3, 4]), In([2, 4], i64, lo=0, hi=3, grad=False)], lambda x, i, dim: torch.gather(x, dim, i), {'dim': 0})

# ---- indexing: entries are ints, slices [start, stop, step], None, '...', tensors
def sl(a=None, b=None, c=None):
    return slice(a, b, c)


def enc_index(e):
    if isinstance(e, slice):
        return {'kind': 'slice', 'start': e.start, 'stop': e.stop, 'step': e.step}
    if e is None:
        return {'kind': 'none'}
    if e is Ellipsis:
        return {'kind': 'ellipsis'}
    if isinstance(e, In):
        return e.spec()
    return {'kind': 'int', 'v': e}


def index_case(name, shape, entries, layout='c'):
    x = In(shape, layout=layout)
    built_entries = tuple(e.make() if isinstance(e, In) else e for e in entries)
    fn = lambda t: t[built_entries]  # noqa: E731
    case(name, 'index', [x], fn)
    cases[-1]['kwargs'] = {'entries': [enc_index(e) for e in entries]}


index_case('idx_int', [3, 4], [1])
index_case('idx_neg', [3, 4], [-1])
index_case('idx_int_int', [3, 4], [1, 2])
index_case('idx_slice', [5, 4], [sl(1, 4)])
index_case('idx_slice_step', [7, 4], [sl(None, None, 2), sl(1, None)])
index_case('idx_slice_neg', [5, 4], [sl(-3, -1)])
index_case('idx_slice_clamp', [5, 4], [sl(2, 100)])
index_case('idx_slice_empty', [5, 4], [sl(4, 2)])
index_case('idx_col', [3, 4], [sl(), 2])
index_case('idx_none', [3, 4], [None, sl(), None])
index_case('idx_ellipsis', [2, 3, 4], [Ellipsis, 1])
index_case('idx_ellipsis_mid', [2, 3, 4], [0, Ellipsis, sl(1, 3)])
index_case('idx_transposed', [4, 3], [sl(1, None), 0], layout='t')
index_case('idx_tensor', [5, 3], [In([4], i64, lo=-5, hi=5, grad=False)])
index_case('idx_tensor_dup', [5, 3], [In([6], i64, lo=0, hi=2, grad=False)])
index_case('idx_tensor_2d', [5, 3], [In([2, 2], i64, lo=0, hi=5, grad=False)])
index_case('idx_tensor_col', [3, 5], [sl(), In([3], i64, lo=0, hi=5, grad=False)])
index_case('idx_two_tensors', [4, 5], [In([3], i64, lo=0, hi=4, grad=False), In([3], i64, lo=0, hi=5, grad=False)])
index_case('idx_tensors_apart', [3, 4, 5], [In([2], i64, lo=0, hi=3, grad=False), sl(), In([2], i64, lo=0, hi=5, grad=False)])
index_case('idx_tensor_mid', [3, 4, 5], [sl(), In([2], i64, lo=0, hi=4, grad=False)])
index_case('idx_int_tensor', [3, 4, 5], [1, sl(), In([2], i64, lo=0, hi=5, grad=False)])
index_case('idx_mask', [3, 4], [In([3, 4], bl, grad=False)])
index_case('idx_mask_rows', [3, 4], [In([3], bl, grad=False)])
index_case('idx_mask_cols', [3, 4], [sl(), In([4], bl, grad=False)])
index_case('idx_oob', [3, 4], [3])
index_case('idx_oob_dim1', [3, 4], [0, -5])
index_case('idx_tensor_oob', [3, 4], [In([2], i64, values=[0, 3], grad=False)])
index_case('idx_too_many', [3, 4], [0, 0, 0])
index_case('idx_mask_bad', [3, 4], [In([4], bl, grad=False)])


# ---- index assignment: x[entries] = value (x starts as a copy of `base`)
def index_put_case(name, shape, entries, value, layout='c'):
    x = In(shape, layout=layout, grad=False)
    built_entries = tuple(e.make() if isinstance(e, In) else e for e in entries)
    v = value.make() if isinstance(value, In) else value

    def fn(t):
        t = t.clone()
        t[built_entries] = v
        return t
    case(name, 'index_put', [x], fn)
    cases[-1]['kwargs'] = {'entries': [enc_index(e) for e in entries], 'value': enc_arg(value)}


index_put_case('put_int', [3, 4], [1], 0.5)
index_put_case('put_row_tensor', [3, 4], [1], In([4], grad=False))
index_put_case('put_slice', [3, 4], [sl(), sl(1, 3)], In([3, 1], grad=False))
index_put_case('put_mask', [3, 4], [In([3, 4], bl, grad=False)], 0.0)
index_put_case('put_tensor_idx', [5, 3], [In([2], i64, values=[0, 3], grad=False)], In([3], grad=False))
index_put_case('put_two_idx', [4, 5], [In([2], i64, values=[1, 2], grad=False), In([2], i64, values=[0, 4], grad=False)], In([2], grad=False))
index_put_case('put_strided_target', [4, 3], [sl(None, None, 2)], -1.0, layout='t')
index_put_case('put_bad_shape', [3, 4], [0], In([3], grad=False))

# ---- factories (no tensor inputs; kwargs only)
case('arange_int', 'arange', [], lambda **kw: torch.arange(kw['start'], kw['end'], kw['step']), {'start': 0, 'end': 10, 'step': 3})
case('arange_float', 'arange', [], lambda **kw: torch.arange(kw['start'], kw['end'], kw['step']), {'start': 0.0, 'end': 1.0, 'step': 0.1})
case('arange_neg', 'arange', [], lambda **kw: torch.arange(kw['start'], kw['end'], kw['step']), {'start': 5, 'end': -3, 'step': -2})
case('arange_end', 'arange', [], lambda **kw: torch.arange(kw['end']), {'end': 7})
case('linspace', 'linspace', [], lambda **kw: torch.linspace(kw['start'], kw['end'], kw['steps']), {'start': -1.0, 'end': 1.0, 'steps': 7})
case('linspace_long', 'linspace', [], lambda **kw: torch.linspace(kw['start'], kw['end'], kw['steps']), {'start': 0.0, 'end': 3.3, 'steps': 100})
case('eye', 'eye', [], lambda **kw: torch.eye(kw['n'], kw['m']), {'n': 3, 'm': 4})
case('full_float', 'full', [], lambda **kw: torch.full(kw['size'], kw['value']), {'size': [2, 3], 'value': 1.5})
case('full_int', 'full', [], lambda **kw: torch.full(kw['size'], kw['value']), {'size': [2], 'value': 7})
case('full_bool', 'full', [], lambda **kw: torch.full(kw['size'], kw['value']), {'size': [2], 'value': True})
case('zeros_like_int', 'zeros_like', [In([2, 3], i64)], torch.zeros_like)
case('ones_like', 'ones_like', [In([2, 3])], torch.ones_like)
case('tensor_nested_int', 'tensor', [], lambda **kw: torch.tensor(kw['data']), {'data': [[1, 2], [3, 4]]})
case('tensor_nested_mixed', 'tensor', [], lambda **kw: torch.tensor(kw['data']), {'data': [[1, 2.5], [3, 4]]})
case('tensor_bool', 'tensor', [], lambda **kw: torch.tensor(kw['data']), {'data': [True, False]})
case('tensor_scalar', 'tensor', [], lambda **kw: torch.tensor(kw['data']), {'data': 3.25})
case('err_tensor_ragged', 'tensor', [], lambda **kw: torch.tensor(kw['data']), {'data': [[1, 2], [3]]})

# ---- errors from the tutorials and common mistakes
case('err_mm_shapes', 'mm', [In([1, 5]), In([1, 5])], torch.mm)
case('err_mm_dtype', 'mm', [In([2, 3]), In([3, 2], f64)], torch.mm)
case('err_mm_1d', 'mm', [In([3]), In([3, 2])], torch.mm)
case('err_matmul_shapes', 'matmul', [In([2, 3]), In([4, 2])], torch.matmul)
case('err_matmul_1d', 'matmul', [In([3]), In([4])], torch.matmul)
case('err_matmul_2d_1d', 'matmul', [In([2, 3]), In([4])], torch.matmul)
case('err_matmul_batch', 'matmul', [In([2, 2, 3]), In([2, 4, 2])], torch.matmul)
case('err_broadcast', 'add', [In([2, 3]), In([2, 4])], torch.add)
case('err_broadcast_mul', 'mul', [In([5, 3]), In([4, 1, 2])], torch.mul)
case('err_view_size', 'view', [In([2, 3])], lambda x, shape: x.view(shape), {'shape': [4, 2]})
case('err_view_infer', 'view', [In([2, 3])], lambda x, shape: x.view(shape), {'shape': [-1, 4]})
case('err_view_two_infer', 'view', [In([2, 3])], lambda x, shape: x.view(shape), {'shape': [-1, -1]})
case('err_view_stride', 'view', [In([3, 4], layout='t')], lambda x, shape: x.view(shape), {'shape': [12]})
case('err_cat_sizes', 'cat', [[In([2, 3]), In([2, 4])]], torch.cat)
case('err_cat_dims', 'cat', [[In([2, 3]), In([3])]], torch.cat)
case('err_cat_empty', 'cat', [[]], torch.cat)
case('err_stack_sizes', 'stack', [[In([2, 3]), In([3, 2])]], torch.stack)
case('err_sub_bool', 'sub', [In([3], bl), In([3], bl)], torch.sub)
case('err_neg_bool', 'neg', [In([3], bl)], torch.neg)
case('err_dim_range', 'sum', [In([2, 3])], torch.sum, {'dim': 2})
case('err_softmax_dim', 'softmax', [In([2, 3])], torch.softmax, {'dim': 3})
case('err_transpose_dim', 'transpose', [In([2, 3])], torch.transpose, {'dim0': 0, 'dim1': 2})
case('err_expand', 'expand', [In([3, 2])], lambda x, size: x.expand(size), {'size': [3, 4]})
case('err_where_cond', 'where', [In([3]), In([3]), In([3])], torch.where)
case('err_int_pow_neg', 'pow', [In([3], i64, lo=2, hi=5), -1], torch.pow)
case('err_floor_div_zero', 'floor_divide', [In([3], i64), 0], torch.floor_divide)
case('err_remainder_zero', 'remainder', [In([3], i64), 0], torch.remainder)
case('err_permute', 'permute', [In([2, 3])], torch.permute, {'dims': [0]})
case('err_bmm', 'bmm', [In([2, 3, 4]), In([2, 5, 3])], torch.bmm)
case('err_dot', 'dot', [In([3]), In([4])], torch.dot)
case('err_topk', 'topk', [In([3])], torch.topk, {'k': 4})
case('err_gather_oob', 'gather', [In([3, 4]), In([3, 1], i64, values=[0, 4, 1], grad=False)], lambda x, i, dim: torch.gather(x, dim, i), {'dim': 1})
case('err_clamp_none', 'clamp', [In([3])], torch.clamp)

# ---- autograd behaviour (scripted in the TS table by name)
def autograd_cases():
    out = []
    x = torch.tensor([1.0, 2.0], requires_grad=True)
    y = (x * x).sum()
    y.backward(retain_graph=True)
    try:
        z = x * 2
        s = (z * z).sum()
        s.backward()
        s.backward()
    except RuntimeError as e:
        out.append({'name': 'backward_twice', 'type': 'RuntimeError', 'message': str(e)})
    try:
        a = torch.ones(2, requires_grad=True)
        a.add_(1)
    except RuntimeError as e:
        out.append({'name': 'leaf_inplace', 'type': 'RuntimeError', 'message': str(e)})
    try:
        a = torch.ones(2, 2, requires_grad=True)
        b = a * 2
        c = b * b
        b.mul_(3)
        c.sum().backward()
    except RuntimeError as e:
        out.append({'name': 'version_check', 'type': 'RuntimeError', 'message': str(e)})
    try:
        torch.ones(3, requires_grad=True).mul(2).backward()
    except RuntimeError as e:
        out.append({'name': 'nonscalar_backward', 'type': 'RuntimeError', 'message': str(e)})
    try:
        torch.ones(3).sum().backward()
    except RuntimeError as e:
        out.append({'name': 'no_grad_backward', 'type': 'RuntimeError', 'message': str(e)})
    try:
        torch.ones(3, dtype=torch.long).requires_grad_()
    except RuntimeError as e:
        out.append({'name': 'int_requires_grad', 'type': 'RuntimeError', 'message': str(e)})
    try:
        (torch.ones(3, requires_grad=True) * 2).requires_grad_(False)
    except RuntimeError as e:
        out.append({'name': 'nonleaf_requires_grad', 'type': 'RuntimeError', 'message': str(e)})
    try:
        torch.ones(2, 3).item()
    except RuntimeError as e:
        out.append({'name': 'item_many', 'type': 'RuntimeError', 'message': str(e)})
    try:
        a = torch.ones(2, dtype=torch.long)
        a += 1.5
    except RuntimeError as e:
        out.append({'name': 'inplace_cast', 'type': 'RuntimeError', 'message': str(e)})
    try:
        y = torch.ones(3, requires_grad=True) * 2
        y.backward(torch.ones(2))
    except RuntimeError as e:
        out.append({'name': 'grad_shape', 'type': 'RuntimeError', 'message': str(e)})
    return out


def promotion_table():
    """torch.result_type for every pair of operand kinds: tensors of each dtype
    (1-d and 0-d) and Python bool/int/float scalars."""
    operands = []
    for name, dt in DT.items():
        operands.append(({'dtype': dt, 'dim': 1}, torch.ones(2, dtype=name)))
        operands.append(({'dtype': dt, 'dim': 0}, torch.ones((), dtype=name)))
    operands += [('bool', True), ('int', 2), ('float', 2.5)]
    rows = []
    for ja, a in operands:
        for jb, b in operands:
            if not isinstance(a, torch.Tensor) and not isinstance(b, torch.Tensor):
                continue
            rows.append({'a': ja, 'b': jb, 'result': DT[torch.result_type(a, b)]})
    return rows


write('ops', autograd_errors=autograd_cases(), promotion=promotion_table())
