"""Golden printing cases for engine/format: tensors printed by real PyTorch
(repr, with exact input values), print options, torch.Size/dtype strings and
Python float formatting. Writes test/golden/format.json. Run via run.sh."""
import json
import math
import os

import numpy as np
import torch

OUT = os.path.join(os.path.dirname(__file__), '..', '..', 'test', 'golden', 'format.json')


def enc(v):
    """JSON-safe exact value: non-finite floats as strings."""
    if isinstance(v, bool):
        return int(v)
    if isinstance(v, float) and not math.isfinite(v):
        return 'nan' if math.isnan(v) else ('inf' if v > 0 else '-inf')
    return v


def case(name, t, opts=None):
    d = t.detach()
    return {
        'name': name,
        'shape': list(t.shape),
        'dtype': str(t.dtype).replace('torch.', ''),
        'values': [enc(v) for v in d.reshape(-1).tolist()],
        'requiresGrad': bool(t.requires_grad),
        'gradFn': type(t.grad_fn).__name__ if t.grad_fn is not None else None,
        'isParameter': isinstance(t, torch.nn.Parameter),
        'options': opts,
        'repr': repr(t),
    }


def tensor_cases():
    g = torch.manual_seed(0)
    cs = []
    nan, inf = float('nan'), float('inf')
    add = lambda name, t: cs.append(case(name, t))
    for shape in [(5,), (2, 3), (2, 3, 4), (4, 4, 4, 4), (2, 1, 3), (1, 5), (1, 1), (3, 1), (1, 1, 1)]:
        add(f'randn{shape}', torch.randn(*shape))
    for shape in [(100, 100), (2000,), (10, 1000), (3, 400), (50, 30), (5, 5, 50), (1001,), (4, 4, 4, 4, 4)]:
        add(f'randn{shape} summarised', torch.randn(*shape))
    add('arange 10000 int64', torch.arange(10000))
    add('arange 1001 float', torch.arange(1001.))
    add('randn 30 wraps', torch.randn(30))
    add('randn 3x20 wraps', torch.randn(3, 20))
    add('randn 2x3x20 wraps', torch.randn(2, 3, 20))
    add('arange 100', torch.arange(100))
    add('arange 30 float', torch.arange(30.))
    add('int mode', torch.tensor([1., 2., 3.]))
    add('int mode wide', torch.tensor([1., -2., 300.]))
    add('zeros 3', torch.zeros(3))
    add('ones 2x2', torch.ones(2, 2))
    add('zero', torch.tensor([0.]))
    add('neg zero', torch.tensor([-0., 1.]))
    add('neg zero only', torch.tensor([-0., 0.]))
    add('int sci', torch.tensor([1e10, 1.]))
    add('sci small', torch.tensor([1e-5, 1.]))
    add('sci big', torch.tensor([1e8, 1e9]))
    add('sci tiny randn', torch.randn(4) * 1e-6)
    add('sci one big', torch.tensor([1.5e10]))
    add('large value', torch.tensor([123456.789]))
    add('1e-4 edge', torch.tensor([0.0001]))
    add('below 1e-4', torch.tensor([0.00009]))
    add('ratio 1000', torch.tensor([1000., 0.5]))
    add('ratio under 1000', torch.tensor([999., 1.5]))
    add('mixed widths', torch.tensor([1234.5678, -0.5, 99999.9]))
    add('nan inf', torch.tensor([nan, 1., inf]))
    add('infs', torch.tensor([inf, -inf]))
    add('nan only', torch.tensor([nan]))
    add('nan float', torch.tensor([nan, 1.5]))
    add('inf sci', torch.tensor([inf, 1e-5]))
    add('nan 2d', torch.tensor([[nan, -inf], [2.25, 0.]]))
    add('ties .4f', torch.tensor([0.03125, 0.5]))
    add('ties float64', torch.tensor([0.03125, 0.09375, 2.5], dtype=torch.float64))
    add('halves', torch.tensor([0.5, 1.5, 2.5]))
    add('float64 randn', torch.randn(3, dtype=torch.float64))
    add('float64 2x2', torch.randn(2, 2, dtype=torch.float64))
    add('float64 ints', torch.tensor([1., 2.], dtype=torch.float64))
    add('int32 arange', torch.arange(5, dtype=torch.int32))
    add('int64 negative', torch.tensor([-1, 10, -100]))
    add('int64 big', torch.tensor([123456789012, 3]))
    add('int32 2d', torch.tensor([[1, 2], [30, -4]], dtype=torch.int32))
    add('bool', torch.tensor([True, False, True]))
    add('bool 2d', torch.tensor([[True, False], [False, False]]))
    add('bool compare', torch.randn(2, 4) > 0)
    add('empty', torch.tensor([]))
    add('empty 0x3', torch.empty(0, 3))
    add('empty int64', torch.empty(0, dtype=torch.int64))
    add('empty 2x0x3', torch.empty(2, 0, 3))
    add('empty float64', torch.zeros(0, dtype=torch.float64))
    add('empty bool 2d', torch.zeros(0, 2, dtype=torch.bool))
    add('scalar float', torch.tensor(3.5))
    add('scalar int', torch.tensor(2))
    add('scalar bool', torch.tensor(True))
    add('scalar neg zero', torch.tensor(-0.))
    add('scalar tiny', torch.tensor(1e-7))
    add('scalar nan', torch.tensor(nan))
    add('scalar float64', torch.tensor(2.0, dtype=torch.float64))
    add('scalar int32', torch.tensor(7, dtype=torch.int32))
    add('scalar requires_grad', torch.tensor(3.5, requires_grad=True))
    x = torch.randn(2, 2, requires_grad=True)
    add('requires_grad 2x2', x)
    add('MulBackward0', x * 2)
    add('SumBackward0', x.sum())
    add('MeanBackward0 of pow', (x ** 2).mean())
    add('PowBackward0', x ** 2)
    add('MmBackward0', torch.mm(x, x))
    add('requires_grad wraps suffix', torch.randn(8, requires_grad=True))
    add('float64 requires_grad', torch.randn(3, dtype=torch.float64, requires_grad=True))
    add('float64 grad_fn long', torch.randn(7, dtype=torch.float64, requires_grad=True) * 3)
    add('sigmoid', torch.sigmoid(torch.randn(1, 1, requires_grad=True)))
    add('long row requires_grad', torch.randn(3, 9, requires_grad=True))
    add('parameter', torch.nn.Parameter(torch.randn(2, 3)))
    add('linear weight', torch.nn.Linear(3, 2).weight)
    add('linear bias', torch.nn.Linear(784, 128).bias)
    add('tutorial y', torch.tensor([[0.15950655937194824]]))
    add('softmax probs', torch.softmax(torch.randn(2, 10), dim=1))
    add('mnist like', torch.rand(1, 28, 28))
    add('big ints float', torch.tensor([1e8, 2.]))
    add('over 1e8 int', torch.tensor([123456789., 2.]))
    add('float small ints', torch.tensor([0.001, 0.002]))
    add('exp values', torch.exp(torch.arange(0., 20.)))
    return cs


