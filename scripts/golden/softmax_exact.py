#!/usr/bin/env python3
"""Bit-exact float32 softmax / log_softmax (forward and backward) from real
PyTorch, for test/unit/softmax-exact.test.ts. Tensors are stored as raw
little-endian float32 bytes in hex so no decimal conversion can hide an ulp.

Runs with the kernel set of this machine unless ATEN_CPU_CAPABILITY is set;
the file records which one produced it (softmax over a row shorter than the
vector width reduces differently on AVX2 and AVX512).
Usage: .venv-torch/bin/python scripts/golden/softmax_exact.py
"""
import json
import os

os.environ.setdefault('ATEN_CPU_CAPABILITY', 'avx2')  # the project's reference kernel set

import torch

torch.set_num_threads(1)  # the engine is single-threaded; conformance runs with OMP_NUM_THREADS=1

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
OUT = os.path.join(ROOT, 'test', 'golden', 'softmax-exact.json')


def hexf(t):
    return t.detach().contiguous().to(torch.float32).numpy().tobytes().hex()


CASES = [
    # (shape, dim, scale)
    ((4, 10), 1, 1.0), ((4, 10), 0, 1.0), ((64, 10), 1, 1.0), ((64, 10), 0, 1.0),
    ((64, 10), -1, 8.0), ((1, 10), 1, 3.0), ((3, 7), 1, 1.0), ((5, 8), 1, 1.0),
    ((5, 16), 1, 2.0), ((6, 17), 1, 1.0), ((2, 33), 1, 5.0), ((3, 100), 1, 1.0),
    ((2, 1000), 1, 4.0), ((10, 3), 0, 1.0), ((33, 9), 0, 1.0), ((7, 40), 0, 2.0),
    ((2, 3, 5), 1, 1.0), ((2, 3, 5), 2, 1.0), ((2, 3, 5), 0, 1.0), ((4, 6, 20), 1, 1.0),
    ((3, 10, 17), 1, 1.0), ((2, 12, 4, 5), 1, 1.0), ((128, 10), 1, 10.0), ((7,), 0, 1.0),
]


def main():
    torch.manual_seed(1234)
    cases = []
    for shape, dim, scale in CASES:
        x = (torch.randn(*shape) * scale).requires_grad_(True)
        g = torch.randn(*shape)
        for op in ('softmax', 'log_softmax'):
            f = torch.softmax if op == 'softmax' else torch.log_softmax
            y = f(x, dim)
            (gx,) = torch.autograd.grad(y, x, g)
            cases.append({'op': op, 'shape': list(shape), 'dim': dim, 'x': hexf(x), 'g': hexf(g),
                          'y': hexf(y), 'gx': hexf(gx)})
    # cross_entropy as the tutorial uses it (reduction='mean').
    ce = []
    for seed, (n, c) in [(0, (4, 10)), (1, (64, 10)), (2, (3, 5)), (3, (32, 10))]:
        torch.manual_seed(seed)
        x = torch.randn(n, c, requires_grad=True)
        t = torch.randint(0, c, (n,))
        loss = torch.nn.functional.cross_entropy(x, t)
        loss.backward()
        ce.append({'shape': [n, c], 'x': hexf(x), 'target': t.tolist(), 'loss': hexf(loss), 'gx': hexf(x.grad)})
    doc = {'torch': torch.__version__, 'capability': torch.backends.cpu.get_cpu_capability(),
           'cases': cases, 'cross_entropy': ce}
    with open(OUT, 'w') as fh:
        json.dump(doc, fh, indent=0)
        fh.write('\n')


if __name__ == '__main__':
    main()
