# The autograd walkthrough: x**2, grad_fn, mean, backward, x.grad.
import torch

torch.manual_seed(7)
x = torch.randn(2, 2, requires_grad=True)
print(x)
y = x**2
print(y)
print(y.grad_fn)
z = y.mean()
print(z)
print(x.grad)
z.backward()
print(x.grad)
print(x / 2)
print(x.is_leaf, y.is_leaf, y.requires_grad)
with torch.no_grad():
    w = x * 2
print(w.requires_grad, w.grad_fn)
a = torch.ones(3, requires_grad=True)
b = (a * 3).sum()
b.backward()
print(a.grad)
b = (a * 3).sum()
b.backward()
print(a.grad)
a.grad.zero_()
print(a.grad)
d = x.detach()
print(d.requires_grad)
