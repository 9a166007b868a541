"""Golden op cases for the tensorfn area (tril/triu, roll, index_select,
masked_select, nonzero, one_hot, unique, isclose, meshgrid, repeat_interleave,
outer, clip): values, grad_fn and input grads from real PyTorch.
Run from the repository root: .venv-torch/bin/python scripts/golden/ops_tensorfn.py
"""
import os
import sys

import torch
import torch.nn.functional as F

sys.path.insert(0, os.path.dirname(os.path.abspath(__file__)))
from opcase import In, case, write, f32, f64, i64, i32, bl  # noqa: E402

P = 'tensorfn_'

# tril / triu: shapes, diagonals, layouts, dtypes, batches
for name, fn in (('tril', torch.tril), ('triu', torch.triu)):
    case(f'{P}{name}_square', name, [In([4, 4])], fn)
    case(f'{P}{name}_wide_diag1', name, [In([3, 5])], fn, {'diagonal': 1})
    case(f'{P}{name}_tall_diagm2', name, [In([5, 3])], fn, {'diagonal': -2})
    case(f'{P}{name}_batched', name, [In([2, 3, 3])], fn)
    case(f'{P}{name}_transposed', name, [In([3, 4], layout='t')], fn)
    case(f'{P}{name}_strided', name, [In([3, 3], layout='s')], fn, {'diagonal': -1})
    case(f'{P}{name}_f64', name, [In([3, 3], f64)], fn)
    case(f'{P}{name}_int', name, [In([3, 4], i64)], fn)
    case(f'{P}{name}_bool', name, [In([3, 3], bl)], fn)
    case(f'{P}{name}_1d_error', name, [In([3])], fn)

# roll
case(f'{P}roll_dim0', 'roll', [In([4, 3])], torch.roll, {'shifts': 1, 'dims': 0})
case(f'{P}roll_neg_dim1', 'roll', [In([3, 5])], torch.roll, {'shifts': -2, 'dims': 1})
case(f'{P}roll_two_dims', 'roll', [In([3, 4])], torch.roll, {'shifts': [1, -1], 'dims': [0, 1]})
case(f'{P}roll_flat', 'roll', [In([2, 3])], torch.roll, {'shifts': 2})
case(f'{P}roll_big_shift', 'roll', [In([5])], torch.roll, {'shifts': 12, 'dims': 0})
case(f'{P}roll_transposed', 'roll', [In([3, 4], layout='t')], torch.roll, {'shifts': 1, 'dims': 1})
case(f'{P}roll_int', 'roll', [In([2, 3], i64)], torch.roll, {'shifts': 1, 'dims': -1})
case(f'{P}roll_mismatch', 'roll', [In([2, 3])], torch.roll, {'shifts': [1, 2], 'dims': 0})

# index_select (duplicates accumulate in the grad)
case(f'{P}index_select_dim0', 'index_select', [In([4, 3]), 0, In([3], i64, grad=False, values=[3, 0, 3])], torch.index_select)
case(f'{P}index_select_dim1', 'index_select', [In([2, 4]), 1, In([2], i64, grad=False, values=[1, 1])], torch.index_select)
case(f'{P}index_select_3d_neg', 'index_select', [In([2, 3, 4]), -2, In([2], i64, grad=False, values=[2, 0])], torch.index_select)
case(f'{P}index_select_int32', 'index_select', [In([4], f64), 0, In([3], i32, grad=False, values=[0, 2, 1])], torch.index_select)
case(f'{P}index_select_transposed', 'index_select', [In([3, 4], layout='t'), 1, In([2], i64, grad=False, values=[3, 0])], torch.index_select)
case(f'{P}index_select_int_src', 'index_select', [In([3, 2], i64), 0, In([2], i64, grad=False, values=[2, 2])], torch.index_select)
case(f'{P}index_select_float_index', 'index_select', [In([3]), 0, In([1], f32, grad=False, values=[0.0])], torch.index_select)
case(f'{P}index_select_out_of_range', 'index_select', [In([3]), 0, In([1], i64, grad=False, values=[5])], torch.index_select)

