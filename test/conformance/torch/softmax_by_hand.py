# Softmax written by hand over a batch of scores, checked against torch.softmax.
import torch


def softmax(x):
    return torch.exp(x) / torch.sum(torch.exp(x), dim=1).view(-1, 1)


torch.manual_seed(0)
inputs = torch.randn(64, 784)
w1 = torch.randn(784, 256)
b1 = torch.randn(256)
w2 = torch.randn(256, 10)
b2 = torch.randn(10)
h = torch.sigmoid(torch.mm(inputs, w1) + b1)
out = torch.mm(h, w2) + b2
print(out.shape)
scores = torch.randn(4, 10)
probabilities = softmax(scores)
print(probabilities.shape)
print(probabilities.sum(dim=1))
print(probabilities)
print(torch.softmax(scores, dim=1))
print(torch.allclose(probabilities, torch.softmax(scores, dim=1)))
flat = inputs.view(inputs.shape[0], -1)
print(flat.shape)
