# The seed exercise's solutions, each way the tutorial's readers write them.
import torch


def activation(x):
    return 1 / (1 + torch.exp(-x))


torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
bias = torch.randn((1, 1))
print(features)
print(weights)
print(bias)

# Solution 1: elementwise product, then sum
y = activation(torch.sum(features * weights) + bias)
print(y)
# Solution 2: the sum method
y = activation((features * weights).sum() + bias)
print(y)
# Solution 3: matrix product with view / reshape / transpose
y = activation(torch.mm(features, weights.view(5, 1)) + bias)
print(y)
y = activation(torch.mm(features, weights.reshape(5, 1)) + bias)
print(y)
y = activation(torch.matmul(features, weights.T) + bias)
print(y)
y = activation(features @ weights.t() + bias)
print(y)
print(weights.shape, weights.view(5, 1).shape, weights.size())
print(y.item(), f'{y.item():.4f}')