# masked_select (mask broadcast against the input, and the input against the mask)
case(f'{P}masked_select_same', 'masked_select', [In([3, 4]), In([3, 4], bl)], torch.masked_select)
case(f'{P}masked_select_bcast_mask', 'masked_select', [In([3, 4]), In([4], bl)], torch.masked_select)
case(f'{P}masked_select_bcast_input', 'masked_select', [In([1, 4]), In([3, 4], bl)], torch.masked_select)
case(f'{P}masked_select_transposed', 'masked_select', [In([3, 4], layout='t'), In([3, 4], bl)], torch.masked_select)
case(f'{P}masked_select_int', 'masked_select', [In([2, 3], i64), In([2, 3], bl)], torch.masked_select)
case(f'{P}masked_select_none', 'masked_select', [In([2, 2]), In([2, 2], bl, values=[False] * 4)], torch.masked_select)
case(f'{P}masked_select_int_mask', 'masked_select', [In([3]), In([3], i64, grad=False)], torch.masked_select)

# nonzero
case(f'{P}nonzero_2d', 'nonzero', [In([3, 4], i64, lo=-1, hi=2)], torch.nonzero)
case(f'{P}nonzero_float', 'nonzero', [In([5], values=[0.0, 1.5, 0.0, -2.0, 0.0], grad=False)], torch.nonzero)
case(f'{P}nonzero_bool_3d', 'nonzero', [In([2, 2, 3], bl)], torch.nonzero)
case(f'{P}nonzero_transposed', 'nonzero', [In([3, 4], i64, layout='t', lo=-1, hi=2)], torch.nonzero)
case(f'{P}nonzero_empty', 'nonzero', [In([2, 2], i64, values=[0, 0, 0, 0])], torch.nonzero)
case(f'{P}nonzero_tuple', 'nonzero_tuple', [In([3, 3], i64, lo=-1, hi=2)], lambda x: torch.nonzero(x, as_tuple=True))

# one_hot
case(f'{P}one_hot_infer', 'one_hot', [In([5], i64, values=[0, 3, 1, 3, 2])], F.one_hot)
case(f'{P}one_hot_classes', 'one_hot', [In([2, 3], i64, lo=0, hi=4)], F.one_hot, {'num_classes': 6})
case(f'{P}one_hot_negative', 'one_hot', [In([2], i64, values=[0, -1])], F.one_hot)
case(f'{P}one_hot_too_small', 'one_hot', [In([2], i64, values=[0, 3])], F.one_hot, {'num_classes': 3})
case(f'{P}one_hot_float', 'one_hot', [In([2], f32, grad=False, values=[0.0, 1.0])], F.one_hot)
case(f'{P}one_hot_empty', 'one_hot', [In([0], i64, values=[])], F.one_hot)

# unique: values, inverse (input's shape), counts
uq = lambda x: torch.unique(x, return_inverse=True, return_counts=True)  # noqa: E731
case(f'{P}unique_int', 'unique', [In([2, 5], i64, lo=-2, hi=3)], uq)
case(f'{P}unique_float', 'unique', [In([6], values=[1.5, -1.0, 1.5, 0.0, -1.0, 2.0], grad=False)], uq)
case(f'{P}unique_bool', 'unique', [In([5], bl)], uq)
case(f'{P}unique_dim0', 'unique_dim', [In([5, 2], i64, values=[1, 2, 0, 5, 1, 2, 0, 1, 1, 1])], lambda x: torch.unique(x, dim=0, return_inverse=True, return_counts=True))
case(f'{P}unique_dim1_3d', 'unique_dim1', [In([2, 4, 2], i64, lo=0, hi=2, layout='t')], lambda x: torch.unique(x, dim=1, return_inverse=True, return_counts=True))
case(f'{P}unique_transposed', 'unique', [In([3, 4], i64, layout='t', lo=0, hi=3)], uq)

