# Warmup schedules: ConstantLR, LinearLR, and SequentialLR chaining a
# warmup into a decay (with a LambdaLR inside), plus their argument errors.
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import ConstantLR, LinearLR, SequentialLR, CosineAnnealingLR, ExponentialLR, LambdaLR, StepLR

model = nn.Linear(2, 1)


def run(name, make, epochs=10, lr=0.1):
    opt = optim.SGD(model.parameters(), lr=lr)
    sched = make(opt)
    lrs = [sched.get_last_lr()[0]]
    for _ in range(epochs):
        opt.step()
        sched.step()
        lrs.append(sched.get_last_lr()[0])
        assert opt.param_groups[0]["lr"] == lrs[-1]
    print(name, lrs)
    return sched


run("ConstantLR", lambda o: ConstantLR(o, factor=0.5, total_iters=4))
run("ConstantLR default", lambda o: ConstantLR(o))
run("LinearLR", lambda o: LinearLR(o, start_factor=0.1, total_iters=5))
run("LinearLR down", lambda o: LinearLR(o, start_factor=1.0, end_factor=0.25, total_iters=6), lr=1.0)
s = run("warmup+cosine", lambda o: SequentialLR(o, [LinearLR(o, start_factor=0.01, total_iters=3), CosineAnnealingLR(o, T_max=6)], milestones=[3]), epochs=12)
print(s.last_epoch, [type(x).__name__ for x in s._schedulers] if hasattr(s, "_schedulers") else None)
run("constant+exp", lambda o: SequentialLR(o, schedulers=[ConstantLR(o, factor=0.1, total_iters=2), ExponentialLR(o, gamma=0.9)], milestones=[2]))
run("three", lambda o: SequentialLR(o, [LinearLR(o, 0.5, total_iters=2), LambdaLR(o, lambda e: 1 / (e + 1)), StepLR(o, 2, 0.5)], [2, 5]), epochs=9)


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


opt = optim.SGD(model.parameters(), lr=0.1)
attempt("ConstantLR factor", lambda: ConstantLR(opt, factor=2.0))
attempt("LinearLR start", lambda: LinearLR(opt, start_factor=0.0))
attempt("LinearLR end", lambda: LinearLR(opt, end_factor=1.5))
attempt("SequentialLR none", lambda: SequentialLR(opt, [], []))
attempt("SequentialLR milestones", lambda: SequentialLR(opt, [ConstantLR(opt), ConstantLR(opt)], [1, 2]))
