# Optimizer state_dict() / load_state_dict(): the saved state and groups,
# the groups' hyper-parameters replaced, the state tensors shared with the
# dict (as PyTorch's load_state_dict leaves them: two optimizers loaded from
# one uncopied dict step the same exp_avg and step tensors, so the runs
# below part ways exactly as in PyTorch), group-count errors, and a scheduler
# resumed from its state_dict.
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import StepLR


def train(model, opt, steps, X, y):
    for _ in range(steps):
        opt.zero_grad()
        loss = ((model(X) - y) ** 2).mean()
        loss.backward()
        opt.step()
    return loss.item()


torch.manual_seed(0)
X = torch.randn(16, 3)
y = torch.randn(16, 1)

for make in (lambda ps: optim.Adam(ps, lr=0.01), lambda ps: optim.AdamW(ps, lr=0.01, amsgrad=True),
             lambda ps: optim.RMSprop(ps, lr=0.01, momentum=0.9, centered=True), lambda ps: optim.Adagrad(ps, lr=0.1),
             lambda ps: optim.SGD(ps, lr=0.05, momentum=0.9)):
    torch.manual_seed(1)
    a = nn.Linear(3, 1)
    opt_a = make(a.parameters())
    print(type(opt_a).__name__, opt_a.state_dict())
    train(a, opt_a, 3, X, y)
    sd = opt_a.state_dict()
    print(sorted(sd["state"].keys()), sorted(sd["state"][0].keys()), sd["param_groups"][0]["params"])
    b = nn.Linear(3, 1)
    b.load_state_dict(a.state_dict())
    opt_b = make(b.parameters())
    opt_b.param_groups[0]["lr"] = 123.0
    opt_b.load_state_dict(sd)
    print(opt_b.param_groups[0]["lr"], list(opt_b.param_groups[0].keys())[-1])
    la = train(a, opt_a, 4, X, y)
    lb = train(b, opt_b, 4, X, y)
    print(f"{la:.6f} {lb:.6f}", torch.equal(a.weight, b.weight), torch.equal(a.bias, b.bias))

opt = optim.SGD(nn.Linear(3, 1).parameters(), lr=0.1)
try:
    opt.load_state_dict(optim.SGD([{"params": [nn.Parameter(torch.ones(1))]}, {"params": [nn.Parameter(torch.ones(1))]}]).state_dict())
except ValueError as e:
    print("ValueError", e)
try:
    opt.load_state_dict({"state": {}, "param_groups": [{"lr": 0.1, "params": [0]}]})
except ValueError as e:
    print("ValueError", e)

# A scheduler resumed from a checkpoint.
model = nn.Linear(3, 1)
opt = optim.SGD(model.parameters(), lr=0.1)
sched = StepLR(opt, step_size=2, gamma=0.5)
for _ in range(3):
    opt.step()
    sched.step()
ckpt = {"opt": opt.state_dict(), "sched": sched.state_dict()}
opt2 = optim.SGD(model.parameters(), lr=0.1)
sched2 = StepLR(opt2, step_size=2, gamma=0.5)
opt2.load_state_dict(ckpt["opt"])
sched2.load_state_dict(ckpt["sched"])
for _ in range(3):
    opt2.step()
    sched2.step()
    print(sched2.last_epoch, sched2.get_last_lr(), opt2.param_groups[0]["lr"])


# add_param_group: a second group with its own lr and the constructor's defaults.
torch.manual_seed(3)
a, b = nn.Linear(2, 1), nn.Linear(2, 1)
opt = optim.Adam(a.parameters(), lr=0.1, weight_decay=0.5)
opt.add_param_group({"params": b.parameters(), "lr": 0.01})
print(len(opt.param_groups), opt.param_groups[1]["lr"], opt.param_groups[1]["weight_decay"], list(opt.param_groups[1].keys()))
b(torch.ones(1, 2)).sum().backward()
opt.step()
print(b.weight, opt.state_dict()["param_groups"][1]["params"])
for bad in ({"params": a.weight}, [a.weight]):
    try:
        opt.add_param_group(bad)
    except (ValueError, TypeError) as e:
        print(type(e).__name__, e)