# isclose
case(f'{P}isclose_default', 'isclose', [In([4], values=[1.0, 2.0, 3.0, float('inf')]), In([4], values=[1.0, 2.00001, 3.1, float('inf')])], torch.isclose)
case(f'{P}isclose_atol', 'isclose', [In([3, 4]), In([3, 4])], torch.isclose, {'atol': 1.0})
case(f'{P}isclose_bcast', 'isclose', [In([3, 4]), In([4])], torch.isclose, {'rtol': 0.5, 'atol': 0.5})
case(f'{P}isclose_nan', 'isclose', [In([3], values=[float('nan'), 1.0, float('nan')]), In([3], values=[float('nan'), 1.0, 2.0])], torch.isclose, {'equal_nan': True})
case(f'{P}isclose_nan_default', 'isclose', [In([2], values=[float('nan'), 1.0]), In([2], values=[float('nan'), 1.0])], torch.isclose)
case(f'{P}isclose_f64', 'isclose', [In([4], f64), In([4], f64)], torch.isclose, {'rtol': 0.3, 'atol': 0.1})
case(f'{P}isclose_int', 'isclose', [In([5], i64), In([5], i64)], torch.isclose, {'atol': 1})
case(f'{P}isclose_dtype_mismatch', 'isclose', [In([2]), In([2], f64)], torch.isclose)

# meshgrid: the first grid carries the grad
case(f'{P}meshgrid_ij', 'meshgrid', [In([3]), In([2])], lambda a, b: torch.meshgrid(a, b, indexing='ij'))
case(f'{P}meshgrid_xy', 'meshgrid_xy', [In([3]), In([2])], lambda a, b: torch.meshgrid(a, b, indexing='xy'))
case(f'{P}meshgrid_three', 'meshgrid', [In([2], i64), In([3], i64), In([2], i64)], lambda a, b, c: torch.meshgrid(a, b, c, indexing='ij'))

# repeat_interleave
case(f'{P}repeat_interleave_flat', 'repeat_interleave', [In([2, 2]), 2], torch.repeat_interleave)
case(f'{P}repeat_interleave_dim0', 'repeat_interleave', [In([2, 3]), 3], torch.repeat_interleave, {'dim': 0})
case(f'{P}repeat_interleave_dim1', 'repeat_interleave', [In([2, 3], layout='t'), 2], torch.repeat_interleave, {'dim': 1})
case(f'{P}repeat_interleave_tensor', 'repeat_interleave', [In([3, 2]), In([3], i64, grad=False, values=[1, 0, 2])], torch.repeat_interleave, {'dim': 0})
case(f'{P}repeat_interleave_counts', 'repeat_interleave_counts', [In([3], i64, values=[2, 0, 3])], torch.repeat_interleave)

# outer, clip
case(f'{P}outer', 'outer', [In([3]), In([4])], torch.outer)
case(f'{P}outer_int_float', 'outer', [In([2], i64), In([3])], torch.outer)
case(f'{P}clip_both', 'clip', [In([3, 4])], torch.clip, {'min': -0.5, 'max': 0.5})
case(f'{P}clip_min', 'clip', [In([3, 4], layout='t')], torch.clip, {'min': 0.0})
case(f'{P}clip_int', 'clip', [In([5], i64)], torch.clip, {'min': -1, 'max': 1})

# cumprod (zeros in the input exercise the zero-safe backward). Grads within
# tolerance: the engine's zero-safe formula is not ATen's (which divides by x
# when no element is zero).
case(f'{P}cumprod_1d', 'cumprod', [In([5])], torch.cumprod, {'dim': 0}, grad_exact=False)
case(f'{P}cumprod_dim1', 'cumprod', [In([3, 4])], torch.cumprod, {'dim': 1}, grad_exact=False)
case(f'{P}cumprod_zeros', 'cumprod', [In([2, 4], values=[1.5, 0.0, 2.0, -1.0, 0.0, 0.0, 3.0, 2.0])], torch.cumprod, {'dim': 1}, grad_exact=False)
case(f'{P}cumprod_dim0_3d', 'cumprod', [In([3, 2, 2])], torch.cumprod, {'dim': 0}, grad_exact=False)
case(f'{P}cumprod_transposed', 'cumprod', [In([3, 4], layout='t')], torch.cumprod, {'dim': -1}, grad_exact=False)
case(f'{P}cumprod_f64', 'cumprod', [In([4], f64)], torch.cumprod, {'dim': 0}, grad_exact=False)
case(f'{P}cumprod_int', 'cumprod', [In([2, 3], i64, lo=-3, hi=4)], torch.cumprod, {'dim': 1})
case(f'{P}cumprod_bool', 'cumprod', [In([4], bl)], torch.cumprod, {'dim': 0})

