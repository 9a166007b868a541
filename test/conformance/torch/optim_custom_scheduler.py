# A learner's own scheduler: a subclass of LRScheduler with get_lr() (a
# linear warmup then inverse square root), and one on the old _LRScheduler name.
import torch
from torch import nn, optim
from torch.optim.lr_scheduler import LRScheduler, _LRScheduler


class WarmupInvSqrt(LRScheduler):
    def __init__(self, optimizer, warmup_steps, last_epoch=-1):
        self.warmup_steps = warmup_steps
        super().__init__(optimizer, last_epoch)

    def get_lr(self):
        step = max(self.last_epoch, 1)
        scale = min(step / self.warmup_steps, (self.warmup_steps / step) ** 0.5)
        return [base_lr * scale for base_lr in self.base_lrs]


class Halving(_LRScheduler):
    def get_lr(self):
        return [group["lr"] * 0.5 if self.last_epoch > 0 else group["lr"] for group in self.optimizer.param_groups]


model = nn.Linear(2, 1)
opt = optim.AdamW(model.parameters(), lr=0.01)
sched = WarmupInvSqrt(opt, warmup_steps=4)
print(type(sched).__name__, sched.get_last_lr(), sched.last_epoch, sched.warmup_steps)
for _ in range(10):
    opt.step()
    sched.step()
    print(sched.last_epoch, sched.get_last_lr(), opt.param_groups[0]["lr"])

opt = optim.SGD(model.parameters(), lr=1.0)
sched = Halving(opt)
for _ in range(4):
    opt.step()
    sched.step()
print(sched.get_last_lr(), isinstance(sched, LRScheduler))
