# The classic CNN mistake: the Linear layer's in_features do not match the
# flattened conv output (two pools of 28x28 leave 7x7, not 8x8).
import torch
import torch.nn as nn

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 8 * 8, 10))
x = torch.randn(4, 1, 28, 28)
print(model[:7](x).shape)
out = model(x)
print(out)
