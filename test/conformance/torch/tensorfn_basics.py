import torch
import torch.nn.functional as F

# Causal attention mask, as in a GPT block
T = 4
mask = torch.tril(torch.ones(T, T))
print(mask)
scores = torch.arange(16, dtype=torch.float32).view(T, T) / 10
scores = scores.masked_fill(mask == 0, float('-inf'))
print(scores)
print(torch.softmax(scores, dim=-1))
print(torch.triu(torch.ones(3, 3), diagonal=1))
print(torch.ones(2, 3).tril(-1), torch.ones(2, 3).triu())

x = torch.tensor([[1.0, -2.0, 3.0], [-4.0, 5.0, -6.0]], requires_grad=True)
y = x.tril()
print(y)
y.sum().backward()
print(x.grad)

# one-hot labels
labels = torch.tensor([0, 2, 1, 2])
print(F.one_hot(labels))
print(F.one_hot(labels, num_classes=4))
print(F.one_hot(labels).float().sum(0))

# nonzero and masked_select
a = torch.tensor([[0, 3, 0], [4, 0, 5]])
print(torch.nonzero(a))
print(a.nonzero())
print(torch.nonzero(a, as_tuple=True))
print(torch.masked_select(a, a > 2))
print(x.masked_select(x > 0))

# unique
v = torch.tensor([3, 1, 2, 3, 1, 3])
print(torch.unique(v))
vals, counts = torch.unique(v, return_counts=True)
print(vals, counts)
print(v.unique(return_inverse=True))
print(torch.unique(v, return_inverse=True, return_counts=True))

# clip
print(torch.clip(x, -1, 2))
print(x.clip(min=0))
print(torch.tensor([1, 5, 9]).clip(2, 6))

# unique rows / columns
pairs = torch.tensor([[1, 2], [0, 5], [1, 2], [0, 1]])
print(torch.unique(pairs, dim=0))
print(torch.unique(pairs, dim=0, return_inverse=True, return_counts=True))
print(pairs.unique(dim=1))
print(torch.unique(torch.tensor([[[1.0, 0.0]], [[1.0, 0.0]]]), dim=0, return_counts=True))