# diag / trace
case(f'{P}diag_vec', 'diag', [In([3])], torch.diag)
case(f'{P}diag_vec_k1', 'diag', [In([3])], torch.diag, {'diagonal': 1})
case(f'{P}diag_vec_km2', 'diag', [In([2], i64)], torch.diag, {'diagonal': -2})
case(f'{P}diag_mat', 'diag', [In([3, 3])], torch.diag)
case(f'{P}diag_mat_k1_wide', 'diag', [In([3, 5])], torch.diag, {'diagonal': 1})
case(f'{P}diag_mat_km1_tall', 'diag', [In([4, 2], layout='t')], torch.diag, {'diagonal': -1})
case(f'{P}diag_3d_error', 'diag', [In([2, 2, 2])], torch.diag)
case(f'{P}trace_square', 'trace', [In([3, 3])], torch.trace)
case(f'{P}trace_wide', 'trace', [In([2, 4], layout='t')], torch.trace)
case(f'{P}trace_int', 'trace', [In([3, 3], i64)], torch.trace)

# diff
case(f'{P}diff_1d', 'diff', [In([5])], torch.diff)
case(f'{P}diff_n2_dim0', 'diff', [In([4, 3])], torch.diff, {'n': 2, 'dim': 0})
case(f'{P}diff_prepend_append', 'diff', [In([2, 3]), In([2, 1]), In([2, 2])], lambda x, p, a: torch.diff(x, prepend=p, append=a))
case(f'{P}diff_int', 'diff', [In([6], i64)], torch.diff)
case(f'{P}diff_bool', 'diff', [In([5], bl)], torch.diff)

# repeat / tile (grads within tolerance: the sum over the repeats runs in the
# engine's reduction order)
case(f'{P}repeat_2d', 'repeat', [In([2, 3]), [2, 1, 2]], lambda x, r: x.repeat(*r), grad_exact=False)
case(f'{P}repeat_1d', 'repeat', [In([3], layout='s'), [2, 2]], lambda x, r: x.repeat(*r), grad_exact=False)
case(f'{P}repeat_int', 'repeat', [In([2, 2], i64), [1, 3]], lambda x, r: x.repeat(*r))
case(f'{P}repeat_too_few', 'repeat', [In([2, 2]), [2]], lambda x, r: x.repeat(*r))
case(f'{P}tile_pad', 'tile', [In([2, 3]), [2]], lambda x, r: torch.tile(x, r), grad_exact=False)
case(f'{P}tile_more', 'tile', [In([3]), [2, 2]], lambda x, r: torch.tile(x, r), grad_exact=False)

# lerp
case(f'{P}lerp_low', 'lerp', [In([3, 4]), In([3, 4]), 0.3], torch.lerp)
case(f'{P}lerp_high', 'lerp', [In([3, 4]), In([4]), 0.8], torch.lerp)
case(f'{P}lerp_tensor_weight', 'lerp', [In([3]), In([3]), In([3], values=[0.0, 0.25, 0.9])], torch.lerp)
case(f'{P}lerp_f64', 'lerp', [In([4], f64), In([4], f64), 0.5], torch.lerp)

