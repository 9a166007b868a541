# OneCycleLR: the lr and the momentum (SGD) or beta1 (Adam) per step, the
# group keys it adds, and its argument errors.
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import OneCycleLR

torch.manual_seed(0)
model = nn.Linear(2, 1)

opt = optim.SGD(model.parameters(), lr=0.1, momentum=0.9)
sched = OneCycleLR(opt, max_lr=1.0, total_steps=10)
print(sorted(k for k in opt.param_groups[0] if k != "params"))
print(opt.param_groups[0]["initial_lr"], opt.param_groups[0]["min_lr"], opt.param_groups[0]["momentum"])
for _ in range(10):
    opt.step()
    sched.step()
    print(sched.get_last_lr(), opt.param_groups[0]["momentum"])

opt = optim.Adam(model.parameters(), lr=0.001)
sched = OneCycleLR(opt, max_lr=0.01, epochs=3, steps_per_epoch=4, pct_start=0.25, anneal_strategy="linear")
for _ in range(11):
    opt.step()
    sched.step()
    print(sched.get_last_lr(), opt.param_groups[0]["betas"])

opt = optim.AdamW(model.parameters())
sched = OneCycleLR(opt, max_lr=0.1, total_steps=12, three_phase=True, cycle_momentum=False, div_factor=10.0, final_div_factor=100.0)
lrs = []
for _ in range(12):
    opt.step()
    sched.step()
    lrs.append(sched.get_last_lr()[0])
print(lrs, opt.param_groups[0]["betas"])
try:
    sched.step()
except ValueError as e:
    print("ValueError", e)


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


opt = optim.SGD(model.parameters(), lr=0.1)
attempt("no steps", lambda: OneCycleLR(opt, max_lr=0.1))
attempt("float steps", lambda: OneCycleLR(opt, max_lr=0.1, total_steps=10.0))
attempt("zero steps", lambda: OneCycleLR(opt, max_lr=0.1, total_steps=0))
attempt("pct int", lambda: OneCycleLR(opt, max_lr=0.1, total_steps=10, pct_start=1))
attempt("pct range", lambda: OneCycleLR(opt, max_lr=0.1, total_steps=10, pct_start=1.5))
attempt("anneal", lambda: OneCycleLR(opt, max_lr=0.1, total_steps=10, anneal_strategy="exp"))
attempt("max_lr list", lambda: OneCycleLR(opt, max_lr=[0.1, 0.2], total_steps=10))
attempt("no momentum", lambda: OneCycleLR(optim.Adagrad(model.parameters()), max_lr=0.1, total_steps=10))
