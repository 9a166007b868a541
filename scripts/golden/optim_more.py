"""Golden data for the optimizers and schedulers added in engine/optim
(AdamW, RMSprop, Adagrad; CosineAnnealingLR's cos), from real PyTorch.

Run: /work/main/.venv-torch/bin/python scripts/golden/optim_more.py
Writes test/golden/optim-more.json. Float32 values are stored exactly.

PyTorch's float32 sqrt on this build is MKL's vsSqrt (VML_HA): within
0.75 ulp but not correctly rounded (about 20% of results are 1 ulp off the
correctly rounded one, whatever ATEN_CPU_CAPABILITY says), while the engine
rounds sqrt correctly. So each trajectory is stored twice:
  "torch":   torch.optim's own result;
  "cr_sqrt": the same single-tensor update written out with the same ATen
             in-place ops (lerp_, addcmul_, addcdiv_, ...), sqrt replaced by a
             correctly rounded one. The script first checks that the written-
             out update with torch.sqrt reproduces torch.optim bit for bit, so
             it is PyTorch's update; the engine must match "cr_sqrt" exactly.
"""
import math
import os

os.environ.setdefault("ATEN_CPU_CAPABILITY", "avx2")
os.environ.setdefault("OMP_NUM_THREADS", "1")

import json
import mpmath
import torch
from torch import optim

torch.set_num_threads(1)
OUT = os.path.join(os.path.dirname(__file__), "..", "..", "test", "golden", "optim-more.json")

CONFIGS = [
    "AdamW(lr=0.01)",
    "AdamW(lr=0.02,betas=(0.8,0.99),weight_decay=0.1,amsgrad=True)",
    "RMSprop(lr=0.01)",
    "RMSprop(lr=0.005,alpha=0.9,centered=True)",
    "RMSprop(lr=0.005,alpha=0.3,momentum=0.9,centered=True,weight_decay=0.01)",
    "RMSprop(lr=0.002,momentum=0.5,eps=1e-06)",
    "Adagrad(lr=0.1)",
    "Adagrad(lr=0.1,lr_decay=0.01,initial_accumulator_value=0.1,weight_decay=0.01)",
]


def cr_sqrt(t):
    # float64 sqrt is correctly rounded, and rounding it to float32 is too
    # (double rounding cannot hurt a square root).
    return t.double().sqrt().to(t.dtype)


def written_out(cfg, p, grads, sqrt):
    """The single-tensor update of torch/optim/{adam,rmsprop,adagrad}.py
    (foreach=False, capturable=False) for one parameter, op for op."""
    name, args = cfg.split("(", 1)
    kw = eval("dict(" + args)
    p = p.clone()
    out = []
    st = {}
    for step, grad in enumerate(grads, 1):
        if name == "AdamW":
            lr, wd = kw.get("lr", 1e-3), kw.get("weight_decay", 1e-2)
            b1, b2 = kw.get("betas", (0.9, 0.999))
            eps, ams = kw.get("eps", 1e-8), kw.get("amsgrad", False)
            if not st:
                st = {"m": torch.zeros_like(p), "v": torch.zeros_like(p), "mx": torch.zeros_like(p)}
            p.mul_(1 - lr * wd)
            st["m"].lerp_(grad, 1 - b1)
            st["v"].mul_(b2).addcmul_(grad, grad, value=1 - b2)
            bc1, bc2 = 1 - b1 ** step, 1 - b2 ** step
            v = st["v"]
            if ams:
                torch.maximum(st["mx"], st["v"], out=st["mx"])
                v = st["mx"]
            denom = (sqrt(v) / bc2 ** 0.5).add_(eps)
            p.addcdiv_(st["m"], denom, value=-(lr / bc1))
        elif name == "RMSprop":
            lr, alpha, eps = kw.get("lr", 1e-2), kw.get("alpha", 0.99), kw.get("eps", 1e-8)
            wd, mom, centered = kw.get("weight_decay", 0), kw.get("momentum", 0), kw.get("centered", False)
            if not st:
                st = {"sq": torch.zeros_like(p), "buf": torch.zeros_like(p), "ga": torch.zeros_like(p)}
            g = grad.add(p, alpha=wd) if wd != 0 else grad
            st["sq"].mul_(alpha).addcmul_(g, g, value=1 - alpha)
            if centered:
                st["ga"].lerp_(g, 1 - alpha)
                avg = sqrt(st["sq"].addcmul(st["ga"], st["ga"], value=-1))
            else:
                avg = sqrt(st["sq"])
            avg = avg.add_(eps)
            if mom > 0:
                st["buf"].mul_(mom).addcdiv_(g, avg)
                p.add_(st["buf"], alpha=-lr)
            else:
                p.addcdiv_(g, avg, value=-lr)
        else:
            lr, lr_decay, wd = kw.get("lr", 1e-2), kw.get("lr_decay", 0), kw.get("weight_decay", 0)
            eps = kw.get("eps", 1e-10)
            if not st:
                st = {"sum": torch.full_like(p, kw.get("initial_accumulator_value", 0))}
            g = grad.add(p, alpha=wd) if wd != 0 else grad
            clr = lr / (1 + (step - 1) * lr_decay)
            st["sum"].addcmul_(g, g, value=1)
            std = sqrt(st["sum"]).add_(eps)
            p.addcdiv_(g, std, value=-clr)
        out.append(p.tolist())
    return out


def trajectories():
    torch.manual_seed(0)
    # Half the parameters small next to updates of ~lr, so that the bits of p
    # are the bits of the update and a wrong rounding in it shows.
    p0 = torch.randn(129) * torch.where(torch.arange(129) % 2 == 0, 1.0, 1e-3)
    grads = [torch.randn(129) * 0.5 for _ in range(6)]
    out = {}
    for cfg in CONFIGS:
        p = torch.nn.Parameter(p0.clone())
        opt = eval("optim." + cfg.replace("(", "([p],", 1))
        steps = []
        for g in grads:
            p.grad = g.clone()
            opt.step()
            steps.append(p.detach().tolist())
        assert written_out(cfg, p0, grads, torch.sqrt) == steps, cfg
        out[cfg] = {"torch": steps, "cr_sqrt": written_out(cfg, p0, grads, cr_sqrt), "state_keys": sorted(opt.state[p].keys())}
    return {"param0": p0.tolist(), "grads": [g.tolist() for g in grads], "trajectories": out}


def cosines():
    mpmath.mp.prec = 200
    xs = []
    for T in range(1, 31):
        for e in range(0, 2 * T + 1):
            xs += [e * math.pi / T, math.pi * e / T]
        xs.append(math.pi / T)
    torch.manual_seed(1)
    xs += (torch.rand(200, dtype=torch.float64) * 40 - 20).tolist()
    return [{"x": x, "glibc": math.cos(x), "correct": float(mpmath.cos(mpmath.mpf(x)))} for x in xs]


data = {"optim": trajectories(), "cos": cosines(), "meta": {"torch": torch.__version__, "generator": "scripts/golden/optim_more.py"}}
with open(OUT, "w") as f:
    json.dump(data, f)
print("wrote", OUT)
