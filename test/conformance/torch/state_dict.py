# Saving and loading a state_dict in memory.
import torch
from torch import nn

torch.manual_seed(5)
model = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
print("Our model: \n\n", model, '\n')
print("The state dict keys: \n\n", model.state_dict().keys())
state = model.state_dict()
print(state['0.bias'])
other = nn.Sequential(nn.Linear(4, 3), nn.ReLU(), nn.Linear(3, 2))
print(torch.equal(other[0].weight, model[0].weight))
print(other.load_state_dict(state))
print(torch.equal(other[0].weight, model[0].weight))
x = torch.randn(2, 4)
print(model(x))
print(other(x))
wrong = nn.Sequential(nn.Linear(4, 5), nn.ReLU(), nn.Linear(5, 2))
try:
    wrong.load_state_dict(state)
except RuntimeError as err:
    print(type(err).__name__)
