# A user Dataset through DataLoader; a module with a ModuleList, a buffer and a plain attribute.
import torch
from torch import nn
from torch.utils.data import Dataset, DataLoader

class Squares(Dataset):
    def __init__(self, n):
        self.x = torch.arange(n, dtype=torch.float32).view(-1, 1)
    def __len__(self):
        return len(self.x)
    def __getitem__(self, i):
        return self.x[i], self.x[i] ** 2

loader = DataLoader(Squares(10), batch_size=4)
for xb, yb in loader:
    print(xb.view(-1), yb.view(-1))
print(len(loader), len(loader.dataset))

class Net(nn.Module):
    def __init__(self):
        super(Net, self).__init__()
        self.layers = nn.ModuleList([nn.Linear(1, 4), nn.Linear(4, 1)])
        self.scale = 2.0
        self.register_buffer('offset', torch.ones(1))
    def forward(self, x):
        for layer in self.layers:
            x = torch.tanh(layer(x))
        return x * self.scale + self.offset

torch.manual_seed(0)
net = Net()
print(net)
print([name for name, _ in net.named_children()], len(list(net.modules())), list(net.state_dict().keys()))
print(net(torch.ones(2, 1)))
print(net.scale, net.training, net.eval().training)