# order statistics
case(f'{P}median_all_odd', 'median', [In([5])], torch.median)
case(f'{P}median_all_even', 'median', [In([2, 3])], torch.median)
case(f'{P}median_dim1', 'median_dim', [In([3, 4])], torch.median, {'dim': 1})
case(f'{P}median_dim0_keep', 'median_dim', [In([4, 3], layout='t')], torch.median, {'dim': 0, 'keepdim': True})
case(f'{P}median_int', 'median', [In([7], i64, lo=-9, hi=9)], torch.median)
case(f'{P}kthvalue_default', 'kthvalue', [In([3, 5]), 2], torch.kthvalue)
case(f'{P}kthvalue_dim0_keep', 'kthvalue', [In([4, 3]), 4], torch.kthvalue, {'dim': 0, 'keepdim': True})
case(f'{P}kthvalue_out_of_range', 'kthvalue', [In([3]), 4], torch.kthvalue)
case(f'{P}median_ties_grad', 'median', [In([5], values=[1.0, 2.0, 2.0, 3.0, 2.0])], torch.median)
case(f'{P}median_dim_ties', 'median_dim', [In([2, 4], values=[2.0, 2.0, 1.0, 1.0, 0.0, 0.0, 0.0, 5.0])], torch.median, {'dim': 1})
case(f'{P}kthvalue_ties', 'kthvalue', [In([3, 6], values=[5.0, 4.0, 4.0, 5.0, 5.0, 4.0, 0.0, 0.0, 0.0, 1.0, 1.0, 1.0, 1.0, 2.0, 2.0, 1.0, 3.0, 2.0]), 2], torch.kthvalue, {'dim': 1})
case(f'{P}kthvalue_ties_k4', 'kthvalue', [In([7], i64, values=[2, 9, 9, 2, 2, 9, 9]), 4], torch.kthvalue, {'dim': 0})
case(f'{P}kthvalue_nan', 'kthvalue', [In([3], values=[1.0, float('nan'), 0.0], grad=False), 3], torch.kthvalue)
case(f'{P}median_nan', 'median_dim', [In([1, 4], values=[1.0, float('nan'), 0.0, float('nan')], grad=False)], torch.median, {'dim': 1})
case(f'{P}mode_int', 'mode', [In([7], i64, values=[1, 2, 2, 3, 3, 3, 1])], torch.mode)
case(f'{P}mode_rows', 'mode', [In([2, 5], i64, values=[4, 1, 4, 1, 2, 0, 0, 5, 5, 5])], torch.mode, {'dim': 1})
case(f'{P}mode_float_grad', 'mode', [In([2, 3], values=[1.0, 2.0, 1.0, 3.0, 3.0, 0.5])], torch.mode, {'dim': 1})
case(f'{P}cummax_1d', 'cummax', [In([6], values=[1.0, 3.0, 2.0, 3.0, 5.0, 0.0])], torch.cummax, {'dim': 0})
case(f'{P}cummax_dim1', 'cummax', [In([3, 4])], torch.cummax, {'dim': 1})
case(f'{P}cummin_dim0', 'cummin', [In([4, 3])], torch.cummin, {'dim': 0})
case(f'{P}cummin_int', 'cummin', [In([5], i64)], torch.cummin, {'dim': 0})

# take, bincount, histc
case(f'{P}take', 'take', [In([2, 3]), In([4], i64, grad=False, values=[0, 5, -1, 5])], torch.take)
case(f'{P}take_2d_index', 'take', [In([3, 2], layout='t'), In([2, 2], i64, grad=False, values=[1, 2, 3, 4])], torch.take)
case(f'{P}take_out_of_range', 'take', [In([2, 2]), In([1], i64, grad=False, values=[4])], torch.take)
case(f'{P}take_int32_index', 'take', [In([2, 2]), In([1], i32, grad=False, values=[1])], torch.take)
case(f'{P}bincount', 'bincount', [In([7], i64, values=[0, 1, 1, 3, 2, 1, 7])], torch.bincount)
case(f'{P}bincount_minlength', 'bincount', [In([2], i64, values=[2, 0])], torch.bincount, {'minlength': 5})
case(f'{P}bincount_weights', 'bincount', [In([3], i64, values=[0, 1, 1]), In([3], grad=False, values=[0.5, 1.0, 2.0])], torch.bincount)
case(f'{P}bincount_negative', 'bincount', [In([2], i64, values=[0, -1])], torch.bincount)
case(f'{P}bincount_float', 'bincount', [In([2], grad=False, values=[0.0, 1.0])], torch.bincount)
case(f'{P}histc_range', 'histc', [In([6], values=[0.0, 1.0, 1.0, 2.0, 3.0, 3.5], grad=False)], torch.histc, {'bins': 3, 'min': 0, 'max': 3})
case(f'{P}histc_auto', 'histc', [In([10], grad=False)], torch.histc, {'bins': 4})
case(f'{P}histc_same', 'histc', [In([3], values=[2.0, 2.0, 2.0], grad=False)], torch.histc, {'bins': 4})

