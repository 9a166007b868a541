# Common mistakes raise PyTorch's exception types and messages, catchable in Python.
import torch
from torch import nn
x = torch.randn(2, 3)
tests = [
    lambda: x.topk(),
    lambda: torch.randn('a'),
    lambda: nn.Linear(),
    lambda: x.view(4, 2),
    lambda: x + 'a',
    lambda: x.sum(dim=5),
    lambda: x[5],
    lambda: torch.cat([x, torch.randn(3, 2)]),
    lambda: x.foo,
    lambda: x.unsqueeze(),
    lambda: torch.tensor('abc'),
    lambda: x.item(),
    lambda: nn.Linear(3, 2)(torch.randn(2, 4)),
    lambda: x.transpose(0),
]
for t in tests:
    try:
        t()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)
