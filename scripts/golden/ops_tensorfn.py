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

write('ops-tensorfn')