# elementwise: expm1, atan2, frac, fmod (atan2 within tolerance: the CPU
# kernel rounds double-precision Math.atan2, ATen calls atan2f)
case(f'{P}expm1', 'expm1', [In([3, 4])], torch.expm1)
case(f'{P}expm1_small', 'expm1', [In([3], values=[1e-5, -1e-7, 0.0])], torch.expm1)
case(f'{P}expm1_int', 'expm1', [In([4], i64)], torch.expm1)
case(f'{P}atan2', 'atan2', [In([3, 4]), In([3, 4])], torch.atan2, exact=False)
case(f'{P}atan2_bcast', 'atan2', [In([3, 1]), In([4], f64)], torch.atan2, exact=False)
case(f'{P}atan2_int', 'atan2', [In([4], i64), In([4], i64)], torch.atan2, exact=False)
case(f'{P}frac', 'frac', [In([3, 4], values=[0.5, -1.25, 2.0, 3.75, -0.5, 7.125, -3.0, 0.0, 1.5, -2.5, 9.25, -9.75])], torch.frac)
case(f'{P}fmod_scalar', 'fmod', [In([3, 4]), 1.5], torch.fmod)
case(f'{P}fmod_tensor', 'fmod', [In([3, 4]), In([4], positive=True)], torch.fmod)
case(f'{P}fmod_neg_divisor', 'fmod', [In([5], values=[-3.0, -2.0, 2.0, 3.0, 5.5]), -2.0], torch.fmod)
case(f'{P}fmod_int', 'fmod', [In([6], i64, lo=-9, hi=9), 4], torch.fmod)

# logspace (a factory: no tensor inputs; within tolerance: JS Math.pow and
# C's pow may differ in the last bit)
case(f'{P}logspace', 'logspace', [0, 2, 3], torch.logspace, exact=False)
case(f'{P}logspace_base2', 'logspace', [-1, 1, 5], torch.logspace, {'base': 2}, exact=False)
case(f'{P}logspace_frac', 'logspace', [0.5, -1.5, 6], torch.logspace, {'base': 3.0}, exact=False)
case(f'{P}logspace_f64', 'logspace_f64', [-2, 3, 7], lambda a, b, n: torch.logspace(a, b, n, dtype=torch.float64), exact=False)

# diagonal (a view), tril/triu_indices, count_nonzero
case(f'{P}diagonal_default', 'diagonal', [In([3, 4])], torch.diagonal)
case(f'{P}diagonal_3d_offset', 'diagonal', [In([2, 3, 4])], torch.diagonal, {'offset': 1, 'dim1': 1, 'dim2': 2})
case(f'{P}diagonal_neg_dims', 'diagonal', [In([3, 2, 4], layout='t')], torch.diagonal, {'offset': -1, 'dim1': -1, 'dim2': 0})
case(f'{P}diagonal_same_dims', 'diagonal', [In([3, 3])], torch.diagonal, {'dim1': 1, 'dim2': 1})
case(f'{P}tril_indices', 'tril_indices', [4, 3], torch.tril_indices, {'offset': -1})
case(f'{P}triu_indices', 'triu_indices', [3, 5], torch.triu_indices, {'offset': 2})
case(f'{P}count_nonzero_all', 'count_nonzero', [In([3, 4], i64, lo=-1, hi=2)], torch.count_nonzero)
case(f'{P}count_nonzero_dim', 'count_nonzero', [In([3, 4], layout='t', values=[0.0, 1.0, 0.0, 2.0, 0.0, 0.0, 3.0, 0.0, 4.0, 5.0, 0.0, 0.0], grad=False)], torch.count_nonzero, {'dim': 1})

write('ops-tensorfn')
