# Convolution and pooling layers: reprs, output shapes, grad_fn names, the
# functional forms, and PyTorch's shape errors.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(1)
print(nn.Conv2d(1, 32, 3))
print(nn.Conv2d(3, 8, (3, 5), stride=2, padding=1, dilation=2, bias=False))
print(nn.Conv2d(3, 6, 3, padding='same', groups=3))
print(nn.Conv2d(3, 6, 3, padding='valid'))
print(nn.Conv1d(2, 4, 3))
print(nn.MaxPool2d(2))
print(nn.MaxPool2d((2, 3), stride=1, padding=1))
print(nn.AvgPool2d(2))
print(nn.AdaptiveAvgPool2d((1, 1)))
print(nn.AdaptiveAvgPool2d(4))

x = torch.randn(2, 3, 8, 8, requires_grad=True)
conv = nn.Conv2d(3, 4, 3, padding=1)
y = conv(x)
print(y.shape, y.grad_fn)
print(y[0, 0, :2])
print(conv(x[0]).shape, conv(x[0]).grad_fn)
p = F.max_pool2d(y, 2)
print(p.shape, p.grad_fn)
v, i = F.max_pool2d(y, 2, return_indices=True)
print(i[0, 0])
a = F.avg_pool2d(y, 2)
print(a.shape, a.grad_fn)
print(a[1, 3])
g = F.adaptive_avg_pool2d(y, (2, 2))
print(g.shape, g.grad_fn)
print(F.adaptive_avg_pool2d(y, 1).grad_fn)
w = torch.randn(4, 3, 3, 3)
print(F.conv2d(x, w, stride=2).shape)
(p.sum() + a.sum() + g.sum()).backward()
print(x.grad[0, 0, :3])
print(conv.weight.grad[0, 0])
c1 = nn.Conv1d(2, 4, 3, padding=1)
s = torch.randn(3, 2, 10)
print(c1(s).shape, c1(s).grad_fn)
print(c1(s)[0, 0])
print([n for n, _ in conv.named_parameters()])

tests = [
    lambda: conv(torch.randn(2, 2, 8, 8)),
    lambda: conv(torch.randn(8, 8)),
    lambda: nn.Conv2d(3, 4, 5)(torch.randn(1, 3, 3, 3)),
    lambda: nn.Conv2d(3, 4, 3, stride=2, padding='same'),
    lambda: nn.Conv2d(3, 4, 3, groups=2),
    lambda: nn.MaxPool2d(3)(torch.randn(1, 1, 2, 2)),
    lambda: nn.MaxPool2d(2, padding=2)(torch.randn(1, 1, 4, 4)),
    lambda: F.max_pool2d(torch.randn(4, 4), 2),
    lambda: nn.Conv1d(3, 4, 3)(torch.randn(3, 3, 3, 3)),
    lambda: nn.Linear(32 * 7 * 7, 10)(torch.randn(4, 32, 7, 7)),
]
for t in tests:
    try:
        t()
        print('ok')
    except Exception as e:
        print(type(e).__name__ + ':', e)

pool = nn.MaxPool2d(2, return_indices=True)
v, i = pool(torch.randn(1, 1, 4, 4))
print(v, i)
print(nn.MaxPool2d(2).kernel_size, conv.kernel_size, conv.stride, conv.padding, conv.padding_mode)

# 1-D: a Conv1d / MaxPool1d / AdaptiveAvgPool1d text-style classifier
print(nn.MaxPool1d(2), nn.AvgPool1d(3), nn.AdaptiveAvgPool1d(4))
net = nn.Sequential(nn.Conv1d(4, 8, 3, padding=1), nn.ReLU(), nn.MaxPool1d(2), nn.AvgPool1d(2), nn.AdaptiveAvgPool1d(1), nn.Flatten(), nn.Linear(8, 2))
seq = torch.randn(3, 4, 12)
o = net(seq)
print(o, o.grad_fn)
h = net[:3](seq)
print(h.shape, h.grad_fn)
o.sum().backward()
print(net[0].weight.grad[0])
