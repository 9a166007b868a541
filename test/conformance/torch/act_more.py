# The less common activations: SELU, CELU, LogSigmoid, Hardtanh, ReLU6, Mish,
# Hardswish, Hardsigmoid
# (reprs, values, grad_fns, in-place forms) and the dtype
# and argument errors of the activation functions.
import torch
import torch.nn as nn
import torch.nn.functional as F

print(nn.Sequential(nn.SELU(), nn.CELU(), nn.LogSigmoid(), nn.Hardtanh(), nn.ReLU6(), nn.Mish(), nn.Hardswish(), nn.Hardsigmoid()))
print(nn.Hardswish(inplace=True), nn.Hardsigmoid(True))
print(nn.SELU(inplace=True), nn.CELU(2.0, True), nn.CELU(2), nn.Hardtanh(-2, 2), nn.Hardtanh(-2., 2.5, True), nn.ReLU6(True), nn.Mish(True))

z = torch.tensor([-7.0, -3.0, -2.5, -1.0, -0.3, 0.0, 0.4, 1.0, 3.0, 6.5], requires_grad=True)
for f in [F.selu, F.celu, lambda t: F.celu(t, alpha=0.5), F.logsigmoid, F.hardtanh, F.relu6, F.mish, F.hardswish, F.hardsigmoid,
          nn.Hardtanh(-0.5, 2), nn.SELU(), nn.Mish()]:
    r = f(z)
    print(r, r.grad_fn)
    r.sum().backward()
    print(z.grad)
    z.grad = None

for f in [lambda t: F.selu(t, inplace=True), lambda t: F.celu(t, inplace=True), lambda t: F.hardtanh(t, inplace=True),
          lambda t: F.relu6(t, inplace=True), lambda t: F.mish(t, inplace=True), lambda t: F.leaky_relu(t, inplace=True),
          lambda t: F.elu(t, inplace=True), lambda t: F.silu(t, inplace=True), lambda t: F.hardswish(t, inplace=True),
          lambda t: F.hardsigmoid(t, inplace=True)]:
    w = z.clone()
    r = f(w)
    print(r is w, r.grad_fn)
    r.sum().backward()
    print(z.grad)
    z.grad = None

print(F.hardtanh(torch.tensor([-3, 0, 2])), F.relu6(torch.tensor([-3, 4, 9])))
tests = [
    lambda: F.celu(z, alpha=0.0),
    lambda: F.hardtanh(z, 1.0, -1.0),
    lambda: nn.Hardtanh(1, 1),
    lambda: nn.Hardtanh(2.0, -1.5),
    lambda: F.selu(torch.tensor([1, 2])),
    lambda: F.celu(torch.tensor([1, 2])),
    lambda: F.elu(torch.tensor([1, 2])),
    lambda: F.logsigmoid(torch.tensor([1, 2])),
    lambda: F.mish(torch.tensor([1, 2])),
    lambda: F.silu(torch.tensor([1, 2])),
    lambda: F.softplus(torch.tensor([1, 2])),
    lambda: F.hardswish(torch.tensor([1, 2])),
    lambda: F.hardsigmoid(torch.tensor([1, 2])),
    lambda: torch.erf(torch.tensor([0, 1])),
]
for t in tests:
    try:
        print(t())
    except Exception as e:
        print(type(e).__name__ + ':', e)
