# Optimizer hyper-parameters through param_groups, optimizer reprs, and
# replacing a parameter's values through .data.
import torch
from torch import nn, optim
torch.manual_seed(0)
m = nn.Linear(2, 1)
opt = optim.SGD(m.parameters(), lr=0.1, momentum=0.9)
print(opt)
print(opt.param_groups[0]["lr"], len(opt.param_groups[0]["params"]))
opt.param_groups[0]["lr"] = 0.5
m(torch.ones(3, 2)).sum().backward()
opt.step()
print(m.weight)
print(opt)
m.weight.data = torch.zeros(1, 2)
print(m.weight)
