# torch.Size behaves as the tuple it is; tensor types and dtypes compare as in PyTorch.
import torch
x = torch.zeros(2, 3, 4)
s = x.shape
print(s, type(s), isinstance(s, tuple), len(s), s[-1], s[1:], list(s), tuple(s))
print(s == (2, 3, 4), s == torch.Size([2, 3, 4]), (1,) + s, s + (5,), s.numel())
a, b, c = s
print(a, b, c, *s, max(s), sum(s), f"{s}", str(s), repr(s))
print(x.view(*s[:2], -1).shape, torch.zeros(s).shape, x.size()[0], x.size(-1))
print(type(x), x.type(), isinstance(x, torch.Tensor), torch.float32 == x.dtype, x.dtype is torch.float)
