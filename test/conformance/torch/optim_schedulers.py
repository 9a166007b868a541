# torch.optim.lr_scheduler: get_last_lr() and param_groups[0]['lr'] per
# epoch for each scheduler, a LambdaLR with a Python lambda, state_dict(),
# and ReduceLROnPlateau fed a scripted loss sequence.
import math
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import StepLR, MultiStepLR, ExponentialLR, CosineAnnealingLR, LambdaLR
import torch.optim.lr_scheduler as lr_scheduler


def make_opt(lr=0.1):
    torch.manual_seed(0)
    model = nn.Linear(3, 1)
    return model, optim.SGD(model.parameters(), lr=lr, momentum=0.9)


def run(name, make_sched, epochs=12, lr=0.1):
    model, opt = make_opt(lr)
    sched = make_sched(opt)
    lrs = []
    for epoch in range(epochs):
        opt.zero_grad()
        model(torch.ones(2, 3)).sum().backward()
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
        assert opt.param_groups[0]["lr"] == lrs[-1]
    print(name, lrs)
    return sched, opt


run("StepLR", lambda o: StepLR(o, step_size=3, gamma=0.5))
run("StepLR default gamma", lambda o: lr_scheduler.StepLR(o, 4))
run("MultiStepLR", lambda o: MultiStepLR(o, milestones=[2, 5, 5, 9], gamma=0.1))
run("ExponentialLR", lambda o: ExponentialLR(o, gamma=0.9))
run("CosineAnnealingLR", lambda o: CosineAnnealingLR(o, T_max=5), epochs=16)
run("CosineAnnealingLR eta_min", lambda o: CosineAnnealingLR(o, T_max=10, eta_min=0.001))
run("LambdaLR", lambda o: LambdaLR(o, lr_lambda=lambda epoch: 1 / (1 + 0.1 * epoch)))
run("LambdaLR warmup", lambda o: LambdaLR(o, lambda e: min(1.0, (e + 1) / 4)), lr=1.0)
run("optim.lr_scheduler", lambda o: optim.lr_scheduler.ExponentialLR(o, 0.5), epochs=4, lr=1)

sched, opt = run("StepLR state", lambda o: StepLR(o, step_size=2), epochs=5)
print(sched.state_dict())
print(sched.last_epoch, sched.base_lrs, sched.optimizer is opt)
print(opt.param_groups[0]["initial_lr"], opt.param_groups[0]["lr"])
print(opt)

# The program may change the lr itself; a chainable scheduler follows it.
model, opt = make_opt()
sched = ExponentialLR(opt, gamma=0.5)
print(sched.get_last_lr())
opt.step()
opt.param_groups[0]["lr"] = 1.0
sched.step()
print(sched.get_last_lr(), opt.param_groups[0]["lr"])

# Two param groups, one lambda each.
torch.manual_seed(0)
net = nn.Sequential(nn.Linear(2, 2), nn.Linear(2, 1))
opt = optim.Adam([{"params": net[0].parameters()}, {"params": net[1].parameters(), "lr": 0.01}], lr=0.1)
sched = LambdaLR(opt, [lambda e: 1 / (e + 1), lambda e: 2 ** -e])
for _ in range(3):
    opt.step()
    sched.step()
    print(sched.get_last_lr(), [g["lr"] for g in opt.param_groups])

# ReduceLROnPlateau: the lr drops after `patience` epochs without improvement.
model, opt = make_opt()
plateau = lr_scheduler.ReduceLROnPlateau(opt, mode="min", factor=0.5, patience=2, threshold=0.01, cooldown=1, min_lr=0.01)
losses = [1.0, 0.9, 0.95, 0.91, 0.9, 0.89, 0.8, 0.85, 0.86, 0.87, 0.88, 0.9, 0.95, 0.99, 1.2, 1.3, 1.1, 1.0, 1.05, 1.01]
for epoch, loss in enumerate(losses):
    opt.step()
    plateau.step(loss)
    print(epoch, loss, plateau.get_last_lr(), plateau.num_bad_epochs, plateau.cooldown_counter, plateau.best)
print(plateau.state_dict())

model, opt = make_opt(lr=1.0)
plateau = lr_scheduler.ReduceLROnPlateau(opt, "max", patience=0, threshold=0.1, threshold_mode="abs")
for acc in [0.5, 0.55, 0.7, 0.75, 0.79, 0.9, torch.tensor(0.95)]:
    plateau.step(acc)
    print(plateau.get_last_lr(), opt.param_groups[0]["lr"])
