# More tensor ops: elementwise math, logical reductions, sorting, gathering,
# splitting, norms and small products, as methods and torch functions.
import torch
torch.manual_seed(2)
a = torch.randn(3, 4)
print(a.sin(), torch.cos(a).shape, a.floor(), a.sign())
print(a.amax(dim=1), a.any(), (a > 0).all(dim=0))
print(a.cumsum(dim=1), a.flip(0)[0], torch.logsumexp(a, dim=1))
print(a.sort(dim=1, descending=True))
print(a.argsort(dim=1))
print(a.masked_fill(a < 0, 0.0))
print(torch.split(a, 2, dim=1), a.chunk(3))
print(a.norm(), a.norm(dim=1))
print(torch.maximum(a, torch.zeros(3, 4)), a.gather(1, torch.tensor([[0], [1], [2]])))
print(torch.dot(a[0], a[1]), torch.mv(a, a[0]))
print(a.narrow(1, 1, 2).shape, a.select(0, 1))
print(torch.isnan(a).any(), a.square().sum(), a.round())