def option_cases():
    cs = []
    torch.manual_seed(1)
    t = torch.randn(3, 4) * 100
    tiny = torch.tensor([1e-6, 1., 2.])
    sets = [
        {'precision': 2},
        {'precision': 8},
        {'sci_mode': False},
        {'sci_mode': True},
        {'threshold': 5},
        {'threshold': 5, 'edgeitems': 2},
        {'linewidth': 40},
        {'profile': 'short'},
        {'precision': 0},
    ]
    for o in sets:
        torch.set_printoptions(**o)
        opt = {('sciMode' if k == 'sci_mode' else k): v for k, v in o.items()}
        for nm, tt in [('randn3x4x100', t), ('tiny', tiny), ('arange10', torch.arange(10)),
                       ('arange10f', torch.arange(10.) / 3), ('randn 5x12', torch.randn(5, 12))]:
            cs.append(case(f'{o} {nm}', tt, opt))
        torch.set_printoptions(profile='default')
    return cs


def float_cases():
    vals = [0.1, 1e-5, 1e16, 1e15, 123.456, -0.0, 0.0, float('inf'), float('-inf'), float('nan'), 1 / 3,
            2.0 ** 53, 1e-4, 0.0001234, 1.5e300, 5e-324, 1e22, 12345678901234567.0, 0.30000000000000004,
            0.15950655937194824, 2.5, -1.5, 1.0, 100.0, 1e100, 9.999999999999999e15, 1.7976931348623157e308,
            0.5, 0.03125, 0.125, 1234.5, 2.675, 1.005, 0.045, 1e-10, 123456789.0, -7.25e-7, 0.9999999,
            3.14159265358979, 0.7309668064117432, 1e21, 1e-7]
    out = []
    for v in vals:
        rec = {'value': enc(v), 'repr': repr(v), 'fixed': {}, 'exp': {}}
        for d in [0, 1, 2, 4, 6]:
            rec['fixed'][str(d)] = f'{v:.{d}f}'
        for d in [0, 2, 4]:
            rec['exp'][str(d)] = f'{v:.{d}e}'
        out.append(rec)
    return out


