"""The golden op-case builder shared by scripts/golden/ops.py and the
scripts/golden/ops_*.py files: inputs drawn from a seeded generator and laid
out as PyTorch would hold them (contiguous, transposed, strided, expanded),
each case run through real PyTorch for its outputs, grad_fn and input grads.
test/golden/ops-runner.ts replays every test/golden/ops*.json on a backend.

A library: running it writes nothing.
"""
import json
import math
import os
import sys

import torch

torch.set_num_threads(1)
DT = {torch.float32: 'float32', torch.float64: 'float64', torch.int64: 'int64', torch.int32: 'int32', torch.bool: 'bool'}
gen = torch.Generator().manual_seed(1234)


def vals(t):
    t = t.detach().contiguous().reshape(-1)
    if t.dtype == torch.bool:
        return [1 if v else 0 for v in t.tolist()]
    out = []
    for v in t.tolist():
        if isinstance(v, float) and (math.isnan(v) or math.isinf(v)):
            out.append(str(v))
        else:
            out.append(v)
    return out


def enc_tensor(t):
    return {'dtype': DT[t.dtype], 'shape': list(t.shape), 'values': vals(t)}


class In:
    """A tensor input: values drawn here, laid out as `layout` says."""

    def __init__(self, shape, dtype=torch.float32, grad=None, layout='c', lo=-3, hi=3, positive=False, values=None):
        self.shape, self.dtype, self.layout = list(shape), dtype, layout
        self.grad = dtype.is_floating_point if grad is None else grad
        base_shape = list(shape)
        if layout == 't':
            base_shape[-1], base_shape[-2] = base_shape[-2], base_shape[-1]
        elif layout == 's':
            base_shape[-1] *= 2
        elif layout == 'e':
            base_shape[0] = 1
        if values is not None:
            base = torch.tensor(values, dtype=dtype).reshape(base_shape)
        elif dtype.is_floating_point:
            base = torch.randn(base_shape, generator=gen, dtype=dtype)
            if positive:
                base = base.abs() + 0.5
        elif dtype == torch.bool:
            base = torch.randint(0, 2, base_shape, generator=gen).bool()
        else:
            base = torch.randint(lo, hi, base_shape, generator=gen, dtype=dtype)
        self.base = base

    def make(self):
        b = self.base.clone()
        if self.layout == 't':
            x = b.transpose(-1, -2)
        elif self.layout == 's':
            x = b[..., ::2]
        elif self.layout == 'e':
            x = b.expand(self.shape)
        else:
            x = b
        x = x.detach()
        if self.grad:
            x.requires_grad_(True)
        return x

    def spec(self):
        return {'kind': 'tensor', 'dtype': DT[self.dtype], 'shape': self.shape, 'layout': self.layout,
                'base': vals(self.base), 'requires_grad': self.grad}


def enc_arg(a):
    if isinstance(a, In):
        return a.spec()
    if isinstance(a, bool):
        return {'kind': 'bool', 'v': a}
    if isinstance(a, int):
        return {'kind': 'int', 'v': a}
    if isinstance(a, float):
        return {'kind': 'float', 'v': a}
    if isinstance(a, list):
        return {'kind': 'list', 'v': [enc_arg(x) for x in a]}
    if a is None:
        return {'kind': 'none'}
    raise TypeError(a)


def build(a):
    if isinstance(a, In):
        return a.make()
    if isinstance(a, list):
        return [build(x) for x in a]
    return a


cases = []


def tag_floats(v):
    """JSON drops the difference between 2 and 2.0; PyTorch's promotion needs it."""
    if isinstance(v, float) and v.is_integer():
        return {'pyfloat': v}
    if isinstance(v, list):
        return [tag_floats(x) for x in v]
    if isinstance(v, dict):
        return {k: tag_floats(x) for k, x in v.items()}
    return v


def case(name, op, args, fn, kw=None, exact=True, grad_exact=None):
    kw = kw or {}
    built = [build(a) for a in args]
    entry = {'name': name, 'op': op, 'inputs': [enc_arg(a) for a in args], 'kwargs': tag_floats(kw)}
    try:
        res = fn(*built, **kw)
    except Exception as e:  # noqa: BLE001 - the error is the expected result
        entry['error'] = {'type': type(e).__name__, 'message': str(e).split('\n')[0]}
        cases.append(entry)
        return
    outs = list(res) if isinstance(res, (tuple, list)) else [res]
    entry['out'] = [enc_tensor(o) for o in outs]
    entry['exact'] = exact
    entry['grad_exact'] = exact if grad_exact is None else grad_exact
    first = outs[0]
    tensors = [t for t in built if isinstance(t, torch.Tensor)]
    for lst in built:
        if isinstance(lst, list):
            tensors += [t for t in lst if isinstance(t, torch.Tensor)]
    if first.requires_grad and first.grad_fn is not None and type(first.grad_fn).__name__ != 'NotImplemented':
        g = torch.randn(first.shape, generator=gen, dtype=first.dtype)
        try:
            first.backward(g)
        except RuntimeError:
            g = None  # not differentiable in PyTorch (floor_divide): no grads to compare
        if g is not None:
            entry['grad_out'] = enc_tensor(g)
            entry['grad_fn'] = type(first.grad_fn).__name__
            entry['grads'] = [enc_tensor(t.grad) if t.grad is not None else None for t in tensors]
    cases.append(entry)


f32, f64, i64, i32, bl = torch.float32, torch.float64, torch.int64, torch.int32, torch.bool


def write(name, **extra):
    """Writes test/golden/NAME.json with the cases built so far."""
    out = os.path.join(os.path.dirname(os.path.abspath(__file__)), '..', '..', 'test', 'golden', name + '.json')
    doc = {'torch_version': torch.__version__, 'cases': cases, **extra}
    with open(out, 'w') as fh:
        json.dump(doc, fh, separators=(',', ':'))
    print(f'wrote {len(cases)} cases to {os.path.normpath(out)}', file=sys.stderr)
