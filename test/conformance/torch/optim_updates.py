# Each optimizer's update: the grads are given (randn under a seed, not
# computed by a matmul) and every parameter value is printed to 6 decimals.
# The engine's update loops round as ATen's float32 kernels do; the one
# known difference is sqrt: PyTorch's float32 sqrt goes through MKL's vsSqrt
# (VML_HA), which is within 0.75 ulp but not correctly rounded, so about one
# value in fifty ends 1 ulp away from PyTorch's after 12 steps.
# One parameter has 13 elements so a vector kernel's tail is covered.
import torch
from torch import nn, optim

configs = [
    ("AdamW", lambda ps: optim.AdamW(ps, lr=0.01)),
    ("AdamW amsgrad", lambda ps: optim.AdamW(ps, lr=0.02, betas=(0.8, 0.99), weight_decay=0.1, amsgrad=True)),
    ("AdamW maximize", lambda ps: optim.AdamW(ps, lr=0.003, maximize=True)),
    ("Adam decoupled", lambda ps: optim.Adam(ps, lr=0.01, weight_decay=0.05, decoupled_weight_decay=True)),
    ("RMSprop", lambda ps: optim.RMSprop(ps)),
    ("RMSprop centered", lambda ps: optim.RMSprop(ps, lr=0.005, alpha=0.9, centered=True)),
    ("RMSprop momentum centered wd", lambda ps: optim.RMSprop(ps, lr=0.005, alpha=0.3, momentum=0.9, centered=True, weight_decay=0.01)),
    ("RMSprop momentum", lambda ps: optim.RMSprop(ps, lr=0.002, momentum=0.5, eps=1e-6)),
    ("Adagrad", lambda ps: optim.Adagrad(ps, lr=0.1)),
    ("Adagrad decay", lambda ps: optim.Adagrad(ps, lr=0.1, lr_decay=0.01, initial_accumulator_value=0.1, weight_decay=0.01)),
    ("Adagrad maximize", lambda ps: optim.Adagrad(ps, lr=0.05, eps=1e-3, maximize=True)),
]

for name, make in configs:
    torch.manual_seed(0)
    w = nn.Parameter(torch.randn(3, 5))
    b = nn.Parameter(torch.randn(13))
    opt = make([w, b])
    for step in range(12):
        for p in (w, b):
            p.grad = torch.randn(p.shape) * 0.5 + p.detach() * 0.25
        opt.step()
    print(name)
    print(" ", [f"{v:.6f}" for v in w.flatten().tolist()])
    print(" ", [f"{v:.6f}" for v in b.tolist()])

# float64 parameters take the same formulas in double precision.
torch.manual_seed(0)
w = nn.Parameter(torch.randn(4, dtype=torch.float64))
for make in (lambda ps: optim.AdamW(ps, lr=0.1), lambda ps: optim.RMSprop(ps, momentum=0.9, centered=True), lambda ps: optim.Adagrad(ps, lr_decay=0.1)):
    opt = make([w])
    for step in range(5):
        w.grad = torch.randn(4, dtype=torch.float64)
        opt.step()
    print([f"{v:.6f}" for v in w.tolist()])

# The state PyTorch keeps per parameter.
opt = optim.RMSprop([w], momentum=0.9, centered=True)
w.grad = torch.ones(4, dtype=torch.float64)
opt.step()
print(sorted(opt.state[w].keys()), opt.state[w]["step"])
opt = optim.Adagrad([w], initial_accumulator_value=0.5)
print(sorted(opt.state[w].keys()), opt.state[w]["step"], opt.state[w]["sum"])
