# The classic MNIST CNN: two conv/relu/max-pool blocks, then a linear layer,
# on a random batch; default init under manual_seed, two SGD steps.
import torch
import torch.nn as nn
import torch.nn.functional as F

torch.manual_seed(0)
model = nn.Sequential(
    nn.Conv2d(1, 16, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Conv2d(16, 32, 3, padding=1), nn.ReLU(), nn.MaxPool2d(2),
    nn.Flatten(), nn.Linear(32 * 7 * 7, 10))
print(model)
print(model[0].weight.shape, model[0].bias.shape, model[3].weight.shape)
print(model[0].weight[0, 0])
print(model[3].bias[:5])
x = torch.randn(4, 1, 28, 28)
y = torch.tensor([3, 1, 4, 1])
h = model[:3](x)
print(h.shape, h.grad_fn)
out = model(x)
print(out.shape)
print(out)
loss = F.cross_entropy(out, y)
print(loss)
loss.backward()
print(model[0].weight.grad[0])
print(model[0].bias.grad)
print(model[3].weight.grad[1, 2])
print(model[7].bias.grad)
opt = torch.optim.SGD(model.parameters(), lr=0.1)
for step in range(2):
    opt.zero_grad()
    loss = F.cross_entropy(model(x), y)
    loss.backward()
    opt.step()
    print(step, round(loss.item(), 4))
print(F.cross_entropy(model(x), y))
print(model[0].weight[0, 0])
print(model(x).argmax(dim=1))
