# Error messages name a type by CPython's tp_name: the types PyTorch writes in
# C carry their module ('torch.Size', 'torch.dtype', 'torch.device',
# 'torch._C.Generator'), classes written in Python only their name ('Tensor',
# 'Linear'). torch.Size's own + says 'to torch.Size' (PyTorch 2.x).
import torch

pairs = [
    (torch.float32, 1),
    (torch.device('cpu'), 1),
    (torch.Generator(), 1),
    (torch.nn.Linear(1, 1), 1),
    (torch.Size([1]), 'a'),
    (torch.Size([1]), None),
    (torch.ones(1), 'a'),
]
for a, b in pairs:
    try:
        a < b
        print('compared')
    except TypeError as e:
        print(e)
    try:
        a - b
    except TypeError as e:
        print(e)

try:
    torch.Size([1]) + [2]
except TypeError as e:
    print(e)
print((1,) + torch.Size([2]), torch.Size([1]) + (2,))
try:
    torch.Size([1]).nope
except AttributeError as e:
    print(e)
try:
    len(torch.float32)
except TypeError as e:
    print(e)
try:
    torch.Size([3])[0]()
except TypeError as e:
    print(e)
torch.float32[0]
