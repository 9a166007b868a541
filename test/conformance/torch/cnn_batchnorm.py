# BatchNorm in training and eval mode: batch statistics, running stats with
# the unbiased variance, num_batches_tracked, state_dict keys; LayerNorm,
# Embedding and Unflatten beside it.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
bn = nn.BatchNorm2d(3)
print(bn)
print(nn.BatchNorm1d(4, eps=1e-3, momentum=None, affine=False))
print(list(bn.state_dict().keys()))
print(bn.num_batches_tracked, bn.running_mean, bn.running_var)
x = torch.randn(4, 3, 5, 5) * 2 + 1
y = bn(x)
print(y.grad_fn)
print(y[0, 0, 0])
print(y.mean(dim=(0, 2, 3)).abs().max() < 1e-6, y.var(dim=(0, 2, 3), unbiased=False))
print(bn.running_mean)
print(bn.running_var)
print(bn.num_batches_tracked)
bn(x * 0.5)
print(bn.running_mean, bn.num_batches_tracked)
bn.eval()
z = bn(x)
print(z[0, 0, 0])
print(bn.num_batches_tracked)
bn.train()
w = nn.BatchNorm2d(3)
out = w(x)
(out * torch.arange(75.).reshape(3, 5, 5)).sum().backward()
print(w.weight.grad, w.bias.grad)
b1 = nn.BatchNorm1d(4)
h = torch.randn(6, 4, requires_grad=True)
o = b1(h)
(o ** 3).sum().backward()
print(o[0])
print(h.grad[0])
cum = nn.BatchNorm1d(2, momentum=None)
for k in range(3):
    cum(torch.randn(5, 2) + k)
print(cum.running_mean, cum.num_batches_tracked)
print(F.batch_norm(x, None, None, training=True)[1, 2, 0])
sd = bn.state_dict()
print(sd['num_batches_tracked'], sd['running_var'])

ln = nn.LayerNorm(5)
print(ln, nn.LayerNorm([5, 5], elementwise_affine=False))
t = torch.randn(2, 5, requires_grad=True)
u = ln(t)
print(u, u.grad_fn)
(u * torch.arange(5.)).sum().backward()
print(t.grad)
print(F.layer_norm(x, (5, 5))[0, 0, 0])

emb = nn.Embedding(10, 3)
print(emb, nn.Embedding(10, 3, padding_idx=0))
print(emb.weight[:2])
idx = torch.tensor([[1, 2, 1], [9, 0, 3]])
e = emb(idx)
print(e.shape, e.grad_fn)
e.sum().backward()
print(emb.weight.grad[:4])
pe = nn.Embedding(5, 2, padding_idx=1)
print(pe.weight)
pe(torch.tensor([1, 1, 2])).sum().backward()
print(pe.weight.grad)
print(nn.Unflatten(1, (2, 5)), nn.Unflatten(1, (2, 5))(torch.randn(3, 10)).shape)

tests = [
    lambda: nn.BatchNorm2d(3)(torch.randn(2, 3, 4)),
    lambda: nn.BatchNorm1d(3)(torch.randn(2, 3, 4, 4)),
    lambda: nn.BatchNorm1d(3)(torch.randn(1, 3)),
    lambda: nn.BatchNorm1d(3)(torch.randn(2, 4)),
    lambda: nn.LayerNorm(5)(torch.randn(2, 4)),
    lambda: emb(torch.tensor([10])),
    lambda: emb(torch.tensor([1.0])),
]
for f in tests:
    try:
        f()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)
