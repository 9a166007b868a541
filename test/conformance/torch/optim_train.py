# AdamW, RMSprop and Adagrad (and Adam with decoupled weight decay) training
# a small MLP: losses and the final weights' sums at 4 decimals. (Bit-exact
# updates are checked in optim_updates.py, where the grads are given: the
# grads of a Linear layer differ from MKL's in the last bits.)
import torch
from torch import nn, optim

torch.manual_seed(0)
X = torch.randn(64, 6)
y = torch.randn(64, 1)

configs = [
    ("AdamW", lambda ps: optim.AdamW(ps, lr=0.01)),
    ("AdamW amsgrad wd=0.1", lambda ps: optim.AdamW(ps, lr=0.02, weight_decay=0.1, amsgrad=True)),
    ("Adam decoupled", lambda ps: optim.Adam(ps, lr=0.01, weight_decay=0.05, decoupled_weight_decay=True)),
    ("RMSprop", lambda ps: optim.RMSprop(ps, lr=0.01)),
    ("RMSprop momentum centered", lambda ps: optim.RMSprop(ps, lr=0.005, alpha=0.9, momentum=0.9, centered=True, weight_decay=0.01)),
    ("RMSprop momentum", lambda ps: optim.RMSprop(ps, lr=0.002, momentum=0.5, eps=1e-6)),
    ("Adagrad", lambda ps: optim.Adagrad(ps, lr=0.1)),
    ("Adagrad decay", lambda ps: optim.Adagrad(ps, lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1, weight_decay=0.01)),
    ("RMSprop maximize", lambda ps: optim.RMSprop(ps, lr=0.001, maximize=True)),
]

for name, make in configs:
    torch.manual_seed(1)
    model = nn.Sequential(nn.Linear(6, 16), nn.Tanh(), nn.Linear(16, 1))
    opt = make(model.parameters())
    losses = []
    for step in range(20):
        opt.zero_grad()
        loss = nn.functional.mse_loss(model(X), y)
        loss.backward()
        opt.step()
        losses.append(f"{loss.item():.4f}")
    print(name, " ".join(losses))
    for pname, p in model.named_parameters():
        print(" ", pname, f"{p.sum().item():.4f}", f"{p.abs().max().item():.4f}")
