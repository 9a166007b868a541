# Bad optimizer and scheduler arguments: PyTorch's exception types and messages.
import torch
from torch import nn, optim
from torch.optim import lr_scheduler

w = nn.Parameter(torch.ones(2))


def attempt(label, f):
    try:
        f()
        print(label, "ok")
    except Exception as e:
        print(label, type(e).__name__, e)


attempt("AdamW lr", lambda: optim.AdamW([w], lr=-1.0))
attempt("AdamW eps", lambda: optim.AdamW([w], eps=-1e-8))
attempt("AdamW beta0", lambda: optim.AdamW([w], betas=(1.0, 0.999)))
attempt("AdamW beta1", lambda: optim.AdamW([w], betas=(0.9, -0.1)))
attempt("AdamW wd", lambda: optim.AdamW([w], weight_decay=-0.01))
attempt("RMSprop lr", lambda: optim.RMSprop([w], lr=-0.5))
attempt("RMSprop eps", lambda: optim.RMSprop([w], eps=-1.0))
attempt("RMSprop momentum", lambda: optim.RMSprop([w], momentum=-0.9))
attempt("RMSprop wd", lambda: optim.RMSprop([w], weight_decay=-1))
attempt("RMSprop alpha", lambda: optim.RMSprop([w], alpha=-0.99))
attempt("Adagrad lr", lambda: optim.Adagrad([w], lr=-1))
attempt("Adagrad lr_decay", lambda: optim.Adagrad([w], lr_decay=-0.1))
attempt("Adagrad wd", lambda: optim.Adagrad([w], weight_decay=-0.1))
attempt("Adagrad init", lambda: optim.Adagrad([w], initial_accumulator_value=-1.0))
attempt("Adagrad eps", lambda: optim.Adagrad([w], eps=-1e-10))
attempt("empty", lambda: optim.AdamW([]))
attempt("not tensors", lambda: optim.RMSprop([1.0, 2.0]))
attempt("unexpected kwarg", lambda: optim.Adagrad([w], momentum=0.9))

opt = optim.AdamW([w], lr=0.1)
print(opt)
print(optim.RMSprop([w]))
print(optim.Adagrad([w], lr_decay=0.5))
attempt("StepLR no step_size", lambda: lr_scheduler.StepLR(opt))
attempt("StepLR not optimizer", lambda: lr_scheduler.StepLR([w], 3))
attempt("ExponentialLR no gamma", lambda: lr_scheduler.ExponentialLR(opt))
attempt("LambdaLR count", lambda: lr_scheduler.LambdaLR(opt, [lambda e: 1.0, lambda e: 0.5]))
attempt("Plateau factor", lambda: lr_scheduler.ReduceLROnPlateau(opt, factor=1.0))
attempt("Plateau mode", lambda: lr_scheduler.ReduceLROnPlateau(opt, mode="maximum"))
attempt("Plateau threshold_mode", lambda: lr_scheduler.ReduceLROnPlateau(opt, threshold_mode="relative"))
attempt("Plateau min_lr", lambda: lr_scheduler.ReduceLROnPlateau(opt, min_lr=[0.1, 0.2]))
attempt("resume", lambda: lr_scheduler.StepLR(optim.SGD([w], lr=0.1), 2, last_epoch=3))
s = lr_scheduler.StepLR(opt, 2)
attempt("no attribute", lambda: s.patience)
print(s.get_lr(), s.get_last_lr())
