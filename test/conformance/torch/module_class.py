# nn.Module subclasses: layers as attributes, forward called through __call__.
import torch
from torch import nn
import torch.nn.functional as F


class Network(nn.Module):
    def __init__(self):
        super().__init__()
        self.hidden = nn.Linear(784, 256)
        self.output = nn.Linear(256, 10)
        self.sigmoid = nn.Sigmoid()
        self.softmax = nn.Softmax(dim=1)

    def forward(self, x):
        x = self.hidden(x)
        x = self.sigmoid(x)
        x = self.output(x)
        x = self.softmax(x)
        return x


class FunctionalNetwork(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(784, 128)
        self.fc2 = nn.Linear(128, 64)
        self.fc3 = nn.Linear(64, 10)

    def forward(self, x):
        x = F.relu(self.fc1(x))
        x = F.relu(self.fc2(x))
        x = F.softmax(self.fc3(x), dim=1)
        return x


torch.manual_seed(7)
model = Network()
print(model)
print(model.hidden.weight.shape, model.hidden.bias.shape)
print(model.output.bias)
x = torch.randn(2, 784)
y = model(x)
print(y.shape)
print(y)
print(y.sum(dim=1))

model2 = FunctionalNetwork()
print(model2)
print(model2.fc1.weight[0, :5])
model2.fc1.bias.data.fill_(0)
model2.fc1.weight.data.normal_(std=0.01)
print(model2.fc1.bias[:5])
print(model2(x).argmax(dim=1))
print(sum(p.numel() for p in model2.parameters()))
for name, p in model2.named_parameters():
    print(name, p.shape, p.requires_grad)
