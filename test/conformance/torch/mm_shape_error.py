# The classic mistake: multiplying two row vectors.
import torch

torch.manual_seed(7)
features = torch.randn((1, 5))
weights = torch.randn_like(features)
print(features.shape, weights.shape)
y = torch.mm(features, weights)
print(y)
