# nn.Sequential, plain and from an OrderedDict.
import torch
from torch import nn
from collections import OrderedDict

torch.manual_seed(7)
input_size = 784
hidden_sizes = [128, 64]
output_size = 10
model = nn.Sequential(nn.Linear(input_size, hidden_sizes[0]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[0], hidden_sizes[1]),
                      nn.ReLU(),
                      nn.Linear(hidden_sizes[1], output_size),
                      nn.Softmax(dim=1))
print(model)
print(model[0])
print(model[0].weight.shape)
x = torch.randn(3, 784)
ps = model.forward(x)
print(ps)

model = nn.Sequential(OrderedDict([
    ('fc1', nn.Linear(input_size, hidden_sizes[0])),
    ('relu1', nn.ReLU()),
    ('fc2', nn.Linear(hidden_sizes[0], hidden_sizes[1])),
    ('relu2', nn.ReLU()),
    ('output', nn.Linear(hidden_sizes[1], output_size)),
    ('softmax', nn.Softmax(dim=1))]))
print(model)
print(model[0])
print(model.fc1)
print(model.fc1.bias[:4])
print(model(x).shape)
print(len(model))
