# copy.deepcopy of tensors and models, as the "keep the best weights"
# pattern of PyTorch's tutorials uses it: a copy shares nothing with the
# original (views stay views of the copy), keeps requires_grad, .grad and the
# Parameter type (a plain tensor its .grad too), and only graph leaves can be
# copied.
import copy
import torch
from torch import nn

torch.manual_seed(0)


class Net(nn.Module):
    def __init__(self):
        super().__init__()
        self.fc1 = nn.Linear(4, 3)
        self.act = nn.ReLU()
        self.fc2 = nn.Linear(3, 2)
        self.scale = 2.0

    def forward(self, x):
        return self.fc2(self.act(self.fc1(x))) * self.scale


model = Net()
x = torch.randn(5, 4)
y = torch.randint(0, 2, (5,))
opt = torch.optim.SGD(model.parameters(), lr=0.5)
loss_fn = nn.CrossEntropyLoss()

best_loss, best_model, best_state = None, None, None
for step in range(6):
    opt.zero_grad()
    loss = loss_fn(model(x), y)
    loss.backward()
    opt.step()
    print(f"step {step}: loss {loss.item():.4f}")
    if best_loss is None or loss.item() < best_loss:
        best_loss = loss.item()
        best_model = copy.deepcopy(model)
        best_state = copy.deepcopy(model.state_dict())

with torch.no_grad():
    model.fc1.weight.fill_(0.0)
print(best_model)
print(type(best_model).__name__, best_model.scale, best_model.fc1.weight is model.fc1.weight)
print(best_model.fc1.weight)
print(best_state['fc2.bias'])
model.load_state_dict(best_state)
print(torch.equal(model.fc1.weight, best_model.fc1.weight))
print(loss_fn(best_model(x), y).item() == loss_fn(model(x), y).item())

# A Sequential: its parameters' copies come without .grad (a plain tensor's keep theirs)
seq = nn.Sequential(nn.Linear(2, 2), nn.Tanh())
seq(torch.ones(1, 2)).sum().backward()
twin = copy.deepcopy(seq)
print(twin, twin[0].weight.grad, seq[0].weight.grad is not None)
t = torch.ones(2, requires_grad=True)
(t * 3).sum().backward()
print(copy.deepcopy(t).grad)

# views and leaves
a = torch.arange(4.0)
b = a[1:3]
pair = copy.deepcopy([a, b])
pair[0][1] = 100
print(pair[1], b)
w = torch.ones(2, requires_grad=True)
try:
    copy.deepcopy(w * 2)
except RuntimeError as e:
    print("RuntimeError:", e)