def np_case(name, a):
    return {
        'name': name,
        'shape': list(a.shape),
        'dtype': str(a.dtype),
        'values': [enc(v) for v in a.reshape(-1).tolist()],
        'repr': repr(a),
        'str': str(a),
    }


def numpy_cases():
    np.random.seed(0)
    cs = []
    add = lambda name, a: cs.append(np_case(name, a))
    nan, inf = float('nan'), float('inf')
    add('rand 3', np.random.rand(3))
    add('randn 2x3', np.random.randn(2, 3))
    add('rand 2x3x4', np.random.rand(2, 3, 4))
    add('rand 20 wraps', np.random.rand(20))
    add('randn 5x8 wraps', np.random.randn(5, 8))
    add('arange 10', np.arange(10))
    add('arange 12 reshape', np.arange(12).reshape(3, 4))
    add('arange 30 *1.5', np.arange(30) * 1.5)
    add('arange 100', np.arange(100))
    add('zeros 3', np.zeros(3))
    add('ones 2x2', np.ones((2, 2)))
    add('sci', np.array([1e-5, 1.0]))
    add('sci big', np.array([1e9, 2.0]))
    add('ratio', np.array([1000.0, 0.5]))
    add('point1', np.array([0.1, 0.25, 3.0]))
    add('neg', np.array([-1.5, 2.25, -0.125]))
    add('neg zero', np.array([-0.0, 1.0]))
    add('nan inf', np.array([nan, 1.5, inf]))
    add('neg inf', np.array([-inf, 0.5]))
    add('only nan', np.array([nan, nan]))
    add('long digits', np.array([1 / 3, 2 / 3, 1e-3]))
    add('rounds up', np.array([0.999999999999, 0.5]))
    add('float32 rand', np.random.rand(4).astype(np.float32))
    add('float32 simple', np.array([1.0, 2.5], dtype=np.float32))
    add('float32 sci', np.array([1e6, 1.0], dtype=np.float32))
    add('float32 2x2', (np.random.randn(2, 2)).astype(np.float32))
    add('int32', np.arange(4, dtype=np.int32))
    add('int64 neg', np.array([-5, 10, 300]))
    add('bool', np.array([True, False, True]))
    add('bool 2d', np.array([[True, False], [False, True]]))
    add('empty', np.array([]))
    add('empty 0x3', np.zeros((0, 3)))
    add('empty int', np.array([], dtype=np.int64))
    add('0-d float', np.array(1.5))
    add('0-d int', np.array(7))
    add('0-d float32', np.array(0.1, dtype=np.float32))
    add('0-d bool', np.array(True))
    add('big summarised', np.arange(2000))
    add('big 2d summarised', np.random.rand(50, 40))
    add('big 3d summarised', np.arange(3000.).reshape(10, 10, 30))
    add('float32 summarised', np.random.rand(1200).astype(np.float32))
    add('tutorial a', np.random.rand(4, 3))
    add('mul 2', np.random.rand(4, 3) * 2)
    add('large floats', np.array([12345.678, 0.001]))
    add('ints as floats', np.array([1.0, 2.0, 10.0]))
    add('long rows', np.random.rand(3, 12))
    return cs


def misc_cases():
    return {
        'sizes': [{'shape': list(s), 'str': str(torch.Size(s))} for s in [(1, 5), (), (64, 10), (3,), (0, 2)]],
        'dtypes': {n: str(getattr(torch, n)) for n in ['float32', 'float64', 'int64', 'int32', 'bool']},
    }


def main():
    torch.set_printoptions(profile='default')
    data = {
        'generator': f'torch {torch.__version__}',
        'tensors': tensor_cases(),
        'options': option_cases(),
        'floats': float_cases(),
        'misc': misc_cases(),
        'numpy': numpy_cases(),
    }
    with open(OUT, 'w') as fh:
        json.dump(data, fh, separators=(",", ":"))
        fh.write('\n')


if __name__ == '__main__':
    main()
